import { describe, expect, it } from 'vitest'
import { GENDERS, findGender, genderCodeOf } from './gender.js'

describe('sex codes (GB/T 2261.1-2003)', () => {
  it.each([
    ['0', '未知的性别'],
    ['1', '男性'],
    ['2', '女性'],
    ['9', '未说明的性别'],
  ])('%s is %s', (code, name) => {
    expect(findGender(code)).toEqual({ code, name })
  })

  it('has exactly four codes', () => {
    expect(GENDERS.map((gender) => gender.code)).toEqual(['0', '1', '2', '9'])
  })

  it.each(['3', '5', '6', '01', '男', ''])('%j is not a code', (code) => {
    expect(findGender(code)).toBeUndefined()
  })

  it.each([
    ['male', '1'],
    ['female', '2'],
  ] as const)('a resident ID that says %s has code %s', (gender, code) => {
    expect(genderCodeOf(gender)).toBe(code)
  })
})

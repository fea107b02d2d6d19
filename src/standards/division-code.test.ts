import { describe, expect, it } from 'vitest'
import { countyCode, findDivision } from './division-code.js'

describe('division codes (GB/T 2260)', () => {
  it.each([
    ['210000', '辽宁省', 'province'],
    ['210100', '沈阳市', 'prefecture'],
    ['210102', '和平区', 'county'],
    ['210112', '浑南区', 'county'],
    ['210181', '新民市', 'county'],
    ['210102000000', '和平区', 'county'],
  ])('%s is %s (%s)', (code, name, level) => {
    expect(findDivision(code)).toMatchObject({ name, level })
  })

  it.each(['21010', '2101020', 'abcdef', '', '219999'])('%s is not a current division', (code) => {
    expect(findDivision(code)).toBeUndefined()
  })

  it('normalises the 12-digit statistical form to the county', () => {
    expect(countyCode(' 210102001001 ')).toBe('210102')
    expect(countyCode('21010200100')).toBeUndefined()
  })
})

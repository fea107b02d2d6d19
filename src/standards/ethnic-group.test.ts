import { describe, expect, it } from 'vitest'
import { ETHNIC_GROUPS, findEthnicGroup } from './ethnic-group.js'

describe('ethnic groups (GB/T 3304-1991)', () => {
  it.each([
    ['01', '汉族'],
    ['02', '蒙古族'],
    ['10', '朝鲜族'],
    ['11', '满族'],
    ['30', '土族'],
    ['38', '锡伯族'],
    ['46', '德昂族'],
    ['56', '基诺族'],
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ])('%s is %s', (code, name) => {
    expect(findEthnicGroup(code)).toEqual({ code, name })
  })

  it('has the 56 groups, 01 to 56, each a distinct 族', () => {
    const groups = ETHNIC_GROUPS.filter((group) => Number(group.code) <= 56)
    expect(groups.map((group) => group.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')))
    expect(groups.every((group) => group.name.endsWith('族'))).toBe(true)
    expect(new Set(groups.map((group) => group.name)).size).toBe(56)
    expect(ETHNIC_GROUPS).toHaveLength(58)
  })

  it.each(['00', '1', '001', '57', '96', '99', 'HA', '汉族', ''])('%j is not a code', (code) => {
    expect(findEthnicGroup(code)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { findAddressCode } from './division-history.js'

describe('address codes, current and retired (GB/T 2260 since 1980)', () => {
  it.each([
    ['210102', '和平区'],
    ['210112', '浑南区'],
    ['210115', '辽中区'],
    ['210100', '沈阳市'],
    ['210000', '辽宁省'],
  ])('%s is current: %s', (code, name) => {
    expect(findAddressCode(code)).toEqual({ code, name, retired: false })
  })

  it.each([
    ['210122', '辽中县', '2016-03'],
    ['230702', '伊春区', '2019-04'],
    ['210121', '新民县', '1992-12'],
    ['110103', '崇文区', '2009-12'],
  ])('%s is retired: %s, last listed %s', (code, name, lastSeen) => {
    expect(findAddressCode(code)).toEqual({ code, name, retired: true, lastSeen })
  })

  it.each(['999999', '210199', '21010', '2101020', '21010a', ''])('%j is not an address code', (code) => {
    expect(findAddressCode(code)).toBeUndefined()
  })
})

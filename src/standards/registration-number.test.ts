import { describe, expect, it } from 'vitest'
import { parseCreditCode } from './credit-code.js'
import {
  creditCodeFromOrganisationCode,
  isOrganisationCode,
  parseOrganisationCode,
  parseRegistrationNumber,
  registrationCheckDigit,
} from './registration-number.js'

// The check digits were computed independently (a separate MOD 11,10 implementation that checks
// the whole number reduces to 1).
describe('business registration numbers (GS 15-2006)', () => {
  it.each([
    // the example of GS 15-2006 itself
    ['11010800000001', '6'],
    ['21010200000000', '1'],
    ['21010220000000', '6'],
    ['21010240000000', '8'],
    ['21010260000000', '2'],
    ['21010210123456', '8'],
    ['21011400012345', '6'],
    ['21018160012345', '0'],
    ['21012200098765', '4'],
    ['10000040000001', '9'],
    ['21010221999999', '4'],
  ])('the check digit of %s is %s', (first14, check) => {
    expect(registrationCheckDigit(first14)).toBe(check)
    expect(parseRegistrationNumber(first14 + check).valid).toBe(true)
  })

  it.each(['1101080000000', '110108000000016', '11010800000A01'])('registrationCheckDigit refuses %j', (first14) => {
    expect(() => registrationCheckDigit(first14)).toThrow(RangeError)
  })

  it.each([
    ['110108000000016', '110108', 'domestic'],
    [' 2101０2200000006 ', '210102', 'domestic'],
    ['210102400000008', '210102', 'foreign'],
    ['210181600123450', '210181', 'individual'],
    ['210122000987654', '210122', 'domestic'],
  ] as const)('parses %j: authority %s, %s', (input, authorityCode, kind) => {
    const result = parseRegistrationNumber(input)
    expect(result).toEqual({ valid: true, number: input.replace(/\s/g, '').replace('０', '0'), authorityCode, kind })
  })

  it.each([
    ['', 'empty', '未填写注册号'],
    ['   ', 'empty', '未填写注册号'],
    ['11010800000001', 'length', '15 digits, not 14'],
    ['1101080000000160', 'length', '注册号应为15位'],
    ['11010800000A016', 'characters', 'character 12 (A)'],
    ['110108000000017', 'check', 'should be 6, not 7'],
    ['110108000000061', 'check', '校验码错误'],
    ['210102200000001', 'check', 'should be 6, not 1'],
  ])('refuses %j as %s', (input, reason, message) => {
    const result = parseRegistrationNumber(input)
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.reason).toBe(reason)
      expect(result.message).toContain(message)
    }
  })

  it('catches every single mistyped digit of a valid number', () => {
    const number = '210102101234568'
    for (let i = 0; i < 15; i++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === number.charAt(i)) continue
        const typo = number.slice(0, i) + digit + number.slice(i + 1)
        expect(parseRegistrationNumber(typo).valid, typo).toBe(false)
      }
    }
  })
})

describe('organisation codes (GB 11714-1997)', () => {
  it.each([
    // the example of GB 11714-1997
    ['D2143569-X', 'D2143569X'],
    ['d2143569-x', 'D2143569X'],
    ['D2143569X', 'D2143569X'],
    [' ７１３５５５５６－７ ', '713555567'],
    ['MA0P4Q7K-0', 'MA0P4Q7K0'],
    ['12345670-2', '123456702'],
    ['00000001-9', '000000019'],
    ['ABCDEFGI-3', 'ABCDEFGI3'],
  ])('parses %j as %s', (input, code) => {
    expect(parseOrganisationCode(input)).toEqual({ valid: true, code })
    expect(isOrganisationCode(input)).toBe(true)
  })

  it.each([
    ['', 'empty', '未填写组织机构代码'],
    ['D2143569', 'length', 'not 8'],
    ['D2143569-XX', 'length', '组织机构代码应为9位'],
    ['D214356-9X', 'length', 'not 10'],
    ['D21435#9-X', 'characters', 'character 7 (#)'],
    ['D2143569-A', 'characters', 'the check character is a digit or X'],
    ['D2143569-1', 'check', 'should be X, not 1'],
    ['12345670-3', 'check', '校验码错误，应为2'],
  ])('refuses %j as %s', (input, reason, message) => {
    const result = parseOrganisationCode(input)
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.reason).toBe(reason)
      expect(result.message).toContain(message)
    }
    expect(isOrganisationCode(input)).toBe(false)
  })
})

describe('creditCodeFromOrganisationCode', () => {
  it.each([
    // the example of GB 32100-2015
    ['M000100Y-4', '91350100', '91350100M000100Y43'],
    ['MA0P4Q7K0', '91210102', '91210102MA0P4Q7K0D'],
    ['12345670-2', '92210122', undefined],
    ['41001234-6', '12210100', '12210100410012346W'],
    ['D2143569-X', '51210102', undefined],
  ])('embeds %s after %s', (organisationCode, first8, expected) => {
    const code = creditCodeFromOrganisationCode(organisationCode, first8)
    if (expected !== undefined) expect(code).toBe(expected)
    const parsed = parseCreditCode(code)
    expect(parsed.valid).toBe(true)
    if (parsed.valid) expect(parsed.organisationCode).toBe(organisationCode.replace('-', ''))
    expect(code.slice(0, 8)).toBe(first8)
  })

  it.each([
    ['D2143569-1', '91350100', '校验码错误'],
    ['ABCDEFGI-3', '91350100', 'holds I'],
    ['SOVZ1234-2', '91350100', 'holds S'],
    ['M000100Y-4', '9135010', 'division code'],
  ])('refuses %s after %s', (organisationCode, first8, message) => {
    expect(() => creditCodeFromOrganisationCode(organisationCode, first8)).toThrow(message)
  })
})

import { describe, expect, it } from 'vitest'
import { CREDIT_CODE_CHARACTERS, creditCodeCheckCharacter, isValidCreditCode, makeCreditCode, normaliseCreditCode, parseCreditCode } from './credit-code.js'
import { organisationCheckCharacter } from './organisation-code.js'

// Built with makeCreditCode; the expected values were computed independently.
const CODE = '91210102MA0P4Q7K0D'

describe('organisation codes (GB 11714-1997)', () => {
  it.each([
    ['60003734', '1'],
    ['MA0P4Q7K', '0'],
    ['MA0P4Q73', '1'],
    ['MA0P4Q74', 'X'],
    ['12345670', '2'],
    ['00000000', '0'],
    // GB 11714 itself allows every letter, I and O included
    ['ABCDEFGI', '3'],
  ])('the check character of %s is %s', (body, check) => {
    expect(organisationCheckCharacter(body)).toBe(check)
  })

  it.each(['1234567', '123456789', 'abcdefgh', '1234567-'])('refuses the body %j', (body) => {
    expect(() => organisationCheckCharacter(body)).toThrow(RangeError)
  })
})

describe('unified social credit codes (GB 32100-2015)', () => {
  it.each([
    ['91110000600037341', 'L'],
    ['91210102MA0P4Q7K0', 'D'],
    ['Y1210103000000000', '0'],
  ])('the check character of %s is %s', (first17, check) => {
    expect(creditCodeCheckCharacter(first17)).toBe(check)
  })

  it.each(['9111000060003734', '911100006000373I1', '91110000600037341L'])('creditCodeCheckCharacter refuses %j', (first17) => {
    expect(() => creditCodeCheckCharacter(first17)).toThrow(RangeError)
  })

  it.each([
    ['91110000', '60003734', '91110000600037341L'],
    // the example of GB 32100-2015 itself
    ['91350100', 'M000100Y', '91350100M000100Y43'],
    ['91210102', 'MA0P4Q7K', '91210102MA0P4Q7K0D'],
    ['52210100', 'MJ0123AB', '52210100MJ0123AB34'],
    ['12210100', '41001234', '12210100410012346W'],
    ['92210122', 'L1234567', '92210122L123456745'],
    ['93210181', 'MA0UR3TX', '93210181MA0UR3TX4C'],
    ['51210000', '12345678', '51210000123456788G'],
    ['Y1210103', '00000000', 'Y12101030000000000'],
  ])('makeCreditCode(%s, %s) is %s', (first8, body, code) => {
    expect(makeCreditCode(first8, body)).toBe(code)
  })

  it.each([
    ['9121010', 'MA0P4Q7K'],
    ['9121010A', 'MA0P4Q7K'],
    ['I1210102', 'MA0P4Q7K'],
    ['91210102', 'MA0P4Q7'],
    ['91210102', 'MA0P4Q7O'],
  ])('makeCreditCode refuses %s + %s', (first8, body) => {
    expect(() => makeCreditCode(first8, body)).toThrow(RangeError)
  })

  it.each([
    // the example of GB 32100-2015 itself
    ['91350100M000100Y43', '9', '市场监管', { code: '1', name: '企业' }, '350100', '福州市', 'M000100Y4'],
    // publicly printed (python-stdnum's example), checked with this implementation
    ['91110000600037341L', '9', '市场监管', { code: '1', name: '企业' }, '110000', '北京市', '600037341'],
    [CODE, '9', '市场监管', { code: '1', name: '企业' }, '210102', '和平区', 'MA0P4Q7K0'],
    ['92210122L123456745', '9', '市场监管', { code: '2', name: '个体工商户' }, '210122', undefined, 'L12345674'],
    ['93210181MA0UR3TX4C', '9', '市场监管', { code: '3', name: '农民专业合作社' }, '210181', '新民市', 'MA0UR3TX4'],
    ['12210100410012346W', '1', '机构编制', { code: '2', name: '事业单位' }, '210100', '沈阳市', '410012346'],
    ['52210100MJ0123AB34', '5', '民政', { code: '2', name: '民办非企业单位' }, '210100', '沈阳市', 'MJ0123AB3'],
    ['51210000123456788G', '5', '民政', { code: '1', name: '社会团体' }, '210000', '辽宁省', '123456788'],
    ['Y12101030000000000', 'Y', '其他', { code: '1', name: '其他' }, '210103', '沈河区', '000000000'],
    ['A1100000123456788G', 'A', '中央军委改革和编制办公室', undefined, '100000', undefined, '123456788'],
    ['N2210124000123457U', 'N', '农业', undefined, '210124', '法库县', '000123457'],
    // a known authority with a type this module does not name, and an unknown division: still valid
    ['94210102MA0P4Q7K04', '9', '市场监管', undefined, '210102', '和平区', 'MA0P4Q7K0'],
    ['91999999MA0P4Q7K0N', '9', '市场监管', { code: '1', name: '企业' }, '999999', undefined, 'MA0P4Q7K0'],
  ])('%s is valid: authority %s %s', (code, authorityCode, authorityName, entityType, divisionCode, divisionName, organisationCode) => {
    expect(parseCreditCode(code)).toEqual({
      valid: true,
      code,
      authority: { code: authorityCode, name: authorityName },
      entityType,
      divisionCode,
      divisionName,
      organisationCode,
    })
  })

  it.each([
    [' 91210102MA0P4Q7K0D ', CODE],
    ['91 210102 MA0P4Q7K0 D', CODE],
    ['９１２１０１０２ＭＡ０Ｐ４Ｑ７Ｋ０Ｄ', CODE],
    ['９１２１０１０２\u3000ｍａ０ｐ４ｑ７ｋ０ｄ', CODE],
    ['91210102ma0p4q7k0d', CODE],
  ])('normalises %j to %s', (input, code) => {
    expect(normaliseCreditCode(input)).toBe(code)
    expect(parseCreditCode(input)).toMatchObject({ valid: true, code })
  })

  const substitutions = [...CODE].map((char, i) => {
    const pool = i >= 2 && i < 8 ? '0123456789' : CREDIT_CODE_CHARACTERS
    const other = pool.charAt((pool.indexOf(char) + 1) % pool.length)
    return [i + 1, CODE.slice(0, i) + other + CODE.slice(i + 1)] as const
  })
  it.each(substitutions)('changing character %i (%s) fails the check', (_position, code) => {
    expect(parseCreditCode(code)).toMatchObject({ valid: false, reason: 'check' })
  })

  it.each([
    ['', 'empty', '未填写'],
    ['  ', 'empty', '未填写'],
    ['91210102MA0P4Q7K0', 'length', 'not 17'],
    ['91210102MA0P4Q7K0DD', 'length', 'not 19'],
    ['91210102IA0P4Q7K0D', 'characters', 'character 9 (I)'],
    ['91210102MO0P4Q7K0D', 'characters', 'character 10 (O)'],
    ['91210102MA0S4Q7K0D', 'characters', 'character 12 (S)'],
    ['V1210102MA0P4Q7K0D', 'characters', 'character 1 (V)'],
    ['91210102MA0P4Q7K0Z', 'characters', 'character 18 (Z)'],
    ['91210102ma0p4q7i0d', 'characters', 'character 16 (I)'],
    ['9121010AMA0P4Q7K0D', 'characters', 'digits only'],
    ['91210102MA0P4Q7K-D', 'characters', 'character 17 (-)'],
    ['91210102MA0P4Q7K0C', 'check', 'should be D, not C'],
    // the organisation code's own check character is wrong, the final one recomputed
    ['91210102MA0P4Q7K1G', 'organisation-check', 'should end in 0, not 1'],
    ['B1210100123456788F', 'authority', 'B is not'],
  ])('%j is invalid: %s', (input, reason, message) => {
    const result = parseCreditCode(input)
    expect(result).toMatchObject({ valid: false, reason })
    expect(result.valid === false && result.message).toContain(message)
    expect(result.valid === false && result.message).toMatch(/\(.*[\u4e00-\u9fff].*\)$/)
  })

  it('every code makeCreditCode builds is valid', () => {
    const bodies = Array.from({ length: 200 }, (_, n) =>
      Array.from({ length: 8 }, (_, i) => CREDIT_CODE_CHARACTERS.charAt((n * 7 + i * 13 + n * i) % 31)).join(''),
    )
    for (const body of bodies) expect(parseCreditCode(makeCreditCode('91210102', body)).valid).toBe(true)
  })

  it('isValidCreditCode agrees with parseCreditCode', () => {
    expect(isValidCreditCode('91110000600037341l')).toBe(true)
    expect(isValidCreditCode('91110000600037341M')).toBe(false)
  })
})

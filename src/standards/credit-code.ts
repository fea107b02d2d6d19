import { findDivision } from './division-code.js'
import { toHalfWidth } from './half-width.js'
import { organisationCheckCharacter } from './organisation-code.js'

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015), 18 characters: registering
 * authority (1), entity type (1), division code of the registering office (6), organisation code
 * per GB 11714 (9) and a check character (1).
 */
export type CreditCodeError = 'empty' | 'length' | 'characters' | 'check' | 'organisation-check' | 'authority'

export interface CodeAndName {
  readonly code: string
  readonly name: string
}

export interface ValidCreditCode {
  readonly valid: true
  readonly code: string
  readonly authority: CodeAndName
  /** Undefined when the type is not one this module knows for the authority. */
  readonly entityType: CodeAndName | undefined
  readonly divisionCode: string
  /** Undefined when the division is not a current one (the code stays valid). */
  readonly divisionName?: string
  /** Characters 9–17, the GB 11714 organisation code with its own check character. */
  readonly organisationCode: string
}

export interface InvalidCreditCode {
  readonly valid: false
  readonly reason: CreditCodeError
  /** English, with the Chinese in brackets. */
  readonly message: string
}

export type CreditCodeResult = ValidCreditCode | InvalidCreditCode

/** The 31 characters of the code, in value order: no I, O, S, V or Z. */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

// 3^(i−1) mod 31 for positions 1..17
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

interface Authority {
  readonly name: string
  readonly entityTypes: Readonly<Record<string, string>>
}

const AUTHORITIES: Readonly<Record<string, Authority>> = {
  '1': { name: '机构编制', entityTypes: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', entityTypes: {} },
  '3': { name: '司法行政', entityTypes: {} },
  '4': { name: '文化', entityTypes: {} },
  '5': { name: '民政', entityTypes: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', entityTypes: {} },
  '7': { name: '宗教', entityTypes: {} },
  '8': { name: '工会', entityTypes: {} },
  // GB 32100-2015 says 工商; market regulation took over the registration of businesses in 2018.
  '9': { name: '市场监管', entityTypes: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', entityTypes: {} },
  N: { name: '农业', entityTypes: {} },
  Y: { name: '其他', entityTypes: { '1': '其他' } },
}

/**
 * Trims, removes spaces (also full-width ones), folds full-width characters to ASCII and upper-cases.
 *
 * @example
 * normaliseCreditCode(' ９１１１０ 000600037341l') // '91110000600037341L'
 */
export function normaliseCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s/g, '').toUpperCase()
}

function valueOf(char: string): number {
  return CREDIT_CODE_CHARACTERS.indexOf(char)
}

/**
 * The check character (18th) for the first 17 characters of a credit code.
 *
 * @example
 * creditCodeCheckCharacter('91110000600037341') // 'L'
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (!/^[0-9A-HJ-NP-RTUWXY]{17}$/.test(first17)) {
    throw new RangeError(`creditCodeCheckCharacter takes 17 characters from ${CREDIT_CODE_CHARACTERS}`)
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += valueOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0)
  return CREDIT_CODE_CHARACTERS.charAt((31 - (sum % 31)) % 31)
}

/**
 * Completes a credit code from its first 8 characters (authority, entity type, division code)
 * and the 8 body characters of its organisation code, adding both check characters.
 *
 * @example
 * makeCreditCode('91110000', '60003734') // '91110000600037341L'
 */
export function makeCreditCode(first8: string, organisationBody8: string): string {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}$/.test(first8)) {
    throw new RangeError('the first 8 characters are the authority, the entity type and a 6-digit division code')
  }
  if (!/^[0-9A-HJ-NP-RTUWXY]{8}$/.test(organisationBody8)) {
    throw new RangeError(`an organisation code body in a credit code is 8 characters from ${CREDIT_CODE_CHARACTERS}`)
  }
  const first17 = first8 + organisationBody8 + organisationCheckCharacter(organisationBody8)
  return first17 + creditCodeCheckCharacter(first17)
}

function invalid(reason: CreditCodeError, message: string): InvalidCreditCode {
  return { valid: false, reason, message }
}

/**
 * Normalises and validates a unified social credit code. A mistyped character is reported as
 * 'check' before the organisation code's own check is looked at.
 *
 * @example
 * parseCreditCode('91110000600037341L')
 * // { valid: true, code: '91110000600037341L', authority: { code: '9', name: '市场监管' },
 * //   entityType: { code: '1', name: '企业' }, divisionCode: '110000', divisionName: '北京市',
 * //   organisationCode: '600037341' }
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input)
  if (code === '') return invalid('empty', 'no unified social credit code given (未填写统一社会信用代码)')
  if (code.length !== 18) return invalid('length', `a unified social credit code has 18 characters, not ${code.length} (统一社会信用代码应为18位)`)

  const wrong = [...code].findIndex((char, i) => (i >= 2 && i < 8 ? !/\d/.test(char) : valueOf(char) < 0))
  if (wrong >= 0) {
    const rule = wrong >= 2 && wrong < 8 ? 'characters 3–8 are a division code, digits only' : 'only 0–9 and A–Z without I, O, S, V and Z are allowed'
    return invalid('characters', `character ${wrong + 1} (${code.charAt(wrong)}) is not allowed: ${rule} (含有不允许的字符)`)
  }

  const expected = creditCodeCheckCharacter(code.slice(0, 17))
  if (code.charAt(17) !== expected) {
    return invalid('check', `the check character (the last one) should be ${expected}, not ${code.charAt(17)} (校验码错误，应为${expected})`)
  }

  const organisationCode = code.slice(8, 17)
  const organisationCheck = organisationCheckCharacter(organisationCode.slice(0, 8))
  if (organisationCode.charAt(8) !== organisationCheck) {
    return invalid(
      'organisation-check',
      `the organisation code (characters 9–17) should end in ${organisationCheck}, not ${organisationCode.charAt(8)} (组织机构代码校验码错误，应为${organisationCheck})`,
    )
  }

  const authorityCode = code.charAt(0)
  const authority = AUTHORITIES[authorityCode]
  if (authority === undefined) {
    return invalid('authority', `${authorityCode} is not a registering authority of GB 32100 (登记管理部门代码无效)`)
  }
  const entityTypeCode = code.charAt(1)
  const entityTypeName = authority.entityTypes[entityTypeCode]
  const divisionCode = code.slice(2, 8)
  return {
    valid: true,
    code,
    authority: { code: authorityCode, name: authority.name },
    entityType: entityTypeName === undefined ? undefined : { code: entityTypeCode, name: entityTypeName },
    divisionCode,
    divisionName: findDivision(divisionCode)?.name,
    organisationCode,
  }
}

/**
 * Whether the input is a valid unified social credit code (see {@link parseCreditCode}).
 *
 * @example
 * isValidCreditCode('91110000600037341L') // true
 * isValidCreditCode('91110000600037341M') // false
 */
export function isValidCreditCode(input: string): boolean {
  return parseCreditCode(input).valid
}

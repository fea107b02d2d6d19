import { CREDIT_CODE_CHARACTERS, makeCreditCode } from './credit-code.js'
import { toHalfWidth } from './half-width.js'
import { organisationCheckCharacter } from './organisation-code.js'

/**
 * The identifiers that came before the unified social credit code, still found in old records:
 * the 15-digit business registration number (工商注册号, GS 15-2006, 工商行政管理市场主体注册号编制规则)
 * and the 9-character organisation code (组织机构代码, GB 11714-1997), which lives on as
 * characters 9–17 of a credit code.
 */

export type RegistrationNumberError = 'empty' | 'length' | 'characters' | 'check'

/**
 * What the first digit of the sequence says (GS 15-2006, 4.3): 0–3 domestic enterprises, 4–5
 * foreign-invested enterprises, 6–9 individual businesses (个体工商户).
 */
export type RegistrationKind = 'domestic' | 'foreign' | 'individual'

export interface ValidRegistrationNumber {
  readonly valid: true
  /** The normalised 15 digits. */
  readonly number: string
  /** Digits 1–6: the code of the office that first registered the subject, a division code (100000 for the national office). */
  readonly authorityCode: string
  readonly kind: RegistrationKind
}

export interface InvalidIdentifier<Reason extends string> {
  readonly valid: false
  readonly reason: Reason
  /** English, with the Chinese in brackets. */
  readonly message: string
}

export type RegistrationNumberResult = ValidRegistrationNumber | InvalidIdentifier<RegistrationNumberError>

function normalise(input: string): string {
  return toHalfWidth(input).replace(/\s/g, '').toUpperCase()
}

/**
 * The check digit (15th) of a registration number, by ISO 7064 MOD 11,10 (GB/T 17710): a digit
 * that brings the running value to 1.
 *
 * @example
 * registrationCheckDigit('11010800000001') // '6'
 */
export function registrationCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new RangeError('registrationCheckDigit takes the first 14 digits of a registration number')
  let product = 10
  for (let i = 0; i < 14; i++) {
    // MOD 11,10 writes a sum of 0 (mod 10) as 10, so the product never becomes 0.
    product = (((product + Number(first14.charAt(i))) % 10 || 10) * 2) % 11
  }
  return String((11 - product) % 10)
}

/**
 * Normalises and validates a 15-digit business registration number.
 *
 * @example
 * parseRegistrationNumber('110108000000016')
 * // { valid: true, number: '110108000000016', authorityCode: '110108', kind: 'domestic' }
 */
export function parseRegistrationNumber(input: string): RegistrationNumberResult {
  const number = normalise(input)
  if (number === '') return { valid: false, reason: 'empty', message: 'no registration number given (未填写注册号)' }
  if (number.length !== 15) {
    return { valid: false, reason: 'length', message: `a registration number has 15 digits, not ${number.length} (注册号应为15位)` }
  }
  const wrong = number.search(/\D/)
  if (wrong >= 0) {
    return {
      valid: false,
      reason: 'characters',
      message: `character ${wrong + 1} (${number.charAt(wrong)}) is not a digit: a registration number has digits only (注册号只能包含数字)`,
    }
  }
  const expected = registrationCheckDigit(number.slice(0, 14))
  if (number.charAt(14) !== expected) {
    return {
      valid: false,
      reason: 'check',
      message: `the check digit (the last one) should be ${expected}, not ${number.charAt(14)} (校验码错误，应为${expected})`,
    }
  }
  const first = Number(number.charAt(6))
  return { valid: true, number, authorityCode: number.slice(0, 6), kind: first <= 3 ? 'domestic' : first <= 5 ? 'foreign' : 'individual' }
}

export type OrganisationCodeError = 'empty' | 'length' | 'characters' | 'check'

export interface ValidOrganisationCode {
  readonly valid: true
  /** The 9 characters without the hyphen: 8 body characters and the check character. */
  readonly code: string
}

export type OrganisationCodeResult = ValidOrganisationCode | InvalidIdentifier<OrganisationCodeError>

/**
 * Normalises and validates an organisation code, written 'XXXXXXXX-X' (as on the certificate)
 * or 'XXXXXXXXX'.
 *
 * @example
 * parseOrganisationCode('d2143569-x') // { valid: true, code: 'D2143569X' }
 */
export function parseOrganisationCode(input: string): OrganisationCodeResult {
  const text = normalise(input)
  if (text === '') return { valid: false, reason: 'empty', message: 'no organisation code given (未填写组织机构代码)' }
  const code = text.length === 10 && text.charAt(8) === '-' ? text.slice(0, 8) + text.charAt(9) : text
  if (code.length !== 9) {
    return { valid: false, reason: 'length', message: `an organisation code has 9 characters (XXXXXXXX-X), not ${text.length} (组织机构代码应为9位)` }
  }
  const wrong = [...code].findIndex((char, i) => !(i < 8 ? /[0-9A-Z]/ : /[0-9X]/).test(char))
  if (wrong >= 0) {
    const rule = wrong < 8 ? 'the first 8 are digits or letters' : 'the check character is a digit or X'
    return {
      valid: false,
      reason: 'characters',
      message: `character ${wrong + 1} (${code.charAt(wrong)}) is not allowed: ${rule} (含有不允许的字符)`,
    }
  }
  const expected = organisationCheckCharacter(code.slice(0, 8))
  if (code.charAt(8) !== expected) {
    return {
      valid: false,
      reason: 'check',
      message: `the check character (the last one) should be ${expected}, not ${code.charAt(8)} (校验码错误，应为${expected})`,
    }
  }
  return { valid: true, code }
}

/**
 * Whether the input is a valid organisation code (see {@link parseOrganisationCode}).
 *
 * @example
 * isOrganisationCode('D2143569-X') // true
 * isOrganisationCode('D2143569-1') // false
 */
export function isOrganisationCode(input: string): boolean {
  return parseOrganisationCode(input).valid
}

/**
 * The credit code that embeds an organisation code, given the first 8 characters of the credit
 * code (authority, entity type, division code). Throws a RangeError for an invalid organisation
 * code, or one with I, O, S, V or Z, which a credit code cannot hold.
 *
 * @example
 * creditCodeFromOrganisationCode('M000100Y-4', '91350100') // '91350100M000100Y43'
 */
export function creditCodeFromOrganisationCode(organisationCode: string, first8: string): string {
  const parsed = parseOrganisationCode(organisationCode)
  if (!parsed.valid) throw new RangeError(parsed.message)
  const unusable = [...parsed.code].find((char) => !CREDIT_CODE_CHARACTERS.includes(char))
  if (unusable !== undefined) {
    throw new RangeError(`the organisation code ${parsed.code} holds ${unusable}, which a credit code cannot (统一社会信用代码不使用I、O、S、V、Z)`)
  }
  return makeCreditCode(first8, parsed.code.slice(0, 8))
}

import { findAddressCode, type AddressCode } from './division-history.js'
import { toHalfWidth } from './half-width.js'

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit address code, date of birth
 * YYYYMMDD, 3-digit sequence (odd for men) and a check character. The older 15-digit form has a
 * two-digit year (always 19xx) and no check character.
 */
export type ResidentIdError = 'empty' | 'length' | 'characters' | 'check' | 'birth-date' | 'future-birth-date' | 'address'

export interface ValidResidentId {
  readonly valid: true
  /** The normalised 18-character ID. */
  readonly id: string
  /** True when the input was a 15-digit ID and `id` is its 18-character form. */
  readonly converted: boolean
  readonly addressCode: string
  readonly addressName?: string
  /** The address code is no longer a current division (the ID keeps the code of first registration). */
  readonly addressRetired: boolean
  /** YYYY-MM-DD */
  readonly birthDate: string
  readonly gender: 'male' | 'female'
  readonly sequence: string
}

export interface InvalidResidentId {
  readonly valid: false
  readonly reason: ResidentIdError
  /** English, with the Chinese in brackets. */
  readonly message: string
}

export type ResidentIdResult = ValidResidentId | InvalidResidentId

export interface ResidentIdOptions {
  /** The day against which a date of birth counts as future; defaults to now. */
  readonly today?: Date
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'
const EARLIEST_BIRTH_DATE = '1890-01-01'
// Dates of birth are Chinese calendar days; China Standard Time has no daylight saving.
const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Trims and removes spaces (also full-width ones) and hyphens, folds full-width digits and letters
 * to ASCII and upper-cases the check character x.
 *
 * @example
 * normaliseResidentId(' ２１０１０２ 1990-0101 123ｘ ') // '21010219900101123X'
 */
const NORMAL_FORM = /^\d{17}[\dX]$/

export function normaliseResidentId(input: string): string {
  if (NORMAL_FORM.test(input)) return input
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase()
}

/**
 * The check character (0–9 or X) for the first 17 digits of an 18-character resident ID.
 *
 * @example
 * checkCharacter('11010519491231002') // 'X'
 */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharacter takes the first 17 digits of a resident ID')
  return checkOf(first17)
}

const ZERO = 0x30

/** The check character of the first 17 characters of `id`, which the caller has seen are digits. */
function checkOf(id: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - ZERO) * (WEIGHTS[i] as number)
  return CHECK_CHARACTERS.charAt(sum % 11)
}

/** The number that the digits `id[start, start + length)` spell. */
function digitsAt(id: string, start: number, length: number): number {
  let value = 0
  for (let i = start; i < start + length; i++) value = value * 10 + id.charCodeAt(i) - ZERO
  return value
}

// Address codes found, each looked up once: a few thousand at most, as only known codes are kept.
const addressCodes = new Map<string, AddressCode>()

function addressOf(code: string): AddressCode | undefined {
  let address = addressCodes.get(code)
  if (address === undefined) {
    address = findAddressCode(code)
    if (address !== undefined) addressCodes.set(code, address)
  }
  return address
}

function invalid(reason: ResidentIdError, message: string): InvalidResidentId {
  return { valid: false, reason, message }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Whether year-month-day is a real Gregorian calendar day (arithmetic only: this runs per row of large imports). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))
}

let today: { readonly date: string; readonly until: number } | undefined

function chinaDate(moment: Date | undefined): string {
  if (moment !== undefined) return new Date(moment.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10)
  // Today's date is worked out once a second, not once per ID.
  const now = Date.now()
  if (today === undefined || today.until <= now) today = { date: new Date(now + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10), until: now + 1000 }
  return today.date
}

/**
 * Normalises and validates a resident ID number (18 characters, or the older 15 digits, which are
 * converted to 18). Messages never repeat the number itself, since it is personal data.
 *
 * @example
 * parseResidentId('11010519491231002X')
 * // { valid: true, id: '11010519491231002X', converted: false, addressCode: '110105',
 * //   addressName: '朝阳区', addressRetired: false, birthDate: '1949-12-31', gender: 'female', sequence: '002' }
 * parseResidentId('11010519491231002Y')
 * // { valid: false, reason: 'characters', message: '…' }
 */
export function parseResidentId(input: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const normalised = normaliseResidentId(input)
  if (normalised === '') return invalid('empty', 'no resident ID number given (未填写身份证号码)')
  if (normalised.length !== 18 && normalised.length !== 15) {
    return invalid('length', `a resident ID number has 18 characters, or 15 in the old form, not ${normalised.length} (身份证号码应为18位或15位)`)
  }

  let id: string
  const converted = normalised.length === 15
  if (converted) {
    if (!/^\d{15}$/.test(normalised)) return invalid('characters', 'a 15-digit resident ID number has digits only (15位身份证号码只能由数字组成)')
    const first17 = `${normalised.slice(0, 6)}19${normalised.slice(6)}`
    id = first17 + checkOf(first17)
  } else {
    if (!NORMAL_FORM.test(normalised)) {
      return invalid('characters', 'a resident ID number has digits only, except that the last may be X (身份证号码只能由数字组成，末位可为X)')
    }
    const expected = checkOf(normalised)
    if (normalised[17] !== expected) {
      return invalid('check', `the check character (the last one) should be ${expected}, not ${normalised[17]} (校验码错误，应为${expected})`)
    }
    id = normalised
  }

  const year = digitsAt(id, 6, 4)
  const month = digitsAt(id, 10, 2)
  const day = digitsAt(id, 12, 2)
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (!isCalendarDate(year, month, day)) return invalid('birth-date', 'the date of birth is not a real calendar date (出生日期无效)')
  if (birthDate < EARLIEST_BIRTH_DATE) return invalid('birth-date', `the date of birth is before ${EARLIEST_BIRTH_DATE} (出生日期早于1890年1月1日)`)
  if (birthDate > chinaDate(options.today)) return invalid('future-birth-date', 'the date of birth is in the future (出生日期晚于当前日期)')

  const addressCode = id.slice(0, 6)
  const address = addressOf(addressCode)
  if (address === undefined) {
    return invalid('address', `${addressCode} is not a known address code, current or retired (GB/T 2260) (地址码不是已知的行政区划代码)`)
  }

  const sequence = id.slice(14, 17)
  return {
    valid: true,
    id,
    converted,
    addressCode,
    addressName: address.name,
    addressRetired: address.retired,
    birthDate,
    gender: digitsAt(sequence, 0, 3) % 2 === 1 ? 'male' : 'female',
    sequence,
  }
}

/**
 * Whether the input is a valid resident ID number (see {@link parseResidentId}).
 *
 * @example
 * isValidResidentId('11010519491231002x') // true
 * isValidResidentId('110105194912310021') // false
 */
export function isValidResidentId(input: string, options: ResidentIdOptions = {}): boolean {
  return parseResidentId(input, options).valid
}

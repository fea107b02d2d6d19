import { randomInt } from 'node:crypto'
import { canonicalJson } from '../audit/canonical.js'
import { beijingDate } from '../calendar/working-days.js'
import type { Matter } from './matter.js'
import { verifySm2, type Sm2Signer } from './signature.js'

/** Names the canonical form a signature covers, so a later form never verifies as this one. */
export const LICENCE_FORMAT = 'huitong-licence/1'

/** An electronic licence (电子证照) issued on approval. */
export interface Licence {
  /** 证照编号: department code, year, 6-digit sequence and an ISO 7064 MOD 11-2 check character. */
  readonly number: string
  /** 营业执照, 建设用地规划许可证 … */
  readonly name: string
  readonly matter: { readonly code: string; readonly name: string }
  readonly department: { readonly code: string; readonly name: string }
  readonly holder: { readonly kind: 'person' | 'organisation'; readonly id: string; readonly name: string }
  readonly caseId: string
  readonly issuedOn: string
  readonly validFrom: string
  /** Null for long-term (长期有效). */
  readonly validUntil: string | null
  /** What is licensed, line by line (许可内容). */
  readonly particulars: readonly { readonly label: string; readonly value: string }[]
  /** 核验码: with the number, shows the licence on the public verification page. */
  readonly verificationCode: string
}

/** A licence with the platform's SM2 signature over its canonical form. */
export interface SignedLicence {
  readonly licence: Licence
  readonly algorithm: 'SM2-SM3'
  /** SM3 of the signing key's public DER, hex. */
  readonly keyId: string
  /** DER, base64. */
  readonly signature: string
}

/** The bytes a licence's signature covers: the canonical JSON (keys sorted, no whitespace) of the licence and its format. */
export function canonicalLicence(licence: Licence): string {
  return canonicalJson({ format: LICENCE_FORMAT, ...licence })
}

function mod11Check(body: string): string {
  let remainder = 0
  for (const char of body) remainder = ((remainder + Number(char)) * 2) % 11
  return '0123456789X'.charAt((12 - remainder) % 11)
}

/**
 * A licence number: the issuing department's code, the year, a 6-digit sequence within the
 * department and year, and a check character (ISO 7064 MOD 11-2, as resident IDs use).
 *
 * @example
 * licenceNumber('210100007', 2026, 123) // '2101000072026000123' + its check character
 */
export function licenceNumber(department: string, year: number, sequence: number): string {
  if (!/^\d{9}$/.test(department) || !Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError('a 9-digit department and a sequence of 1 to 999 999')
  const body = `${department}${year}${String(sequence).padStart(6, '0')}`
  return body + mod11Check(body)
}

/** Whether a typed licence number is well formed and its check character right, before any lookup. */
export function isLicenceNumber(value: string): boolean {
  return /^\d{19}[\dX]$/.test(value) && mod11Check(value.slice(0, 19)) === value.charAt(19)
}

/** Symbols of a verification code: no 0, 1, I or O, which people misread. */
const CODE_SYMBOLS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/**
 * A new verification code: 16 random symbols of 32 (80 bits) in groups of four.
 *
 * @example
 * newVerificationCode() // 'K7QM-3XWD-PA9F-T2HR'
 */
export function newVerificationCode(): string {
  const symbols = Array.from({ length: 16 }, () => CODE_SYMBOLS.charAt(randomInt(CODE_SYMBOLS.length)))
  return [0, 4, 8, 12].map((at) => symbols.slice(at, at + 4).join('')).join('-')
}

/** The last day of a validity of `years` from `from` (a licence from 2026-03-05 for 5 years holds through 2031-03-04). */
export function validUntilOf(from: string, years: number | null): string | null {
  if (years === null) return null
  const start = new Date(`${from}T00:00:00Z`)
  const end = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate()) - 86_400_000)
  return end.toISOString().slice(0, 10)
}

export interface IssueInput {
  readonly matter: Matter
  readonly departmentName: string
  readonly holder: Licence['holder']
  readonly caseId: string
  readonly issuedAt: string
  /** This licence's place in its department's sequence for the year. */
  readonly sequence: number
  readonly particulars: Licence['particulars']
}

/** The licence approving a matter issues, valid from its issue day for the matter's validity. */
export function issueLicence(input: IssueInput): Licence {
  if (input.matter.result.kind !== 'licence') throw new Error(`matter ${input.matter.code} issues no licence`)
  const issuedOn = beijingDate(input.issuedAt)
  return {
    number: licenceNumber(input.matter.department, Number(issuedOn.slice(0, 4)), input.sequence),
    name: input.matter.result.name,
    matter: { code: input.matter.code, name: input.matter.name },
    department: { code: input.matter.department, name: input.departmentName },
    holder: input.holder,
    caseId: input.caseId,
    issuedOn,
    validFrom: issuedOn,
    validUntil: validUntilOf(issuedOn, input.matter.result.validityYears),
    particulars: input.particulars,
    verificationCode: newVerificationCode(),
  }
}

/** Signs a licence with the platform's key. */
export function signLicence(licence: Licence, signer: Sm2Signer): SignedLicence {
  return { licence, algorithm: 'SM2-SM3', keyId: signer.keyId, signature: signer.sign(canonicalLicence(licence)).toString('base64') }
}

export type LicenceVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: 'unknown-key' | 'bad-signature' }

/**
 * Verifies a signed licence against the platform's published public keys (by key id), without
 * any private key: the signature must cover exactly this licence's canonical form.
 */
export function verifyLicence(signed: SignedLicence, publicKeys: ReadonlyMap<string, string>): LicenceVerdict {
  const publicKeyPem = publicKeys.get(signed.keyId)
  if (publicKeyPem === undefined) return { valid: false, reason: 'unknown-key' }
  const ok = verifySm2(publicKeyPem, canonicalLicence(signed.licence), Buffer.from(signed.signature, 'base64'))
  return ok ? { valid: true } : { valid: false, reason: 'bad-signature' }
}

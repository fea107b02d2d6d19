/**
 * Organisation codes (组织机构代码, GB 11714-1997): 8 body characters (digits or upper-case
 * letters) and a check character. They live on as characters 9–17 of the unified social credit code.
 */

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * The check character (0–9 or X) for the 8 body characters of an organisation code.
 * A letter counts as 10 + its place in A–Z (A = 10 … Z = 35).
 *
 * @example
 * organisationCheckCharacter('60003734') // '1'
 */
export function organisationCheckCharacter(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError('an organisation code body is 8 digits or upper-case letters')
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(body.charAt(i), 36) * (WEIGHTS[i] ?? 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

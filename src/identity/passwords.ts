import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt at N=2^15, r=8, p=3: one of OWASP's recommended settings (32 MiB per hash), chosen over
 * N=2^17 so a login burst does not blow the server's memory budget. Parameters travel in the hash,
 * so they can be raised later without breaking stored hashes.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const
const KEY_LENGTH = 32

/**
 * At most two derivations run at once: each holds 32 MiB, and a burst of logins must neither
 * blow the server's memory nor take every libuv thread from file and DNS work.
 */
const MAX_CONCURRENT = 2
let running = 0
const waiting: Array<() => void> = []

async function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  try {
    const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
    })
  } finally {
    running -= 1
    waiting.shift()?.()
  }
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$key` (base64url).
 *
 * @example
 * const stored = await hashPassword('Huitong@2026')
 * await verifyPassword('Huitong@2026', stored) // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A stored hash that matches no password, for timing-safe checks of unknown usernames. */
export const UNUSABLE_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`

export interface PasswordPolicy {
  readonly minLength: number
  /** How many of: lower case, upper case, digits, symbols. */
  readonly minClasses: number
}

/**
 * Everything wrong with a password under the policy (empty when it passes).
 *
 * @example
 * passwordProblems('abc', { minLength: 10, minClasses: 3 }, 'police') // ['at least 10 characters', …]
 */
export function passwordProblems(password: string, policy: PasswordPolicy, username: string): string[] {
  const problems: string[] = []
  if ([...password].length < policy.minLength) problems.push(`at least ${policy.minLength} characters (至少 ${policy.minLength} 位)`)
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length
  if (classes < policy.minClasses) {
    problems.push(`at least ${policy.minClasses} of lower case, upper case, digits and symbols (至少包含 ${policy.minClasses} 类字符)`)
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('must not contain the username (不得包含用户名)')
  }
  return problems
}

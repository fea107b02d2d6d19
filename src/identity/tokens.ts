import { createHash, randomBytes } from 'node:crypto'

/** Session tokens start `hts_`, API-client tokens `htc_`; the prefix tells logs and scanners what leaked. */
export type TokenKind = 'session' | 'client'

const PREFIX: Record<TokenKind, string> = { session: 'hts_', client: 'htc_' }

/**
 * A new opaque bearer token: 256 random bits. Only its hash is stored.
 *
 * @example
 * const token = newToken('client') // 'htc_3q2…'
 */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url')
}

/** The stored form of a token. Tokens carry 256 random bits, so a fast hash is enough. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function tokenKind(token: string): TokenKind | undefined {
  if (token.startsWith(PREFIX.session)) return 'session'
  if (token.startsWith(PREFIX.client)) return 'client'
  return undefined
}

import type { Principal } from '../platform/auth/principal.js'

interface Cached {
  readonly principal: Principal
  readonly expires: number
}

/**
 * Signed-in principals by token hash, kept for a few seconds so an authenticated request does
 * not cost two database queries.
 *
 * This node forgets an entry the moment it ends a session, changes roles or disables an account;
 * another API node on the same database notices within `ttlMs` (5 s by default), the bound on
 * how long a revoked token may still work there.
 *
 * @example
 * const cache = new PrincipalCache()
 * cache.get(hash) ?? cache.put(hash, await lookUp(hash))
 */
export class PrincipalCache {
  readonly #entries = new Map<string, Cached>()

  constructor(
    readonly ttlMs = 5_000,
    readonly capacity = 10_000,
  ) {}

  get(tokenHash: string, at = Date.now()): Principal | undefined {
    const cached = this.#entries.get(tokenHash)
    if (cached === undefined) return undefined
    if (cached.expires <= at) {
      this.#entries.delete(tokenHash)
      return undefined
    }
    return cached.principal
  }

  put(tokenHash: string, principal: Principal, at = Date.now()): void {
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
    this.#entries.set(tokenHash, { principal, expires: at + this.ttlMs })
  }

  /** Forgets every entry of a user or API client (by principal id) or of one session (by credential id). */
  forget(match: { principalId?: string; credentialId?: string }): void {
    for (const [hash, { principal }] of this.#entries) {
      if (principal.id === match.principalId || principal.credentialId === match.credentialId) this.#entries.delete(hash)
    }
  }
}

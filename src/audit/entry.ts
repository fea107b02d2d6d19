import type { AuditLogTable } from './tables.js'

/** What a caller records; the log adds the sequence number, time and hashes. */
export interface AuditEntry {
  readonly actorType: AuditLogTable['actor_type']
  readonly actorId?: string | null
  readonly actorName?: string | null
  readonly departmentCode?: string | null
  /** Dotted verb, e.g. `auth.login`, `user.create`, `data.lookup`. */
  readonly action: string
  /** What was acted on, e.g. a username, a resource code, a record key. */
  readonly target?: string | null
  readonly outcome: AuditLogTable['outcome']
  readonly requestId?: string | null
  readonly ip?: string | null
  /** A summary of the request and of what was returned; never a secret. */
  readonly detail?: Readonly<Record<string, unknown>>
}

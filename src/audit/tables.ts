/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface AuditLogTable {
  seq: number
  occurred_at: string
  actor_type: 'user' | 'client' | 'system' | 'anonymous'
  actor_id: string | null
  actor_name: string | null
  department_code: string | null
  action: string
  target: string | null
  outcome: 'success' | 'failure' | 'denied'
  request_id: string | null
  ip: string | null
  detail: string
  prev_hash: string
  hash: string
}

/** The tables this module owns, by name. */
export interface AuditTables {
  audit_log: AuditLogTable
}

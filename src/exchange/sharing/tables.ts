/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface SharingRequestTable {
  id: string
  resource_id: string
  provider_department_id: string
  consumer_department_id: string
  requested_by: string
  /** JSON: GrantItem[] */
  items: string
  /** JSON: Operation[] */
  operations: string
  purpose: string
  legal_basis: string
  valid_from: string
  valid_until: string
  status: 'pending' | 'approved' | 'refused' | 'cancelled'
  /** YYYY-MM-DD, the last working day for the provider's answer. */
  deadline: string
  overdue_notified: number
  decided_by: string | null
  decided_at: string | null
  decision_reason: string | null
  grant_id: string | null
  created_at: string
}

export interface GrantTable {
  id: string
  resource_id: string
  provider_department_id: string
  consumer_department_id: string
  request_id: string | null
  items: string
  operations: string
  purpose: string
  valid_from: string
  valid_until: string
  /** Reads per minute per node; 0 for no limit. */
  rate_limit: number
  status: 'active' | 'revoked'
  granted_by: string
  created_at: string
  revoked_at: string | null
  revoked_by: string | null
  revoke_reason: string | null
}

export interface ObjectionTable {
  id: string
  resource_id: string
  provider_department_id: string
  consumer_department_id: string
  record_key: string
  note: string
  raised_by: string
  status: 'open' | 'answered'
  answer: string | null
  answered_by: string | null
  answered_at: string | null
  created_at: string
}

/** The tables this module owns, by name. */
export interface SharingTables {
  sharing_requests: SharingRequestTable
  grants: GrantTable
  objections: ObjectionTable
}

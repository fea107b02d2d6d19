/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface EntityTable {
  credit_code: string
  registration_number: string
  name: string
  former_name: string
  entity_type: string
  legal_representative: string
  representative_id: string
  registered_capital: string
  currency: string
  established_on: string
  business_term_to: string
  domicile: string
  division_code: string
  industry_code: string
  business_scope: string
  registration_status: string
  status_date: string
  registration_authority: string
  source_department: string
  seq: number
  created_at: string
  updated_at: string
}

export interface EntityHistoryTable {
  seq: number
  credit_code: string
  event: string
  changes: string
  effective_date: string
  source: string
  changed_by: string
  at: string
}

/** The tables this module owns, by name. */
export interface LegalPersonTables {
  entities: EntityTable
  entity_history: EntityHistoryTable
}

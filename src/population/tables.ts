/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface PersonTable {
  resident_id: string
  name: string
  former_name: string
  gender: string
  ethnic_group: string
  birth_date: string
  household_division: string
  household_address: string
  residence_address: string
  status: string
  status_date: string
  seq: number
  created_at: string
  updated_at: string
}

export interface PersonHistoryTable {
  seq: number
  resident_id: string
  event: string
  changes: string
  effective_date: string
  source: string
  changed_by: string
  at: string
}

export interface ComparisonRowTable {
  comparison_id: string
  row: number
  outcome: string
  resident_id: string
  name: string
  detail: string
}

/** The tables this module owns, by name. */
export interface PopulationTables {
  persons: PersonTable
  person_history: PersonHistoryTable
  comparison_rows: ComparisonRowTable
}

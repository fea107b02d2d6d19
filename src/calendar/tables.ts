/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface CalendarOverrideTable {
  date: string
  working: number
  note: string
  updated_by: string
  updated_at: string
}

/** The tables this module owns, by name. */
export interface CalendarTables {
  calendar_overrides: CalendarOverrideTable
}

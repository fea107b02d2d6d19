/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface ExchangeUsageTable {
  day: string
  resource_id: string
  consumer_department_id: string
  operation: string
  reads: number
  records: number
}

/** The tables this module owns, by name. */
export interface GateTables {
  exchange_usage: ExchangeUsageTable
}

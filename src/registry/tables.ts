/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface RegistryBindingTable {
  registry: string
  resource_id: string
  bound_by: string
  bound_at: string
}

export interface RegistryHeadTable {
  registry: string
  last_seq: number
  record_count: number
  updated_at: string
}

/** The tables this module owns, by name. */
export interface RegistryTables {
  registry_bindings: RegistryBindingTable
  registry_heads: RegistryHeadTable
}

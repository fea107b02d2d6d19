/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface NotificationTable {
  id: string
  user_id: string
  kind: string
  title: string
  body: string
  link: string | null
  created_at: string
  read_at: string | null
}

/** The tables this module owns, by name. */
export interface NotificationTables {
  notifications: NotificationTable
}

/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface JobTable {
  id: string
  type: string
  payload: string
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
  progress: number
  progress_message: string | null
  checkpoint: string | null
  result: string | null
  error: string | null
  attempts: number
  max_attempts: number
  run_after: string
  locked_by: string | null
  locked_until: string | null
  created_by: string | null
  department_id: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

/** The tables this module owns, by name. */
export interface JobTables {
  jobs: JobTable
}

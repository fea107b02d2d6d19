/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface DatasetTable {
  resource_id: string
  last_seq: number
  record_count: number
  updated_at: string
}

export interface DatasetRecordTable {
  resource_id: string
  record_key: string
  data: string
  seq: number
  updated_at: string
}

export interface DatasetChangeTable {
  resource_id: string
  seq: number
  record_key: string
  op: 'upsert' | 'delete'
  data: string | null
  batch_id: string
  at: string
}

export interface DatasetBatchTable {
  resource_id: string
  batch_id: string
  result: string
  created_by: string
  created_at: string
}

export interface DatasetSubjectTable {
  subject: string
  resource_id: string
  record_key: string
}

/** The tables this module owns, by name. */
export interface DatasetTables {
  datasets: DatasetTable
  dataset_records: DatasetRecordTable
  dataset_changes: DatasetChangeTable
  dataset_batches: DatasetBatchTable
  dataset_subjects: DatasetSubjectTable
}

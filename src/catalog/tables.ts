/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface CatalogResourceTable {
  id: string
  code: string
  classification_code: string
  sequence: number
  department_id: string
  status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
  /** Status of the version being worked on beside the published one, if any. */
  working_status: 'draft' | 'submitted' | 'returned' | null
  published_version: number | null
  latest_version: number
  name: string
  index_revision: number
  created_by: string
  created_at: string
  updated_at: string
}

export interface CatalogVersionTable {
  id: string
  resource_id: string
  version: number
  status: 'draft' | 'submitted' | 'returned' | 'published' | 'superseded' | 'retired'
  content: string
  created_by: string
  created_at: string
  updated_at: string
  submitted_at: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  review_comment: string | null
  published_at: string | null
}

export interface CatalogReviewTable {
  id: string
  resource_id: string
  version: number
  action: 'create' | 'edit' | 'submit' | 'withdraw' | 'approve' | 'return' | 'retire' | 'discard'
  actor_name: string
  department_code: string | null
  comment: string | null
  at: string
}

export interface CatalogRevisionTable {
  id: number
  revision: number
}

/** The tables this module owns, by name. */
export interface CatalogTables {
  catalog_resources: CatalogResourceTable
  catalog_versions: CatalogVersionTable
  catalog_reviews: CatalogReviewTable
  catalog_revision: CatalogRevisionTable
}

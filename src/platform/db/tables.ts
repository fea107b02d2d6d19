/**
 * Row shapes as stored. Timestamps are ISO-8601 UTC text and flags are 0/1 integers on both
 * dialects, so one set of migrations and queries serves SQLite and PostgreSQL alike; JSON is
 * stored as text and parsed at the repository edge.
 */
export interface DepartmentTable {
  id: string
  code: string
  name: string
  short_name: string
  name_en: string
  parent_id: string | null
  kind: 'city' | 'district'
  division_code: string | null
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: string
  username: string
  display_name: string
  department_id: string
  password_hash: string
  status: 'active' | 'disabled'
  password_changed_at: string
  created_at: string
  updated_at: string
}

export interface UserRoleTable {
  user_id: string
  role: string
}

export interface SessionTable {
  id: string
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  ip: string | null
}

export interface ApiClientTable {
  id: string
  name: string
  department_id: string
  token_hash: string
  token_prefix: string
  roles: string
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

export interface LoginAttemptTable {
  id: string
  username: string
  succeeded: number
  ip: string | null
  attempted_at: string
}

export interface SettingTable {
  key: string
  value: string
  updated_by: string | null
  updated_at: string
}

export interface AuditLogTable {
  seq: number
  occurred_at: string
  actor_type: 'user' | 'client' | 'system' | 'anonymous'
  actor_id: string | null
  actor_name: string | null
  department_code: string | null
  action: string
  target: string | null
  outcome: 'success' | 'failure' | 'denied'
  request_id: string | null
  ip: string | null
  detail: string
  prev_hash: string
  hash: string
}

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

export interface CalendarOverrideTable {
  date: string
  working: number
  note: string
  updated_by: string
  updated_at: string
}

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

export interface SubscriptionTable {
  id: string
  grant_id: string
  resource_id: string
  consumer_department_id: string
  name: string
  cursor: number
  webhook_url: string | null
  webhook_secret: string | null
  webhook_cursor: number
  status: 'active' | 'paused' | 'cancelled'
  consecutive_failures: number
  created_by: string
  created_at: string
  updated_at: string
}

export interface WebhookDeliveryTable {
  id: string
  subscription_id: string
  from_seq: number
  to_seq: number
  changes: number
  attempt: number
  status: 'delivered' | 'failed'
  http_status: number | null
  error: string | null
  duration_ms: number
  at: string
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

export interface ExchangeUsageTable {
  day: string
  resource_id: string
  consumer_department_id: string
  operation: string
  reads: number
  records: number
}

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

export interface DatasetSubjectTable {
  subject: string
  resource_id: string
  record_key: string
}

export interface ComparisonRowTable {
  comparison_id: string
  row: number
  outcome: string
  resident_id: string
  name: string
  detail: string
}

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

export interface Tables {
  departments: DepartmentTable
  users: UserTable
  user_roles: UserRoleTable
  sessions: SessionTable
  api_clients: ApiClientTable
  login_attempts: LoginAttemptTable
  settings: SettingTable
  audit_log: AuditLogTable
  jobs: JobTable
  catalog_resources: CatalogResourceTable
  catalog_versions: CatalogVersionTable
  catalog_reviews: CatalogReviewTable
  catalog_revision: CatalogRevisionTable
  calendar_overrides: CalendarOverrideTable
  sharing_requests: SharingRequestTable
  grants: GrantTable
  datasets: DatasetTable
  dataset_records: DatasetRecordTable
  dataset_changes: DatasetChangeTable
  dataset_batches: DatasetBatchTable
  subscriptions: SubscriptionTable
  webhook_deliveries: WebhookDeliveryTable
  objections: ObjectionTable
  notifications: NotificationTable
  exchange_usage: ExchangeUsageTable
  registry_bindings: RegistryBindingTable
  registry_heads: RegistryHeadTable
  persons: PersonTable
  person_history: PersonHistoryTable
  dataset_subjects: DatasetSubjectTable
  comparison_rows: ComparisonRowTable
  entities: EntityTable
  entity_history: EntityHistoryTable
}

/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
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

/** The tables this module owns, by name. */
export interface FeedTables {
  subscriptions: SubscriptionTable
  webhook_deliveries: WebhookDeliveryTable
}

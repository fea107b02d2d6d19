import { sql, type Kysely, type Selectable } from 'kysely'
import type { CatalogTables } from '../../catalog/tables.js'
import type { IdentityTables } from '../../identity/tables.js'
import type { Database } from '../../platform/db/database.js'
import { newId, now } from '../../platform/ids.js'
import type { FeedTables, SubscriptionTable, WebhookDeliveryTable } from './tables.js'

/**
 * Subscriptions and deliveries, and what a listing names: the resource and the departments,
 * read-only joins into the catalog's and identity's tables allowed by name in the rule file.
 */
type FeedReadTables = FeedTables & Pick<CatalogTables, 'catalog_resources'> & Pick<IdentityTables, 'departments'>

/** The longest delivery error kept in the log. */
const DELIVERY_ERROR_MAX_LENGTH = 500

/** A webhook subscription as a delivery job reads it. */
export interface WebhookTarget {
  readonly id: string
  readonly name: string
  readonly status: 'active' | 'paused' | 'cancelled'
  readonly url: string | null
  /** The signing secret as stored: sealed, opened only to sign. */
  readonly sealedSecret: string | null
  readonly cursor: number
  readonly failures: number
  readonly resourceCode: string
  readonly consumer: { readonly id: string; readonly code: string; readonly name: string }
}

/** How one POST to a webhook went. */
export interface DeliveryAttempt {
  readonly ok: boolean
  readonly httpStatus: number | null
  readonly error: string | null
  readonly durationMs: number
}

export type SubscriptionStatus = SubscriptionTable['status']

export interface WebhookDelivery {
  readonly id: string
  readonly fromSeq: number
  readonly toSeq: number
  readonly changes: number
  /** 1 for the first try of these changes, counting up while they keep failing. */
  readonly attempt: number
  readonly status: WebhookDeliveryTable['status']
  readonly httpStatus: number | null
  readonly error: string | null
  readonly durationMs: number
  readonly at: string
}

export type SubscriptionRow = Selectable<SubscriptionTable> & {
  resource_code: string
  resource_name: string
  provider_department_id: string
  provider_code: string
  provider_name: string
  consumer_code: string
  consumer_name: string
}

/** SQL for subscriptions and their delivery log. */
export class SubscriptionRepository {
  private readonly db: Kysely<FeedReadTables>

  constructor(database: Database) {
    this.db = database.tables<FeedReadTables>()
  }

  #select() {
    return this.db
      .selectFrom('subscriptions as s')
      .innerJoin('catalog_resources as r', 'r.id', 's.resource_id')
      .innerJoin('departments as p', 'p.id', 'r.department_id')
      .innerJoin('departments as c', 'c.id', 's.consumer_department_id')
      .selectAll('s')
      .select([
        'r.code as resource_code',
        'r.name as resource_name',
        'r.department_id as provider_department_id',
        'p.code as provider_code',
        'p.name as provider_name',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
  }

  find(id: string): Promise<SubscriptionRow | undefined> {
    return this.#select().where('s.id', '=', id).executeTakeFirst()
  }

  /** Subscriptions a department made, and, when `providerDepartmentId` is given, those to its resources. */
  list(consumerDepartmentId: string, providerDepartmentId: string | undefined, status: SubscriptionStatus | undefined): Promise<SubscriptionRow[]> {
    let query = this.#select().where((eb) =>
      eb.or([
        eb('s.consumer_department_id', '=', consumerDepartmentId),
        ...(providerDepartmentId === undefined ? [] : [eb('r.department_id', '=', providerDepartmentId)]),
      ]),
    )
    if (status !== undefined) query = query.where('s.status', '=', status)
    return query.orderBy('s.created_at', 'desc').orderBy('s.id').execute()
  }

  async insert(row: Omit<Selectable<SubscriptionTable>, 'created_at' | 'updated_at'>): Promise<void> {
    const timestamp = now()
    await this.db
      .insertInto('subscriptions')
      .values({ ...row, created_at: timestamp, updated_at: timestamp })
      .execute()
  }

  /** Moves a subscription from one of `from` to `to`; false when it was in none of them. */
  async setStatus(
    id: string,
    from: readonly SubscriptionStatus[],
    to: SubscriptionStatus,
    extra: { consecutive_failures?: number; webhook_secret?: null } = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('subscriptions')
      .set({ status: to, ...extra, updated_at: now() })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /** Advances the pull cursor; never moves it back. */
  async advanceCursor(id: string, seq: number): Promise<void> {
    await this.db.updateTable('subscriptions').set({ cursor: seq, updated_at: now() }).where('id', '=', id).where('cursor', '<', seq).execute()
  }

  /** Sets both cursors to `seq` and makes a paused subscription active again; false when cancelled. */
  async rewind(id: string, seq: number): Promise<boolean> {
    const result = await this.db
      .updateTable('subscriptions')
      .set({ cursor: seq, webhook_cursor: seq, status: 'active', consecutive_failures: 0, updated_at: now() })
      .where('id', '=', id)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async deliveries(subscriptionId: string, limit: number, offset: number): Promise<{ items: WebhookDelivery[]; total: number }> {
    const query = this.db.selectFrom('webhook_deliveries').where('subscription_id', '=', subscriptionId)
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('at', 'desc').orderBy('from_seq', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return {
      items: rows.map((row) => ({
        id: row.id,
        fromSeq: Number(row.from_seq),
        toSeq: Number(row.to_seq),
        changes: Number(row.changes),
        attempt: Number(row.attempt),
        status: row.status,
        httpStatus: row.http_status === null ? null : Number(row.http_status),
        error: row.error,
        durationMs: Number(row.duration_ms),
        at: row.at,
      })),
      total: Number(count.total),
    }
  }

  /** Active subscriptions of a resource that push to a webhook. */
  async webhookSubscriptions(resourceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('subscriptions')
      .select('id')
      .where('resource_id', '=', resourceId)
      .where('status', '=', 'active')
      .where('webhook_url', 'is not', null)
      .execute()
    return rows.map((row) => row.id)
  }

  /** The consumer department of a subscription that is active and has a webhook; undefined otherwise. */
  async activeWebhookConsumer(subscriptionId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('subscriptions')
      .select(['id', 'consumer_department_id'])
      .where('id', '=', subscriptionId)
      .where('status', '=', 'active')
      .where('webhook_url', 'is not', null)
      .executeTakeFirst()
    return row?.consumer_department_id
  }

  /** A subscription's webhook as its delivery job reads it. */
  async webhookTarget(id: string): Promise<WebhookTarget | undefined> {
    const row = await this.db
      .selectFrom('subscriptions as s')
      .innerJoin('catalog_resources as r', 'r.id', 's.resource_id')
      .innerJoin('departments as c', 'c.id', 's.consumer_department_id')
      .select([
        's.id',
        's.name',
        's.status',
        's.webhook_url',
        's.webhook_secret',
        's.webhook_cursor',
        's.consecutive_failures',
        'r.code as resource_code',
        's.consumer_department_id',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
      .where('s.id', '=', id)
      .executeTakeFirst()
    if (row === undefined) return undefined
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      url: row.webhook_url,
      sealedSecret: row.webhook_secret,
      cursor: Number(row.webhook_cursor),
      failures: Number(row.consecutive_failures),
      resourceCode: row.resource_code,
      consumer: { id: row.consumer_department_id, code: row.consumer_code, name: row.consumer_name },
    }
  }

  async recordDelivery(subscriptionId: string, range: { from: number; to: number; changes: number }, attempt: number, outcome: DeliveryAttempt): Promise<void> {
    await this.db
      .insertInto('webhook_deliveries')
      .values({
        id: newId(),
        subscription_id: subscriptionId,
        from_seq: range.from,
        to_seq: range.to,
        changes: range.changes,
        attempt,
        status: outcome.ok ? 'delivered' : 'failed',
        http_status: outcome.httpStatus,
        error: outcome.error?.slice(0, DELIVERY_ERROR_MAX_LENGTH) ?? null,
        duration_ms: outcome.durationMs,
        at: now(),
      })
      .execute()
  }

  /** Counts a failed attempt; pauses an active subscription at `limit` failures in a row. Returns the count. */
  async countFailure(subscriptionId: string, limit: number): Promise<number> {
    const row = await this.db
      .updateTable('subscriptions')
      .set({
        consecutive_failures: sql<number>`consecutive_failures + 1`,
        status: sql<'paused'>`CASE WHEN status = 'active' AND consecutive_failures + 1 >= ${limit} THEN 'paused' ELSE status END`,
        updated_at: now(),
      })
      .where('id', '=', subscriptionId)
      .returning('consecutive_failures')
      .executeTakeFirst()
    return Number(row?.consecutive_failures ?? limit)
  }

  /** Pauses a subscription that is still active. */
  async pauseActive(subscriptionId: string): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({ status: 'paused', updated_at: now() })
      .where('id', '=', subscriptionId)
      .where('status', '=', 'active')
      .execute()
  }

  /** Moves the webhook cursor to `to` and clears the failures, only from the cursor the batch was read at: a replay meanwhile wins. */
  async advanceWebhookCursor(subscriptionId: string, from: number, to: number): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({ webhook_cursor: to, consecutive_failures: 0, updated_at: now() })
      .where('id', '=', subscriptionId)
      .where('webhook_cursor', '=', from)
      .execute()
  }
}

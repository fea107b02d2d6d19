import { randomBytes } from 'node:crypto'
import type { Principal } from '../../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { AppError } from '../../platform/errors.js'
import { newId } from '../../platform/ids.js'
import type { Publisher } from '../../platform/events.js'
import type { JobEvents, JobQueue } from '../../platform/jobs/job-queue.js'
import type { SecretBox } from '../../platform/secret-box.js'
import type { AccessGate } from '../gate/gate.js'
import type { DepartmentRef } from '../gate/model.js'
import type { ProviderDirectory } from '../gate/provider-directory.js'
import { WebhookTargetRefused, type WebhookTargets } from './webhook-targets.js'
import type { SubscriptionRepository, SubscriptionRow, SubscriptionStatus, WebhookDelivery } from './repository.js'
import { scheduleDelivery } from './webhooks.js'

/** A change-feed subscription as its two departments see it; the webhook secret never appears. */
export interface Subscription {
  readonly id: string
  readonly name: string
  readonly resourceCode: string
  readonly resourceName: string
  readonly provider: DepartmentRef
  readonly consumer: DepartmentRef
  /** The grant the subscription was created under. */
  readonly grantId: string
  /** Seen from the caller's department: it subscribed (outgoing), or its resource is subscribed to (incoming). */
  readonly direction: 'incoming' | 'outgoing'
  /** Pull cursor: the last sequence number the consumer acknowledged. */
  readonly cursor: number
  readonly webhookUrl: string | null
  /** The last sequence number a webhook receiver answered 2xx for. */
  readonly webhookCursor: number
  readonly status: SubscriptionStatus
  readonly consecutiveFailures: number
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface CreateSubscriptionInput {
  /** Catalog code of the resource, e.g. 202/000001. */
  readonly resource: string
  readonly name: string
  /** Where to push changes; none for a pull-only subscription. */
  readonly webhookUrl?: string | null
  /** From the first change ever (default) or only changes made from now on. */
  readonly from?: 'now' | 'start'
}

function toSubscription(row: SubscriptionRow, viewer: Principal): Subscription {
  return {
    id: row.id,
    name: row.name,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    provider: { id: row.provider_department_id, code: row.provider_code, name: row.provider_name },
    consumer: { id: row.consumer_department_id, code: row.consumer_code, name: row.consumer_name },
    grantId: row.grant_id,
    direction: row.consumer_department_id === viewer.department.id ? 'outgoing' : 'incoming',
    cursor: Number(row.cursor),
    webhookUrl: row.webhook_url,
    webhookCursor: Number(row.webhook_cursor),
    status: row.status,
    consecutiveFailures: Number(row.consecutive_failures),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** A webhook address: http or https, no credentials in it; anything else is refused naming the field. */
function webhookAddress(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new AppError('HT_VALIDATION', '/webhookUrl is not a URL', [{ field: '/webhookUrl', message: 'not a URL' }])
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('HT_VALIDATION', '/webhookUrl must be http or https', [
      { field: '/webhookUrl', message: 'only http and https addresses receive webhooks' },
    ])
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('HT_VALIDATION', '/webhookUrl must not hold credentials', [
      { field: '/webhookUrl', message: 'credentials in the address would be stored and shown; use the signature instead' },
    ])
  }
  return url
}

/**
 * Change-feed subscriptions (变更订阅): a consumer department holding a grant with the `subscribe`
 * operation follows a resource's changes by pulling them with a cursor it acknowledges, or by
 * having them pushed to a webhook (see webhooks.ts). Every read goes through the gate.
 *
 * The consumer department manages its subscriptions; the provider department's stewards see
 * those to their resources and the delivery log; nobody else sees them.
 *
 * @example
 * const { subscription, secret } = await subscriptions.create(principal, { resource: '202/000001', name: '低保比对', webhookUrl: 'https://mz.example/hook' }, meta)
 */
export class SubscriptionService {
  constructor(
    private readonly repository: SubscriptionRepository,
    private readonly gate: AccessGate,
    private readonly providers: ProviderDirectory,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    private readonly webhooks: { readonly targets: WebhookTargets; readonly secrets: SecretBox },
    private readonly events: Publisher<JobEvents>,
  ) {}

  /**
   * Subscribes the caller's department to a resource it holds a `subscribe` grant for. With a
   * webhook, the response carries the signing secret: it is shown this once and never again.
   */
  async create(principal: Principal, input: CreateSubscriptionInput, meta: RequestMeta): Promise<{ subscription: Subscription; secret: string | null }> {
    const name = input.name.trim()
    if (name === '') throw new AppError('HT_VALIDATION', '/name is empty', [{ field: '/name', message: 'give the subscription a name' }])
    const webhook = input.webhookUrl === undefined || input.webhookUrl === null ? null : webhookAddress(input.webhookUrl)
    if (webhook !== null) await this.#checkTarget(webhook)
    const webhookUrl = webhook?.href ?? null
    const from = input.from ?? 'start'
    const decision = await this.gate.decide(principal, input.resource, 'subscribe', [], meta, { subscription: name })
    if (decision.own) throw new AppError('HT_CONFLICT', 'Your own data needs no subscription (本部门数据无需订阅)')
    if (decision.grant === undefined) throw new AppError('HT_NOT_GRANTED', `Your department has no grant to subscribe to ${decision.description.name}`)
    const resourceId = decision.description.resourceId
    const cursor = from === 'now' ? await decision.provider.lastSeq() : 0
    const id = newId()
    const secret = webhookUrl === null ? null : randomBytes(32).toString('base64url')
    await this.repository.insert({
      id,
      grant_id: decision.grant.id,
      resource_id: resourceId,
      consumer_department_id: principal.department.id,
      name,
      cursor,
      webhook_url: webhookUrl,
      // Sealed at rest; the clear text is in this response only, and opened again only to sign.
      webhook_secret: secret === null ? null : this.webhooks.secrets.seal(secret, id),
      webhook_cursor: cursor,
      status: 'active',
      consecutive_failures: 0,
      created_by: principal.name,
    })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'subscription.create',
      target: decision.description.code,
      outcome: 'success',
      // The origin only: a receiver's path or query may carry its own token.
      detail: { subscriptionId: id, name, grantId: decision.grant.id, from, cursor, webhook: webhookUrl === null ? null : new URL(webhookUrl).origin },
    })
    if (webhookUrl !== null) await this.#schedule(id)
    return { subscription: await this.get(principal, id), secret }
  }

  /** The caller department's subscriptions (outgoing) and, for a steward, those to its resources (incoming). */
  async list(principal: Principal, filter: { status?: SubscriptionStatus } = {}): Promise<Subscription[]> {
    const rows = await this.repository.list(principal.department.id, principal.roles.includes('steward') ? principal.department.id : undefined, filter.status)
    return rows.map((row) => toSubscription(row, principal))
  }

  async get(principal: Principal, id: string): Promise<Subscription> {
    return toSubscription(await this.#visible(principal, id), principal)
  }

  /**
   * Changes after `after`, or after the acknowledged cursor when omitted, read through the gate
   * with the caller's own grants. Reading does not move the cursor; {@link acknowledge} does.
   */
  async changes(principal: Principal, id: string, page: { after?: number; limit: number }, meta: RequestMeta): ReturnType<AccessGate['changes']> {
    const row = await this.#owned(principal, id)
    if (row.status === 'cancelled') throw new AppError('HT_CONFLICT', `Subscription ${id} is cancelled`)
    return this.gate.changes(principal, row.resource_code, page.after ?? Number(row.cursor), page.limit, meta)
  }

  /**
   * Acknowledges every change up to `seq`. An acknowledgement below the cursor changes nothing,
   * so a consumer may safely repeat one; only {@link replay} moves the cursor back.
   */
  async acknowledge(principal: Principal, id: string, seq: number): Promise<Subscription> {
    const row = await this.#owned(principal, id)
    if (row.status === 'cancelled') throw new AppError('HT_CONFLICT', `Subscription ${id} is cancelled`)
    const lastSeq = await this.#lastSeq(row)
    if (seq > lastSeq)
      throw new AppError('HT_VALIDATION', `/seq ${seq} is beyond the last change, ${lastSeq}`, [
        { field: '/seq', message: `beyond the last change (${lastSeq})` },
      ])
    await this.repository.advanceCursor(id, seq)
    return this.get(principal, id)
  }

  /**
   * Starts both feeds again from `fromSeq`: the pull cursor and the webhook cursor move to
   * `fromSeq − 1`, a paused subscription becomes active, and a webhook delivery is scheduled.
   */
  async replay(principal: Principal, id: string, fromSeq: number, meta: RequestMeta): Promise<Subscription> {
    const row = await this.#owned(principal, id)
    const lastSeq = await this.#lastSeq(row)
    if (fromSeq < 1 || fromSeq > lastSeq + 1) {
      throw new AppError('HT_VALIDATION', `/fromSeq must lie between 1 and ${lastSeq + 1}`, [{ field: '/fromSeq', message: `between 1 and ${lastSeq + 1}` }])
    }
    if (!(await this.repository.rewind(id, fromSeq - 1))) throw new AppError('HT_CONFLICT', `Subscription ${id} is cancelled`)
    await this.#audit(principal, meta, 'subscription.replay', row, {
      fromSeq,
      previousCursor: Number(row.cursor),
      previousWebhookCursor: Number(row.webhook_cursor),
    })
    await this.#schedule(id)
    return this.get(principal, id)
  }

  /** Stops webhook pushes; pulling still works. */
  async pause(principal: Principal, id: string, meta: RequestMeta): Promise<Subscription> {
    const row = await this.#owned(principal, id)
    if (!(await this.repository.setStatus(id, ['active'], 'paused'))) throw new AppError('HT_CONFLICT', `Subscription ${id} is ${row.status}, not active`)
    await this.#audit(principal, meta, 'subscription.pause', row)
    return this.get(principal, id)
  }

  /** Resumes webhook pushes from where they stopped, with the failure count cleared. */
  async resume(principal: Principal, id: string, meta: RequestMeta): Promise<Subscription> {
    const row = await this.#owned(principal, id)
    if (!(await this.repository.setStatus(id, ['paused'], 'active', { consecutive_failures: 0 })))
      throw new AppError('HT_CONFLICT', `Subscription ${id} is ${row.status}, not paused`)
    await this.#audit(principal, meta, 'subscription.resume', row)
    await this.#schedule(id)
    return this.get(principal, id)
  }

  /** Ends a subscription for good and forgets its webhook secret; its delivery log stays. */
  async cancel(principal: Principal, id: string, meta: RequestMeta): Promise<Subscription> {
    const row = await this.#owned(principal, id)
    if (!(await this.repository.setStatus(id, ['active', 'paused'], 'cancelled', { webhook_secret: null })))
      throw new AppError('HT_CONFLICT', `Subscription ${id} is already cancelled`)
    await this.#audit(principal, meta, 'subscription.cancel', row)
    return this.get(principal, id)
  }

  /** The webhook delivery log, newest first; the consumer and the provider both see it. */
  async deliveries(principal: Principal, id: string, page: { limit: number; offset: number }): Promise<{ items: WebhookDelivery[]; total: number }> {
    await this.#visible(principal, id)
    return this.repository.deliveries(id, page.limit, page.offset)
  }

  /** The consumer department, or the provider department's stewards; to anyone else it does not exist. */
  async #visible(principal: Principal, id: string): Promise<SubscriptionRow> {
    const row = await this.repository.find(id)
    const visible =
      row !== undefined &&
      (row.consumer_department_id === principal.department.id ||
        (row.provider_department_id === principal.department.id && principal.roles.includes('steward')))
    if (!visible) throw new AppError('HT_NOT_FOUND', `No subscription ${id}`)
    return row
  }

  async #owned(principal: Principal, id: string): Promise<SubscriptionRow> {
    const row = await this.#visible(principal, id)
    if (row.consumer_department_id !== principal.department.id) throw new AppError('HT_FORBIDDEN', 'Only the subscribing department manages its subscription')
    return row
  }

  /** Refuses a webhook address the allowed targets do not cover (HUITONG_WEBHOOK_ALLOW), naming the field. */
  async #checkTarget(url: URL): Promise<void> {
    try {
      await this.webhooks.targets.check(url)
    } catch (error) {
      if (!(error instanceof WebhookTargetRefused)) throw error
      throw new AppError('HT_WEBHOOK_TARGET_REFUSED', `/webhookUrl: ${error.message}`, [{ field: '/webhookUrl', message: error.message }])
    }
  }

  /** The newest change of a subscription's resource, as the resource's provider reports it. */
  async #lastSeq(row: SubscriptionRow): Promise<number> {
    const description = await this.gate.describe(row.resource_code)
    if (description === undefined) throw new AppError('HT_CONFLICT', `${row.resource_name} (${row.resource_code}) is no longer published`)
    return (await this.providers.providerFor(description)).lastSeq()
  }

  async #schedule(id: string): Promise<void> {
    if (await scheduleDelivery({ subscriptions: this.repository, jobs: this.jobs }, id)) this.events.emit('jobs.enqueued', {})
  }

  async #audit(principal: Principal, meta: RequestMeta, action: string, row: SubscriptionRow, detail: Record<string, unknown> = {}): Promise<void> {
    await this.audit.append({
      ...auditActor(principal, meta),
      action,
      target: row.resource_code,
      outcome: 'success',
      detail: { subscriptionId: row.id, name: row.name, ...detail },
    })
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { Principal } from '../../platform/auth/principal.js'
import { AppError } from '../../platform/errors.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { JobHandler } from '../../platform/jobs/job-worker.js'
import { SecretBoxError, type SecretBox } from '../../platform/secret-box.js'
import type { AccessGate } from '../gate/gate.js'
import type { DeliveryAttempt, SubscriptionRepository, WebhookTarget } from './repository.js'
import { WebhookTargetRefused, type WebhookTargets } from './webhook-targets.js'

export const WEBHOOK_DELIVERY_JOB = 'webhook.deliver'
/** Changes per POST. */
export const WEBHOOK_BATCH = 500
/** A receiver answers within this long or the attempt fails. */
export const WEBHOOK_TIMEOUT_MS = 10_000
/** After this many failed attempts in a row the subscription is paused until resumed or replayed. */
export const MAX_CONSECUTIVE_FAILURES = 5
/** Attempts of one delivery job; the queue waits 2 s, 4 s, 8 s, 16 s between them. */
export const DELIVERY_MAX_ATTEMPTS = 5
/** How far a signed timestamp may be from the receiver's clock before the receiver refuses it. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

const SIGNATURE_PREFIX = 'sm3='

export interface WebhookDeps {
  readonly subscriptions: SubscriptionRepository
  readonly gate: AccessGate
  readonly jobs: JobQueue
  /** Where webhooks may be sent (HUITONG_WEBHOOK_ALLOW). */
  readonly targets: WebhookTargets
  /** Opens the signing secrets, which are stored sealed. */
  readonly secrets: SecretBox
}

/** What one delivery job did. */
export interface DeliveryRun {
  readonly batches: number
  readonly delivered: number
  /** Why the job stopped before catching up, if it did. */
  readonly stopped: 'caught-up' | 'paused' | 'inactive'
}

/**
 * The signature header value for a body sent at `timestamp` (unix seconds): HMAC-SM3 keyed
 * with the secret's text over `<timestamp>.<body>`.
 *
 * @example
 * signWebhook(secret, 1767225600, '{"subscriptionId":"…"}') // 'sm3=5f1c…'
 */
export function signWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  return SIGNATURE_PREFIX + createHmac('sm3', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** A header as Node's `IncomingMessage` gives it, or a number for a timestamp already parsed. */
export type WebhookHeaderValue = string | readonly string[] | number | undefined

/**
 * For receivers: true when `header` (X-Huitong-Signature) signs `body` (the raw bytes received)
 * at `timestamp` (X-Huitong-Timestamp) with `secret`, and the timestamp is within five minutes
 * of `nowSeconds`, so a captured request cannot be replayed later.
 *
 * @example
 * verifyWebhookSignature(secret, request.headers['x-huitong-timestamp'], rawBody, request.headers['x-huitong-signature'])
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: WebhookHeaderValue,
  body: string | Buffer,
  header: WebhookHeaderValue,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (typeof header !== 'string' || (typeof timestamp !== 'string' && typeof timestamp !== 'number') || !/^\d{1,12}$/.test(String(timestamp))) return false
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false
  const expected = Buffer.from(signWebhook(secret, timestamp, body))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Enqueues a delivery job for one subscription if it is active, has a webhook, and no job for it
 * is waiting yet. A running job does not count: it may already have read its last batch, and the
 * changes that prompted this call must not wait for the next publication.
 * Returns whether a job was enqueued.
 */
export async function scheduleDelivery(deps: Pick<WebhookDeps, 'subscriptions' | 'jobs'>, subscriptionId: string): Promise<boolean> {
  const consumerDepartmentId = await deps.subscriptions.activeWebhookConsumer(subscriptionId)
  if (consumerDepartmentId === undefined) return false
  const payload = { subscriptionId }
  if (await deps.jobs.isQueued(WEBHOOK_DELIVERY_JOB, payload)) return false
  await deps.jobs.enqueue(WEBHOOK_DELIVERY_JOB, payload, { maxAttempts: DELIVERY_MAX_ATTEMPTS, departmentId: consumerDepartmentId })
  return true
}

/**
 * Enqueues deliveries for every active webhook subscription of a resource; call it after a batch
 * changed the resource's records (the `records.changed` event). Returns how many jobs it enqueued.
 *
 * @example
 * const queued = await scheduleDeliveries({ subscriptions, jobs }, resourceId) // 2
 */
export async function scheduleDeliveries(deps: Pick<WebhookDeps, 'subscriptions' | 'jobs'>, resourceId: string): Promise<number> {
  let enqueued = 0
  for (const id of await deps.subscriptions.webhookSubscriptions(resourceId)) {
    if (await scheduleDelivery(deps, id)) enqueued += 1
  }
  return enqueued
}

/**
 * The consumer department as the caller of a push, so the gate projects, masks and audits each
 * batch exactly as it would a pull by that department.
 */
function consumerPrincipal(target: WebhookTarget): Principal {
  const name = `webhook:${target.name}`
  return { kind: 'client', id: target.id, name, displayName: name, department: target.consumer, roles: ['consumer'], credentialId: target.id }
}

/** An HTTP status, or the reason no answer came. */
function sendRequest(
  url: URL,
  address: { readonly address: string; readonly family: number },
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<{ status: number; statusText: string }> {
  // Connects to the address just checked, never to whatever a second lookup of the name answers.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all === true) (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [address])
    else callback(null, address.address, address.family)
  }
  return new Promise((resolve, reject) => {
    // Neither module follows redirects: one would resend signed consumer data to an address nobody registered.
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers, lookup, agent: false, signal }, (response) => {
      resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '' })
      response.destroy()
    })
    request.on('error', reject)
    request.end(body)
  })
}

async function post(
  target: WebhookTarget & { url: string },
  address: { readonly address: string; readonly family: number },
  secret: string,
  body: string,
  signal: AbortSignal,
): Promise<DeliveryAttempt> {
  const timestamp = Math.floor(Date.now() / 1000)
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const timeout = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Huitong-Webhook',
    'x-huitong-subscription': target.id,
    'x-huitong-timestamp': String(timestamp),
    'x-huitong-signature': signWebhook(secret, timestamp, body),
  }
  try {
    const response = await sendRequest(new URL(target.url), address, headers, body, AbortSignal.any([signal, timeout]))
    const ok = response.status >= 200 && response.status < 300
    return { ok, httpStatus: response.status, error: ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(), durationMs: elapsed() }
  } catch (error) {
    if (signal.aborted) throw error
    return { ok: false, httpStatus: null, error: timeout.aborted ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : errorText(error), durationMs: elapsed() }
  }
}

/**
 * One attempt: opens the signing secret, resolves the receiver's name and checks every address
 * against the allowed targets, then POSTs the signed body to the address checked.
 */
async function deliver(
  deps: Pick<WebhookDeps, 'targets' | 'secrets'>,
  target: WebhookTarget & { url: string; sealedSecret: string },
  body: string,
  signal: AbortSignal,
): Promise<DeliveryAttempt> {
  let secret: string
  let address: { address: string; family: number }
  try {
    secret = deps.secrets.open(target.sealedSecret, target.id)
    address = await deps.targets.resolve(new URL(target.url))
  } catch (error) {
    const reason =
      error instanceof SecretBoxError
        ? 'the signing secret does not open with this node’s key (HUITONG_WEBHOOK_SECRET_KEY)'
        : error instanceof WebhookTargetRefused
          ? `target refused: ${error.message}`
          : errorText(error)
    return { ok: false, httpStatus: null, error: reason, durationMs: 0 }
  }
  return post(target, address, secret, body, signal)
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}

/**
 * The delivery job (payload `{ subscriptionId }`): reads the changes after the webhook cursor
 * through the gate as the consumer, POSTs them in batches of up to 500, signed, to the receiver's
 * address as resolved and checked against the allowed targets for this very attempt, and advances
 * the cursor after each 2xx until caught up. Delivery is at least once: a batch whose answer was
 * lost is sent again.
 *
 * A failed attempt — a refused target and a secret this node cannot open included — is logged and counted; the job then throws so the queue retries it with
 * backoff, except at the fifth failure in a row, which pauses the subscription instead. A
 * revoked or expired grant pauses it at once: retrying cannot help.
 */
export function webhookDeliveryHandler(deps: Pick<WebhookDeps, 'subscriptions' | 'gate' | 'targets' | 'secrets'>): JobHandler {
  return async ({ job, progress, signal }): Promise<DeliveryRun> => {
    const subscriptionId = (job.payload as { subscriptionId?: unknown } | null)?.subscriptionId
    if (typeof subscriptionId !== 'string') throw new Error('webhook.deliver needs { subscriptionId }')
    let batches = 0
    let delivered = 0
    for (;;) {
      const target = await deps.subscriptions.webhookTarget(subscriptionId)
      if (target?.status !== 'active' || target.url === null || target.sealedSecret === null) return { batches, delivered, stopped: 'inactive' }
      const webhook = { ...target, url: target.url, sealedSecret: target.sealedSecret }
      let page: Awaited<ReturnType<AccessGate['changes']>>
      try {
        page = await deps.gate.changes(consumerPrincipal(target), target.resourceCode, target.cursor, WEBHOOK_BATCH, { requestId: job.id, ip: null })
      } catch (error) {
        if (!(error instanceof AppError) || !['HT_NOT_GRANTED', 'HT_NOT_FOUND'].includes(error.code)) throw error
        await deps.subscriptions.recordDelivery(target.id, { from: target.cursor + 1, to: target.cursor, changes: 0 }, target.failures + 1, {
          ok: false,
          httpStatus: null,
          error: `refused by the access gate: ${error.message}`,
          durationMs: 0,
        })
        await deps.subscriptions.pauseActive(target.id)
        return { batches, delivered, stopped: 'paused' }
      }
      const first = page.changes[0]
      if (first === undefined) return { batches, delivered, stopped: 'caught-up' }
      const range = { from: first.seq, to: page.next, changes: page.changes.length }
      const body = JSON.stringify({
        subscriptionId: target.id,
        resource: target.resourceCode,
        changes: page.changes,
        from: range.from,
        to: range.to,
        lastSeq: page.lastSeq,
      })
      const outcome = await deliver(deps, webhook, body, signal)
      await deps.subscriptions.recordDelivery(target.id, range, target.failures + 1, outcome)
      if (!outcome.ok) {
        if ((await deps.subscriptions.countFailure(target.id, MAX_CONSECUTIVE_FAILURES)) >= MAX_CONSECUTIVE_FAILURES)
          return { batches, delivered, stopped: 'paused' }
        throw new Error(`webhook delivery of changes ${range.from}–${range.to} failed: ${outcome.error ?? 'unknown error'}`)
      }
      await deps.subscriptions.advanceWebhookCursor(target.id, target.cursor, range.to)
      batches += 1
      delivered += range.changes
      await progress(page.lastSeq === 0 ? 100 : Math.floor((range.to / page.lastSeq) * 100), `delivered changes up to ${range.to} of ${page.lastSeq}`)
    }
  }
}

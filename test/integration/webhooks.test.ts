import { createHmac, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, LOG_REDACT } from '../../src/app.js'
import { WebhookTargets, type HostResolver } from '../../src/exchange/feeds/webhook-targets.js'
import { SubscriptionRepository } from '../../src/exchange/feeds/repository.js'
import {
  scheduleDeliveries,
  verifyWebhookSignature,
  webhookDeliveryHandler,
  WEBHOOK_DELIVERY_JOB,
  type DeliveryRun,
} from '../../src/exchange/feeds/webhooks.js'
import { migrateToLatest } from '../../src/migrations/index.js'
import { webhookSecretsMigration } from '../../src/migrations/0006-webhook-secrets.js'
import type { Job } from '../../src/platform/jobs/job-queue.js'
import { JobWorker, type JobHandler } from '../../src/platform/jobs/job-worker.js'
import { openSecretBox, SECRET_KEY_FILE, SecretBox } from '../../src/platform/secret-box.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { allowanceEntry } from '../support/catalog-fixtures.js'
import { DIALECTS } from '../support/databases.js'
import { allowanceRecords } from '../support/exchange-fixtures.js'
import { grantAccess } from '../support/exchange-setup.js'

interface Received {
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

interface Pushed {
  subscriptionId: string
  resource: string
  from: number
  to: number
  lastSeq: number
  changes: Array<{ seq: number; key: string; op: 'upsert' | 'delete'; data: Record<string, unknown> | null }>
}

/** A webhook receiver on localhost that records every request and can be told to answer 500. */
async function startReceiver() {
  const received: Received[] = []
  let failures = 0
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      if (failures > 0) {
        failures -= 1
        response.writeHead(500).end('receiver down')
      } else {
        response.writeHead(204).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/huitong/changes?token=abc`,
    received,
    failNext(count: number) {
      failures = count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function deliveryJob(subscriptionId: string, attempt: number): Job {
  const at = new Date().toISOString()
  return {
    id: `test-delivery-${attempt}`,
    type: WEBHOOK_DELIVERY_JOB,
    payload: { subscriptionId },
    status: 'running',
    progress: 0,
    progressMessage: null,
    checkpoint: null,
    result: null,
    error: null,
    attempts: attempt,
    maxAttempts: 5,
    runAfter: at,
    createdBy: null,
    departmentId: null,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
  }
}

/** The receiver runs on localhost, so the tests allow that one address, and nothing else inside. */
const ALLOW = { HUITONG_WEBHOOK_ALLOW: '127.0.0.1' }

/** Resolves every name to one address, as a DNS answer re-pointed to it would. */
const resolvingTo =
  (address: string): HostResolver =>
  async () => [{ address, family: 4 }]

const GRANTED_ITEMS = [
  { key: 'resident_id', masked: false },
  { key: 'name', masked: true },
  { key: 'allowance_amount', masked: false },
]

for (const dialect of DIALECTS) {
  describe(`change-feed subscriptions and webhooks on ${dialect}`, () => {
    let t: TestApp
    let api: FastifyInstance
    let receiver: Awaited<ReturnType<typeof startReceiver>>
    let handler: JobHandler
    let code: string
    let resourceId: string
    let published = 0
    let runs = 0

    const call = async (username: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
      api.inject({
        method,
        url: `/api/v1/exchange/subscriptions${url}`,
        headers: { authorization: `Bearer ${await t.token(username)}` },
        ...(body === undefined ? {} : { payload: body as object }),
      })

    const publish = async (upserts: unknown[], deletes: unknown[] = []) => {
      published += 1
      const response = await t.call('civil', 'POST', `/api/v1/exchange/datasets/${code.replace('/', '-')}/batches`, {
        batchId: `batch-${published}`,
        upserts,
        deletes,
      })
      expect(response.statusCode, response.body).toBe(200)
      return response.json() as { fromSeq: number; toSeq: number }
    }

    const grant = async (username: string, operations: string[]) => {
      const requested = await t.call(username, 'POST', '/api/v1/exchange/requests', {
        resource: code,
        items: GRANTED_ITEMS,
        operations,
        purpose: '低保对象资格复核比对',
        legalBasis: '《社会救助暂行办法》第十一条',
        validUntil: '2099-12-31',
      })
      expect(requested.statusCode, requested.body).toBe(201)
      const approved = await t.call('civil', 'POST', `/api/v1/exchange/requests/${requested.json().id}/approve`, {})
      expect(approved.json()).toMatchObject({ status: 'approved' })
    }

    const deliver = (subscriptionId: string, by: JobHandler = handler) => {
      runs += 1
      return by({ job: deliveryJob(subscriptionId, runs), progress: async () => undefined, signal: new AbortController().signal }) as Promise<DeliveryRun>
    }

    const pushed = (from = 0) => receiver.received.slice(from).map((request) => JSON.parse(request.body) as Pushed)

    beforeAll(async () => {
      t = await startTestApp(dialect, { env: ALLOW })
      receiver = await startReceiver()
      const { context } = t
      handler = webhookDeliveryHandler({
        subscriptions: new SubscriptionRepository(context.database),
        gate: context.gate,
        targets: new WebhookTargets(context.config.webhookAllow),
        secrets: openSecretBox(context.config),
      })
      api = t.app

      code = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry())).json().code as string
      await t.call('civil', 'POST', `/api/v1/catalog/resources/${code.replace('/', '-')}/submit`)
      expect((await t.call('dataoffice', 'POST', `/api/v1/catalog/resources/${code.replace('/', '-')}/approve`, {})).json()).toMatchObject({
        status: 'published',
      })
      resourceId = (await context.gate.describe(code))?.resourceId ?? ''
      expect(await publish(allowanceRecords(5))).toMatchObject({ fromSeq: 1, toSeq: 5 })
      await grant('heping', ['subscribe', 'lookup'])
    })
    afterAll(async () => {
      await receiver?.close()
      await t?.close()
    })

    it('refuses a department without a subscribe grant, the provider itself, and bad webhook addresses', async () => {
      const none = await call('approver', 'POST', '', { resource: code, name: '无授权' })
      expect(none.statusCode).toBe(403)
      expect(none.json().code).toBe('HT_NOT_GRANTED')

      await grant('hrss', ['lookup'])
      const lookupOnly = await call('hrss', 'POST', '', { resource: code, name: '仅查询授权' })
      expect(lookupOnly.statusCode).toBe(403)
      expect(lookupOnly.json().code).toBe('HT_NOT_GRANTED')
      const refusals = await t.context.database.db
        .selectFrom('audit_log')
        .select(['actor_name', 'outcome'])
        .where('action', '=', 'data.subscribe')
        .where('outcome', '=', 'denied')
        .execute()
      expect(refusals.map((row) => row.actor_name)).toEqual(expect.arrayContaining(['approver', 'hrss']))

      expect((await call('civil', 'POST', '', { resource: code, name: '本部门' })).statusCode).toBe(409)
      for (const webhookUrl of ['ftp://127.0.0.1/x', 'not a url', 'https://user:pass@example.org/hook']) {
        const bad = await call('heping', 'POST', '', { resource: code, name: '坏地址', webhookUrl })
        expect(bad.statusCode, webhookUrl).toBe(400)
        expect(bad.json().errors).toEqual([expect.objectContaining({ field: '/webhookUrl' })])
      }
      expect((await call('heping', 'POST', '', { resource: code, name: 'x', extra: 1 })).statusCode).toBe(400)
      expect((await call('heping', 'GET', '')).json()).toEqual([])
    })

    it('refuses webhook targets inside the network unless the operator allows them', async () => {
      const { port } = new URL(receiver.url)
      for (const webhookUrl of [
        `http://127.0.0.2:${port}/huitong`,
        `http://[::1]:${port}/huitong`,
        `http://[::ffff:127.0.0.2]:${port}/huitong`,
        'http://2130706434/huitong',
        'http://0.0.0.0/huitong',
        'http://10.1.2.3/huitong',
        'https://192.168.10.20/huitong',
        'http://100.64.0.1/huitong',
        'http://169.254.169.254/latest/meta-data/',
        'http://100.100.100.200/latest/meta-data/',
        'http://[fd00:ec2::254]/latest/meta-data/',
        'http://[fe80::1]/huitong',
      ]) {
        const refused = await call('heping', 'POST', '', { resource: code, name: '内网地址', webhookUrl })
        expect(refused.statusCode, webhookUrl).toBe(422)
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
        expect(refused.json(), webhookUrl).toMatchObject({
          code: 'HT_WEBHOOK_TARGET_REFUSED',
          errors: [{ field: '/webhookUrl', message: expect.stringMatching(/HUITONG_WEBHOOK_ALLOW/) }],
        })
      }
      // Whoever asks: a steward, or a department without any grant, is refused the same way.
      for (const username of ['civil', 'approver']) {
        expect((await call(username, 'POST', '', { resource: code, name: '内网地址', webhookUrl: 'http://10.1.2.3/huitong' })).json().code).toBe(
          'HT_WEBHOOK_TARGET_REFUSED',
        )
      }
      expect((await call('heping', 'GET', '')).json()).toEqual([])

      // A public address needs no allowance.
      const outside = await call('heping', 'POST', '', { resource: code, name: '公网地址', webhookUrl: 'https://202.96.64.68/huitong' })
      expect(outside.statusCode, outside.body).toBe(201)
      expect((await call('heping', 'DELETE', `/${outside.json().subscription.id}`)).statusCode).toBe(200)
      for (const job of (await t.context.jobs.list({ type: WEBHOOK_DELIVERY_JOB, status: 'queued' })).items) await t.context.jobs.cancel(job.id)
    })

    it('pulls changes after an acknowledged cursor, masked as granted, with tombstones', async () => {
      const created = await call('heping', 'POST', '', { resource: code, name: '低保变更拉取' })
      expect(created.statusCode, created.body).toBe(201)
      expect(created.json()).toMatchObject({
        secret: null,
        subscription: { cursor: 0, status: 'active', direction: 'outgoing', webhookUrl: null, resourceCode: code },
      })
      const id = created.json().subscription.id as string

      const first = (await call('heping', 'GET', `/${id}/changes?limit=3`)).json()
      expect(first).toMatchObject({ next: 3, lastSeq: 5 })
      expect(first.changes.map((change: { seq: number }) => change.seq)).toEqual([1, 2, 3])
      expect(first.changes[0].data).toEqual({ resident_id: allowanceRecords(1)[0]?.resident_id, name: '张*', allowance_amount: 600 })

      // Reading does not move the cursor; acknowledging does.
      expect((await call('heping', 'GET', `/${id}/changes?limit=3`)).json().next).toBe(3)
      expect((await call('heping', 'POST', `/${id}/ack`, { seq: 3 })).json()).toMatchObject({ cursor: 3 })
      expect((await call('heping', 'GET', `/${id}/changes`)).json().changes.map((change: { seq: number }) => change.seq)).toEqual([4, 5])
      await call('heping', 'POST', `/${id}/ack`, { seq: 5 })
      expect((await call('heping', 'GET', `/${id}/changes`)).json()).toEqual({ changes: [], next: 5, lastSeq: 5 })
      expect((await call('heping', 'POST', `/${id}/ack`, { seq: 2 })).json().cursor).toBe(5)
      expect((await call('heping', 'POST', `/${id}/ack`, { seq: 99 })).statusCode).toBe(400)
      expect((await call('heping', 'GET', `/${id}/changes?after=4`)).json().changes.map((change: { seq: number }) => change.seq)).toEqual([5])

      await publish([], [{ resident_id: allowanceRecords(1)[0]?.resident_id }])
      const deleted = (await call('heping', 'GET', `/${id}/changes`)).json()
      expect(deleted.changes).toEqual([expect.objectContaining({ seq: 6, op: 'delete', data: null, key: allowanceRecords(1)[0]?.resident_id })])

      const fromNow = (await call('heping', 'POST', '', { resource: code, name: '仅新变更', from: 'now' })).json().subscription
      expect(fromNow).toMatchObject({ cursor: 6, webhookCursor: 6 })
      expect((await call('heping', 'GET', `/${fromNow.id}/changes`)).json().changes).toEqual([])
    })

    describe('webhook push', () => {
      let id: string
      let secret: string
      let name: string

      const state = async () =>
        (await call('heping', 'GET', `/${id}`)).json() as { status: string; webhookCursor: number; consecutiveFailures: number; cursor: number }
      const deliveries = async (username = 'heping') =>
        (await call(username, 'GET', `/${id}/deliveries?limit=500`)).json() as {
          items: Array<{ status: string; attempt: number; fromSeq: number; toSeq: number; httpStatus: number | null }>
          total: number
        }

      it('pushes every change, signed, masked, in batches of 500, and advances the cursor', async () => {
        name = '低保变更推送'
        const created = await call('heping', 'POST', '', { resource: code, name, webhookUrl: receiver.url })
        expect(created.statusCode, created.body).toBe(201)
        id = created.json().subscription.id as string
        secret = created.json().secret as string
        expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
        // The secret is shown once.
        const shown = await call('heping', 'GET', `/${id}`)
        expect(shown.body).not.toContain(secret)
        expect((await call('heping', 'GET', '')).body).not.toContain(secret)
        const audited = await t.context.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'subscription.create').execute()
        expect(audited.map((row) => row.detail).join()).not.toContain(secret)
        expect(audited.map((row) => row.detail).join()).not.toContain('token=abc')

        expect(await deliver(id)).toEqual({ batches: 1, delivered: 6, stopped: 'caught-up' })
        expect(receiver.received).toHaveLength(1)
        const [request] = receiver.received
        expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'x-huitong-subscription': id })
        const timestamp = String(request?.headers['x-huitong-timestamp'])
        const signature = String(request?.headers['x-huitong-signature'])
        expect(verifyWebhookSignature(secret, timestamp, request?.body ?? '', signature)).toBe(true)
        expect(signature).toBe(`sm3=${createHmac('sm3', secret).update(`${timestamp}.${request?.body}`).digest('hex')}`)
        expect(verifyWebhookSignature(secret, timestamp, `${request?.body} `, signature)).toBe(false)
        expect(verifyWebhookSignature('another secret', timestamp, request?.body ?? '', signature)).toBe(false)
        expect(verifyWebhookSignature(secret, timestamp, request?.body ?? '', signature, Number(timestamp) + 3600)).toBe(false)

        const [body] = pushed()
        expect(body).toMatchObject({ subscriptionId: id, resource: code, from: 1, to: 6, lastSeq: 6 })
        expect(body?.changes.map((change) => [change.seq, change.op])).toEqual([
          [1, 'upsert'],
          [2, 'upsert'],
          [3, 'upsert'],
          [4, 'upsert'],
          [5, 'upsert'],
          [6, 'delete'],
        ])
        expect(body?.changes[0]?.data).toMatchObject({ name: '张*' })
        expect(body?.changes[5]).toMatchObject({ data: null, key: allowanceRecords(1)[0]?.resident_id })
        for (const change of body?.changes ?? []) {
          if (change.data !== null) expect(Object.keys(change.data).sort()).toEqual(['allowance_amount', 'name', 'resident_id'])
        }

        await publish(allowanceRecords(600, 5))
        expect(await deliver(id)).toEqual({ batches: 2, delivered: 600, stopped: 'caught-up' })
        expect(pushed(1).map((batch) => [batch.from, batch.to, batch.changes.length, batch.lastSeq])).toEqual([
          [7, 506, 500, 606],
          [507, 606, 100, 606],
        ])
        expect(
          pushed(1)
            .flatMap((batch) => batch.changes)
            .every((change) => /^.\*+$/u.test(String(change.data?.name))),
        ).toBe(true)
        for (const pushedRequest of receiver.received) {
          expect(
            verifyWebhookSignature(
              secret,
              String(pushedRequest.headers['x-huitong-timestamp']),
              pushedRequest.body,
              String(pushedRequest.headers['x-huitong-signature']),
            ),
          ).toBe(true)
        }
        expect(await state()).toMatchObject({ webhookCursor: 606, consecutiveFailures: 0, status: 'active', cursor: 0 })
        expect((await deliveries()).items.map((delivery) => [delivery.status, delivery.fromSeq, delivery.toSeq, delivery.httpStatus])).toEqual([
          ['delivered', 507, 606, 204],
          ['delivered', 7, 506, 204],
          ['delivered', 1, 6, 204],
        ])
        expect(await deliver(id)).toEqual({ batches: 0, delivered: 0, stopped: 'caught-up' })

        // Stored sealed, bound to this subscription: opened only to sign.
        const { webhook_secret: stored } = await t.context.database.db
          .selectFrom('subscriptions')
          .select('webhook_secret')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        expect(stored).toMatch(/^v1\./)
        expect(stored).not.toContain(secret)
        expect(openSecretBox(t.context.config).open(stored ?? '', id)).toBe(secret)

        // Each push is a read through the gate by the consumer department, audited as such.
        const reads = await t.context.database.db
          .selectFrom('audit_log')
          .select(['actor_type', 'department_code', 'outcome'])
          .where('action', '=', 'data.subscribe')
          .where('actor_name', '=', `webhook:${name}`)
          .execute()
        expect(reads.length).toBeGreaterThanOrEqual(3)
        expect(reads.every((row) => row.actor_type === 'client' && row.department_code === '210102000' && row.outcome === 'success')).toBe(true)
      })

      it('sends the same changes again after failures: at least once', async () => {
        const before = receiver.received.length
        await publish(allowanceRecords(2, 605))
        receiver.failNext(2)
        await expect(deliver(id)).rejects.toThrow(/HTTP 500/)
        expect(await state()).toMatchObject({ webhookCursor: 606, consecutiveFailures: 1, status: 'active' })
        await expect(deliver(id)).rejects.toThrow(/HTTP 500/)
        expect(await deliver(id)).toEqual({ batches: 1, delivered: 2, stopped: 'caught-up' })

        const attempts = pushed(before)
        expect(attempts).toHaveLength(3)
        expect(attempts.map((batch) => batch.changes)).toEqual([attempts[0]?.changes, attempts[0]?.changes, attempts[0]?.changes])
        expect(attempts[0]?.changes.map((change) => change.seq)).toEqual([607, 608])
        expect(await state()).toMatchObject({ webhookCursor: 608, consecutiveFailures: 0 })
        const log = (await deliveries()).items.slice(0, 3)
        expect(log.map((delivery) => [delivery.status, delivery.attempt, delivery.httpStatus, delivery.fromSeq, delivery.toSeq])).toEqual([
          ['delivered', 3, 204, 607, 608],
          ['failed', 2, 500, 607, 608],
          ['failed', 1, 500, 607, 608],
        ])
      })

      it('pauses after five failures in a row, and a replay from seq 1 sends everything again', async () => {
        await publish(allowanceRecords(1, 607))
        receiver.failNext(5)
        for (let attempt = 1; attempt <= 4; attempt++) await expect(deliver(id)).rejects.toThrow(/HTTP 500/)
        expect(await deliver(id)).toEqual({ batches: 0, delivered: 0, stopped: 'paused' })
        expect(await state()).toMatchObject({ status: 'paused', consecutiveFailures: 5, webhookCursor: 608 })
        const before = receiver.received.length
        expect(await deliver(id)).toEqual({ batches: 0, delivered: 0, stopped: 'inactive' })
        expect(receiver.received).toHaveLength(before)
        expect((await deliveries()).items.slice(0, 5).every((delivery) => delivery.status === 'failed')).toBe(true)

        const replayed = await call('heping', 'POST', `/${id}/replay`, { fromSeq: 1 })
        expect(replayed.statusCode, replayed.body).toBe(200)
        expect(replayed.json()).toMatchObject({ status: 'active', cursor: 0, webhookCursor: 0, consecutiveFailures: 0 })
        expect((await call('heping', 'POST', `/${id}/replay`, { fromSeq: 0 })).statusCode).toBe(400)
        expect(await deliver(id)).toEqual({ batches: 2, delivered: 609, stopped: 'caught-up' })
        const again = pushed(before)
        expect(again.map((batch) => [batch.from, batch.to])).toEqual([
          [1, 500],
          [501, 609],
        ])
        expect(again.flatMap((batch) => batch.changes.map((change) => change.seq))).toEqual(Array.from({ length: 609 }, (_, index) => index + 1))
        expect(again[0]?.changes[5]).toMatchObject({ seq: 6, op: 'delete', data: null })
        expect(await state()).toMatchObject({ webhookCursor: 609, status: 'active' })
      })

      it('seals the secrets an earlier version stored in clear when migrating, and needs the key only then', async () => {
        const { database } = t.testDatabase
        // As an earlier version left it: the secret in clear, the migration not yet run.
        await database.db.updateTable('subscriptions').set({ webhook_secret: secret }).where('id', '=', id).execute()
        // Later migrations go too: they must follow it in order (0007 moves nothing twice).
        await sql`DELETE FROM schema_migrations WHERE name >= ${'0006-webhook-secrets'}`.execute(database.db)
        await expect(migrateToLatest(database)).rejects.toThrow(/0006-webhook-secrets failed.*secret key/)
        expect(await migrateToLatest(database, { secrets: openSecretBox(t.context.config) })).toEqual({ applied: ['0006-webhook-secrets', '0007-audit-file'] })
        const { webhook_secret: sealed } = await database.db.selectFrom('subscriptions').select('webhook_secret').where('id', '=', id).executeTakeFirstOrThrow()
        expect(SecretBox.isSealed(sealed ?? '')).toBe(true)
        expect(openSecretBox(t.context.config).open(sealed ?? '', id)).toBe(secret)
        // Nothing is left to seal, so a later run needs no key.
        expect(await migrateToLatest(database)).toEqual({ applied: [] })
        // Down opens them again; up seals them once more.
        const migration = webhookSecretsMigration(openSecretBox(t.context.config))
        await migration.down?.(database.db)
        expect((await database.db.selectFrom('subscriptions').select('webhook_secret').where('id', '=', id).executeTakeFirstOrThrow()).webhook_secret).toBe(
          secret,
        )
        await migration.up(database.db)
        expect(
          openSecretBox(t.context.config).open(
            (await database.db.selectFrom('subscriptions').select('webhook_secret').where('id', '=', id).executeTakeFirstOrThrow()).webhook_secret ?? '',
            id,
          ),
        ).toBe(secret)
      })

      it('checks the target again at delivery: a name now resolving inside is refused and logged, the checked address is the one reached', async () => {
        const { port } = new URL(receiver.url)
        const created = await call('heping', 'POST', '', {
          resource: code,
          name: '重新解析',
          webhookUrl: `http://receiver.invalid:${port}/huitong`,
          from: 'now',
        })
        // The name does not resolve yet, so only delivery can judge it.
        expect(created.statusCode, created.body).toBe(201)
        const other = created.json().subscription.id as string
        const lastSeq = (await call('heping', 'GET', `/${other}/changes`)).json().lastSeq as number
        await call('heping', 'POST', `/${other}/replay`, { fromSeq: lastSeq })
        const deliverVia = (address: string, secrets = openSecretBox(t.context.config)) =>
          deliver(
            other,
            webhookDeliveryHandler({
              subscriptions: new SubscriptionRepository(t.context.database),
              gate: t.context.gate,
              targets: new WebhookTargets(t.context.config.webhookAllow, resolvingTo(address)),
              secrets,
            }),
          )
        const before = receiver.received.length

        await expect(deliverVia('127.0.0.2')).rejects.toThrow(/target refused: receiver\.invalid resolves to 127\.0\.0\.2, which is a loopback address/)
        await expect(deliverVia('127.0.0.1', new SecretBox(randomBytes(32)))).rejects.toThrow(/does not open with this node’s key/)
        expect(receiver.received).toHaveLength(before)
        const log = (await call('civil', 'GET', `/${other}/deliveries`)).json().items as Array<{
          status: string
          attempt: number
          httpStatus: number | null
          error: string
        }>
        expect(log.map((entry) => [entry.status, entry.attempt, entry.httpStatus])).toEqual([
          ['failed', 2, null],
          ['failed', 1, null],
        ])
        expect(log[1]?.error).toMatch(/^target refused: receiver\.invalid resolves to 127\.0\.0\.2/)

        // Allowed now: delivered to the address checked, under the name subscribed.
        expect(await deliverVia('127.0.0.1')).toEqual({ batches: 1, delivered: 1, stopped: 'caught-up' })
        expect(receiver.received.slice(before).map((request) => request.headers.host)).toEqual([`receiver.invalid:${port}`])
        expect((await call('heping', 'DELETE', `/${other}`)).statusCode).toBe(200)
      })

      it('writes no signing secret and no key to the logs', async () => {
        const lines: string[] = []
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString())
            done()
          },
        })
        const logger = pino({ level: 'trace', redact: { paths: LOG_REDACT, censor: '[redacted]' } }, sink)
        const logged = await buildApp(t.context, { logger, console: false })
        const worker = new JobWorker(t.context.jobs, { [WEBHOOK_DELIVERY_JOB]: handler }, { pollMs: 20, leaseMs: 2000, logger })
        const created = await logged.inject({
          method: 'POST',
          url: '/api/v1/exchange/subscriptions',
          headers: { authorization: `Bearer ${await t.token('heping')}` },
          payload: { resource: code, name: '日志检查', webhookUrl: receiver.url, from: 'now' },
        })
        expect(created.statusCode, created.body).toBe(201)
        const other = created.json().subscription.id as string
        const otherSecret = created.json().secret as string
        try {
          const lastSeq = (await call('heping', 'GET', `/${other}/changes`)).json().lastSeq as number
          receiver.failNext(1)
          await call('heping', 'POST', `/${other}/replay`, { fromSeq: lastSeq })
          worker.start()
          for (
            let waited = 0;
            waited < 15_000 &&
            (await call('heping', 'GET', `/${other}/deliveries`)).json().items.every((entry: { status: string }) => entry.status !== 'delivered');
            waited += 50
          ) {
            await new Promise((resolve) => setTimeout(resolve, 50))
          }
        } finally {
          await worker.stop()
          await logged.close()
        }
        expect((await call('heping', 'GET', `/${other}/deliveries`)).json().items.map((entry: { status: string }) => entry.status)).toEqual([
          'delivered',
          'failed',
        ])
        const text = lines.join('')
        expect(text).toContain('job attempt failed')
        expect(text).not.toContain(otherSecret)
        expect(text).not.toContain(fs.readFileSync(path.join(t.context.config.dataDir, SECRET_KEY_FILE), 'utf8').trim())
        expect((await call('heping', 'DELETE', `/${other}`)).statusCode).toBe(200)
        for (const job of (await t.context.jobs.list({ type: WEBHOOK_DELIVERY_JOB, status: 'queued' })).items) await t.context.jobs.cancel(job.id)
      })

      it('shows the subscription and its deliveries to the consumer and the provider only', async () => {
        expect((await call('approver', 'GET', `/${id}`)).statusCode).toBe(404)
        expect((await call('approver', 'GET', `/${id}/deliveries`)).statusCode).toBe(404)
        expect((await call('approver', 'GET', `/${id}/changes`)).statusCode).toBe(404)
        expect((await call('approver', 'POST', `/${id}/pause`)).statusCode).toBe(404)
        expect((await call('approver', 'GET', '')).json()).toEqual([])
        expect((await call('hrss', 'GET', `/${id}`)).statusCode).toBe(404)

        const provider = await deliveries('civil')
        expect(provider.total).toBe((await deliveries()).total)
        expect(provider.items.length).toBeGreaterThan(0)
        const incoming = ((await call('civil', 'GET', '')).json() as Array<{ id: string; direction: string }>).find((subscription) => subscription.id === id)
        expect(incoming).toMatchObject({ direction: 'incoming' })
        expect(
          ((await call('heping', 'GET', '')).json() as Array<{ id: string; direction: string }>).find((subscription) => subscription.id === id),
        ).toMatchObject({ direction: 'outgoing' })
        // The provider watches; only the consumer manages.
        expect((await call('civil', 'POST', `/${id}/pause`)).statusCode).toBe(403)
        expect((await call('civil', 'GET', `/${id}/changes`)).statusCode).toBe(403)
        expect((await call('civil', 'POST', `/${id}/replay`, { fromSeq: 1 })).statusCode).toBe(403)
      })

      it('schedules one delivery job per active webhook subscription, which a worker runs', async () => {
        const queued = await t.context.jobs.list({ type: WEBHOOK_DELIVERY_JOB, status: 'queued' })
        for (const job of queued.items) await t.context.jobs.cancel(job.id)
        // Publishing schedules the delivery by itself; scheduling again adds nothing while it is queued.
        await publish(allowanceRecords(1, 608))
        await new Promise((resolve) => setTimeout(resolve, 100))
        expect((await t.context.jobs.list({ type: WEBHOOK_DELIVERY_JOB, status: 'queued' })).total).toBe(1)
        expect(await scheduleDeliveries({ subscriptions: new SubscriptionRepository(t.context.database), jobs: t.context.jobs }, resourceId)).toBe(0)
        const [job] = (await t.context.jobs.list({ type: WEBHOOK_DELIVERY_JOB, status: 'queued' })).items
        expect(job).toMatchObject({ payload: { subscriptionId: id }, maxAttempts: 5 })

        const before = receiver.received.length
        const worker = new JobWorker(t.context.jobs, { [WEBHOOK_DELIVERY_JOB]: handler }, { pollMs: 20, leaseMs: 2000 })
        worker.start()
        try {
          for (let waited = 0; waited < 10_000 && (await t.context.jobs.get(job?.id ?? ''))?.status !== 'succeeded'; waited += 50) {
            await new Promise((resolve) => setTimeout(resolve, 50))
          }
        } finally {
          await worker.stop()
        }
        expect(await t.context.jobs.get(job?.id ?? '')).toMatchObject({ status: 'succeeded', result: { batches: 1, delivered: 1, stopped: 'caught-up' } })
        expect(pushed(before).map((batch) => [batch.from, batch.to])).toEqual([[610, 610]])
      })

      it('pauses, resumes and cancels; a cancelled subscription delivers and serves nothing', async () => {
        expect((await call('heping', 'POST', `/${id}/pause`)).json()).toMatchObject({ status: 'paused' })
        expect((await call('heping', 'POST', `/${id}/pause`)).statusCode).toBe(409)
        expect((await call('heping', 'POST', `/${id}/resume`)).json()).toMatchObject({ status: 'active', consecutiveFailures: 0 })
        const cancelled = await call('heping', 'DELETE', `/${id}`)
        expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
        expect((await call('heping', 'DELETE', `/${id}`)).statusCode).toBe(409)
        expect((await call('heping', 'GET', `/${id}/changes`)).statusCode).toBe(409)
        expect((await call('heping', 'POST', `/${id}/replay`, { fromSeq: 1 })).statusCode).toBe(409)
        expect(await deliver(id)).toEqual({ batches: 0, delivered: 0, stopped: 'inactive' })
        const row = await t.context.database.db.selectFrom('subscriptions').select('webhook_secret').where('id', '=', id).executeTakeFirstOrThrow()
        expect(row.webhook_secret).toBeNull()
        expect((await deliveries('civil')).total).toBeGreaterThan(0)
      })

      it('pauses a push at once when the grant is revoked: retrying cannot help', async () => {
        const other = (await call('heping', 'POST', '', { resource: code, name: '撤销授权后', webhookUrl: receiver.url, from: 'now' })).json().subscription
          .id as string
        await publish(allowanceRecords(1, 609))
        const grants = (await t.call('heping', 'GET', '/api/v1/exchange/grants?direction=incoming')).json() as Array<{ id: string; resourceCode: string }>
        for (const { id: grantId } of grants.filter((candidate) => candidate.resourceCode === code)) {
          expect((await t.call('civil', 'POST', `/api/v1/exchange/grants/${grantId}/revoke`, { reason: '复核工作结束' })).statusCode).toBe(200)
        }
        const before = receiver.received.length
        expect(await deliver(other)).toEqual({ batches: 0, delivered: 0, stopped: 'paused' })
        expect(receiver.received).toHaveLength(before)
        expect((await call('heping', 'GET', `/${other}`)).json()).toMatchObject({ status: 'paused' })
        const log = (await call('civil', 'GET', `/${other}/deliveries`)).json()
        expect(log.items).toEqual([expect.objectContaining({ status: 'failed', changes: 0, httpStatus: null, error: expect.stringMatching(/access gate/) })])
        const pull = await call('heping', 'GET', `/${other}/changes`)
        expect(pull.statusCode).toBe(403)
        expect(pull.json().code).toBe('HT_NOT_GRANTED')
      })
    })
  })

  describe(`subscriptions to the base registries, on ${dialect}`, () => {
    let t: TestApp

    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
    })
    afterAll(async () => {
      await t?.close()
    })

    const registries = [
      { name: 'population', provider: 'police', keyItem: 'resident_id', head: () => t.context.persons.head() },
      { name: 'legal-persons', provider: 'market', keyItem: 'credit_code', head: () => t.context.entities.head() },
    ] as const

    for (const registry of registries) {
      it(`takes the ${registry.name} registry's last change from its provider, for from=now, ack and replay`, async () => {
        const { code } = (await t.call(registry.provider, 'GET', `/api/v1/${registry.name}/binding`)).json() as { code: string }
        await grantAccess(t, 'civil', registry.provider, code.replace('/', '-'), {
          items: [{ key: registry.keyItem, masked: false }],
          operations: ['subscribe'],
        })
        const { lastSeq } = await registry.head()
        expect(lastSeq).toBeGreaterThan(0)
        const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => t.call('civil', method, `/api/v1/exchange/subscriptions${url}`, body)

        const created = await call('POST', '', { resource: code, name: `${registry.name} 变更`, from: 'now' })
        expect(created.statusCode, created.body).toBe(201)
        const { id } = created.json().subscription as { id: string }
        expect(created.json().subscription).toMatchObject({ cursor: lastSeq, webhookCursor: lastSeq })
        expect((await call('GET', `/${id}/changes`)).json()).toMatchObject({ changes: [], next: lastSeq, lastSeq })
        const beyond = await call('POST', `/${id}/ack`, { seq: lastSeq + 1 })
        expect(beyond.statusCode).toBe(400)
        expect(beyond.json().errors).toEqual([{ field: '/seq', message: `beyond the last change (${lastSeq})` }])
        expect((await call('POST', `/${id}/replay`, { fromSeq: lastSeq + 2 })).statusCode).toBe(400)
        expect((await call('POST', `/${id}/replay`, { fromSeq: lastSeq })).json()).toMatchObject({ cursor: lastSeq - 1 })
        expect((await call('GET', `/${id}/changes`)).json().changes.map((change: { seq: number }) => change.seq)).toEqual([lastSeq])
        expect((await call('POST', `/${id}/ack`, { seq: lastSeq })).json()).toMatchObject({ cursor: lastSeq })
      })
    }
  })
}

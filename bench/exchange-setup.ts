/**
 * The `exchange` benchmark's set-up and in-process part, run in its own process by `runTask`:
 * a demo-seeded database (SQLite in the given directory, or a PostgreSQL schema), the allowance
 * resource registered and approved as `civil`, N generated records loaded in batches through
 * DatasetService.prepare + DatasetRepository.applyBatch (timed), heping granted lookup and
 * subscribe (name masked), then the change feed read end to end, raw and through the gate. On
 * PostgreSQL the loaded tables are analyzed before any read, as autovacuum would.
 * The database is left in place for the servers under test; the parent removes it.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../src/app.js'
import { createContext } from '../src/context.js'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { DatasetRepository } from '../src/exchange/datasets/repository.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase, sqliteFile } from '../src/platform/db/database.js'
import type { Tables } from '../src/tables.js'
import { migrateToLatest } from '../src/migrations/index.js'
import { allowanceEntry } from '../test/support/catalog-fixtures.js'
import { allowanceRecords } from './support/allowance-records.js'
import type { TaskResultMessage } from './support/child-task.js'

export interface ExchangeSetupOptions {
  readonly dataDir: string
  /** PostgreSQL URL and schema; SQLite in `dataDir` without them. */
  readonly postgres?: { readonly url: string; readonly schema: string }
  readonly records: number
  readonly batchSize: number
  readonly changePage: number
  readonly changeFeedRuns: number
}

export interface BatchTiming {
  readonly records: number
  readonly prepareMs: number
  readonly applyMs: number
}

export interface ChangeFeedRun {
  readonly records: number
  readonly pages: number
  readonly ms: number
  /** Over HTTP: CPU seconds the server process spent meanwhile, all threads. */
  readonly serverCpuSeconds?: number
}

export interface ExchangeSetupResult {
  /** Catalog code with a dash, as in URLs. */
  readonly code: string
  readonly resourceId: string
  readonly records: number
  readonly batches: readonly BatchTiming[]
  readonly grantId: string
  /** DatasetRepository.changes pages over every change. */
  readonly rawChanges: readonly ChangeFeedRun[]
  /** AccessGate.changes pages as heping: decided, projected, masked and audited. */
  readonly gateChanges: readonly ChangeFeedRun[]
  /** SQLite only: the database file's size after loading and closing (WAL checkpointed). */
  readonly databaseBytes: number | null
}

const META = { requestId: null, ip: '127.0.0.1' }

async function call(app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, body?: object): Promise<unknown> {
  const response = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body }) })
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: HTTP ${response.statusCode} ${response.body}`)
  return response.json()
}

async function readFeed(read: (after: number) => Promise<{ count: number; next: number }>): Promise<ChangeFeedRun> {
  const started = performance.now()
  let after = 0
  let records = 0
  let pages = 0
  for (;;) {
    const page = await read(after)
    if (page.count === 0) break
    records += page.count
    pages += 1
    after = page.next
  }
  return { records, pages, ms: performance.now() - started }
}

async function setUp(options: ExchangeSetupOptions): Promise<Omit<ExchangeSetupResult, 'databaseBytes'>> {
  const config = loadConfig({
    HUITONG_DATA_DIR: options.dataDir,
    HUITONG_LOG_LEVEL: 'silent',
    ...(options.postgres === undefined ? {} : { HUITONG_DATABASE_URL: options.postgres.url }),
  })
  const database = await openDatabase<Tables>(config, options.postgres === undefined ? {} : { schema: options.postgres.schema })
  await migrateToLatest(database)
  const context = createContext(config, database)
  await seedDemo(context, DEFAULT_DEMO_PASSWORD, { catalog: false })
  const app = await buildApp(context, { console: false })
  try {
    const tokens = new Map<string, string>()
    for (const username of ['civil', 'dataoffice', 'heping']) {
      tokens.set(username, (await context.identity.login(username, DEFAULT_DEMO_PASSWORD, META)).token)
    }
    const as = (username: string) => tokens.get(username) ?? ''

    const created = (await call(app, as('civil'), 'POST', '/api/v1/catalog/resources', allowanceEntry())) as { code: string }
    const code = created.code.replace('/', '-')
    await call(app, as('civil'), 'POST', `/api/v1/catalog/resources/${code}/submit`)
    await call(app, as('dataoffice'), 'POST', `/api/v1/catalog/resources/${code}/approve`, {})
    const description = await context.gate.describe(created.code)
    if (description === undefined) throw new Error(`${code} is not published`)

    // The repository the service writes through; the context keeps its own instance private.
    const repository = new DatasetRepository(database)
    const batches: BatchTiming[] = []
    for (let start = 0, index = 0; start < options.records; start += options.batchSize, index += 1) {
      const raw = allowanceRecords(start, Math.min(options.batchSize, options.records - start))
      const preparing = performance.now()
      const prepared = context.datasets.prepare(description, { upserts: raw, deletes: [] })
      const applying = performance.now()
      const result = await repository.applyBatch(description.resourceId, `load-${index}`, 'civil', prepared.upserts, prepared.deletes)
      const applied = performance.now()
      if (result.upserted !== raw.length) throw new Error(`batch ${index}: ${result.upserted} of ${raw.length} upserted`)
      batches.push({ records: raw.length, prepareMs: applying - preparing, applyMs: applied - applying })
    }
    if (database.kind === 'postgres') {
      // As autovacuum would after a load this size (the benchmark server runs without it): without
      // statistics the planner sorts every later change for each page instead of walking the key.
      await sql`ANALYZE datasets, dataset_records, dataset_changes`.execute(database.db)
    }

    const requested = (await call(app, as('heping'), 'POST', '/api/v1/exchange/requests', {
      resource: code,
      items: [
        { key: 'resident_id', masked: false },
        { key: 'name', masked: true },
        { key: 'allowance_amount', masked: false },
      ],
      operations: ['lookup', 'subscribe'],
      purpose: '社会救助资格审核',
      legalBasis: '《社会救助暂行办法》第十一条',
      validUntil: '2099-12-31',
    })) as { id: string }
    // No per-minute limit: the default (6 000 a minute) would refuse most of a load test's reads.
    const approved = (await call(app, as('civil'), 'POST', `/api/v1/exchange/requests/${requested.id}/approve`, { rateLimit: 0 })) as { grantId: string | null }

    const heping = await context.identity.authenticate(as('heping'))
    if (heping === undefined) throw new Error('heping: token not accepted')
    const rawChanges: ChangeFeedRun[] = []
    const gateChanges: ChangeFeedRun[] = []
    for (let run = 0; run < options.changeFeedRuns; run += 1) {
      rawChanges.push(
        await readFeed(async (after) => {
          const changes = await repository.changes(description.resourceId, after, options.changePage)
          return { count: changes.length, next: changes.at(-1)?.seq ?? after }
        }),
      )
      gateChanges.push(
        await readFeed(async (after) => {
          const page = await context.gate.changes(heping, created.code, after, options.changePage, META)
          return { count: page.changes.length, next: page.next }
        }),
      )
    }
    for (const run of [...rawChanges, ...gateChanges]) {
      if (run.records !== options.records) throw new Error(`change feed: ${run.records} of ${options.records} changes read`)
    }
    return {
      code,
      resourceId: description.resourceId,
      records: options.records,
      batches,
      grantId: approved.grantId ?? '',
      rawChanges,
      gateChanges,
    }
  } finally {
    await app.close()
    await context.close()
    await database.close()
  }
}

const options = JSON.parse(process.argv[2] ?? '{}') as ExchangeSetupOptions
const loaded = await setUp(options)
const result: ExchangeSetupResult = {
  ...loaded,
  databaseBytes: options.postgres === undefined ? fs.statSync(sqliteFile({ dataDir: options.dataDir })).size : null,
}
process.send?.({ type: 'result', result } satisfies TaskResultMessage<ExchangeSetupResult>, () => process.exit(0))

/**
 * The data exchange's hot paths over a hosted dataset of N generated allowance records (1 M by
 * default), on SQLite and (when reachable) PostgreSQL:
 *   - batch upsert: loading the N records in batches, validation (DatasetService.prepare)
 *     included and alone, and DatasetRepository.applyBatch alone;
 *   - change feed: every change read in pages, raw (DatasetRepository.changes), through the
 *     gate in process (AccessGate.changes as heping: decided, masked, audited), and over HTTP
 *     from the resource's feed and from a pull subscription's;
 *   - lookup over HTTP as heping through the gate (masked, audited before it answers), against a
 *     bare Fastify app reading the same table of the same database, in the same run.
 * Loading runs in its own process (`exchange-setup.ts`); each server in its own process.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { ChangeFeedRun, ExchangeSetupOptions, ExchangeSetupResult } from './exchange-setup.js'
import type { ExchangeTargetSpec } from './exchange-target.js'
import { sampleResidentIds } from './support/allowance-records.js'
import { forkServer, type ChildServer } from './support/child-server.js'
import { runTask } from './support/child-task.js'
import { expectOk, login } from './support/huitong-client.js'
import { cpuSeconds } from './support/load.js'
import { loadAverage, loadCase, printLookups, printLookupTargets, runLookupRounds, type LookupCase } from './support/lookup-rounds.js'
import { BENCH_POSTGRES_URL, postgresReachable } from './support/postgres.js'
import { summariseProfile, type ProfileShare } from './support/profile-summary.js'
import { printTable, writeResults } from './support/report.js'
import { formatNumber, formatPercent, median } from './support/stats.js'

export interface ExchangeBenchOptions {
  /** Records loaded on SQLite. */
  readonly records: number
  /**
   * Records loaded on PostgreSQL: fewer, because applyBatch slows as the table grows there
   * (17 700 records/s for the first 50 000, 1 500 for the twentieth batch; 1 M took 11 minutes).
   */
  readonly postgresRecords: number
  readonly batchSize: number
  /** Changes per page, the API's maximum. */
  readonly changePage: number
  /** Passes over the whole change feed, each way; the figures are medians. */
  readonly changeFeedRuns: number
  /** Distinct existing keys the lookup load cycles through. */
  readonly lookupKeys: number
  readonly rounds: number
  /** Connection levels of the lookup load (see LookupLoadOptions). */
  readonly connections: readonly number[]
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Profile the loading process and each Huitong server under the lookup load, and summarise. */
  readonly cpuProfile: boolean
}

export const EXCHANGE_DEFAULTS: ExchangeBenchOptions = {
  records: 1_000_000,
  postgresRecords: 200_000,
  batchSize: 50_000,
  changePage: 10_000,
  changeFeedRuns: 3,
  lookupKeys: 4000,
  rounds: 3,
  connections: [10, 64],
  warmupSeconds: 1,
  durationSeconds: 5,
  cpuProfile: false,
}

/** The issue's targets. */
const TARGETS = { lookupRequestsPerSecond: 3000, lookupRatioToBare: 0.4, batchRecordsPerSecond: 50_000, changeFeedRecordsPerSecond: 100_000 }
const SETUP_ENTRY = new URL('./exchange-setup.ts', import.meta.url)
const TARGET_ENTRY = new URL('./exchange-target.ts', import.meta.url)
const PROFILE_DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url))

type Kind = 'sqlite' | 'postgres'

interface Store {
  readonly kind: Kind
  readonly dataDir: string
  readonly postgres?: { readonly url: string; readonly schema: string }
  setup?: ExchangeSetupResult
  /** Wall time of the whole set-up task: seeding, loading and the in-process change feeds. */
  setupSeconds?: number
}

interface BatchSummary {
  readonly kind: Kind
  readonly records: number
  readonly prepareMs: number
  readonly applyMs: number
  /** Validation and writing: the issue's batch-upsert figure. */
  readonly recordsPerSecond: number
  readonly applyRecordsPerSecond: number
  readonly prepareRecordsPerSecond: number
  /** Apply rate of the first and of the last batch: how it holds up as the table grows. */
  readonly firstBatchApplyRecordsPerSecond: number
  readonly lastBatchApplyRecordsPerSecond: number
}

interface FeedSummary {
  readonly kind: Kind
  readonly way: string
  readonly records: number
  readonly recordsPerSecond: number
  readonly runs: readonly number[]
  /** Over HTTP: the server's CPU per record, whoever else wanted the cores; null in process. */
  readonly serverCpuMicrosPerRecord: number | null
}

const perSecond = (records: number, ms: number): number => (records * 1000) / ms
const meets = (ok: boolean): string => (ok ? 'meets' : 'MISSES')

function batchSummary(kind: Kind, setup: ExchangeSetupResult): BatchSummary {
  const prepareMs = setup.batches.reduce((sum, batch) => sum + batch.prepareMs, 0)
  const applyMs = setup.batches.reduce((sum, batch) => sum + batch.applyMs, 0)
  const first = setup.batches[0]
  const last = setup.batches.at(-1)
  return {
    kind,
    records: setup.records,
    prepareMs,
    applyMs,
    recordsPerSecond: perSecond(setup.records, prepareMs + applyMs),
    applyRecordsPerSecond: perSecond(setup.records, applyMs),
    prepareRecordsPerSecond: perSecond(setup.records, prepareMs),
    firstBatchApplyRecordsPerSecond: first === undefined ? Number.NaN : perSecond(first.records, first.applyMs),
    lastBatchApplyRecordsPerSecond: last === undefined ? Number.NaN : perSecond(last.records, last.applyMs),
  }
}

function feedSummary(kind: Kind, way: string, runs: readonly ChangeFeedRun[]): FeedSummary {
  const rates = runs.map((run) => perSecond(run.records, run.ms))
  const cpu = runs.flatMap((run) => (run.serverCpuSeconds === undefined ? [] : [(run.serverCpuSeconds * 1e6) / run.records]))
  return {
    kind,
    way,
    records: runs[0]?.records ?? 0,
    recordsPerSecond: median(rates),
    runs: rates,
    serverCpuMicrosPerRecord: cpu.length === 0 ? null : median(cpu),
  }
}

/**
 * Reads every change of a feed (`…/changes` of a resource or of a subscription) over HTTP as
 * heping, a page at a time, as a subscriber catching up would; or only its first `maxPages`.
 */
async function readFeedOverHttp(server: ChildServer, feed: string, token: string, page: number, maxPages = Number.POSITIVE_INFINITY): Promise<ChangeFeedRun> {
  const cpuBefore = cpuSeconds(server.pid)
  const started = performance.now()
  let after = 0
  let records = 0
  let pages = 0
  while (pages < maxPages) {
    const response = await fetch(new URL(`${feed}?after=${after}&limit=${page}`, server.url), { headers: { authorization: `Bearer ${token}` } })
    if (response.status !== 200) throw new Error(`changes after ${after}: HTTP ${response.status} ${await response.text()}`)
    const body = (await response.json()) as { changes: unknown[]; next: number }
    if (body.changes.length === 0) break
    records += body.changes.length
    pages += 1
    after = body.next
  }
  return { records, pages, ms: performance.now() - started, serverCpuSeconds: cpuSeconds(server.pid) - cpuBefore }
}

/** A pull subscription of heping's to the resource; its id. */
async function subscribe(url: string, code: string, token: string): Promise<string> {
  const response = await fetch(new URL('/api/v1/exchange/subscriptions', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ resource: code, name: '基准测试拉取' }),
  })
  if (response.status !== 201) throw new Error(`subscribing: HTTP ${response.status} ${await response.text()}`)
  return ((await response.json()) as { subscription: { id: string } }).subscription.id
}

function printProfile(name: string, file: string): void {
  const summary = summariseProfile(file)
  const rows = (shares: readonly ProfileShare[]): string[][] => shares.map((share) => [share.name, formatPercent(share.share)])
  console.log(`\ncpu profile of ${name}: ${path.relative(process.cwd(), file)} (busy ${formatPercent(summary.busyShare)} of samples; shares are of busy time)`)
  printTable('self time by package / file', ['package / file', 'self'], rows(summary.byArea))
  printTable('self time by function', ['function', 'self'], rows(summary.byFunction))
  printTable('total time (self + callees) by function', ['function', 'total'], rows(summary.byTotal))
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}

export async function benchExchange(options: ExchangeBenchOptions = EXCHANGE_DEFAULTS): Promise<void> {
  const withPostgres = await postgresReachable()
  if (!withPostgres) console.log(`PostgreSQL at ${BENCH_POSTGRES_URL} does not answer: SQLite only`)
  let profileDir: string | undefined
  if (options.cpuProfile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    profileDir = fs.mkdtempSync(path.join(PROFILE_DIR, 'exchange-'))
  }
  const loadAverages: Record<string, string> = { start: loadAverage() }
  const stores: Store[] = [{ kind: 'sqlite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-exchange-')) }]
  if (withPostgres) {
    stores.push({
      kind: 'postgres',
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-exchange-')),
      postgres: { url: BENCH_POSTGRES_URL, schema: `bench_${randomBytes(6).toString('hex')}` },
    })
  }
  const servers: ChildServer[] = []
  try {
    for (const store of stores) {
      const records = store.kind === 'postgres' ? options.postgresRecords : options.records
      const setupOptions: ExchangeSetupOptions = {
        dataDir: store.dataDir,
        ...(store.postgres === undefined ? {} : { postgres: store.postgres }),
        records,
        batchSize: options.batchSize,
        changePage: options.changePage,
        changeFeedRuns: options.changeFeedRuns,
      }
      console.log(
        `  ${store.kind}: loading ${formatNumber(records)} records in batches of ${formatNumber(options.batchSize)}, then ${options.changeFeedRuns} pass(es) over the change feed each way (load average ${loadAverage()})`,
      )
      const profileFlags = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=setup-${store.kind}.cpuprofile`]
      const started = performance.now()
      store.setup = await runTask<ExchangeSetupResult>(SETUP_ENTRY, [JSON.stringify(setupOptions)], profileFlags)
      store.setupSeconds = (performance.now() - started) / 1000
      const batch = batchSummary(store.kind, store.setup)
      console.log(
        `  ${store.kind}: ${formatNumber(batch.recordsPerSecond)} records/s prepare + apply, ${formatNumber(batch.applyRecordsPerSecond)} apply alone; set-up took ${store.setupSeconds.toFixed(0)} s`,
      )
    }
    loadAverages.afterLoading = loadAverage()

    const cases: LookupCase[] = []
    const tokens = new Map<Kind, { server: ChildServer; token: string }>()
    for (const store of stores) {
      const setup = store.setup
      if (setup === undefined) continue
      const huitongSpec: ExchangeTargetSpec = { kind: 'huitong', dataDir: store.dataDir, ...(store.postgres === undefined ? {} : { postgres: store.postgres }) }
      // Huitong first: its connection creates the WAL index a read-only connection needs.
      const huitong = await forkServer(TARGET_ENTRY, [JSON.stringify(huitongSpec)])
      servers.push(huitong)
      const bareSpec: ExchangeTargetSpec =
        store.postgres === undefined
          ? { kind: 'bare-sqlite', file: sqliteFile({ dataDir: store.dataDir }), resourceId: setup.resourceId }
          : { kind: 'bare-postgres', url: store.postgres.url, schema: store.postgres.schema, resourceId: setup.resourceId }
      const bare = await forkServer(TARGET_ENTRY, [JSON.stringify(bareSpec)])
      servers.push(bare)
      const token = await login(huitong.url, 'heping', DEFAULT_DEMO_PASSWORD)
      tokens.set(store.kind, { server: huitong, token })
      const keys = sampleResidentIds(setup.records, options.lookupKeys)
      const headers = { authorization: `Bearer ${token}` }
      const huitongPaths = keys.map((key) => `/api/v1/exchange/resources/${setup.code}/records/${key}`)
      const barePaths = keys.map((key) => `/records/${key}`)
      await expectOk(huitong.url, huitongPaths[0] ?? '', headers)
      await expectOk(bare.url, barePaths[0] ?? '')
      const bareName = `${store.kind} bare fastify + ${store.kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`
      cases.push(
        { name: bareName, server: bare, paths: barePaths, headers: {} },
        { name: `${store.kind} huitong lookup (gate, audit)`, server: huitong, paths: huitongPaths, headers, baseline: bareName },
      )
    }
    console.log(
      `\n  lookup over HTTP: ${options.rounds} round(s) at ${options.connections.join(' and ')} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up, ${formatNumber(options.lookupKeys)} distinct keys`,
    )
    const lookups = await runLookupRounds(cases, options)
    loadAverages.afterLookups = loadAverage()

    const feeds: FeedSummary[] = []
    for (const store of stores) {
      const setup = store.setup
      const client = tokens.get(store.kind)
      if (setup === undefined || client === undefined) continue
      const subscription = await subscribe(client.server.url, setup.code, client.token)
      const feedPaths = [`/api/v1/exchange/resources/${setup.code}/changes`, `/api/v1/exchange/subscriptions/${subscription}/changes`]
      // Warm-up, discarded: the first pages compile the feed's code path, as the lookups' warm-up run does.
      for (const feed of feedPaths) await readFeedOverHttp(client.server, feed, client.token, options.changePage, 3)
      const httpRuns: ChangeFeedRun[] = []
      const subscriptionRuns: ChangeFeedRun[] = []
      for (let run = 0; run < options.changeFeedRuns; run += 1) {
        httpRuns.push(await readFeedOverHttp(client.server, feedPaths[0] ?? '', client.token, options.changePage))
        subscriptionRuns.push(await readFeedOverHttp(client.server, feedPaths[1] ?? '', client.token, options.changePage))
      }
      if ([...httpRuns, ...subscriptionRuns].some((run) => run.records !== setup.records))
        throw new Error(`${store.kind}: the HTTP change feed did not return every change`)
      feeds.push(
        feedSummary(store.kind, 'DatasetRepository.changes (raw)', setup.rawChanges),
        feedSummary(store.kind, 'AccessGate.changes (in process)', setup.gateChanges),
        feedSummary(store.kind, `GET …/resources/{code}/changes over HTTP`, httpRuns),
        feedSummary(store.kind, `GET …/subscriptions/{id}/changes over HTTP`, subscriptionRuns),
      )
    }
    loadAverages.end = loadAverage()

    const batches = stores.flatMap((store) => (store.setup === undefined ? [] : [batchSummary(store.kind, store.setup)]))
    printTable(
      `batch upsert: new records in batches of ${formatNumber(options.batchSize)}, one batch after another; prepare = DatasetService.prepare (validation), apply = DatasetRepository.applyBatch`,
      ['database', 'records', 'prepare + apply rec/s', 'apply rec/s', 'prepare rec/s', 'first / last batch apply rec/s', 'prepare s', 'apply s'],
      batches.map((b) => [
        b.kind,
        formatNumber(b.records),
        formatNumber(b.recordsPerSecond),
        formatNumber(b.applyRecordsPerSecond),
        formatNumber(b.prepareRecordsPerSecond),
        `${formatNumber(b.firstBatchApplyRecordsPerSecond)} / ${formatNumber(b.lastBatchApplyRecordsPerSecond)}`,
        (b.prepareMs / 1000).toFixed(1),
        (b.applyMs / 1000).toFixed(1),
      ]),
    )
    const sqliteStore = stores.find((store) => store.kind === 'sqlite')
    if (sqliteStore?.setup?.databaseBytes !== null && sqliteStore?.setup?.databaseBytes !== undefined) {
      console.log(`SQLite file after loading: ${(sqliteStore.setup.databaseBytes / 1024 / 1024).toFixed(0)} MB`)
    }
    printTable(
      `change feed: every change read in pages of ${formatNumber(options.changePage)}, median of ${options.changeFeedRuns} pass(es); the gate's pages are decided, masked and audited as heping`,
      ['database', 'way', 'changes', 'records/s', 'server µs/record', 'runs (records/s)'],
      feeds.map((f) => [
        f.kind,
        f.way,
        formatNumber(f.records),
        formatNumber(f.recordsPerSecond),
        f.serverCpuMicrosPerRecord === null ? '' : f.serverCpuMicrosPerRecord.toFixed(1),
        f.runs.map((rate) => formatNumber(rate)).join(' / '),
      ]),
    )
    console.log("server µs/record is the Huitong process's CPU (all threads) per change read over HTTP; the client's parsing is not in it.")
    printLookups(
      `lookup over HTTP: median of ${options.rounds} run(s) at each level, ${options.durationSeconds} s each; heping through the gate (name masked, audit row committed before the answer) against a bare server on the same table`,
      lookups,
    )
    console.log(
      `load average (1, 5, 15 min): ${Object.entries(loadAverages)
        .map(([at, value]) => `${at} ${value}`)
        .join('; ')} on ${os.availableParallelism()} cores`,
    )

    console.log('\ntargets:')
    printLookupTargets(lookups, TARGETS, (r) => `${formatNumber(stores.find((store) => r.name.startsWith(store.kind))?.setup?.records ?? 0)} records`)
    for (const b of batches) {
      console.log(
        `  ${b.kind} batch upsert: ${formatNumber(b.recordsPerSecond)} records/s (validation included) ${meets(b.recordsPerSecond >= TARGETS.batchRecordsPerSecond)} ≥ ${formatNumber(TARGETS.batchRecordsPerSecond)}`,
      )
    }
    for (const f of feeds.filter((feed) => !feed.way.includes('raw'))) {
      console.log(
        `  ${f.kind} change feed, ${f.way}: ${formatNumber(f.recordsPerSecond)} records/s ${meets(f.recordsPerSecond >= TARGETS.changeFeedRecordsPerSecond)} ≥ ${formatNumber(TARGETS.changeFeedRecordsPerSecond)}`,
      )
    }

    const file = writeResults('exchange', {
      options,
      targets: TARGETS,
      loadAverages,
      setup: stores.map((store) => ({ kind: store.kind, setupSeconds: store.setupSeconds, ...store.setup })),
      batches,
      feeds,
      lookups,
    })
    console.log(`results: ${file}`)

    // Profiled runs come after the measured ones: the sampler slows the server down.
    if (profileDir !== undefined) {
      for (const store of stores) printProfile(`loading and change feeds on ${store.kind}`, path.join(profileDir, `setup-${store.kind}.cpuprofile`))
      for (const c of cases.filter((candidate) => candidate.baseline !== undefined)) {
        const kind = c.name.split(' ')[0] ?? 'server'
        const connections = options.connections.at(-1) ?? 10
        const file = path.join(profileDir, `lookup-${kind}.cpuprofile`)
        await c.server.profile(file, () => loadCase(c, options, connections))
        printProfile(`the ${kind} Huitong server under the lookup load at ${connections} connections`, file)
      }
    }
  } finally {
    for (const server of servers) await server.stop()
    for (const store of stores) {
      if (store.postgres !== undefined)
        await dropSchema(store.postgres.url, store.postgres.schema).catch((error: unknown) => console.error(`dropping ${store.postgres?.schema}:`, error))
      fs.rmSync(store.dataDir, { recursive: true, force: true })
    }
  }
}

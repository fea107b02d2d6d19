/**
 * The legal-person base registry's hot paths at city scale, on SQLite (1 M generated entities by
 * default) and, when reachable, PostgreSQL (200 000, in a schema of its own dropped afterwards):
 *   - import: importEntities over a CSV that writeEntitiesCsv generated (representatives drawn
 *     from the start of a 1 M-person population stream), into a fresh database seeded with the
 *     demo catalog and accounts but no persons and no entities: rows/s end to end, its check phase
 *     (parse, validate, stage) and write phase (upsert in batches) apart, and the importing
 *     process's peak RSS; then, in the full run, the same file again, every row unchanged;
 *   - lookup by credit code over HTTP as heping, through the gate (granted items only, the
 *     representative masked, audit row committed before the answer), against a bare Fastify app
 *     reading the same table of the same database, in the same run;
 *   - name search: in process, EntityNameSearch over the registry (its build as at a node's
 *     start, on a worker thread: timed, weighed, the event loop's delay watched; and the same build
 *     all at once on the main thread), then each query of a mix made from sampled names timed; over HTTP, a new server
 *     warming its index while lookups go on (how long until it searches, what the lookups wait),
 *     then GET /api/v1/legal-persons?q= as heping at low concurrency, each response timed for p95,
 *     beside the lookup on the same server at the same concurrency (what the search adds).
 * `searchOnly` (--only search) keeps what the name search needs: one import, no bare servers.
 * Each step runs in a process of its own (`legal-persons-setup.ts`), so a peak RSS is that step's
 * alone; each server runs in its own process (`legal-persons-target.ts`).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { GenerateResult, ImportResult, LatencySummary, LegalPersonsTask, SampleResult, SearchResult, SeedResult } from './legal-persons-setup.js'
import type { LegalPersonsTargetSpec } from './legal-persons-target.js'
import { forkServer, type ChildServer } from './support/child-server.js'
import { runTask } from './support/child-task.js'
import { NAME_QUERY_TYPES, type NameQueryCase } from './support/entity-name-queries.js'
import { expectOk, getJson, login } from './support/huitong-client.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { measureLatency, type LatencyRun } from './support/latency-load.js'
import { loadAverage, loadCase, printLookups, printLookupTargets, runLookupRounds, type LookupCase } from './support/lookup-rounds.js'
import type { StoreSpec } from './support/open-store.js'
import { BENCH_POSTGRES_URL, dropSchema, postgresReachable } from './support/postgres.js'
import { printProfile, printThreadProfiles } from './support/profile-report.js'
import { printTable, writeResults } from './support/report.js'
import { IMPORT_TABLE_COLUMNS, importTableRow, phaseSummary } from './support/timed-import.js'
import { formatNumber, median, percentile } from './support/stats.js'

export interface LegalPersonsBenchOptions {
  /** Entities generated and imported on SQLite. */
  readonly entities: number
  /** The same on PostgreSQL: fewer, as its import writes through multi-row statements over the network. */
  readonly postgresEntities: number
  /** The population stream the representatives are drawn from (from its start). */
  readonly populationCount: number
  /** Import the same file a second time, every row unchanged. */
  readonly reimport: boolean
  /** Distinct existing credit codes the lookup load cycles through. */
  readonly lookupKeys: number
  /** Queries of each type in the name-search mix, each from a different sampled entity. */
  readonly queriesPerType: number
  /** Fresh indexes built after the first in the search process, for the build time alone. */
  readonly searchRebuilds: number
  readonly warmupSearches: number
  /** In-process searches timed, round-robin over the mix. */
  readonly searches: number
  readonly rounds: number
  /** Connection levels of the lookup load (see LookupLoadOptions). */
  readonly connections: readonly number[]
  /** Connections of the HTTP search load: few, so a response's time is the search's, not the queue's. */
  readonly searchConnections: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Profile the import processes, the index build and searches, and each Huitong server under load, and summarise. */
  readonly cpuProfile: boolean
  /** Only what the name search needs: the import once, no bare servers and no lookup rounds against them. */
  readonly searchOnly: boolean
}

export const LEGAL_PERSONS_DEFAULTS: LegalPersonsBenchOptions = {
  entities: 1_000_000,
  postgresEntities: 200_000,
  populationCount: 1_000_000,
  reimport: true,
  lookupKeys: 4000,
  queriesPerType: 8,
  searchRebuilds: 2,
  warmupSearches: 200,
  searches: 3000,
  rounds: 3,
  connections: [10, 64],
  searchConnections: 4,
  warmupSeconds: 1,
  durationSeconds: 5,
  cpuProfile: false,
  searchOnly: false,
}

/** The issue's targets, set for SQLite at 1 M entities. */
const TARGETS = {
  entities: 1_000_000,
  importRowsPerSecond: 50_000,
  lookupRequestsPerSecond: 3000,
  lookupRatioToBare: 0.4,
  searchP95Ms: 50,
}
const GENERATOR_SEED = 2026
const POPULATION_SEED = 1
/** The API's default page size for a name search. */
const SEARCH_LIMIT = 20
const SETUP_ENTRY = new URL('./legal-persons-setup.ts', import.meta.url)
const TARGET_ENTRY = new URL('./legal-persons-target.ts', import.meta.url)
const PROFILE_DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url))

type Kind = 'sqlite' | 'postgres'

interface Store {
  readonly kind: Kind
  /** A temporary directory for everything of this store: the data directory, the CSV, the import's work. */
  readonly root: string
  readonly spec: StoreSpec
  readonly entities: number
  generated?: GenerateResult
  seeded?: SeedResult
  imported?: ImportResult
  reimported?: ImportResult
  sampled?: SampleResult
  searched?: SearchResult
  /** A new server warming its name index, lookups going on meanwhile. */
  warmup?: WarmupResult
}

/** A new Huitong server from its first answer until its name index searches. */
interface WarmupResult {
  /** From the server's first answer to the first search answered 200. */
  readonly readyMs: number
  /** Searches answered 503 (index warming) meanwhile, each after waiting up to 2 s for the index. */
  readonly unavailable: number
  /** Lookups answered meanwhile, two at a time, and their latency: what requests wait behind the build. */
  readonly during: LookupLoops
  /** The same lookups as long again once the index is there, for comparison. */
  readonly after: LookupLoops
}

interface LookupLoops {
  readonly lookups: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

/** Two loops of lookups, one request after another each, until `done` says so; every response timed. */
async function lookupLoops(server: ChildServer, paths: readonly string[], headers: Record<string, string>, done: () => boolean): Promise<LookupLoops> {
  const times: number[] = []
  const loop = async (from: number) => {
    for (let i = from; !done(); i += 2) {
      const sent = performance.now()
      await expectOk(server.url, paths[i % paths.length] ?? '', headers)
      times.push(performance.now() - sent)
    }
  }
  await Promise.all([loop(0), loop(1)])
  return { lookups: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), maxMs: times.reduce((max, time) => Math.max(max, time), 0) }
}

/**
 * Times a new server's warm-up: searches one after another (each waits up to 2 s for the index,
 * then is answered 503) until one is answered 200, while two loops of lookups go on and are timed.
 */
async function measureWarmup(
  server: ChildServer,
  searchPathname: string,
  lookupPaths: readonly string[],
  headers: Record<string, string>,
): Promise<WarmupResult> {
  const started = performance.now()
  let ready = false
  const lookups = lookupLoops(server, lookupPaths, headers, () => ready)
  let unavailable = 0
  try {
    while (!ready) {
      const response = await fetch(new URL(searchPathname, server.url), { headers })
      const body = await response.text()
      if (response.status === 200) ready = true
      else if (response.status === 503) {
        unavailable += 1
        await sleep(100)
      } else throw new Error(`GET ${searchPathname} while warming: HTTP ${response.status} ${body}`)
    }
  } finally {
    ready = true
  }
  const readyMs = performance.now() - started
  const during = await lookups
  const until = performance.now() + Math.min(readyMs, 10_000)
  const after = await lookupLoops(server, lookupPaths, headers, () => performance.now() >= until)
  return { readyMs, unavailable, during, after }
}

/** A load timed response by response at low concurrency: the name search, and a lookup beside it as its baseline. */
interface LatencyCase {
  readonly name: string
  readonly kind: Kind
  readonly what: 'search' | 'lookup'
  readonly server: ChildServer
  readonly paths: readonly string[]
  readonly headers: Record<string, string>
}

interface LatencyCaseResult {
  readonly name: string
  readonly kind: Kind
  readonly what: 'search' | 'lookup'
  readonly runs: readonly LatencyRun[]
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly failures: number
}

const perSecond = (rows: number, ms: number): number => (rows * 1000) / ms
const megabytes = (bytes: number): string => formatNumber(bytes / 1024 / 1024)
const meets = (ok: boolean): string => (ok ? 'meets' : 'MISSES')
const seconds = (ms: number): string => (ms / 1000).toFixed(1)
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1))
const searchPath = (q: string): string => `/api/v1/legal-persons?q=${encodeURIComponent(q)}`

/** The matches of a type's queries, fewest to most. */
function matchRange(totals: SearchResult['totals'], type: string): string {
  const found = totals.filter((total) => total.type === type).map((total) => total.total)
  if (found.length === 0) return ''
  const low = Math.min(...found)
  const high = Math.max(...found)
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`
}

function printSearchInProcess(stores: readonly Store[], options: LegalPersonsBenchOptions): void {
  const searched = stores.filter((store): store is Store & { searched: SearchResult } => store.searched !== undefined)
  printTable(
    'name index: a new EntityNameSearch warms as a node does at start-up, reading every name (entities.names(), pages of 500 by code) for a worker thread that builds the index and hands it over; ' +
      'event-loop delay of the main thread meanwhile (monitorEventLoopDelay, 10 ms resolution); memory after full collections, index over no index (the worker gone)',
    [
      'database',
      'entities',
      'set-up ms',
      'build s',
      'of which reading names s',
      'rebuilds s',
      'all at once s',
      'loop delay p50 / p99 / max ms',
      'loop turns',
      'index arrays MB',
      'heap MB',
      'array buffers MB',
      'RSS MB before / after',
      'peak RSS MB',
    ],
    searched.map(({ kind, searched: s }) => [
      kind,
      formatNumber(s.entities),
      formatNumber(s.prepareMs),
      seconds(s.buildMs),
      seconds(s.readNamesMs),
      s.rebuildMs.map(seconds).join(' / '),
      seconds(s.atOnceMs),
      `${ms(s.buildDelay.p50Ms)} / ${ms(s.buildDelay.p99Ms)} / ${ms(s.buildDelay.maxMs)}`,
      formatNumber(s.buildTurns),
      formatNumber(s.indexArraysMb),
      formatNumber(s.retainedHeapMb),
      formatNumber(s.retainedArrayBuffersMb),
      `${formatNumber(s.rssBeforeMb)} / ${formatNumber(s.rssAfterMb)}`,
      formatNumber(s.maxRssAfterBuildMb),
    ]),
  )
  console.log(
    "set-up: the main thread's libraries for names (OpenCC's and pinyin-pro's dictionaries), once per process, before the build and not in its figures: one stretch of that length. " +
      "Rebuilds are fresh indexes in the same process, after it. Reading names is timed alone after the build, its pages cached. Heap and array buffers: the main isolate's, which the buffers handed over by the worker may not count in. " +
      '"all at once" normalises the names read beforehand and builds on the main thread without pausing: the stretch the build held the event loop before it moved to a worker.',
  )
  printTable(
    `name search in process: ${formatNumber(options.searches)} EntityNameSearch.search() calls, one at a time, round-robin over the mix after ${formatNumber(options.warmupSearches)} warm-up; ` +
      `limit ${SEARCH_LIMIT}, former names searched; each search also reads the registry head (one query) to catch up with changes; matches count up to 10 000`,
    ['database', 'query type', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'matches', 'example'],
    searched.flatMap(({ kind, searched: s }) =>
      s.latencies.map((row: LatencySummary) => [
        kind,
        row.type,
        formatNumber(row.count),
        ms(row.p50Ms),
        ms(row.p95Ms),
        ms(row.p99Ms),
        ms(row.maxMs),
        row.type === 'all' ? '' : matchRange(s.totals, row.type),
        s.totals.find((total) => total.type === row.type)?.q ?? '',
      ]),
    ),
  )
}

export async function benchLegalPersons(options: LegalPersonsBenchOptions = LEGAL_PERSONS_DEFAULTS): Promise<void> {
  const withPostgres = await postgresReachable()
  if (!withPostgres) console.log(`PostgreSQL at ${BENCH_POSTGRES_URL} does not answer: SQLite only`)
  let profileDir: string | undefined
  if (options.cpuProfile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    profileDir = fs.mkdtempSync(path.join(PROFILE_DIR, 'legal-persons-'))
    console.log(
      '  --cpu-prof: the import processes are profiled while they are measured, which slows them a little; the index build, the searches and the servers are profiled after their measured runs',
    )
  }
  // A directory per process and Node's own file names: each thread writes its profile (tsx's
  // loader thread too), and one fixed name would let the last overwrite the rest.
  const profileFlags = (name: string): string[] => (profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`])
  const loadAverages: Record<string, string> = { start: loadAverage() }
  const newStore = (kind: Kind, entities: number): Store => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-legal-persons-'))
    const dataDir = path.join(root, 'data')
    const spec: StoreSpec =
      kind === 'sqlite' ? { dataDir } : { dataDir, postgres: { url: BENCH_POSTGRES_URL, schema: `bench_${randomBytes(6).toString('hex')}` } }
    return { kind, root, spec, entities }
  }
  const stores: Store[] = [newStore('sqlite', options.entities)]
  if (withPostgres) stores.push(newStore('postgres', options.postgresEntities))
  const servers: ChildServer[] = []
  try {
    for (const store of stores) {
      const step = <T>(task: LegalPersonsTask, nodeOptions: readonly string[] = []): Promise<T> => runTask<T>(SETUP_ENTRY, [JSON.stringify(task)], nodeOptions)
      const csv = path.join(store.root, 'entities.csv')
      console.log(
        `  ${store.kind}: generating ${formatNumber(store.entities)} entities into ${csv}, representatives from a population of ${formatNumber(options.populationCount)} (load average ${loadAverage()})`,
      )
      store.generated = await step<GenerateResult>({
        task: 'generate',
        file: csv,
        count: store.entities,
        seed: GENERATOR_SEED,
        populationCount: options.populationCount,
        populationSeed: POPULATION_SEED,
      })
      console.log(
        `  ${store.kind}: ${megabytes(store.generated.bytes)} MB in ${seconds(store.generated.ms)} s; seeding the demo catalog and accounts, no persons, no entities`,
      )
      store.seeded = await step<SeedResult>({ task: 'seed', store: store.spec })
      console.log(
        `  ${store.kind}: registry bound to ${store.seeded.code}; heping's automatic grant (${formatNumber(store.seeded.grantedRateLimit)} reads a minute) lifted to no limit; importing (load average ${loadAverage()})`,
      )
      const importTask: LegalPersonsTask = { task: 'import', store: store.spec, file: csv, workDir: path.join(store.root, 'import') }
      store.imported = await step<ImportResult>(importTask, profileFlags(`import-${store.kind}`))
      const imported = store.imported
      console.log(
        `  ${store.kind}: imported ${formatNumber(imported.report.rows)} rows at ${formatNumber(perSecond(imported.report.rows, imported.ms))} rows/s in ${seconds(imported.ms)} s ` +
          `(${phaseSummary(imported)} s), CPU ${seconds(imported.cpuMs.user + imported.cpuMs.system)} s, peak RSS ${megabytes(imported.maxRssKb * 1024)} MB (load average ${loadAverage()})`,
      )
      if (imported.report.created !== store.entities || imported.report.rejected > 0) {
        console.log(
          `  WARNING ${store.kind}: ${formatNumber(imported.report.created)} created and ${formatNumber(imported.report.rejected)} rejected of ${formatNumber(store.entities)} generated entities`,
        )
      }
      if (options.reimport && !options.searchOnly) {
        console.log(`  ${store.kind}: importing the same file again (load average ${loadAverage()})`)
        store.reimported = await step<ImportResult>(importTask)
        const again = store.reimported
        console.log(
          `  ${store.kind}: re-imported at ${formatNumber(perSecond(again.report.rows, again.ms))} rows/s, ${formatNumber(again.report.unchanged)} unchanged, peak RSS ${megabytes(again.maxRssKb * 1024)} MB`,
        )
        if (again.report.unchanged !== imported.report.accepted)
          console.log(
            `  WARNING ${store.kind}: the same file again left ${formatNumber(again.report.unchanged)} of ${formatNumber(imported.report.accepted)} unchanged`,
          )
      }
      fs.rmSync(csv, { force: true })

      store.sampled = await step<SampleResult>({ task: 'sample', store: store.spec, lookupKeys: options.lookupKeys, queriesPerType: options.queriesPerType })
      const missing = NAME_QUERY_TYPES.filter((type) => !store.sampled?.queries.some((query) => query.type === type))
      if (missing.length > 0) console.log(`  WARNING ${store.kind}: the sample gave no query of type ${missing.join(', ')}`)
      console.log(
        `  ${store.kind}: ${formatNumber(store.sampled.lookupKeys.length)} lookup keys and ${store.sampled.queries.length} name queries sampled in ${seconds(store.sampled.ms)} s; ` +
          `building the name index and searching in process (load average ${loadAverage()})`,
      )
      store.searched = await step<SearchResult>(
        {
          task: 'search',
          store: store.spec,
          queries: store.sampled.queries,
          rebuilds: options.searchRebuilds,
          warmupSearches: options.warmupSearches,
          searches: options.searches,
          limit: SEARCH_LIMIT,
          ...(profileDir === undefined ? {} : { profileDir: path.join(profileDir, `search-${store.kind}`) }),
        },
        ['--expose-gc'],
      )
      const all = store.searched.latencies.find((row) => row.type === 'all')
      console.log(
        `  ${store.kind}: index built in ${seconds(store.searched.buildMs)} s (event-loop delay max ${ms(store.searched.buildDelay.maxMs)} ms; ${seconds(store.searched.atOnceMs)} s all at once), ` +
          `${formatNumber(store.searched.retainedHeapMb + store.searched.retainedArrayBuffersMb)} MB retained; ` +
          `search p50 ${ms(all?.p50Ms ?? Number.NaN)} ms, p95 ${ms(all?.p95Ms ?? Number.NaN)} ms`,
      )
    }
    loadAverages.afterLoading = loadAverage()

    const cases: LookupCase[] = []
    const latencyCases: LatencyCase[] = []
    const masking: Array<{ kind: Kind; key: string; registry: unknown; heping: unknown; masked: boolean }> = []
    for (const store of stores) {
      const keys = store.sampled?.lookupKeys ?? []
      // Huitong first: its connection creates the WAL index a read-only connection needs.
      const huitongSpec: LegalPersonsTargetSpec = {
        kind: 'huitong',
        dataDir: store.spec.dataDir,
        ...(store.spec.postgres === undefined ? {} : { postgres: store.spec.postgres }),
      }
      // The server starts warming its name index as it starts, as `huitong serve` does.
      const huitong = await forkServer(TARGET_ENTRY, [JSON.stringify(huitongSpec)])
      servers.push(huitong)
      const token = await login(huitong.url, 'heping', DEFAULT_DEMO_PASSWORD)
      const headers = { authorization: `Bearer ${token}` }
      const huitongPaths = keys.map((key) => `/api/v1/legal-persons/${key}`)
      const queries: readonly NameQueryCase[] = store.sampled?.queries ?? []
      const paths = queries.map((query) => searchPath(query.q))
      console.log(`  ${store.kind}: a new server warms its name index; lookups go on meanwhile (load average ${loadAverage()})`)
      store.warmup = await measureWarmup(huitong, paths[0] ?? '', huitongPaths, headers)
      const warmup = store.warmup
      console.log(
        `  ${store.kind}: searching ${seconds(warmup.readyMs)} s after the server's first answer (${warmup.unavailable} searches answered 503 meanwhile); ` +
          `${formatNumber(warmup.during.lookups)} lookups meanwhile, p50 ${ms(warmup.during.p50Ms)} ms, p99 ${ms(warmup.during.p99Ms)} ms, max ${ms(warmup.during.maxMs)} ms; ` +
          `after it, p50 ${ms(warmup.after.p50Ms)} ms, p99 ${ms(warmup.after.p99Ms)} ms`,
      )
      for (const searchPathname of paths) await expectOk(huitong.url, searchPathname, headers)
      if (!options.searchOnly) {
        const bareSpec: LegalPersonsTargetSpec =
          store.spec.postgres === undefined
            ? { kind: 'bare-sqlite', file: sqliteFile({ dataDir: store.spec.dataDir }) }
            : { kind: 'bare-postgres', url: store.spec.postgres.url, schema: store.spec.postgres.schema }
        const bare = await forkServer(TARGET_ENTRY, [JSON.stringify(bareSpec)])
        servers.push(bare)
        const barePaths = keys.map((key) => `/entities/${key}`)
        await expectOk(bare.url, barePaths[0] ?? '')
        const registry = (await getJson(bare.url, barePaths[0] ?? '')).legal_representative
        const heping = (await getJson(huitong.url, huitongPaths[0] ?? '', headers)).legal_representative
        masking.push({ kind: store.kind, key: keys[0] ?? '', registry, heping, masked: typeof heping === 'string' && heping !== registry })
        if (heping === registry)
          console.log(`  WARNING ${store.kind}: heping sees ${keys[0] ?? ''}'s representative in clear (${String(heping)}); the grant masks it`)
        const bareName = `${store.kind} bare fastify + ${store.kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`
        cases.push(
          { name: bareName, server: bare, paths: barePaths, headers: {} },
          { name: `${store.kind} huitong lookup (gate, audit)`, server: huitong, paths: huitongPaths, headers, baseline: bareName },
        )
      }
      latencyCases.push(
        { name: `${store.kind} huitong name search (gate, audit)`, kind: store.kind, what: 'search', server: huitong, paths, headers },
        { name: `${store.kind} huitong lookup, same concurrency`, kind: store.kind, what: 'lookup', server: huitong, paths: huitongPaths, headers },
      )
    }
    if (cases.length > 0) {
      console.log(
        `\n  lookup over HTTP: ${options.rounds} round(s) at ${options.connections.join(' and ')} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up, ` +
          `${formatNumber(options.lookupKeys)} distinct existing credit codes; heping sees the representative ${masking.map((m) => `${String(m.registry)} as ${String(m.heping)}`).join(', ')}`,
      )
    }
    const lookups = cases.length === 0 ? [] : await runLookupRounds(cases, options)
    loadAverages.afterLookups = loadAverage()

    console.log(
      `\n  name search over HTTP: ${options.rounds} round(s), ${options.searchConnections} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up, cycling through the mix; ` +
        'the lookup at the same concurrency beside it, as its baseline',
    )
    const latencyRuns = new Map<string, LatencyRun[]>(latencyCases.map((c) => [c.name, []]))
    for (let round = 0; round < options.rounds; round += 1) {
      const order = latencyCases.map((_, index) => latencyCases[(index + round) % latencyCases.length]).filter((c): c is LatencyCase => c !== undefined)
      for (const c of order) {
        const run = await measureLatency({
          url: new URL('/', c.server.url).href,
          paths: c.paths,
          headers: c.headers,
          connections: options.searchConnections,
          warmupSeconds: options.warmupSeconds,
          durationSeconds: options.durationSeconds,
        })
        latencyRuns.get(c.name)?.push(run)
        console.log(
          `  round ${round + 1}/${options.rounds}  ${c.name.padEnd(42)} ${formatNumber(run.requestsPerSecond).padStart(6)} req/s  p50 ${ms(run.p50Ms)} ms  p95 ${ms(run.p95Ms)} ms  p99 ${ms(run.p99Ms)} ms  load ${loadAverage()}` +
            (run.failures > 0 ? `  FAILURES ${run.failures}` : ''),
        )
      }
    }
    const latencies = latencyCases.map((c): LatencyCaseResult => {
      const runs = latencyRuns.get(c.name) ?? []
      return {
        name: c.name,
        kind: c.kind,
        what: c.what,
        runs,
        requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
        p50Ms: median(runs.map((run) => run.p50Ms)),
        p95Ms: median(runs.map((run) => run.p95Ms)),
        p99Ms: median(runs.map((run) => run.p99Ms)),
        failures: runs.reduce((sum, run) => sum + run.failures, 0),
      }
    })
    const searches = latencies.filter((r) => r.what === 'search')
    loadAverages.end = loadAverage()

    printTable(
      'import: importEntities over the generated CSV (UTF-8), first into a registry with no entities; phases as its progress messages name them, each up to its last report (the last one to the end)',
      IMPORT_TABLE_COLUMNS,
      stores.flatMap((store) => [
        ...(store.imported === undefined ? [] : [importTableRow(store.kind, 'new entities', store.imported)]),
        ...(store.reimported === undefined ? [] : [importTableRow(store.kind, 'same file again', store.reimported)]),
      ]),
    )
    console.log(
      'peak RSS is the importing process\'s maxRSS over its life; "before" is the same read when the import began (tsx, modules, connection), each phase\'s the largest RSS seen at its progress reports.',
    )
    for (const store of stores) {
      const { generated, imported } = store
      if (generated === undefined || imported === undefined) continue
      console.log(
        `${store.kind}: CSV of ${formatNumber(generated.rows)} entities ${megabytes(generated.bytes)} MB, generated in ${seconds(generated.ms)} s` +
          (imported.databaseBytes === null ? '' : `; SQLite file after the import ${megabytes(imported.databaseBytes)} MB`),
      )
    }

    printSearchInProcess(stores, options)

    if (lookups.length > 0) {
      printLookups(
        `lookup over HTTP: median of ${options.rounds} run(s) at each level, ${options.durationSeconds} s each; heping through the gate (granted items, representative masked, audit row committed before the answer) against a bare server on the same table`,
        lookups,
      )
    }

    printTable(
      'a new server warming its name index (built at start-up on a worker thread): searches one after another, each waiting up to 2 s for the index and then answered 503, ' +
        'until one is answered; lookups by credit code as heping meanwhile, two loops of one request after another, and the same as long again (at most 10 s) once the index is there',
      [
        'database',
        'entities',
        'searching after s',
        'searches answered 503',
        'lookups meanwhile',
        'p50 / p99 / max ms',
        'lookups after',
        'p50 / p99 / max ms after',
      ],
      stores.flatMap(({ kind, entities, warmup }) =>
        warmup === undefined
          ? []
          : [
              [
                kind,
                formatNumber(entities),
                seconds(warmup.readyMs),
                String(warmup.unavailable),
                formatNumber(warmup.during.lookups),
                `${ms(warmup.during.p50Ms)} / ${ms(warmup.during.p99Ms)} / ${ms(warmup.during.maxMs)}`,
                formatNumber(warmup.after.lookups),
                `${ms(warmup.after.p50Ms)} / ${ms(warmup.after.p99Ms)} / ${ms(warmup.after.maxMs)}`,
              ],
            ],
      ),
    )
    console.log("searching after: from the server's first answer (its build began just before) to the first search answered.")

    printTable(
      `name search over HTTP as heping: GET /api/v1/legal-persons?q= (limit ${SEARCH_LIMIT}, gate, audit, the page's entities read by code) cycling through the mix, ` +
        `and the lookup by credit code on the same server at the same concurrency; median of ${options.rounds} run(s), ${options.searchConnections} connections, ${options.durationSeconds} s each; every response timed`,
      ['case', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / p95 over lookup ms', 'failures', 'runs (p95 ms)'],
      latencies.map((r) => {
        const lookup = latencies.find((other) => other.kind === r.kind && other.what === 'lookup')
        return [
          r.name,
          formatNumber(r.requestsPerSecond),
          ms(r.p50Ms),
          ms(r.p95Ms),
          ms(r.p99Ms),
          r.what === 'search' && lookup !== undefined ? `+${ms(r.p50Ms - lookup.p50Ms)} / +${ms(r.p95Ms - lookup.p95Ms)}` : '',
          String(r.failures),
          r.runs.map((run) => ms(run.p95Ms)).join(' / '),
        ]
      }),
    )
    console.log('over lookup: what a search adds to a lookup through the same gate, audit and server, both medians of this run.')
    console.log(
      `load average (1, 5, 15 min): ${Object.entries(loadAverages)
        .map(([at, value]) => `${at} ${value}`)
        .join('; ')} on ${os.availableParallelism()} cores`,
    )

    console.log(`\ntargets (set for SQLite at ${formatNumber(TARGETS.entities)} entities; other scales are shown against them for reference):`)
    for (const store of stores) {
      const scale = `${store.kind}, ${formatNumber(store.entities)} entities`
      const { imported, searched } = store
      if (imported !== undefined) {
        const rate = perSecond(imported.report.rows, imported.ms)
        console.log(
          `  import (${scale}): ${formatNumber(rate)} rows/s ${meets(rate >= TARGETS.importRowsPerSecond)} ≥ ${formatNumber(TARGETS.importRowsPerSecond)}; peak RSS ${megabytes(imported.maxRssKb * 1024)} MB`,
        )
      }
      const all = searched?.latencies.find((row) => row.type === 'all')
      if (all !== undefined) {
        const worst = searched?.latencies.filter((row) => row.type !== 'all').sort((a, b) => b.p95Ms - a.p95Ms)[0]
        console.log(
          `  name search in process (${scale}): p95 ${ms(all.p95Ms)} ms ${meets(all.p95Ms < TARGETS.searchP95Ms)} < ${TARGETS.searchP95Ms} ms` +
            (worst === undefined ? '' : `; slowest type ${worst.type}, p95 ${ms(worst.p95Ms)} ms ${meets(worst.p95Ms < TARGETS.searchP95Ms)}`),
        )
      }
      const http = searches.find((r) => r.kind === store.kind)
      if (http !== undefined)
        console.log(
          `  name search over HTTP (${scale}): p95 ${ms(http.p95Ms)} ms ${meets(http.p95Ms < TARGETS.searchP95Ms)} < ${TARGETS.searchP95Ms} ms at ${options.searchConnections} connections`,
        )
      if (searched !== undefined) {
        console.log(
          `  name index build (${scale}): ${seconds(searched.buildMs)} s on a worker thread, main event-loop delay p99 ${ms(searched.buildDelay.p99Ms)} ms, max ${ms(searched.buildDelay.maxMs)} ms ` +
            `(all at once on the main thread it would hold the loop ${seconds(searched.atOnceMs)} s; library set-up ${formatNumber(searched.prepareMs)} ms once before it); ` +
            `memory: index arrays ${formatNumber(searched.indexArraysMb)} MB, heap ${formatNumber(searched.retainedHeapMb)} MB, peak RSS ${formatNumber(searched.maxRssAfterBuildMb)} MB`,
        )
      }
    }
    printLookupTargets(lookups, TARGETS, (r) => `${formatNumber(stores.find((store) => r.name.startsWith(store.kind))?.entities ?? 0)} entities`)

    const file = writeResults('legal-persons', {
      options,
      targets: TARGETS,
      loadAverages,
      stores: stores.map((store) => ({
        kind: store.kind,
        entities: store.entities,
        generated: store.generated,
        seeded: store.seeded,
        imported: store.imported,
        reimported: store.reimported,
        queries: store.sampled?.queries,
        searched: store.searched,
        warmup: store.warmup,
      })),
      masking,
      lookups,
      latencies,
    })
    console.log(`results: ${file}`)

    // Profiled loads come after the measured ones: the sampler slows the server down.
    if (profileDir !== undefined) {
      for (const store of stores) {
        printThreadProfiles(`the import on ${store.kind}`, path.join(profileDir, `import-${store.kind}`))
        for (const profile of store.searched?.profiles ?? []) printProfile(`the name index on ${store.kind}: ${path.basename(profile, '.cpuprofile')}`, profile)
      }
      for (const c of cases.filter((candidate) => candidate.baseline !== undefined)) {
        const kind = c.name.split(' ')[0] ?? 'server'
        const profile = path.join(profileDir, `lookup-${kind}.cpuprofile`)
        await c.server.profile(profile, () => loadCase(c, options, options.connections.at(-1) ?? 10))
        printProfile(`the ${kind} Huitong server under the lookup load`, profile)
      }
      for (const c of latencyCases.filter((candidate) => candidate.what === 'search')) {
        const profile = path.join(profileDir, `search-http-${c.kind}.cpuprofile`)
        await c.server.profile(profile, () =>
          measureLatency({
            url: new URL('/', c.server.url).href,
            paths: c.paths,
            headers: c.headers,
            connections: options.searchConnections,
            warmupSeconds: options.warmupSeconds,
            durationSeconds: options.durationSeconds,
          }),
        )
        printProfile(`the ${c.kind} Huitong server under the name-search load`, profile)
      }
    }
  } finally {
    for (const server of servers) await server.stop()
    for (const store of stores) {
      const postgres = store.spec.postgres
      if (postgres !== undefined)
        await dropSchema(postgres.url, postgres.schema).catch((error: unknown) => console.error(`dropping ${postgres.schema}:`, error))
      fs.rmSync(store.root, { recursive: true, force: true })
    }
  }
}

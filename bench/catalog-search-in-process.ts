/**
 * The in-process half of `bench/catalog-search.ts`, run in its own `node --expose-gc` process so
 * heap figures are taken after full collections: generates the catalog into a new SQLite
 * database, times and weighs index builds, then times `searchLoaded` over the query mix and the
 * same queries done the naive way in SQL. Sends a CatalogInProcessResult over IPC.
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { CatalogRepository } from '../src/catalog/repository.js'
import { CatalogSearchIndex, type SearchQuery } from '../src/catalog/search-index.js'
import { createContext } from '../src/context.js'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase } from '../src/platform/db/database.js'
import type { Tables } from '../src/tables.js'
import { migrateToLatest } from '../src/migrations/index.js'
import { seedGeneratedCatalog } from './support/catalog-generator.js'
import { CATALOG_QUERIES, QUERY_TYPES, type CatalogQuery } from './support/catalog-queries.js'
import type { TaskResultMessage } from './support/child-task.js'
import { naiveCatalogSearch } from './support/naive-catalog-search.js'
import { percentile } from './support/stats.js'

export interface CatalogInProcessOptions {
  readonly entries: number
  readonly buildRuns: number
  readonly warmupSearches: number
  readonly searches: number
  readonly baselineSearches: number
  /** When set, a profiled index build and search pass follow the measured ones, written here. */
  readonly profileDir?: string
}

export interface LatencySummary {
  readonly type: string
  readonly count: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface CatalogInProcessResult {
  readonly entries: number
  readonly indexed: number
  readonly generateMs: number
  readonly insertMs: number
  /** `repository.changedSince(-1)` alone: the rows and their JSON, the database's part of a build. */
  readonly loadRunsMs: readonly number[]
  readonly firstBuild: BuildRun
  readonly buildRuns: readonly BuildRun[]
  /** Per query type, then 'all'. */
  readonly index: readonly LatencySummary[]
  readonly baseline: readonly LatencySummary[]
  /** Matches each query finds: the index's total and the naive search's. */
  readonly totals: ReadonlyArray<{ readonly type: string; readonly query: SearchQuery; readonly index: number; readonly baseline: number }>
  readonly profiles: readonly string[]
}

const BASELINE_WARMUP = 4

const gc = globalThis.gc
if (gc === undefined) throw new Error('run with node --expose-gc')

/** Heap in use after two full collections (the second catches what finalisers freed). */
function heapUsedMb(): number {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

interface MixRun {
  readonly times: Map<string, number[]>
  /** The total each query of the mix found, by its position in the mix. */
  readonly totals: number[]
}

/** Runs the mix round-robin `count` times, recording each search's time by type. */
function timeMix(search: (query: SearchQuery) => { total: number }, count: number): MixRun {
  const times = new Map<string, number[]>(QUERY_TYPES.map((type) => [type, []]))
  const totals: number[] = []
  for (let i = 0; i < count; i += 1) {
    const position = i % CATALOG_QUERIES.length
    const { type, query } = CATALOG_QUERIES[position] as CatalogQuery
    const started = performance.now()
    const { total } = search(query)
    times.get(type)?.push(performance.now() - started)
    totals[position] = total
  }
  return { times, totals }
}

function summarise(times: ReadonlyMap<string, readonly number[]>): LatencySummary[] {
  const row = (type: string, values: readonly number[]): LatencySummary => ({
    type,
    count: values.length,
    p50Ms: percentile(values, 0.5),
    p95Ms: percentile(values, 0.95),
    p99Ms: percentile(values, 0.99),
    maxMs: Math.max(...values),
  })
  return [...[...times].map(([type, values]) => row(type, values)), row('all', [...times.values()].flat())]
}

export interface BuildRun {
  readonly ms: number
  /** Heap in use with the index over the heap in use before it, both after full collections. */
  readonly retainedMb: number
  readonly heapBeforeMb: number
}

// Each measurement runs in a function of its own that returns numbers only: a finished frame holds
// nothing, while a long-lived async frame may keep stale values (the last rows, the previous
// index) in its registers and skew the heap read after it.

async function timeLoad(repository: CatalogRepository): Promise<number> {
  const started = performance.now()
  const rows = await repository.changedSince(-1)
  const ms = performance.now() - started
  if (rows.length === 0) throw new Error('the catalog is empty')
  return ms
}

async function weighBuild(repository: CatalogRepository): Promise<BuildRun> {
  const heapBeforeMb = heapUsedMb()
  const index = new CatalogSearchIndex(repository)
  const started = performance.now()
  await index.sync()
  const ms = performance.now() - started
  const retainedMb = heapUsedMb() - heapBeforeMb
  if (index.size === 0) throw new Error('the index is empty')
  return { ms, retainedMb, heapBeforeMb }
}

async function profiled<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  try {
    return await work()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    session.disconnect()
    fs.writeFileSync(file, JSON.stringify(profile))
  }
}

async function measure(options: CatalogInProcessOptions): Promise<CatalogInProcessResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-catalog-'))
  const config = loadConfig({ HUITONG_DATA_DIR: dataDir, HUITONG_LOG_LEVEL: 'silent' })
  const database = await openDatabase<Tables>(config)
  try {
    await migrateToLatest(database)
    const context = createContext(config, database)
    await seedDemo(context, DEFAULT_DEMO_PASSWORD, { catalog: false })
    const { generateMs, insertMs } = await seedGeneratedCatalog(context, options.entries)
    await context.close()
    const repository = new CatalogRepository(database)

    const loadRunsMs: number[] = []
    for (let run = 0; run < options.buildRuns; run += 1) loadRunsMs.push(await timeLoad(repository))
    // The first build in a process also pays for the libraries' own set-up (pinyin dictionaries and
    // the like): reported apart, so the runs weigh the index alone.
    const firstBuild = await weighBuild(repository)
    const buildRuns: BuildRun[] = []
    for (let run = 0; run < options.buildRuns; run += 1) buildRuns.push(await weighBuild(repository))
    const built = new CatalogSearchIndex(repository)
    await built.sync()

    const search = (query: SearchQuery) => built.searchLoaded(query)
    timeMix(search, options.warmupSearches)
    const indexRun = timeMix(search, options.searches)

    if (database.sqlite === undefined) throw new Error('the naive baseline needs SQLite')
    const naive = naiveCatalogSearch(database.sqlite)
    // A naive search takes hundreds of milliseconds: a few warm SQLite's page cache, then at least one of each query.
    timeMix(naive, BASELINE_WARMUP)
    const baselineRun = timeMix(naive, Math.max(options.baselineSearches, CATALOG_QUERIES.length))

    const profiles: string[] = []
    if (options.profileDir !== undefined) {
      const buildProfile = path.join(options.profileDir, 'in-process-build.cpuprofile')
      await profiled(buildProfile, () => new CatalogSearchIndex(repository).sync())
      const searchProfile = path.join(options.profileDir, 'in-process-search.cpuprofile')
      await profiled(searchProfile, () => timeMix(search, options.searches))
      profiles.push(buildProfile, searchProfile)
    }

    return {
      entries: options.entries,
      indexed: built.size,
      generateMs,
      insertMs,
      loadRunsMs,
      firstBuild,
      buildRuns,
      index: summarise(indexRun.times),
      baseline: summarise(baselineRun.times),
      totals: CATALOG_QUERIES.map(({ type, query }, position) => ({
        type,
        query,
        index: indexRun.totals[position] ?? -1,
        baseline: baselineRun.totals[position] ?? -1,
      })),
      profiles,
    }
  } finally {
    await database.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const options = JSON.parse(process.argv[2] ?? '{}') as CatalogInProcessOptions
const result = await measure(options)
process.send?.({ type: 'result', result } satisfies TaskResultMessage<CatalogInProcessResult>)
process.disconnect?.()

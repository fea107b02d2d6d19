/**
 * The `legal-persons` benchmark's steps that run in a process of their own (through `runTask`),
 * one step a process, so each one's peak RSS and heap are its own. The argument is one JSON task:
 *   generate  the CSV of N generated entities (writeEntitiesCsv), representatives drawn from the
 *             start of a population stream;
 *   seed      a fresh database with the demo catalog and accounts, no persons and no entities,
 *             both registries bound, heping's automatic grant on 法人基础信息 checked and its rate
 *             limit lifted;
 *   import    importEntities(context.entities, file) timed, with its two phases and the peak RSS;
 *   sample    entities drawn from the registry: the lookup keys, and the name-search query mix;
 *   search    (node --expose-gc) EntityNameSearch over context.entities: its build (warm), as a
 *             node does it at start-up, on a worker thread, timed and weighed, the event loop's
 *             delay watched meanwhile; the same build all at once on the main thread, the time it
 *             would hold the loop; then the query mix timed search by search.
 * The database is left in place for the next step and the servers; the parent removes it.
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { writeEntitiesCsv } from '../src/demo/generators/legal-person.js'
import { importEntities } from '../src/legal-person/imports.js'
import { EntityNameIndex, EntityNameRecords, finish } from '../src/legal-person/name-index.js'
import { EntityNameSearch } from '../src/legal-person/name-search.js'
import { prepareNameTerms } from '../src/legal-person/name-terms.js'
import type { EntityRepository } from '../src/legal-person/repository.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { TaskResultMessage } from './support/child-task.js'
import { nameQueryMix, NAME_QUERY_TYPES, type NameQueryCase } from './support/entity-name-queries.js'
import { sampleEntities } from './support/entity-sample.js'
import { openStore, type StoreSpec } from './support/open-store.js'
import { percentile } from './support/stats.js'
import { timeImport, type TimedImport } from './support/timed-import.js'

/** The department whose consumer account, heping, reads the registry under test. */
const HEPING_DEPARTMENT = '210102000'

export type LegalPersonsTask =
  | {
      readonly task: 'generate'
      readonly file: string
      readonly count: number
      readonly seed: number
      readonly populationCount: number
      readonly populationSeed: number
    }
  | { readonly task: 'seed'; readonly store: StoreSpec }
  | { readonly task: 'import'; readonly store: StoreSpec; readonly file: string; readonly workDir: string }
  | { readonly task: 'sample'; readonly store: StoreSpec; readonly lookupKeys: number; readonly queriesPerType: number }
  | {
      readonly task: 'search'
      readonly store: StoreSpec
      readonly queries: readonly NameQueryCase[]
      /** Fresh indexes built after the first, for the build time without the libraries' own set-up. */
      readonly rebuilds: number
      readonly warmupSearches: number
      readonly searches: number
      /** The page size, as the API's default. */
      readonly limit: number
      /** When set, a profiled build and search pass follow the measured ones, written here. */
      readonly profileDir?: string
    }

export interface GenerateResult {
  readonly rows: number
  readonly bytes: number
  readonly ms: number
}

export interface SeedResult {
  /** The legal-person core's catalog code. */
  readonly code: string
  /** heping's grants on it, given at once because every requested item is unconditional. */
  readonly grantIds: readonly string[]
  /** Their rate limit as granted, before the benchmark lifted it. */
  readonly grantedRateLimit: number
  readonly ms: number
}

export interface ImportResult extends TimedImport {
  /** SQLite only: the database file after the import, WAL checkpointed. */
  readonly databaseBytes: number | null
}

export interface SampleResult {
  readonly lookupKeys: readonly string[]
  readonly queries: readonly NameQueryCase[]
  readonly ms: number
}

export interface LatencySummary {
  readonly type: string
  readonly count: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface SearchResult {
  readonly entities: number
  /** Setting up the main thread's libraries for names (OpenCC, pinyin-pro), once per process, before the build: one uninterrupted stretch. */
  readonly prepareMs: number
  /** The build of a new EntityNameSearch (warm): reading every name for a worker thread, which builds the index and hands it over. */
  readonly buildMs: number
  /** The event loop's delay while it built (monitorEventLoopDelay, 10 ms resolution): what a request would have waited. */
  readonly buildDelay: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number; readonly meanMs: number }
  /** Turns of the event loop during the build (a setImmediate chain): none if the build held the thread. */
  readonly buildTurns: number
  /** The names, read beforehand, normalised and built into an index in one go on the main thread: how long the loop was held before builds moved to a worker. */
  readonly atOnceMs: number
  /** Reading every name through `entities.names()` alone, after the build: the database's part of it. */
  readonly readNamesMs: number
  /** Builds of fresh EntityNameSearches after that one (libraries set up, pages cached), as the first. */
  readonly rebuildMs: readonly number[]
  /** The index's typed arrays (texts, lists, tables), as the index counts them. */
  readonly indexArraysMb: number
  /** After full collections, with the index over without it: JS heap and array buffers (the packed lists) apart. */
  readonly retainedHeapMb: number
  readonly retainedArrayBuffersMb: number
  readonly heapBeforeMb: number
  readonly rssBeforeMb: number
  readonly rssAfterMb: number
  /** Peak RSS of the process by the end of the first build, in MB. */
  readonly maxRssAfterBuildMb: number
  /** Per query type, then 'all'. */
  readonly latencies: readonly LatencySummary[]
  /** Matches each query of the mix finds (up to the index's match limit). */
  readonly totals: ReadonlyArray<NameQueryCase & { readonly total: number }>
  readonly profiles: readonly string[]
}

const maxRssKb = (): number => process.resourceUsage().maxRSS
const MB = 1024 * 1024

async function generate(task: Extract<LegalPersonsTask, { task: 'generate' }>): Promise<GenerateResult> {
  const started = performance.now()
  const { rows, bytes } = await writeEntitiesCsv(task.file, {
    count: task.count,
    seed: task.seed,
    populationCount: task.populationCount,
    populationSeed: task.populationSeed,
  })
  return { rows, bytes, ms: performance.now() - started }
}

async function seed(task: Extract<LegalPersonsTask, { task: 'seed' }>): Promise<SeedResult> {
  const started = performance.now()
  const { database, context, close } = await openStore(task.store)
  try {
    await seedDemo(context, DEFAULT_DEMO_PASSWORD, { persons: 0, entities: 0 })
    const code = await context.legalPerson.registry.coreCode()
    const department = (await context.identity.listDepartments()).find((candidate) => candidate.code === HEPING_DEPARTMENT)
    if (department === undefined) throw new Error(`department ${HEPING_DEPARTMENT} was not seeded`)
    const grants = await database.db
      .selectFrom('grants')
      .innerJoin('catalog_resources as r', 'r.id', 'grants.resource_id')
      .select(['grants.id', 'grants.rate_limit'])
      .where('r.code', '=', code)
      .where('grants.consumer_department_id', '=', department.id)
      .where('grants.status', '=', 'active')
      .execute()
    if (grants.length === 0) throw new Error(`heping has no grant on ${code}: the demo seed's request was not granted at once`)
    // An automatic grant allows 6 000 reads a minute, which would refuse nearly every request of
    // a load test, and no API changes it: lift it in the table, before any server reads grants.
    await database.db
      .updateTable('grants')
      .set({ rate_limit: 0 })
      .where(
        'id',
        'in',
        grants.map((grant) => grant.id),
      )
      .execute()
    return {
      code,
      grantIds: grants.map((grant) => grant.id),
      grantedRateLimit: Math.max(...grants.map((grant) => Number(grant.rate_limit))),
      ms: performance.now() - started,
    }
  } finally {
    await close()
  }
}

async function runImport(task: Extract<LegalPersonsTask, { task: 'import' }>): Promise<ImportResult> {
  const { context, close } = await openStore(task.store)
  let timed: TimedImport
  try {
    timed = await timeImport((onProgress) =>
      importEntities(context.entities, task.file, { changedBy: 'market', source: 'bench', workDir: task.workDir, onProgress }),
    )
  } finally {
    await close()
  }
  return { ...timed, databaseBytes: task.store.postgres === undefined ? fs.statSync(sqliteFile({ dataDir: task.store.dataDir })).size : null }
}

async function sample(task: Extract<LegalPersonsTask, { task: 'sample' }>): Promise<SampleResult> {
  const started = performance.now()
  const { database, close } = await openStore(task.store)
  try {
    const lookupKeys = (await sampleEntities(database, task.lookupKeys, 0x5eed)).map((entity) => entity.credit_code)
    // Enough entities that every type finds its queries: about one in three is a company of the usual shape.
    const queries = nameQueryMix(await sampleEntities(database, task.queriesPerType * 20, 2026), task.queriesPerType)
    return { lookupKeys, queries, ms: performance.now() - started }
  } finally {
    await close()
  }
}

const gc = globalThis.gc

/** Heap and array buffers in use after two full collections (the second catches what finalisers freed), and the RSS. */
function memory(): { heapMb: number; arrayBuffersMb: number; rssMb: number } {
  gc?.()
  gc?.()
  const usage = process.memoryUsage()
  return { heapMb: usage.heapUsed / MB, arrayBuffersMb: usage.arrayBuffers / MB, rssMb: usage.rss / MB }
}

// Each measurement that builds an index it does not keep runs in a function of its own that
// returns numbers only, so no finished frame holds the index while the next one is weighed.

/** A fresh EntityNameSearch's build, as at a node's start. */
async function timeBuild(entities: EntityRepository): Promise<number> {
  const names = new EntityNameSearch(entities)
  const started = performance.now()
  await names.warm()
  return performance.now() - started
}

/**
 * The names read first, then normalised and built into an index in one go: the uninterrupted
 * stretch a build takes on the main thread (as the first search took before builds moved to a worker).
 */
async function timeBuildAtOnce(entities: EntityRepository): Promise<number> {
  const rows: Array<{ credit_code: string; name: string; former_name: string }> = []
  for await (const page of entities.names()) rows.push(...page)
  const started = performance.now()
  const records = new EntityNameRecords()
  for (const row of rows) records.add({ code: row.credit_code, name: row.name, formerNames: row.former_name === '' ? [] : row.former_name.split('；') })
  const index = finish(EntityNameIndex.building(records))
  if (index.size === 0) throw new Error('the registry is empty')
  return performance.now() - started
}

async function timeReadNames(entities: EntityRepository): Promise<number> {
  const started = performance.now()
  let rows = 0
  for await (const page of entities.names()) rows += page.length
  if (rows === 0) throw new Error('the registry is empty')
  return performance.now() - started
}

interface MixRun {
  readonly times: Map<string, number[]>
  /** The total each query of the mix found, by its position in the mix. */
  readonly totals: number[]
}

/** Runs the mix round-robin `count` times, one search after another, recording each search's time by type. */
async function timeMix(names: EntityNameSearch, queries: readonly NameQueryCase[], count: number, limit: number): Promise<MixRun> {
  const times = new Map<string, number[]>(NAME_QUERY_TYPES.map((type) => [type, []]))
  const totals: number[] = []
  for (let i = 0; i < count; i += 1) {
    const position = i % queries.length
    const { type, q } = queries[position] as NameQueryCase
    const started = performance.now()
    const { total } = await names.search(q, { limit, offset: 0, formerNames: true })
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
    maxMs: values.reduce((max, value) => Math.max(max, value), 0),
  })
  return [...[...times].filter(([, values]) => values.length > 0).map(([type, values]) => row(type, values)), row('all', [...times.values()].flat())]
}

async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
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

async function search(task: Extract<LegalPersonsTask, { task: 'search' }>): Promise<SearchResult> {
  if (gc === undefined) throw new Error('run the search step with node --expose-gc')
  if (task.queries.length === 0) throw new Error('no queries to search')
  const { context, close } = await openStore(task.store)
  try {
    const { entities } = context
    const before = memory()
    const preparing = performance.now()
    prepareNameTerms()
    const prepareMs = performance.now() - preparing
    const names = new EntityNameSearch(entities)
    // The build as a node does it when it starts, watched: the delay of the event loop, and how
    // often it turned (a request arriving meanwhile waits for the next turn).
    const delay = monitorEventLoopDelay({ resolution: 10 })
    let building = true
    let buildTurns = 0
    const turning = (async () => {
      while (building) {
        await nextTurn()
        buildTurns += 1
      }
    })()
    delay.enable()
    const started = performance.now()
    await names.warm()
    const buildMs = performance.now() - started
    delay.disable()
    building = false
    await turning
    const buildDelay = { p50Ms: delay.percentile(50) / 1e6, p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6, meanMs: delay.mean / 1e6 }
    const maxRssAfterBuildMb = maxRssKb() / 1024
    const after = memory()
    const readNamesMs = await timeReadNames(entities)
    const atOnceMs = await timeBuildAtOnce(entities)
    const rebuildMs: number[] = []
    for (let run = 0; run < task.rebuilds; run += 1) rebuildMs.push(await timeBuild(entities))

    await timeMix(names, task.queries, task.warmupSearches, task.limit)
    const run = await timeMix(names, task.queries, task.searches, task.limit)

    const profiles: string[] = []
    if (task.profileDir !== undefined) {
      fs.mkdirSync(task.profileDir, { recursive: true })
      const buildProfile = path.join(task.profileDir, 'build.cpuprofile')
      await profiled(buildProfile, () => timeBuild(entities))
      const searchProfile = path.join(task.profileDir, 'search.cpuprofile')
      await profiled(searchProfile, () => timeMix(names, task.queries, task.searches, task.limit))
      profiles.push(buildProfile, searchProfile)
    }
    return {
      entities: (await entities.head()).recordCount,
      prepareMs,
      buildMs,
      buildDelay,
      buildTurns,
      atOnceMs,
      readNamesMs,
      rebuildMs,
      indexArraysMb: names.status.arrayBytes / MB,
      retainedHeapMb: after.heapMb - before.heapMb,
      retainedArrayBuffersMb: after.arrayBuffersMb - before.arrayBuffersMb,
      heapBeforeMb: before.heapMb,
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
      maxRssAfterBuildMb,
      latencies: summarise(run.times),
      totals: task.queries.map((query, position) => ({ ...query, total: run.totals[position] ?? -1 })),
      profiles,
    }
  } finally {
    await close()
  }
}

function run(task: LegalPersonsTask): Promise<unknown> {
  switch (task.task) {
    case 'generate':
      return generate(task)
    case 'seed':
      return seed(task)
    case 'import':
      return runImport(task)
    case 'sample':
      return sample(task)
    case 'search':
      return search(task)
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as LegalPersonsTask
const result = await run(task)
process.send?.({ type: 'result', result } satisfies TaskResultMessage<unknown>, () => process.exit(0))

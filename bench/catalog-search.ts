/**
 * The catalog search over a generated catalog of 10 000 published entries:
 *   - generating and inserting them, and building the in-memory index (time and heap retained);
 *   - in-process latency of `searchLoaded` over a mix of query kinds, against the same queries
 *     done the naive way in SQL (LIKE and GROUP BY on SQLite) in the same process;
 *   - HTTP: GET /api/v1/catalog/resources over the mix, against the authenticated GET /api/v1/me
 *     of the same server, on SQLite and (when reachable) PostgreSQL.
 * The in-process part runs in its own `node --expose-gc` process; each server in its own process.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import type { CatalogInProcessOptions, CatalogInProcessResult, LatencySummary } from './catalog-search-in-process.js'
import { CATALOG_QUERIES, searchPath } from './support/catalog-queries.js'
import { forkServer, type ChildServer } from './support/child-server.js'
import { runTask } from './support/child-task.js'
import { expectOk, login } from './support/huitong-client.js'
import { measureLoad, type LoadRun } from './support/load.js'
import { BENCH_POSTGRES_URL, postgresReachable } from './support/postgres.js'
import { summariseProfile, type ProfileShare } from './support/profile-summary.js'
import { printTable, writeResults } from './support/report.js'
import { formatNumber, formatPercent, median } from './support/stats.js'

export interface CatalogSearchOptions {
  readonly entries: number
  /** Fresh indexes built (and weighed) in process; the figures are their medians. */
  readonly buildRuns: number
  readonly warmupSearches: number
  readonly searches: number
  /** Naive SQL searches timed; each takes hundreds of milliseconds, so far fewer. */
  readonly baselineSearches: number
  readonly rounds: number
  readonly connections: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Profile the in-process build and searches and each server's search runs, and summarise. */
  readonly cpuProfile: boolean
}

export const CATALOG_SEARCH_DEFAULTS: CatalogSearchOptions = {
  entries: 10_000,
  buildRuns: 3,
  warmupSearches: 300,
  searches: 3000,
  baselineSearches: 72,
  rounds: 3,
  connections: 10,
  warmupSeconds: 1,
  durationSeconds: 5,
  cpuProfile: false,
}

/** The issue's targets. */
const TARGETS = { inProcessP95Ms: 20, httpP99Ms: 50 }
const TARGET_ENTRY = new URL('./http-target.ts', import.meta.url)
const IN_PROCESS_ENTRY = new URL('./catalog-search-in-process.ts', import.meta.url)
const PROFILE_DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url))

interface HttpCase {
  readonly name: string
  readonly server: string
  readonly paths: readonly string[]
}

interface HttpCaseResult {
  readonly name: string
  readonly runs: readonly LoadRun[]
  readonly requestsPerSecond: number
  readonly p99Ms: number
  readonly failures: number
  readonly serverCpuMicrosPerRequest: number
  readonly serverBusy: number
  /** Throughput against the same server's GET /api/v1/me, both medians of this run. */
  readonly ratioToMe: number
}

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1))
const verdict = (value: number, target: number): string => (value < target ? 'meets' : 'misses')

function latencyRows(index: readonly LatencySummary[], baseline: readonly LatencySummary[]): string[][] {
  return index.map((row) => {
    const naive = baseline.find((b) => b.type === row.type)
    return [
      row.type,
      String(row.count),
      ms(row.p50Ms),
      ms(row.p95Ms),
      ms(row.p99Ms),
      ms(row.maxMs),
      naive === undefined ? '' : String(naive.count),
      naive === undefined ? '' : ms(naive.p50Ms),
      naive === undefined ? '' : ms(naive.p95Ms),
      naive === undefined ? '' : `${(naive.p50Ms / row.p50Ms).toFixed(0)}×`,
    ]
  })
}

function printInProcess(result: CatalogInProcessResult, options: CatalogSearchOptions): void {
  const buildMs = median(result.buildRuns.map((run) => run.ms))
  const retainedMb = median(result.buildRuns.map((run) => run.retainedMb))
  const loadMs = median(result.loadRunsMs)
  printTable(
    `catalog: ${formatNumber(result.entries)} generated published entries (${formatNumber(result.indexed)} indexed); index figures are medians of ${result.buildRuns.length} fresh indexes`,
    ['measure', 'median', 'runs'],
    [
      ['generate entries (rules checked)', `${formatNumber(result.generateMs)} ms`, ''],
      ['insert through CatalogRepository', `${formatNumber(result.insertMs)} ms`, ''],
      ['index build: new CatalogSearchIndex().sync()', `${formatNumber(buildMs)} ms`, result.buildRuns.map((run) => formatNumber(run.ms)).join(' / ')],
      ['  of which rows + JSON (changedSince alone)', `${formatNumber(loadMs)} ms`, result.loadRunsMs.map((value) => formatNumber(value)).join(' / ')],
      ['heap retained by the index', `${retainedMb.toFixed(1)} MB`, result.buildRuns.map((run) => run.retainedMb.toFixed(1)).join(' / ')],
      ['  per 1000 entries', `${((retainedMb * 1000) / result.indexed).toFixed(2)} MB`, ''],
      ['heap in use before each build', '', result.buildRuns.map((run) => run.heapBeforeMb.toFixed(1)).join(' / ')],
      [
        'first build in the process (not in the median)',
        `${formatNumber(result.firstBuild.ms)} ms`,
        `${result.firstBuild.retainedMb.toFixed(1)} MB retained, library set-up included`,
      ],
    ],
  )
  printTable(
    `in-process search: ${formatNumber(options.searches)} searchLoaded() calls over ${CATALOG_QUERIES.length} queries after ${options.warmupSearches} warm-up; ` +
      `naive SQL baseline (LIKE + GROUP BY, better-sqlite3): ${formatNumber(result.baseline.find((row) => row.type === 'all')?.count ?? 0)} searches`,
    ['query type', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'SQL n', 'SQL p50', 'SQL p95', 'SQL/index p50'],
    latencyRows(result.index, result.baseline),
  )
  const all = result.index.find((row) => row.type === 'all')
  if (all !== undefined) {
    console.log(`in-process p95 ${ms(all.p95Ms)} ms ${verdict(all.p95Ms, TARGETS.inProcessP95Ms)} the < ${TARGETS.inProcessP95Ms} ms target`)
  }
}

function loadCase(c: HttpCase, servers: ReadonlyMap<string, ChildServer>, headers: Record<string, string>, options: CatalogSearchOptions): Promise<LoadRun> {
  const server = servers.get(c.server)
  return measureLoad({
    url: new URL('/', server?.url).href,
    paths: c.paths,
    headers,
    ...(server === undefined ? {} : { serverPid: server.pid }),
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  })
}

function printProfile(name: string, file: string): void {
  const summary = summariseProfile(file)
  const rows = (shares: readonly ProfileShare[]): string[][] => shares.map((share) => [share.name, formatPercent(share.share)])
  console.log(`\ncpu profile of ${name}: ${path.relative(process.cwd(), file)} (busy ${formatPercent(summary.busyShare)} of samples; shares are of busy time)`)
  printTable('self time by function', ['function', 'self'], rows(summary.byFunction))
  printTable('total time (self + callees) by function', ['function', 'total'], rows(summary.byTotal))
}

async function benchHttpSearch(
  options: CatalogSearchOptions,
  profileDir: string | undefined,
): Promise<{ results: HttpCaseResult[]; seeding: Record<string, Readonly<Record<string, number>>> }> {
  const withPostgres = await postgresReachable()
  const kinds = withPostgres ? ['sqlite', 'postgres'] : ['sqlite']
  if (!withPostgres) console.log(`PostgreSQL at ${BENCH_POSTGRES_URL} does not answer: SQLite only`)
  const servers = new Map<string, ChildServer>()
  const tokens = new Map<string, string>()
  const searchPaths = CATALOG_QUERIES.map(({ query }) => searchPath(query))
  try {
    for (const kind of kinds) {
      const server = await forkServer(TARGET_ENTRY, [...(kind === 'postgres' ? [kind, BENCH_POSTGRES_URL] : [kind]), `--catalog=${options.entries}`])
      servers.set(kind, server)
      const { generateMs = 0, insertMs = 0, indexLoadMs = 0 } = server.info
      console.log(
        `  ${kind}: generated in ${formatNumber(generateMs)} ms, inserted in ${formatNumber(insertMs)} ms, index loaded in ${formatNumber(indexLoadMs)} ms`,
      )
      const token = await login(server.url, 'heping', DEFAULT_DEMO_PASSWORD)
      tokens.set(kind, token)
      for (const searchPathname of searchPaths) await expectOk(server.url, searchPathname, { authorization: `Bearer ${token}` })
    }
    const cases: HttpCase[] = kinds.flatMap((kind) => [
      { name: `${kind} GET /api/v1/me`, server: kind, paths: ['/api/v1/me'] },
      { name: `${kind} search mix`, server: kind, paths: searchPaths },
    ])
    const headersOf = (c: HttpCase) => ({ authorization: `Bearer ${tokens.get(c.server) ?? ''}` })

    const runs = new Map<string, LoadRun[]>(cases.map((c) => [c.name, []]))
    for (let round = 0; round < options.rounds; round += 1) {
      // Rotate the order so no case always runs first or last in a round.
      const order = cases.map((_, index) => cases[(index + round) % cases.length]).filter((c): c is HttpCase => c !== undefined)
      for (const c of order) {
        const run = await loadCase(c, servers, headersOf(c), options)
        runs.get(c.name)?.push(run)
        console.log(
          `  round ${round + 1}/${options.rounds}  ${c.name.padEnd(22)} ${formatNumber(run.requestsPerSecond).padStart(6)} req/s  p99 ${run.p99Ms} ms` +
            `  server ${formatNumber(run.serverCpuMicrosPerRequest)} µs/req, busy ${formatPercent(run.serverBusy)}${run.failures > 0 ? `  FAILURES ${run.failures}` : ''}`,
        )
      }
    }
    const results = cases.map((c): HttpCaseResult => {
      const caseRuns = runs.get(c.name) ?? []
      const me = median((runs.get(`${c.server} GET /api/v1/me`) ?? []).map((run) => run.requestsPerSecond))
      const requestsPerSecond = median(caseRuns.map((run) => run.requestsPerSecond))
      return {
        name: c.name,
        runs: caseRuns,
        requestsPerSecond,
        p99Ms: median(caseRuns.map((run) => run.p99Ms)),
        failures: caseRuns.reduce((sum, run) => sum + run.failures, 0),
        serverCpuMicrosPerRequest: median(caseRuns.map((run) => run.serverCpuMicrosPerRequest)),
        serverBusy: median(caseRuns.map((run) => run.serverBusy)),
        ratioToMe: requestsPerSecond / me,
      }
    })

    if (profileDir !== undefined) {
      for (const c of cases.filter((candidate) => candidate.name.endsWith('search mix'))) {
        const server = servers.get(c.server)
        if (server === undefined) continue
        const file = path.join(profileDir, `http-${c.server}-search.cpuprofile`)
        await server.profile(file, () => loadCase(c, servers, headersOf(c), options))
        printProfile(`the ${c.server} server under the search mix`, file)
      }
    }
    return { results, seeding: Object.fromEntries([...servers].map(([kind, server]) => [kind, server.info])) }
  } finally {
    for (const server of servers.values()) await server.stop()
  }
}

export async function benchCatalogSearch(options: CatalogSearchOptions = CATALOG_SEARCH_DEFAULTS): Promise<void> {
  let profileDir: string | undefined
  if (options.cpuProfile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    profileDir = fs.mkdtempSync(path.join(PROFILE_DIR, 'catalog-search-'))
  }
  const taskOptions: CatalogInProcessOptions = {
    entries: options.entries,
    buildRuns: options.buildRuns,
    warmupSearches: options.warmupSearches,
    searches: options.searches,
    baselineSearches: options.baselineSearches,
    ...(profileDir === undefined ? {} : { profileDir }),
  }
  console.log(
    `  in process (node --expose-gc): ${formatNumber(options.entries)} entries, ${options.buildRuns} index builds, ${formatNumber(options.searches)} searches`,
  )
  const inProcess = await runTask<CatalogInProcessResult>(IN_PROCESS_ENTRY, [JSON.stringify(taskOptions)], ['--expose-gc'])
  printInProcess(inProcess, options)
  for (const file of inProcess.profiles) printProfile(path.basename(file, '.cpuprofile'), file)

  console.log(
    `\n  HTTP: ${options.rounds} rounds, ${options.connections} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up`,
  )
  const http = await benchHttpSearch(options, profileDir)
  printTable(
    `catalog search over HTTP as heping (consumer): median of ${options.rounds} runs; the mix cycles through the ${CATALOG_QUERIES.length} in-process queries; baseline: GET /api/v1/me on the same server`,
    ['case', 'req/s', 'p99 ms', 'vs /me', 'server µs/req', 'server busy', 'failures', 'runs (req/s)', 'runs (p99 ms)'],
    http.results.map((r) => [
      r.name,
      formatNumber(r.requestsPerSecond),
      formatNumber(r.p99Ms),
      formatPercent(r.ratioToMe),
      formatNumber(r.serverCpuMicrosPerRequest),
      formatPercent(r.serverBusy),
      String(r.failures),
      r.runs.map((run) => formatNumber(run.requestsPerSecond)).join(' / '),
      r.runs.map((run) => formatNumber(run.p99Ms)).join(' / '),
    ]),
  )
  for (const r of http.results.filter((result) => result.name.endsWith('search mix'))) {
    console.log(`${r.name}: HTTP p99 ${formatNumber(r.p99Ms)} ms ${verdict(r.p99Ms, TARGETS.httpP99Ms)} the < ${TARGETS.httpP99Ms} ms target`)
  }
  const file = writeResults('catalog-search', { options, targets: TARGETS, inProcess, http })
  console.log(`results: ${file}`)
}

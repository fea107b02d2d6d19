/**
 * HTTP throughput: bare Fastify hello-world as the baseline, against Huitong's GET /healthz and the
 * authenticated GET /api/v1/me, on SQLite and (when reachable) PostgreSQL. Each server runs in its
 * own process; the cases are interleaved round by round so drift on a noisy machine hits them alike.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { forkServer, type ChildServer } from './support/child-server.js'
import { expectOk, login } from './support/huitong-client.js'
import { measureLoad, type LoadRun } from './support/load.js'
import { BENCH_POSTGRES_URL, postgresReachable } from './support/postgres.js'
import { summariseProfile, type ProfileShare } from './support/profile-summary.js'
import { printTable, writeResults } from './support/report.js'
import { formatNumber, formatPercent, median } from './support/stats.js'

export interface HttpBenchOptions {
  readonly rounds: number
  readonly connections: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Run every server with `--cpu-prof` and summarise the profiles. */
  readonly cpuProfile: boolean
}

export const HTTP_DEFAULTS: HttpBenchOptions = { rounds: 3, connections: 10, warmupSeconds: 1, durationSeconds: 5, cpuProfile: false }

/** The target: authenticated /me at no less than half of bare Fastify. */
const ME_TARGET_RATIO = 0.5
const TARGET_ENTRY = new URL('./http-target.ts', import.meta.url)
const PROFILE_DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url))

interface Case {
  readonly name: string
  readonly server: string
  readonly path: string
  readonly headers: Record<string, string>
}

interface CaseResult {
  readonly name: string
  readonly runs: readonly LoadRun[]
  readonly requestsPerSecond: number
  readonly p99Ms: number
  readonly failures: number
  /** Throughput against bare Fastify's, both medians of this run. */
  readonly ratioToBare: number
  readonly serverCpuMicrosPerRequest: number
  /** Bare Fastify's server CPU per request over this case's: the throughput ratio were the server alone on its cores. */
  readonly cpuRatioToBare: number
  readonly serverBusy: number
}

export async function benchHttp(options: HttpBenchOptions = HTTP_DEFAULTS): Promise<void> {
  const withPostgres = await postgresReachable()
  const kinds = withPostgres ? ['bare', 'sqlite', 'postgres'] : ['bare', 'sqlite']
  if (!withPostgres) console.log(`PostgreSQL at ${BENCH_POSTGRES_URL} does not answer: SQLite only`)
  let profileDir: string | undefined
  if (options.cpuProfile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    profileDir = fs.mkdtempSync(path.join(PROFILE_DIR, 'http-'))
  }

  const servers = new Map<string, ChildServer>()
  try {
    for (const kind of kinds) {
      servers.set(kind, await forkServer(TARGET_ENTRY, kind === 'postgres' ? [kind, BENCH_POSTGRES_URL] : [kind]))
    }
    const cases: Case[] = [{ name: 'bare fastify GET /', server: 'bare', path: '/', headers: {} }]
    for (const kind of kinds.filter((k) => k !== 'bare')) {
      const server = servers.get(kind)
      if (server === undefined) continue
      const token = await login(server.url, 'police', DEFAULT_DEMO_PASSWORD)
      cases.push(
        { name: `${kind} GET /healthz`, server: kind, path: '/healthz', headers: {} },
        { name: `${kind} GET /api/v1/me`, server: kind, path: '/api/v1/me', headers: { authorization: `Bearer ${token}` } },
      )
    }
    for (const c of cases) await expectOk(servers.get(c.server)?.url ?? '', c.path, c.headers)

    const runs = new Map<string, LoadRun[]>(cases.map((c) => [c.name, []]))
    for (let round = 0; round < options.rounds; round += 1) {
      // Rotate the order so no case always runs first or last in a round.
      const order = cases.map((_, index) => cases[(index + round) % cases.length]).filter((c): c is Case => c !== undefined)
      for (const c of order) {
        const run = await loadCase(c, servers, options)
        runs.get(c.name)?.push(run)
        console.log(
          `  round ${round + 1}/${options.rounds}  ${c.name.padEnd(24)} ${formatNumber(run.requestsPerSecond).padStart(7)} req/s  ` +
            `p99 ${run.p99Ms} ms  server ${formatNumber(run.serverCpuMicrosPerRequest)} µs/req, busy ${formatPercent(run.serverBusy)}` +
            (run.failures > 0 ? `  FAILURES ${run.failures}` : ''),
        )
      }
    }

    const bareRuns = runs.get(cases[0]?.name ?? '') ?? []
    const bare = median(bareRuns.map((run) => run.requestsPerSecond))
    const bareCpu = median(bareRuns.map((run) => run.serverCpuMicrosPerRequest))
    const results: CaseResult[] = cases.map((c) => {
      const caseRuns = runs.get(c.name) ?? []
      const requestsPerSecond = median(caseRuns.map((run) => run.requestsPerSecond))
      const serverCpuMicrosPerRequest = median(caseRuns.map((run) => run.serverCpuMicrosPerRequest))
      return {
        name: c.name,
        runs: caseRuns,
        requestsPerSecond,
        p99Ms: median(caseRuns.map((run) => run.p99Ms)),
        failures: caseRuns.reduce((sum, run) => sum + run.failures, 0),
        ratioToBare: requestsPerSecond / bare,
        serverCpuMicrosPerRequest,
        cpuRatioToBare: bareCpu / serverCpuMicrosPerRequest,
        serverBusy: median(caseRuns.map((run) => run.serverBusy)),
      }
    })
    printTable(
      `http: median of ${options.rounds} runs, ${options.connections} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up`,
      ['case', 'req/s', 'p99 ms', 'vs bare', 'server µs/req', 'vs bare', 'server busy', 'failures', 'runs (req/s)'],
      results.map((r) => [
        r.name,
        formatNumber(r.requestsPerSecond),
        formatNumber(r.p99Ms),
        formatPercent(r.ratioToBare),
        formatNumber(r.serverCpuMicrosPerRequest),
        formatPercent(r.cpuRatioToBare),
        formatPercent(r.serverBusy),
        String(r.failures),
        r.runs.map((run) => formatNumber(run.requestsPerSecond)).join(' / '),
      ]),
    )
    console.log('server µs/req is the server process\'s CPU (all threads) per request; its "vs bare" is bare µs/req over the case\'s.')
    for (const r of results.filter((result) => result.name.endsWith('/api/v1/me'))) {
      const verdict = r.ratioToBare >= ME_TARGET_RATIO ? 'meets' : 'misses'
      console.log(
        `${r.name}: ${formatPercent(r.ratioToBare)} of bare Fastify's req/s ${verdict} the ${formatPercent(ME_TARGET_RATIO)} target ` +
          `(by server CPU per request: ${formatPercent(r.cpuRatioToBare)})`,
      )
    }
    const file = writeResults('http', { options, meTargetRatio: ME_TARGET_RATIO, results })
    console.log(`results: ${file}`)

    // Profiled runs come after the measured ones: the sampler slows the server down.
    if (profileDir !== undefined) {
      for (const [index, c] of cases.entries()) {
        const server = servers.get(c.server)
        if (server === undefined) continue
        const profile = path.join(profileDir, `${index}-${c.server}-${c.path.replace(/\W+/g, '_')}.cpuprofile`)
        await server.profile(profile, () => loadCase(c, servers, options))
        printProfile(c.name, profile)
      }
    }
  } finally {
    for (const server of servers.values()) await server.stop()
  }
}

function loadCase(c: Case, servers: ReadonlyMap<string, ChildServer>, options: HttpBenchOptions): Promise<LoadRun> {
  const server = servers.get(c.server)
  return measureLoad({
    url: new URL(c.path, server?.url).href,
    ...(server === undefined ? {} : { serverPid: server.pid }),
    headers: c.headers,
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  })
}

function printProfile(name: string, file: string): void {
  const summary = summariseProfile(file)
  const rows = (shares: readonly ProfileShare[]): string[][] => shares.map((share) => [share.name, formatPercent(share.share)])
  console.log(`\ncpu profile of ${name}: ${path.relative(process.cwd(), file)} (busy ${formatPercent(summary.busyShare)} of samples; shares are of busy time)`)
  printTable('self time by package / file', ['package / file', 'self'], rows(summary.byArea))
  printTable('self time by function', ['function', 'self'], rows(summary.byFunction))
  printTable('total time (self + callees) by function', ['function', 'total'], rows(summary.byTotal))
}

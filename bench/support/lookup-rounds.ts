/**
 * Lookup load over HTTP against several servers, interleaved round by round so drift on a noisy
 * machine hits every case alike, with each gated case set against its bare baseline.
 */
import os from 'node:os'
import type { ChildServer } from './child-server.js'
import { measureLoad, type LoadRun } from './load.js'
import { printTable } from './report.js'
import { formatNumber, formatPercent, median } from './stats.js'

export interface LookupCase {
  readonly name: string
  readonly server: ChildServer
  readonly paths: readonly string[]
  readonly headers: Record<string, string>
  /** The name of this case's bare baseline; undefined for a bare case itself. */
  readonly baseline?: string
}

export interface LookupLoadOptions {
  readonly rounds: number
  /**
   * Concurrent connections, one level after another. Every response waits for its audit row's
   * group commit (an fsync), so at few connections the gated server idles between commits and
   * its figure is the disk's latency; at more it is CPU-bound like the bare one.
   */
  readonly connections: readonly number[]
  readonly warmupSeconds: number
  readonly durationSeconds: number
}

export interface LookupResult {
  readonly name: string
  readonly connections: number
  readonly runs: readonly LoadRun[]
  readonly requestsPerSecond: number
  readonly p99Ms: number
  readonly failures: number
  readonly serverCpuMicrosPerRequest: number
  readonly serverBusy: number
  readonly ratioToBare: number | null
  /** Bare server CPU per request over this case's. */
  readonly cpuRatioToBare: number | null
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/** One measured autocannon run of a case at `connections`, after its warm-up. */
export function loadCase(c: LookupCase, options: Omit<LookupLoadOptions, 'connections'>, connections: number): Promise<LoadRun> {
  return measureLoad({
    url: new URL('/', c.server.url).href,
    paths: c.paths,
    headers: c.headers,
    serverPid: c.server.pid,
    connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  })
}

/**
 * At each connection level, runs every case once a round, the order rotated each round so no
 * case always runs first or last, printing each run; returns the medians and the ratios to each
 * case's baseline at the same level.
 */
export async function runLookupRounds(cases: readonly LookupCase[], options: LookupLoadOptions): Promise<LookupResult[]> {
  const width = Math.max(...cases.map((c) => c.name.length))
  const results: LookupResult[] = []
  for (const connections of options.connections) {
    const runs = new Map<string, LoadRun[]>(cases.map((c) => [c.name, []]))
    for (let round = 0; round < options.rounds; round += 1) {
      const order = cases.map((_, index) => cases[(index + round) % cases.length]).filter((c): c is LookupCase => c !== undefined)
      for (const c of order) {
        const run = await loadCase(c, options, connections)
        runs.get(c.name)?.push(run)
        console.log(
          `  ${connections} conn, round ${round + 1}/${options.rounds}  ${c.name.padEnd(width)} ${formatNumber(run.requestsPerSecond).padStart(6)} req/s  p99 ${run.p99Ms} ms` +
            `  server ${formatNumber(run.serverCpuMicrosPerRequest)} µs/req, busy ${formatPercent(run.serverBusy)}  load ${loadAverage()}${run.failures > 0 ? `  FAILURES ${run.failures}` : ''}`,
        )
      }
    }
    for (const c of cases) {
      const caseRuns = runs.get(c.name) ?? []
      const requestsPerSecond = median(caseRuns.map((run) => run.requestsPerSecond))
      const serverCpuMicrosPerRequest = median(caseRuns.map((run) => run.serverCpuMicrosPerRequest))
      const bareRuns = c.baseline === undefined ? undefined : runs.get(c.baseline)
      results.push({
        name: c.name,
        connections,
        runs: caseRuns,
        requestsPerSecond,
        p99Ms: median(caseRuns.map((run) => run.p99Ms)),
        failures: caseRuns.reduce((sum, run) => sum + run.failures, 0),
        serverCpuMicrosPerRequest,
        serverBusy: median(caseRuns.map((run) => run.serverBusy)),
        ratioToBare: bareRuns === undefined ? null : requestsPerSecond / median(bareRuns.map((run) => run.requestsPerSecond)),
        cpuRatioToBare: bareRuns === undefined ? null : median(bareRuns.map((run) => run.serverCpuMicrosPerRequest)) / serverCpuMicrosPerRequest,
      })
    }
  }
  return results
}

export function printLookups(title: string, results: readonly LookupResult[]): void {
  printTable(
    title,
    ['case', 'connections', 'req/s', 'p99 ms', 'vs bare', 'server µs/req', 'vs bare', 'server busy', 'failures', 'runs (req/s)', 'runs (p99 ms)'],
    results.map((r) => [
      r.name,
      String(r.connections),
      formatNumber(r.requestsPerSecond),
      formatNumber(r.p99Ms),
      r.ratioToBare === null ? '' : formatPercent(r.ratioToBare),
      formatNumber(r.serverCpuMicrosPerRequest),
      r.cpuRatioToBare === null ? '' : formatPercent(r.cpuRatioToBare),
      formatPercent(r.serverBusy),
      String(r.failures),
      r.runs.map((run) => formatNumber(run.requestsPerSecond)).join(' / '),
      r.runs.map((run) => formatNumber(run.p99Ms)).join(' / '),
    ]),
  )
  console.log('server µs/req is the server process\'s CPU (all threads) per request; its "vs bare" is bare µs/req over the case\'s.')
}

/** The issue's lookup targets: req/s and the ratio to bare, at each connection level. */
export interface LookupTargets {
  readonly lookupRequestsPerSecond: number
  readonly lookupRatioToBare: number
}

/** One line per gated case and level: whether it meets the targets; `scale` says over what data. */
export function printLookupTargets(results: readonly LookupResult[], targets: LookupTargets, scale: (result: LookupResult) => string): void {
  const meets = (ok: boolean): string => (ok ? 'meets' : 'MISSES')
  for (const r of results.filter((result) => result.ratioToBare !== null)) {
    const ratio = r.ratioToBare ?? 0
    console.log(
      `  ${r.name} (${scale(r)}, ${r.connections} connections): ${formatNumber(r.requestsPerSecond)} req/s ${meets(r.requestsPerSecond >= targets.lookupRequestsPerSecond)} ≥ ${formatNumber(targets.lookupRequestsPerSecond)}; ` +
        `${formatPercent(ratio)} of bare ${meets(ratio >= targets.lookupRatioToBare)} ≥ ${formatPercent(targets.lookupRatioToBare)} (by CPU per request ${formatPercent(r.cpuRatioToBare ?? 0)}); p99 ${formatNumber(r.p99Ms)} ms`,
    )
  }
}

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
  readonly connections: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
}

export interface LookupResult {
  readonly name: string
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

/** One measured autocannon run of a case, after its warm-up. */
export function loadCase(c: LookupCase, options: LookupLoadOptions): Promise<LoadRun> {
  return measureLoad({
    url: new URL('/', c.server.url).href,
    paths: c.paths,
    headers: c.headers,
    serverPid: c.server.pid,
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  })
}

/**
 * Runs every case once a round, the order rotated each round so no case always runs first or
 * last, printing each run; returns the medians and the ratios to each case's baseline.
 */
export async function runLookupRounds(cases: readonly LookupCase[], options: LookupLoadOptions): Promise<LookupResult[]> {
  const width = Math.max(...cases.map((c) => c.name.length))
  const runs = new Map<string, LoadRun[]>(cases.map((c) => [c.name, []]))
  for (let round = 0; round < options.rounds; round += 1) {
    const order = cases.map((_, index) => cases[(index + round) % cases.length]).filter((c): c is LookupCase => c !== undefined)
    for (const c of order) {
      const run = await loadCase(c, options)
      runs.get(c.name)?.push(run)
      console.log(
        `  round ${round + 1}/${options.rounds}  ${c.name.padEnd(width)} ${formatNumber(run.requestsPerSecond).padStart(6)} req/s  p99 ${run.p99Ms} ms` +
          `  server ${formatNumber(run.serverCpuMicrosPerRequest)} µs/req, busy ${formatPercent(run.serverBusy)}  load ${loadAverage()}${run.failures > 0 ? `  FAILURES ${run.failures}` : ''}`,
      )
    }
  }
  return cases.map((c): LookupResult => {
    const caseRuns = runs.get(c.name) ?? []
    const requestsPerSecond = median(caseRuns.map((run) => run.requestsPerSecond))
    const serverCpuMicrosPerRequest = median(caseRuns.map((run) => run.serverCpuMicrosPerRequest))
    const bareRuns = c.baseline === undefined ? undefined : runs.get(c.baseline)
    return {
      name: c.name,
      runs: caseRuns,
      requestsPerSecond,
      p99Ms: median(caseRuns.map((run) => run.p99Ms)),
      failures: caseRuns.reduce((sum, run) => sum + run.failures, 0),
      serverCpuMicrosPerRequest,
      serverBusy: median(caseRuns.map((run) => run.serverBusy)),
      ratioToBare: bareRuns === undefined ? null : requestsPerSecond / median(bareRuns.map((run) => run.requestsPerSecond)),
      cpuRatioToBare: bareRuns === undefined ? null : median(bareRuns.map((run) => run.serverCpuMicrosPerRequest)) / serverCpuMicrosPerRequest,
    }
  })
}

export function printLookups(title: string, results: readonly LookupResult[]): void {
  printTable(
    title,
    ['case', 'req/s', 'p99 ms', 'vs bare', 'server µs/req', 'vs bare', 'server busy', 'failures', 'runs (req/s)', 'runs (p99 ms)'],
    results.map((r) => [
      r.name,
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

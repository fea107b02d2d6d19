import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'

export interface LoadOptions {
  readonly url: string
  readonly headers?: Record<string, string>
  /** Paths each connection requests in turn, instead of the url's own: a mix of searches. */
  readonly paths?: readonly string[]
  readonly connections: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** The server's process, to charge it the CPU it spent (all threads) during the measured run. */
  readonly serverPid?: number
}

export interface LoadRun {
  readonly requestsPerSecond: number
  readonly p99Ms: number
  /** Responses that were not 2xx, plus socket errors and timeouts: any of these spoils the run. */
  readonly failures: number
  /** Server CPU time per completed request: what a request costs, whoever else wanted the cores. */
  readonly serverCpuMicrosPerRequest: number
  /** Server CPU time over wall time; well below 100 % means the server was not the bottleneck. */
  readonly serverBusy: number
}

/** Linux reports process times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100

/** User plus system CPU seconds of a process, all its threads included. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/**
 * One autocannon run after a discarded warm-up run against the same URL.
 *
 * @example
 * const run = await measureLoad({ url: 'http://127.0.0.1:3000/', connections: 10, warmupSeconds: 1, durationSeconds: 5 })
 */
export async function measureLoad(options: LoadOptions): Promise<LoadRun> {
  const base = {
    url: options.url,
    connections: options.connections,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.paths === undefined ? {} : { requests: options.paths.map((path) => ({ method: 'GET', path })) }),
  }
  await autocannon({ ...base, duration: options.warmupSeconds })
  const cpuBefore = cpuSeconds(options.serverPid)
  const started = performance.now()
  const result = await autocannon({ ...base, duration: options.durationSeconds })
  const wallSeconds = (performance.now() - started) / 1000
  const cpu = cpuSeconds(options.serverPid) - cpuBefore
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    serverCpuMicrosPerRequest: (cpu * 1e6) / Math.max(1, result.requests.total),
    serverBusy: cpu / wallSeconds,
  }
}

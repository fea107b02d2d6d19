import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import type { LoadOptions } from './load.js'
import { percentile } from './stats.js'

export interface LatencyRun {
  readonly requestsPerSecond: number
  readonly requests: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** Responses that were not 2xx, plus socket errors and timeouts: any of these spoils the run. */
  readonly failures: number
}

type ResponseListener = (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void
/** What autocannon returns: the result's promise, and an emitter of every response as it comes. */
type Instance = ReturnType<typeof autocannon> & { on(event: 'response', listener: ResponseListener): void }

/**
 * One autocannon run after a discarded warm-up run, timing every response: autocannon's own
 * histogram reports p90 and p97.5 but no p95, and a latency target is set at p95. Meant for low
 * concurrency, where a response's time is the server's, not the queue's.
 *
 * @example
 * const run = await measureLatency({ url: 'http://127.0.0.1:3000/', paths: ['/a', '/b'], connections: 4, warmupSeconds: 1, durationSeconds: 5 })
 */
export async function measureLatency(options: Omit<LoadOptions, 'serverPid'>): Promise<LatencyRun> {
  const base = {
    url: options.url,
    connections: options.connections,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.paths === undefined ? {} : { requests: options.paths.map((path) => ({ method: 'GET', path })) }),
  }
  await autocannon({ ...base, duration: options.warmupSeconds })
  const times: number[] = []
  const started = performance.now()
  const instance = autocannon({ ...base, duration: options.durationSeconds }) as Instance
  instance.on('response', (_client, _statusCode, _bytes, responseTimeMs) => times.push(responseTimeMs))
  const result = await instance
  const seconds = (performance.now() - started) / 1000
  return {
    requestsPerSecond: times.length / seconds,
    requests: times.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    p99Ms: percentile(times, 0.99),
    maxMs: times.reduce((max, time) => Math.max(max, time), 0),
    failures: result.non2xx + result.errors + result.timeouts,
  }
}

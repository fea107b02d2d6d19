// autocannon ships no types and @types/autocannon is not a dependency: only what bench/ uses.
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    /** Each connection sends these in turn, round and round; fields left out come from the options above. */
    requests?: Array<{ method?: string; path?: string; headers?: Record<string, string>; body?: string }>
  }

  interface Histogram {
    average: number
    p50: number
    p99: number
  }

  interface Result {
    /** Per-second samples; `total` counts the completed requests. */
    requests: Histogram & { total: number }
    /** Milliseconds. */
    latency: Histogram
    non2xx: number
    errors: number
    timeouts: number
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}

import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { TimedEntry } from './chain.js'

/** Messages between the main thread and the audit writer thread. */
export type ToWriter = { readonly id: number; readonly batch: readonly TimedEntry[] }
export type FromWriter = { readonly id: number; readonly seqs: number[] } | { readonly id: number; readonly error: string }

/**
 * The main thread's side of the SQLite audit writer: hands batches to a worker thread, which
 * appends them to the chain in one transaction on its own connection and answers once committed.
 * Run from TypeScript sources (tests, tsx) the worker registers tsx before loading its source.
 */
export class AuditThread {
  readonly #worker: Worker
  readonly #waiting = new Map<number, { resolve: (seqs: number[]) => void; reject: (error: Error) => void }>()
  #next = 0
  #failure: Error | undefined

  constructor(file: string) {
    const source = fileURLToPath(import.meta.url).endsWith('.ts')
    const entry = new URL(source ? './audit-writer.ts' : './audit-writer.js', import.meta.url)
    const bootstrap = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(entry.href)}) })()`
    this.#worker = source ? new Worker(bootstrap, { eval: true, workerData: { file } }) : new Worker(entry, { workerData: { file } })
    this.#worker.unref()
    this.#worker.on('message', (message: FromWriter) => {
      const waiting = this.#waiting.get(message.id)
      this.#waiting.delete(message.id)
      if (waiting === undefined) return
      if ('error' in message) waiting.reject(new Error(`audit write failed: ${message.error}`))
      else waiting.resolve(message.seqs)
    })
    const fail = (error: Error) => {
      this.#failure = error
      for (const waiting of this.#waiting.values()) waiting.reject(error)
      this.#waiting.clear()
    }
    this.#worker.on('error', fail)
    this.#worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`audit writer thread exited with ${code}`))
    })
  }

  /** True once the thread has died; the log then commits from the main thread. */
  get failed(): boolean {
    return this.#failure !== undefined
  }

  write(batch: readonly TimedEntry[]): Promise<number[]> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      const id = (this.#next += 1)
      this.#waiting.set(id, { resolve, reject })
      this.#worker.postMessage({ id, batch } satisfies ToWriter)
    })
  }

  async close(): Promise<void> {
    await this.#worker.terminate()
  }
}

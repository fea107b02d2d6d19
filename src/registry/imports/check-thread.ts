import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode, type FieldProblem } from '../../platform/errors.js'
import type { CheckSink, CheckSummary } from './check-file.js'
import type { PackedRows } from './packed-rows.js'

export interface CheckRequest {
  /** The module exporting the registry's `rowChecker` (see {@link siblingModule}). */
  readonly checker: string
  readonly file: string
  readonly rejectionsFile: string
  readonly today: string
  /**
   * Rows posted and not yet taken before the check waits: enough that it keeps checking while
   * the writer commits a batch, few enough that a slow writer never holds the file in memory.
   */
  readonly maxUntakenRows: number
}

export type FromChecker =
  | { readonly kind: 'rows'; readonly rows: PackedRows }
  | { readonly kind: 'progress'; readonly fraction: number; readonly rows: number }
  | { readonly kind: 'done'; readonly summary: CheckSummary }
  | { readonly kind: 'failed'; readonly code: ErrorCode; readonly message: string; readonly errors: FieldProblem[] }
  | { readonly kind: 'crashed'; readonly message: string }

/** What this thread tells the checker: a `rows` message has been taken. */
export const TAKEN = 'taken'

/**
 * The URL of a module beside `meta` (an `import.meta.url`): its `.ts` source when running from
 * sources (tests, tsx), its compiled `.js` otherwise, as the check thread loads it by URL.
 *
 * @example
 * siblingModule(import.meta.url, 'import-check') // …/population/import-check.js
 */
export function siblingModule(meta: string, name: string): string {
  return new URL(`./${name}${meta.endsWith('.ts') ? '.ts' : '.js'}`, meta).href
}

/**
 * Checks an import file on a worker thread, so the second core parses and validates while this
 * thread writes, and a serving node's event loop stays free. Messages arrive in order; the sink
 * sees every accepted row before the promise settles. The checker stops reading while
 * `maxUntakenRows` rows wait here untaken, so a writer slower than the check never holds the file
 * in memory.
 * Run from TypeScript sources (tests, tsx), the worker registers tsx before loading its source.
 *
 * @example
 * const summary = await checkInThread({ checker: siblingModule(import.meta.url, 'import-check'), file, rejectionsFile, today, maxUntakenRows: 100_000 }, sink)
 */
export function checkInThread(request: CheckRequest, sink: CheckSink): Promise<CheckSummary> {
  const source = fileURLToPath(import.meta.url).endsWith('.ts')
  const entry = siblingModule(import.meta.url, 'check-worker')
  const bootstrap = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(entry)}) })()`
  const options = { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: 64 } }
  const worker = source ? new Worker(bootstrap, { ...options, eval: true }) : new Worker(new URL(entry), options)
  return new Promise<CheckSummary>((resolve, reject) => {
    let settled = false
    // Rows are handed to the sink one message at a time, in order, even when it is asynchronous.
    let queue: Promise<void> = Promise.resolve()
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      void worker.terminate()
      outcome()
    }
    worker.on('message', (message: FromChecker) => {
      queue = queue.then(async () => {
        if (settled) return
        switch (message.kind) {
          case 'rows':
            await sink.accept(message.rows)
            worker.postMessage(TAKEN)
            return
          case 'progress':
            sink.progress(message.fraction, message.rows)
            return
          case 'done':
            settle(() => resolve(message.summary))
            return
          case 'failed':
            settle(() => reject(new AppError(message.code, message.message, message.errors)))
            return
          case 'crashed':
            settle(() => reject(new Error(`import check failed: ${message.message}`)))
        }
      })
      queue.catch((error: unknown) => settle(() => reject(error)))
    })
    worker.on('error', (error) => settle(() => reject(error)))
    // After the messages already queued: a worker that finished posts 'done' before it exits.
    worker.on('exit', (code) => {
      queue = queue.then(() => settle(() => reject(new Error(`import check thread exited with ${code} before it finished`))))
    })
  })
}

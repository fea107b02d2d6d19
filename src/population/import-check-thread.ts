import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode, type FieldProblem } from '../platform/errors.js'
import type { CheckSink, CheckSummary } from './import-check.js'

export interface CheckRequest {
  readonly file: string
  readonly rejectionsFile: string
  readonly today: string
}

export type FromChecker =
  | { readonly kind: 'rows'; readonly lines: string; readonly count: number }
  | { readonly kind: 'progress'; readonly fraction: number; readonly rows: number }
  | { readonly kind: 'done'; readonly summary: CheckSummary }
  | { readonly kind: 'failed'; readonly code: ErrorCode; readonly message: string; readonly errors: FieldProblem[] }
  | { readonly kind: 'crashed'; readonly message: string }

/**
 * Checks a person file on a worker thread, so the second core parses and validates while this
 * thread writes, and a serving node's event loop stays free. Messages arrive in order; the sink
 * sees every accepted row before the promise settles. Run from TypeScript sources (tests, tsx)
 * the worker registers tsx before loading its source.
 */
export function checkInThread(request: CheckRequest, sink: CheckSink): Promise<CheckSummary> {
  const source = fileURLToPath(import.meta.url).endsWith('.ts')
  const entry = new URL(source ? './import-check-worker.ts' : './import-check-worker.js', import.meta.url)
  const bootstrap = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(entry.href)}) })()`
  const worker = source ? new Worker(bootstrap, { eval: true, workerData: request }) : new Worker(entry, { workerData: request })
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
            await sink.accept(message.lines, message.count)
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

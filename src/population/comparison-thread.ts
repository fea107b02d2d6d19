import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BatchVerdicts, JudgeOptions, SubmittedBatch } from './comparison-verdicts.js'

export interface JudgeRequest {
  /** The SQLite registry, which the thread opens read-only. */
  readonly sqliteFile: string
  readonly options: JudgeOptions
}

export type ToJudge = { readonly kind: 'batch'; readonly batch: SubmittedBatch } | { readonly kind: 'end' }

export type FromJudge = { readonly kind: 'verdicts'; readonly verdicts: BatchVerdicts } | { readonly kind: 'crashed'; readonly message: string }

/** Judges batches of rows on a worker thread, answering in the order they were given. */
export interface ThreadJudge {
  judge(batch: SubmittedBatch): Promise<BatchVerdicts>
  /** Batches given and not yet answered. */
  backlog(): number
  /** Lets the thread finish the batches given, then ends it. */
  close(): Promise<void>
}

/**
 * Judges batches on a worker thread with a read-only connection of its own (normalising IDs,
 * looking them up, comparing), so the second core does that while this thread parses the file
 * and writes the report, and a serving node's event loop stays free. Run from TypeScript
 * sources (tests, tsx) the worker registers tsx before loading its source.
 *
 * @example
 * const judge = judgeInThread({ sqliteFile: 'data/huitong.db', options: { seeStatus: true, deceasedBefore: null } })
 * const verdicts = await judge.judge({ residentIds: ['210102198503150021'], names: ['王芳'] })
 * await judge.close()
 */
export function judgeInThread(request: JudgeRequest): ThreadJudge {
  const source = fileURLToPath(import.meta.url).endsWith('.ts')
  const entry = new URL(source ? './comparison-worker.ts' : './comparison-worker.js', import.meta.url)
  const bootstrap = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(entry.href)}) })()`
  const worker = source ? new Worker(bootstrap, { eval: true, workerData: request }) : new Worker(entry, { workerData: request })
  // Answers come in the order of the batches, so the oldest waiting batch takes each.
  const waiting: Array<{ resolve: (verdicts: BatchVerdicts) => void; reject: (error: Error) => void }> = []
  let failure: Error | undefined
  let closing = false
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const fail = (error: Error) => {
    failure ??= error
    for (const batch of waiting.splice(0)) batch.reject(failure)
  }
  worker.on('message', (message: FromJudge) => {
    if (message.kind === 'crashed') return fail(new Error(`comparison thread failed: ${message.message}`))
    waiting.shift()?.resolve(message.verdicts)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`comparison thread exited with ${code}`))
  })
  return {
    backlog: () => waiting.length,
    judge(batch) {
      if (failure !== undefined) return Promise.reject(failure)
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject })
        worker.postMessage({ kind: 'batch', batch } satisfies ToJudge)
      })
    },
    async close() {
      closing = true
      worker.postMessage({ kind: 'end' } satisfies ToJudge)
      await exited
    },
  }
}

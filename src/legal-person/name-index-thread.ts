import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { EntityNameIndexParts } from './name-index.js'

/** A page of names as the registry reads them. */
export type NameRows = ReadonlyArray<{ readonly credit_code: string; readonly name: string; readonly former_name: string }>

/** Messages between this thread and the builder. */
export type ToBuilder = { readonly kind: 'rows'; readonly rows: NameRows } | { readonly kind: 'end' }
export type FromBuilder =
  { readonly kind: 'taken' } | { readonly kind: 'built'; readonly parts: EntityNameIndexParts } | { readonly kind: 'failed'; readonly message: string }

/** Pages handed to the builder and not yet taken in, at most: the others wait in the registry. */
const PAGES_IN_FLIGHT = 4

/**
 * Builds a name index on a worker thread from pages of names, so that this thread only reads the
 * pages and takes over the finished index, its arrays transferred rather than copied: normalising
 * and indexing a million names takes the other core, not this event loop. Undefined, the thread
 * ended, once `signal` aborts. Run from TypeScript sources (tests, tsx) the worker registers tsx
 * before loading its source.
 *
 * @example
 * const parts = await buildInThread(entities.names(500), closing.signal)
 * const index = parts === undefined ? undefined : EntityNameIndex.fromParts(parts)
 */
export async function buildInThread(pages: AsyncIterable<NameRows>, signal: AbortSignal): Promise<EntityNameIndexParts | undefined> {
  if (signal.aborted) return undefined
  const source = fileURLToPath(import.meta.url).endsWith('.ts')
  const entry = new URL(source ? './name-index-worker.ts' : './name-index-worker.js', import.meta.url)
  const bootstrap = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(entry.href)}) })()`
  const worker = source ? new Worker(bootstrap, { eval: true }) : new Worker(entry)
  let inFlight = 0
  let taken: (() => void) | undefined
  const built = new Promise<EntityNameIndexParts>((resolve, reject) => {
    worker.on('message', (message: FromBuilder) => {
      if (message.kind === 'taken') {
        inFlight -= 1
        taken?.()
      } else if (message.kind === 'built') resolve(message.parts)
      else reject(new Error(`name index build failed: ${message.message}`))
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`name index builder exited with ${code} before it finished`)))
  })
  // Failures surface where it is awaited below; until then it must not count as unhandled.
  built.catch(() => undefined)
  const aborted = new Promise<undefined>((resolve) => signal.addEventListener('abort', () => resolve(undefined), { once: true }))
  try {
    for await (const rows of pages) {
      while (inFlight >= PAGES_IN_FLIGHT && !signal.aborted) {
        await Promise.race([
          new Promise<void>((resolve) => {
            taken = resolve
          }),
          built,
          aborted,
        ])
      }
      if (signal.aborted) return undefined
      worker.postMessage({ kind: 'rows', rows } satisfies ToBuilder)
      inFlight += 1
    }
    worker.postMessage({ kind: 'end' } satisfies ToBuilder)
    return await Promise.race([built, aborted])
  } finally {
    void worker.terminate()
  }
}

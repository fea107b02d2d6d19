import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../platform/errors.js'
import { checkFile, type RowChecker } from './check-file.js'
import { TAKEN, type CheckRequest, type FromChecker } from './check-thread.js'
import { transferList } from './packed-rows.js'

/** The checking thread of an import: reads and validates the file, posting accepted rows as it goes. */
const request = workerData as CheckRequest
const port = parentPort
if (port === null) throw new Error('the import checker runs as a worker thread')
const post = (message: FromChecker) => port.postMessage(message)

// The rows of each chunk posted and not yet taken, oldest first: taken in order.
const untaken: number[] = []
let untakenRows = 0
let wake: (() => void) | undefined
port.on('message', (message: unknown) => {
  if (message !== TAKEN) return
  untakenRows -= untaken.shift() ?? 0
  wake?.()
  wake = undefined
})

try {
  const { rowChecker } = (await import(request.checker)) as { rowChecker: RowChecker }
  const summary = await checkFile(rowChecker, request.file, request.rejectionsFile, request.today, {
    accept: async (rows) => {
      port.postMessage({ kind: 'rows', rows } satisfies FromChecker, transferList(rows))
      untaken.push(rows.count)
      untakenRows += rows.count
      while (untakenRows >= request.maxUntakenRows) await new Promise<void>((resolve) => (wake = resolve))
    },
    progress: (fraction, rows) => post({ kind: 'progress', fraction, rows }),
  })
  post({ kind: 'done', summary })
} catch (error) {
  post(
    error instanceof AppError
      ? { kind: 'failed', code: error.code, message: error.message, errors: [...error.errors] }
      : { kind: 'crashed', message: error instanceof Error ? error.message : String(error) },
  )
}

import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../platform/errors.js'
import { checkPersonFile } from './import-check.js'
import type { CheckRequest, FromChecker } from './import-check-thread.js'

/** The checking thread of an import: reads and validates the file, posting accepted rows as it goes. */
const request = workerData as CheckRequest
const port = parentPort
if (port === null) throw new Error('the import checker runs as a worker thread')
const post = (message: FromChecker) => port.postMessage(message)

try {
  const summary = await checkPersonFile(request.file, request.rejectionsFile, request.today, {
    accept: (lines, count) => post({ kind: 'rows', lines, count }),
    progress: (fraction, rows) => post({ kind: 'progress', fraction, rows }),
  })
  post({ kind: 'done', summary })
} catch (error) {
  post(error instanceof AppError ? { kind: 'failed', code: error.code, message: error.message, errors: [...error.errors] } : { kind: 'crashed', message: error instanceof Error ? error.message : String(error) })
}

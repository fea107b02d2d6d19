import { parentPort, workerData } from 'node:worker_threads'
import type { FromJudge, JudgeRequest, ToJudge } from './comparison-thread.js'
import { judgeBatch, parseBatchIds } from './comparison-verdicts.js'
import { ComparisonReader } from './comparison-reader.js'

/** The judging thread of a batch comparison: a batch in, its verdicts out, in order. */
const request = workerData as JudgeRequest
const port = parentPort
if (port === null) throw new Error('the comparison judge runs as a worker thread')
const reader = new ComparisonReader(request.sqliteFile)

port.on('message', (message: ToJudge) => {
  if (message.kind === 'end') {
    reader.close()
    port.close()
    return
  }
  let answer: FromJudge
  try {
    const { ids, lookup } = parseBatchIds(message.batch)
    answer = { kind: 'verdicts', verdicts: judgeBatch(message.batch, ids, reader.compare(lookup), request.options) }
  } catch (error) {
    answer = { kind: 'crashed', message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(answer)
})

import { parentPort } from 'node:worker_threads'
import { EntityNameIndex, EntityNameRecords, finish } from './name-index.js'
import type { FromBuilder, ToBuilder } from './name-index-thread.js'
import { splitFormerNames } from './name-terms.js'

/**
 * The name index builder's thread (see `buildInThread`): takes in pages of names, and at the end
 * builds the index and hands it over, its arrays transferred.
 */
const port = parentPort
if (port === null) throw new Error('the name index builder runs on a worker thread')
const records = new EntityNameRecords()
port.on('message', (message: ToBuilder) => {
  try {
    if (message.kind === 'rows') {
      for (const row of message.rows) records.add({ code: row.credit_code, name: row.name, formerNames: splitFormerNames(row.former_name) })
      port.postMessage({ kind: 'taken' } satisfies FromBuilder)
      return
    }
    const { parts, transfer } = finish(EntityNameIndex.building(records)).parts()
    port.postMessage({ kind: 'built', parts } satisfies FromBuilder, transfer)
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromBuilder)
  }
})

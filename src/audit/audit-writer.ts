import { parentPort, workerData } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { chainRows } from './chain.js'
import type { FromWriter, ToWriter } from './audit-thread.js'

/**
 * The audit writer thread: one connection of its own, appending each batch to the chain in an
 * immediate transaction. synchronous=FULL, so a batch is on disk before its answer goes back.
 */
const connection = new BetterSqlite3((workerData as { file: string }).file)
connection.pragma('journal_mode = WAL')
connection.pragma('synchronous = FULL')
connection.pragma('busy_timeout = 5000')

/** Statements are prepared at the first batch: the thread may start before the schema exists. */
let append: ((batch: ToWriter['batch']) => number[]) | undefined

function appender(): (batch: ToWriter['batch']) => number[] {
  const head = connection.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  // Positional parameters: cheaper to bind than names looked up in an object.
  const insert = connection.prepare(
    `INSERT INTO audit_log (seq, occurred_at, actor_type, actor_id, actor_name, department_code, action, target, outcome, request_id, ip, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const transaction = connection.transaction((batch: ToWriter['batch']) => {
    const last = head.get() as { seq: number; hash: string } | undefined
    const rows = chainRows(batch, last === undefined ? undefined : { seq: Number(last.seq), hash: last.hash })
    for (const row of rows) {
      insert.run(
        row.seq,
        row.occurred_at,
        row.actor_type,
        row.actor_id,
        row.actor_name,
        row.department_code,
        row.action,
        row.target,
        row.outcome,
        row.request_id,
        row.ip,
        row.detail,
        row.prev_hash,
        row.hash,
      )
    }
    return rows.map((row) => row.seq)
  })
  return (batch) => transaction.immediate(batch)
}

parentPort?.on('message', (message: ToWriter) => {
  let reply: FromWriter
  try {
    append ??= appender()
    reply = { id: message.id, seqs: append(message.batch) }
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort?.postMessage(reply)
})

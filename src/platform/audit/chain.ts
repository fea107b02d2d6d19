import { createHash } from 'node:crypto'
import type { AuditLogTable } from '../db/tables.js'
import { canonicalJson } from './canonical.js'

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64)

/** The stored fields a row's hash covers: everything but the hash itself. */
export type ChainedContent = Omit<AuditLogTable, 'hash'>

/**
 * SM3 (GB/T 32905) over the previous row's hash and this row's canonical content.
 *
 * @example
 * const hash = chainHash({ ...row, prev_hash: previous.hash })
 */
export function chainHash(row: ChainedContent): string {
  const content = canonicalJson([
    Number(row.seq),
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
  ])
  return createHash('sm3').update(row.prev_hash).update('\n').update(content).digest('hex')
}

import { hash } from 'node:crypto'
import type { AuditLogTable } from './tables.js'
import type { AuditEntry } from './entry.js'
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
  // Every member is a string, a number or null (detail is already canonical JSON text), so plain
  // JSON.stringify writes the canonical form of the array.
  const content = JSON.stringify([
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
  return hash('sm3', `${row.prev_hash}\n${content}`, 'hex')
}

/** An entry stamped with the time it was appended. */
export interface TimedEntry {
  readonly entry: AuditEntry
  readonly occurredAt: string
}

/**
 * The rows that continue the chain after `head` (the last row, or undefined for an empty log):
 * consecutive sequence numbers, each row's hash over the previous hash and its own content.
 */
export function chainRows(batch: readonly TimedEntry[], head: { seq: number; hash: string } | undefined): AuditLogTable[] {
  let seq = head?.seq ?? 0
  let prevHash = head?.hash ?? GENESIS_HASH
  return batch.map(({ entry, occurredAt }) => {
    seq += 1
    const content = {
      seq,
      occurred_at: occurredAt,
      actor_type: entry.actorType,
      actor_id: entry.actorId ?? null,
      actor_name: entry.actorName ?? null,
      department_code: entry.departmentCode ?? null,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome,
      request_id: entry.requestId ?? null,
      ip: entry.ip ?? null,
      detail: canonicalJson(entry.detail ?? {}),
      prev_hash: prevHash,
    }
    const hash = chainHash(content)
    prevHash = hash
    return { ...content, hash }
  })
}

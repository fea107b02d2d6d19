import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/database.js'
import type { AuditTables } from './tables.js'

export interface AuditRecord {
  readonly seq: number
  readonly occurredAt: string
  readonly actorType: string
  readonly actorId: string | null
  readonly actorName: string | null
  readonly departmentCode: string | null
  readonly action: string
  readonly target: string | null
  readonly outcome: string
  readonly requestId: string | null
  readonly ip: string | null
  readonly detail: unknown
  readonly hash: string
}

export interface AuditFilter {
  readonly actor?: string
  readonly action?: string
  readonly department?: string
  readonly outcome?: 'success' | 'failure' | 'denied'
  readonly from?: string
  readonly to?: string
  readonly q?: string
  readonly order: 'asc' | 'desc'
  readonly limit: number
  readonly offset: number
}

/** Read-only queries over the audit log; appends go through the platform's AuditLog only. */
export class AuditRepository {
  private readonly db: Kysely<AuditTables>

  constructor(database: Database) {
    this.db = database.tables<AuditTables>()
  }

  async list(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    let query = this.db.selectFrom('audit_log')
    if (filter.actor !== undefined) query = query.where('actor_name', '=', filter.actor)
    if (filter.action !== undefined) {
      query = filter.action.endsWith('*') ? query.where('action', 'like', `${filter.action.slice(0, -1)}%`) : query.where('action', '=', filter.action)
    }
    if (filter.department !== undefined) query = query.where('department_code', '=', filter.department)
    if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome)
    if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from)
    if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to)
    if (filter.q !== undefined && filter.q !== '') {
      const like = `%${filter.q}%`
      query = query.where((eb) => eb.or([eb('target', 'like', like), eb('actor_name', 'like', like), eb('action', 'like', like)]))
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('seq', filter.order).limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return {
      total: Number(count.total),
      items: rows.map((row) => ({
        seq: Number(row.seq),
        occurredAt: row.occurred_at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        departmentCode: row.department_code,
        action: row.action,
        target: row.target,
        outcome: row.outcome,
        requestId: row.request_id,
        ip: row.ip,
        detail: JSON.parse(row.detail) as unknown,
        hash: row.hash,
      })),
    }
  }
}

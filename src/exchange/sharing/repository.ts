import type { Kysely, Selectable } from 'kysely'
import type { CatalogTables } from '../../catalog/tables.js'
import type { IdentityTables } from '../../identity/tables.js'
import type { Database } from '../../platform/db/database.js'
import { newId, now } from '../../platform/ids.js'
import type { Grant, GrantItem, Operation } from '../gate/model.js'
import { type SharingRequest } from './model.js'
import type { GrantTable, SharingRequestTable, SharingTables } from './tables.js'

/**
 * Sharing's tables, and what its listings name: the resource (and its published version's name)
 * and the departments, read-only joins into the catalog's and identity's tables allowed by name in
 * the rule file.
 */
type SharingReadTables = SharingTables & Pick<CatalogTables, 'catalog_resources' | 'catalog_versions'> & Pick<IdentityTables, 'departments'>

type Joined<T> = Selectable<T> & {
  resource_code: string
  resource_name: string
  provider_code: string
  provider_name: string
  consumer_code: string
  consumer_name: string
}

const parse = <T>(text: string) => JSON.parse(text) as T

function effective(row: Selectable<GrantTable>, today: string): boolean {
  return row.status === 'active' && row.valid_from <= today && row.valid_until >= today
}

function toGrant(row: Joined<GrantTable>, today: string): Grant {
  return {
    id: row.id,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    provider: { id: row.provider_department_id, code: row.provider_code, name: row.provider_name },
    consumer: { id: row.consumer_department_id, code: row.consumer_code, name: row.consumer_name },
    requestId: row.request_id,
    items: parse<GrantItem[]>(row.items),
    operations: parse<Operation[]>(row.operations),
    purpose: row.purpose,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    rateLimit: Number(row.rate_limit),
    status: row.status,
    effective: effective(row, today),
    grantedBy: row.granted_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
  }
}

function toRequest(row: Joined<SharingRequestTable> & { share_type: string }, today: string): SharingRequest {
  return {
    id: row.id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    shareType: row.share_type,
    provider: { id: row.provider_department_id, code: row.provider_code, name: row.provider_name },
    consumer: { id: row.consumer_department_id, code: row.consumer_code, name: row.consumer_name },
    requestedBy: row.requested_by,
    items: parse<GrantItem[]>(row.items),
    operations: parse<Operation[]>(row.operations),
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    deadline: row.deadline,
    overdue: row.status === 'pending' && row.deadline < today,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    grantId: row.grant_id,
    createdAt: row.created_at,
  }
}

export interface GrantFilter {
  readonly providerDepartmentId?: string
  readonly consumerDepartmentId?: string
  readonly resourceId?: string
  readonly status?: 'active' | 'revoked'
}

export interface RequestFilter {
  readonly providerDepartmentId?: string
  readonly consumerDepartmentId?: string
  readonly status?: SharingRequest['status']
  readonly overdueBefore?: string
  readonly limit: number
  readonly offset: number
}

/** SQL for sharing requests and grants. */
export class SharingRepository {
  private readonly db: Kysely<SharingReadTables>

  /** Over an open database, or over a transaction (see `transaction`). */
  constructor(source: Database | Kysely<SharingReadTables>) {
    this.db = 'tables' in source ? source.tables<SharingReadTables>() : source
  }

  transaction<T>(work: (repository: SharingRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new SharingRepository(trx)))
  }

  #grants() {
    return this.db
      .selectFrom('grants')
      .innerJoin('catalog_resources as r', 'r.id', 'grants.resource_id')
      .innerJoin('departments as p', 'p.id', 'grants.provider_department_id')
      .innerJoin('departments as c', 'c.id', 'grants.consumer_department_id')
      .selectAll('grants')
      .select([
        'r.code as resource_code',
        'r.name as resource_name',
        'p.code as provider_code',
        'p.name as provider_name',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
  }

  async insertGrant(grant: Omit<Selectable<GrantTable>, 'id' | 'created_at' | 'revoked_at' | 'revoked_by' | 'revoke_reason' | 'status'>): Promise<string> {
    const id = newId()
    await this.db
      .insertInto('grants')
      .values({ ...grant, id, status: 'active', created_at: now(), revoked_at: null, revoked_by: null, revoke_reason: null })
      .execute()
    return id
  }

  async findGrant(id: string, today: string): Promise<Grant | undefined> {
    const row = await this.#grants().where('grants.id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toGrant(row, today)
  }

  async listGrants(filter: GrantFilter, today: string): Promise<Grant[]> {
    let query = this.#grants()
    if (filter.providerDepartmentId !== undefined) query = query.where('grants.provider_department_id', '=', filter.providerDepartmentId)
    if (filter.consumerDepartmentId !== undefined) query = query.where('grants.consumer_department_id', '=', filter.consumerDepartmentId)
    if (filter.resourceId !== undefined) query = query.where('grants.resource_id', '=', filter.resourceId)
    if (filter.status !== undefined) query = query.where('grants.status', '=', filter.status)
    const rows = await query.orderBy('grants.created_at', 'desc').execute()
    return rows.map((row) => toGrant(row, today))
  }

  /** The grants that may let `consumer` read `resource` today. */
  async effectiveGrants(resourceId: string, consumerDepartmentId: string, today: string): Promise<Grant[]> {
    const rows = await this.#grants()
      .where('grants.resource_id', '=', resourceId)
      .where('grants.consumer_department_id', '=', consumerDepartmentId)
      .where('grants.status', '=', 'active')
      .where('grants.valid_from', '<=', today)
      .where('grants.valid_until', '>=', today)
      .execute()
    return rows.map((row) => toGrant(row, today))
  }

  async revokeGrant(id: string, by: string, reason: string): Promise<void> {
    await this.db
      .updateTable('grants')
      .set({ status: 'revoked', revoked_at: now(), revoked_by: by, revoke_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .execute()
  }

  #requests() {
    return this.db
      .selectFrom('sharing_requests')
      .innerJoin('catalog_resources as r', 'r.id', 'sharing_requests.resource_id')
      .innerJoin('catalog_versions as v', (join) => join.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version'))
      .innerJoin('departments as p', 'p.id', 'sharing_requests.provider_department_id')
      .innerJoin('departments as c', 'c.id', 'sharing_requests.consumer_department_id')
      .selectAll('sharing_requests')
      .select([
        'r.code as resource_code',
        'r.name as resource_name',
        'v.content as content',
        'p.code as provider_code',
        'p.name as provider_name',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
  }

  async insertRequest(
    request: Omit<Selectable<SharingRequestTable>, 'id' | 'created_at' | 'decided_by' | 'decided_at' | 'decision_reason' | 'grant_id' | 'overdue_notified'>,
  ): Promise<string> {
    const id = newId()
    await this.db
      .insertInto('sharing_requests')
      .values({ ...request, id, created_at: now(), decided_by: null, decided_at: null, decision_reason: null, grant_id: null, overdue_notified: 0 })
      .execute()
    return id
  }

  async findRequest(id: string, today: string): Promise<SharingRequest | undefined> {
    const row = await this.#requests().where('sharing_requests.id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toRequest({ ...row, share_type: (JSON.parse(row.content) as { shareType: string }).shareType }, today)
  }

  async listRequests(filter: RequestFilter, today: string): Promise<{ items: SharingRequest[]; total: number }> {
    let query = this.#requests()
    if (filter.providerDepartmentId !== undefined) query = query.where('sharing_requests.provider_department_id', '=', filter.providerDepartmentId)
    if (filter.consumerDepartmentId !== undefined) query = query.where('sharing_requests.consumer_department_id', '=', filter.consumerDepartmentId)
    if (filter.status !== undefined) query = query.where('sharing_requests.status', '=', filter.status)
    if (filter.overdueBefore !== undefined)
      query = query.where('sharing_requests.status', '=', 'pending').where('sharing_requests.deadline', '<', filter.overdueBefore)
    const rows = await query.orderBy('sharing_requests.created_at', 'desc').execute()
    const items = rows.map((row) => toRequest({ ...row, share_type: (JSON.parse(row.content) as { shareType: string }).shareType }, today))
    return { items: items.slice(filter.offset, filter.offset + filter.limit), total: items.length }
  }

  async decideRequest(
    id: string,
    decision: { status: 'approved' | 'refused' | 'cancelled'; by: string; reason: string | null; grantId: string | null },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('sharing_requests')
      .set({ status: decision.status, decided_by: decision.by, decided_at: now(), decision_reason: decision.reason, grant_id: decision.grantId })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /** Pending requests past their deadline whose lateness has not been reported yet; marks them reported. */
  async takeNewlyOverdue(today: string): Promise<Array<{ id: string; provider_department_id: string }>> {
    const rows = await this.db
      .selectFrom('sharing_requests')
      .select(['id', 'provider_department_id'])
      .where('status', '=', 'pending')
      .where('deadline', '<', today)
      .where('overdue_notified', '=', 0)
      .execute()
    if (rows.length > 0) {
      await this.db
        .updateTable('sharing_requests')
        .set({ overdue_notified: 1 })
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute()
    }
    return rows
  }
}

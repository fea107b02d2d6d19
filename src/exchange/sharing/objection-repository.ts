import type { Kysely, Selectable } from 'kysely'
import type { CatalogTables } from '../../catalog/tables.js'
import type { IdentityTables } from '../../identity/tables.js'
import type { Database } from '../../platform/db/database.js'
import { now } from '../../platform/ids.js'
import type { ObjectionTable, SharingTables } from './tables.js'

/**
 * Objections, and what a listing names: the resource and the departments, read-only joins into the
 * catalog's and identity's tables allowed by name in the rule file.
 */
type ObjectionReadTables = Pick<SharingTables, 'objections'> & Pick<CatalogTables, 'catalog_resources'> & Pick<IdentityTables, 'departments'>

export interface Objection {
  readonly id: string
  readonly resourceCode: string
  readonly resourceName: string
  readonly provider: { readonly code: string; readonly name: string }
  readonly consumer: { readonly code: string; readonly name: string }
  readonly recordKey: string
  readonly note: string
  readonly raisedBy: string
  readonly status: 'open' | 'answered'
  readonly answer: string | null
  readonly answeredBy: string | null
  readonly answeredAt: string | null
  readonly createdAt: string
}

/** An objection with the two departments it is between, for deciding who may see it. */
export interface ObjectionRecord {
  readonly objection: Objection
  readonly providerDepartmentId: string
  readonly consumerDepartmentId: string
}

export interface ObjectionFilter {
  readonly providerDepartmentId?: string
  readonly consumerDepartmentId?: string
  readonly status?: 'open' | 'answered'
}

/** SQL for data objections. */
export class ObjectionRepository {
  private readonly db: Kysely<ObjectionReadTables>

  constructor(database: Database) {
    this.db = database.tables<ObjectionReadTables>()
  }

  #query() {
    return this.db
      .selectFrom('objections')
      .innerJoin('catalog_resources as r', 'r.id', 'objections.resource_id')
      .innerJoin('departments as p', 'p.id', 'objections.provider_department_id')
      .innerJoin('departments as c', 'c.id', 'objections.consumer_department_id')
      .selectAll('objections')
      .select([
        'r.code as resource_code',
        'r.name as resource_name',
        'p.code as provider_code',
        'p.name as provider_name',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
  }

  #record(
    row: Selectable<ObjectionTable> & {
      resource_code: string
      resource_name: string
      provider_code: string
      provider_name: string
      consumer_code: string
      consumer_name: string
    },
  ): ObjectionRecord {
    const objection: Objection = {
      id: row.id,
      resourceCode: row.resource_code,
      resourceName: row.resource_name,
      provider: { code: row.provider_code, name: row.provider_name },
      consumer: { code: row.consumer_code, name: row.consumer_name },
      recordKey: row.record_key,
      note: row.note,
      raisedBy: row.raised_by,
      status: row.status,
      answer: row.answer,
      answeredBy: row.answered_by,
      answeredAt: row.answered_at,
      createdAt: row.created_at,
    }
    return { objection, providerDepartmentId: row.provider_department_id, consumerDepartmentId: row.consumer_department_id }
  }

  async insert(row: Selectable<ObjectionTable>): Promise<void> {
    await this.db.insertInto('objections').values(row).execute()
  }

  async find(id: string): Promise<ObjectionRecord | undefined> {
    const row = await this.#query().where('objections.id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : this.#record(row)
  }

  /** Newest first. */
  async list(filter: ObjectionFilter): Promise<ObjectionRecord[]> {
    let query = this.#query()
    if (filter.providerDepartmentId !== undefined) query = query.where('objections.provider_department_id', '=', filter.providerDepartmentId)
    if (filter.consumerDepartmentId !== undefined) query = query.where('objections.consumer_department_id', '=', filter.consumerDepartmentId)
    if (filter.status !== undefined) query = query.where('objections.status', '=', filter.status)
    return (await query.orderBy('objections.created_at', 'desc').execute()).map((row) => this.#record(row))
  }

  /** Who answers an objection, and whether it still waits for an answer. */
  async state(id: string): Promise<Pick<Selectable<ObjectionTable>, 'provider_department_id' | 'status'>> {
    return this.db.selectFrom('objections').select(['provider_department_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
  }

  async markAnswered(id: string, answer: string, answeredBy: string): Promise<void> {
    await this.db.updateTable('objections').set({ status: 'answered', answer, answered_by: answeredBy, answered_at: now() }).where('id', '=', id).execute()
  }

  async openCount(): Promise<number> {
    const row = await this.db
      .selectFrom('objections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

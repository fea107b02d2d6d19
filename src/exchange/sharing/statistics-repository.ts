import type { Kysely } from 'kysely'
import type { CatalogTables } from '../../catalog/tables.js'
import type { IdentityTables } from '../../identity/tables.js'
import type { Database } from '../../platform/db/database.js'
import type { GateTables } from '../gate/tables.js'
import type { SharingTables } from './tables.js'

/** Sharing's tables, and the published entries, departments and usage counters the figures count. */
type StatisticsTables = SharingTables & Pick<CatalogTables, 'catalog_resources'> & Pick<IdentityTables, 'departments'> & GateTables

/**
 * The rows the exchange's statistics count. This is the one read that spans modules (catalog
 * entries and departments, sharing requests, grants and objections, the gate's usage counters):
 * a read-only listing, named as an exception in the rule file, that writes nothing.
 */
export class StatisticsRepository {
  readonly #db: Kysely<StatisticsTables>

  constructor(database: Database) {
    this.#db = database.tables<StatisticsTables>()
  }

  /** Published resources with their department, requests, grants, usage and objections. */
  async rows() {
    const db = this.#db
    const [resources, requests, grants, usage, objections, departments] = await Promise.all([
      db
        .selectFrom('catalog_resources as r')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .select(['r.id', 'r.code', 'r.name', 'd.id as department_id', 'd.code as department_code', 'd.name as department_name'])
        .where('r.status', '=', 'published')
        .execute(),
      db
        .selectFrom('sharing_requests')
        .select(['resource_id', 'provider_department_id', 'consumer_department_id', 'status', 'created_at', 'decided_at', 'decided_by', 'deadline'])
        .execute(),
      db.selectFrom('grants').select(['resource_id', 'provider_department_id', 'consumer_department_id', 'status', 'valid_from', 'valid_until']).execute(),
      db.selectFrom('exchange_usage').select(['resource_id', 'consumer_department_id', 'reads', 'records']).execute(),
      db.selectFrom('objections').select(['status']).execute(),
      db.selectFrom('departments').select(['id', 'code', 'name']).execute(),
    ])
    return { resources, requests, grants, usage, objections, departments }
  }
}

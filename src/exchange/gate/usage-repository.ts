import { sql, type Kysely } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { GateTables } from './tables.js'

/** Reads and records delivered, counted for one day, resource, consumer department and operation. */
export interface UsageTally {
  readonly day: string
  readonly resourceId: string
  readonly consumerId: string
  readonly operation: string
  readonly reads: number
  readonly records: number
}

/** SQL for the usage counters. */
export class UsageRepository {
  private readonly db: Kysely<GateTables>

  constructor(database: Database) {
    this.db = database.tables<GateTables>()
  }

  /** Adds each tally to its day's counters. */
  async add(entries: readonly UsageTally[]): Promise<void> {
    for (const entry of entries) {
      await this.db
        .insertInto('exchange_usage')
        .values({
          day: entry.day,
          resource_id: entry.resourceId,
          consumer_department_id: entry.consumerId,
          operation: entry.operation,
          reads: entry.reads,
          records: entry.records,
        })
        .onConflict((oc) =>
          oc.columns(['day', 'resource_id', 'consumer_department_id', 'operation']).doUpdateSet({
            reads: sql`exchange_usage.reads + ${entry.reads}`,
            records: sql`exchange_usage.records + ${entry.records}`,
          }),
        )
        .execute()
    }
  }
}

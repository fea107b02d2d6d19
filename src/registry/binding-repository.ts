import type { Kysely } from 'kysely'
import type { RegistryBindings } from '../exchange/gate/provider-directory.js'
import type { Database } from '../platform/db/database.js'
import { now } from '../platform/ids.js'
import type { RegistryTables } from './tables.js'

/** SQL for the bindings of base registries to the catalog entries they serve. */
export class RegistryBindingRepository implements RegistryBindings {
  private readonly db: Kysely<RegistryTables>

  constructor(database: Database) {
    this.db = database.tables<RegistryTables>()
  }

  async list(): Promise<Array<{ registry: string; resourceId: string }>> {
    const rows = await this.db.selectFrom('registry_bindings').select(['registry', 'resource_id']).execute()
    return rows.map((row) => ({ registry: row.registry, resourceId: row.resource_id }))
  }

  async bind(registry: string, resourceId: string, by: string): Promise<void> {
    await this.db
      .insertInto('registry_bindings')
      .values({ registry, resource_id: resourceId, bound_by: by, bound_at: now() })
      .onConflict((oc) => oc.column('registry').doUpdateSet({ resource_id: resourceId, bound_by: by, bound_at: now() }))
      .execute()
  }
}

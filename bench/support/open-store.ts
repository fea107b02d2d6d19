import { createContext, type Context } from '../../src/context.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase, type DatabaseOf } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import { migrateToLatest } from '../../src/migrations/index.js'

/** Where a benchmark's registry lives: SQLite in `dataDir`, or PostgreSQL in a schema of its own. */
export interface StoreSpec {
  readonly dataDir: string
  /** PostgreSQL URL and schema; SQLite in `dataDir` without them. */
  readonly postgres?: { readonly url: string; readonly schema: string }
}

export interface OpenStore {
  readonly database: DatabaseOf<Tables>
  readonly context: Context
  close(): Promise<void>
}

/**
 * Opens a benchmark store as Huitong does (logger silent), migrated to the latest schema, with
 * the context over it; `close` ends the context's work, then the database.
 *
 * @example
 * const { context, close } = await openStore({ dataDir: '/tmp/huitong-bench-x/data' })
 */
export async function openStore(store: StoreSpec): Promise<OpenStore> {
  const config = loadConfig({
    HUITONG_DATA_DIR: store.dataDir,
    HUITONG_LOG_LEVEL: 'silent',
    ...(store.postgres === undefined ? {} : { HUITONG_DATABASE_URL: store.postgres.url }),
  })
  const database = await openDatabase<Tables>(config, store.postgres === undefined ? {} : { schema: store.postgres.schema })
  await migrateToLatest(database)
  const context = createContext(config, database)
  return {
    database,
    context,
    async close() {
      await context.close()
      await database.close()
    },
  }
}

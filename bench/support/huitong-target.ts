import { buildApp } from '../../src/app.js'
import { createContext } from '../../src/context.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import type { Target } from './target-process.js'

/**
 * Huitong itself over a data directory a setup step filled (SQLite there, or PostgreSQL in the
 * schema given), logger off, for `serveTarget`. With `start`, its background work starts as in
 * `huitong serve` (job worker, the name index's build, …).
 *
 * @example
 * await serveTarget(await huitongTarget('/tmp/huitong-bench-x/data', undefined))
 */
export async function huitongTarget(
  dataDir: string,
  postgres: { readonly url: string; readonly schema: string } | undefined,
  options: { readonly start?: boolean } = {},
): Promise<Target> {
  const config = loadConfig({
    HUITONG_DATA_DIR: dataDir,
    HUITONG_LOG_LEVEL: 'silent',
    ...(postgres === undefined ? {} : { HUITONG_DATABASE_URL: postgres.url }),
  })
  const database = await openDatabase<Tables>(config, postgres === undefined ? {} : { schema: postgres.schema })
  const context = createContext(config, database)
  const app = await buildApp(context, { console: false })
  if (options.start === true) context.start()
  return {
    app,
    async close() {
      await context.close()
      await database.close()
    },
  }
}

import { Migrator, type Migration, type MigrationResult } from 'kysely'
import type { Database } from './database.js'
import * as foundation from './migrations/0001-foundation.js'
import * as catalog from './migrations/0002-catalog.js'
import * as exchange from './migrations/0003-exchange.js'
import * as population from './migrations/0004-population.js'
import * as legalPerson from './migrations/0005-legal-person.js'
import * as auditFile from './migrations/0007-audit-file.js'

/** Every migration, in order. Written once with Kysely's schema builder; runs on both dialects. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-catalog': catalog,
  '0003-exchange': exchange,
  '0004-population': population,
  '0005-legal-person': legalPerson,
  '0007-audit-file': auditFile,
}

export interface MigrationReport {
  readonly applied: readonly string[]
}

/**
 * Brings the schema up to date; safe to run on every start and from several nodes at once
 * (Kysely takes a lock table on both dialects).
 *
 * @example
 * await migrateToLatest(database) // { applied: ['0001-foundation'] } on a new database
 */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.db,
    // Kysely looks for its own tables across every schema unless told which one is ours.
    ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error })
  }
  return { applied: (results ?? []).map((result) => result.migrationName) }
}

import { Migrator, type Migration, type MigrationResult } from 'kysely'
import type { Database } from './database.js'

export interface MigrateOptions {
  /** Stops after this migration instead of the latest (tests of one migration's data changes). */
  readonly upTo?: string
}

export interface MigrationReport {
  readonly applied: readonly string[]
}

/**
 * Brings the schema up to date with `migrations` (by name, applied in name order); safe to run on
 * every start and from several nodes at once (Kysely takes a lock table on both dialects). The
 * names are recorded in the database, so a migration keeps its name for good.
 *
 * @example
 * await runMigrations(database, { '0001-foundation': foundation }) // { applied: ['0001-foundation'] } on a new database
 */
export async function runMigrations(
  database: Database,
  migrations: Readonly<Record<string, Migration>>,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.tables<unknown>(),
    // Kysely looks for its own tables across every schema unless told which one is ours.
    ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
  const { error, results } = await (options.upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(options.upTo))
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error })
  }
  return { applied: (results ?? []).map((result) => result.migrationName) }
}

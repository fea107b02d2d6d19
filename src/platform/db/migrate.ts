import { Migrator, type Migration, type MigrationResult } from 'kysely'
import type { Database } from './database.js'
import * as foundation from './migrations/0001-foundation.js'
import * as catalog from './migrations/0002-catalog.js'
import * as exchange from './migrations/0003-exchange.js'
import * as population from './migrations/0004-population.js'
import * as legalPerson from './migrations/0005-legal-person.js'
import { webhookSecretsMigration } from './migrations/0006-webhook-secrets.js'
import * as auditFile from './migrations/0007-audit-file.js'
import type { SecretBox } from '../secret-box.js'

/** Every migration, in order. Written once with Kysely's schema builder; runs on both dialects. */
function migrations(options: MigrateOptions): Record<string, Migration> {
  return {
    '0001-foundation': foundation,
    '0002-catalog': catalog,
    '0003-exchange': exchange,
    '0004-population': population,
    '0005-legal-person': legalPerson,
    '0006-webhook-secrets': webhookSecretsMigration(options.secrets),
    '0007-audit-file': auditFile,
  }
}

export interface MigrateOptions {
  /** Seals webhook secrets earlier versions stored in clear; needed only where there are any. */
  readonly secrets?: SecretBox
  /** Stops after this migration instead of the latest (tests of one migration's data changes). */
  readonly upTo?: string
}

export interface MigrationReport {
  readonly applied: readonly string[]
}

/**
 * Brings the schema up to date; safe to run on every start and from several nodes at once
 * (Kysely takes a lock table on both dialects).
 *
 * @example
 * await migrateToLatest(database, { secrets: openSecretBox(config) }) // { applied: ['0001-foundation', …] } on a new database
 */
export async function migrateToLatest(database: Database, options: MigrateOptions = {}): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.db,
    // Kysely looks for its own tables across every schema unless told which one is ours.
    ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
    provider: { getMigrations: async () => migrations(options) },
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

import type { Migration } from 'kysely'
import type { Database } from '../platform/db/database.js'
import { runMigrations, type MigrateOptions, type MigrationReport } from '../platform/db/migrate.js'
import type { SecretBox } from '../platform/secret-box.js'
import * as foundation from './0001-foundation.js'
import * as catalog from './0002-catalog.js'
import * as exchange from './0003-exchange.js'
import * as population from './0004-population.js'
import * as legalPerson from './0005-legal-person.js'
import { webhookSecretsMigration } from './0006-webhook-secrets.js'
import * as auditFile from './0007-audit-file.js'

/**
 * Every migration, in order. Written once with Kysely's schema builder; runs on both dialects. The
 * names are recorded in each database that ran them: never rename one.
 */
function migrations(options: HuitongMigrateOptions): Record<string, Migration> {
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

export interface HuitongMigrateOptions extends MigrateOptions {
  /** Seals webhook secrets earlier versions stored in clear; needed only where there are any. */
  readonly secrets?: SecretBox
}

/**
 * Brings Huitong's schema up to date; safe to run on every start and from several nodes at once.
 *
 * @example
 * await migrateToLatest(database, { secrets: openSecretBox(config) }) // { applied: ['0001-foundation', …] } on a new database
 */
export async function migrateToLatest(database: Database, options: HuitongMigrateOptions = {}): Promise<MigrationReport> {
  return runMigrations(database, migrations(options), options)
}

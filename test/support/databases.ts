import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { loadConfig, type Config, type DatabaseKind } from '../../src/platform/config.js'
import { openDatabase, type DatabaseOf } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import { migrateToLatest } from '../../src/migrations/index.js'

/** PostgreSQL for tests: HUITONG_TEST_DATABASE_URL, else the local server's `test` database. */
export const TEST_POSTGRES_URL = process.env.HUITONG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

const reachable = await postgresReachable()
if (!reachable && process.env.HUITONG_REQUIRE_POSTGRES === '1') {
  throw new Error(`HUITONG_REQUIRE_POSTGRES=1 but PostgreSQL at ${TEST_POSTGRES_URL} does not answer`)
}

/**
 * The dialects every storage test runs on: SQLite always, PostgreSQL wherever it is reachable
 * (CI sets HUITONG_REQUIRE_POSTGRES=1 so a missing server fails the run instead of skipping).
 */
export const DIALECTS: readonly DatabaseKind[] = reachable ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestDatabase {
  readonly config: Config
  readonly database: DatabaseOf<Tables>
  /** The PostgreSQL schema of this database; undefined on SQLite. */
  readonly schema: string | undefined
  /** Closes the database and removes its file or schema. */
  drop(): Promise<void>
}

/** A fresh, migrated database of `kind`: its own SQLite file, or its own PostgreSQL schema. */
export async function openTestDatabase(kind: DatabaseKind, env: NodeJS.ProcessEnv = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-test-'))
  const config = loadConfig({
    HUITONG_DATA_DIR: dataDir,
    HUITONG_LOG_LEVEL: 'silent',
    ...(kind === 'postgres' ? { HUITONG_DATABASE_URL: TEST_POSTGRES_URL } : {}),
    ...env,
  })
  const schema = `t_${randomBytes(6).toString('hex')}`
  const database = await openDatabase<Tables>(config, kind === 'postgres' ? { schema, poolSize: 5 } : {})
  await migrateToLatest(database)
  return {
    config,
    database,
    schema: kind === 'postgres' ? schema : undefined,
    async drop() {
      await database.close()
      if (kind === 'postgres') {
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
        await client.connect()
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
        await client.end()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

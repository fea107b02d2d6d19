import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Config, DatabaseKind } from '../config.js'
import { StatementCache } from './statement-cache.js'

/**
 * An open database: what differs between the dialects, and the Kysely handle typed by the tables
 * a module owns. Platform knows no module's tables: a module names its own (its `tables.ts`), and
 * the rule file keeps it from naming another's.
 */
export interface Database {
  readonly kind: DatabaseKind
  /**
   * The Kysely handle typed by the tables `T`: one connection under every typing.
   *
   * @example
   * const db = database.tables<IdentityTables>()
   */
  tables<T>(): Kysely<T>
  /** The PostgreSQL schema the tables live in; undefined on SQLite. */
  readonly schema: string | undefined
  /** The raw better-sqlite3 connection on SQLite (for pragmas and bulk paths); undefined on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | undefined
  /** SQLite only: the audit log's own file, attached to the connection as `audit`. */
  readonly sqliteAuditFile: string | undefined
  close(): Promise<void>
}

/** An open database whose Kysely handle is typed by every table `T`: the composition root's view. */
export interface DatabaseOf<T> extends Database {
  readonly db: Kysely<T>
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if missing); tests give each run its own. */
  readonly schema?: string
  /** SQLite only: the database file; defaults to `<dataDir>/huitong.db`. */
  readonly sqliteFile?: string
  /** SQLite only: disable the prepared-statement cache (for measuring it). */
  readonly statementCache?: boolean
  readonly poolSize?: number
}

// COUNT(*) and BIGINT come back from pg as strings; every count Huitong keeps fits in a double.
pg.types.setTypeParser(20, (value) => Number(value))

export function sqliteFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'huitong.db')
}

/**
 * The file beside a SQLite database that holds its audit log: `huitong.db` → `huitong-audit.db`.
 * Audit rows commit there, so the stream of them does not invalidate the main connection's page
 * cache at every commit (each lookup would read its pages again), and its fsyncs touch only the
 * audit file's WAL. An in-memory database keeps its audit log in memory too.
 */
export function auditFileFor(file: string): string {
  return file === ':memory:' ? ':memory:' : file.replace(/(\.db)?$/, '-audit.db')
}

/**
 * Opens SQLite (WAL, foreign keys, busy timeout, cached statements) or PostgreSQL.
 *
 * @example
 * const database = await openDatabase<Tables>(loadConfig())
 * const users = await database.db.selectFrom('users').selectAll().execute()
 */
export async function openDatabase<T>(config: Pick<Config, 'database' | 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<DatabaseOf<T>> {
  if (config.database === 'postgres') return openPostgres<T>(config.databaseUrl ?? '', options)
  return openSqlite<T>(options.sqliteFile ?? sqliteFile(config), options)
}

/** The typed views of one Kysely handle: the same object, the table types told apart only by the compiler. */
function typedViews<T>(db: Kysely<T>): <U>() => Kysely<U> {
  return <U>() => db as unknown as Kysely<U>
}

function openSqlite<T>(file: string, options: OpenOptions): DatabaseOf<T> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const connection = new BetterSqlite3(file)
  connection.pragma('journal_mode = WAL')
  // FULL makes every commit durable on disk: audit rows must survive a power cut before the
  // response that caused them leaves. Group commit keeps the fsync count low.
  connection.pragma('synchronous = FULL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  connection.pragma('cache_size = -65536')
  // Unqualified names find the attached audit_log (migration 0007 moved it there).
  const auditFile = auditFileFor(file)
  connection.prepare('ATTACH DATABASE ? AS audit').run(auditFile)
  if (auditFile !== ':memory:') connection.pragma('audit.journal_mode = WAL')
  connection.pragma('audit.synchronous = FULL')
  const database = options.statementCache === false ? connection : new StatementCache(connection)
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database }) })
  return {
    kind: 'sqlite',
    db,
    tables: typedViews(db),
    schema: undefined,
    sqlite: connection,
    sqliteAuditFile: auditFile,
    close: () => db.destroy(),
  }
}

async function openPostgres<T>(url: string, options: OpenOptions): Promise<DatabaseOf<T>> {
  const schema = options.schema
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await client.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  const db = new Kysely<T>({ dialect: new PostgresDialect({ pool }) })
  const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema')
  return {
    kind: 'postgres',
    db,
    tables: typedViews(db),
    schema: rows[0]?.schema ?? 'public',
    sqlite: undefined,
    sqliteAuditFile: undefined,
    close: () => db.destroy(),
  }
}

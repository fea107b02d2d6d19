import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * Wraps a better-sqlite3 connection so Kysely reuses prepared statements.
 *
 * Kysely's SQLite driver calls `prepare(sql)` for every query; compiling the same SQL again
 * costs more than the lookup it serves (see `bench/sqlite-prepare.ts`). Statements are kept
 * per SQL text in insertion order and the oldest is dropped past `capacity`.
 *
 * @example
 * new SqliteDialect({ database: new StatementCache(new Database('huitong.db')) })
 */
export class StatementCache implements SqliteDatabase {
  readonly #statements = new Map<string, BetterSqlite3.Statement>()

  constructor(
    readonly connection: BetterSqlite3.Database,
    readonly capacity = 1000,
  ) {}

  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql)
    if (statement === undefined) {
      statement = this.connection.prepare(sql)
      if (this.#statements.size >= this.capacity) {
        const oldest = this.#statements.keys().next().value
        if (oldest !== undefined) this.#statements.delete(oldest)
      }
      this.#statements.set(sql, statement)
    }
    return statement as unknown as SqliteStatement
  }

  get size(): number {
    return this.#statements.size
  }

  close(): void {
    this.#statements.clear()
    this.connection.close()
  }
}

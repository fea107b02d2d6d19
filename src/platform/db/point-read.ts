import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from './database.js'

/**
 * One row by key: the hot path of every lookup, prepared once.
 *
 * On SQLite the statement answers on this thread directly, without Kysely's driver, whose
 * connection mutex and promise chain cost more than the read itself. Not while a Kysely
 * transaction is open on the connection, though: a direct read would see its uncommitted rows
 * (half a batch), so the read then waits its turn through Kysely like any other query. So it is
 * not for reads inside a Kysely transaction on SQLite: there it would wait for that transaction,
 * its own, and never answer.
 *
 * @example
 * const byId = new PointRead<{ name: string }>(database, 'SELECT name FROM persons WHERE resident_id = ?', 'SELECT name FROM persons WHERE resident_id = $1')
 * const row = await byId.get('11010519491231002X')
 */
export class PointRead<R> {
  #statement: BetterSqlite3.Statement | undefined
  readonly #db: Kysely<unknown>

  constructor(
    private readonly database: Database,
    private readonly sqliteSql: string,
    private readonly postgresSql: string,
  ) {
    this.#db = database.tables<unknown>()
  }

  async get(...params: readonly unknown[]): Promise<R | undefined> {
    const sqlite = this.database.sqlite
    if (sqlite !== undefined && !sqlite.inTransaction) {
      this.#statement ??= sqlite.prepare(this.sqliteSql)
      return this.#statement.get(...params) as R | undefined
    }
    const { rows } = await this.#db.executeQuery<R>(CompiledQuery.raw(sqlite === undefined ? this.postgresSql : this.sqliteSql, [...params]))
    return rows[0]
  }
}

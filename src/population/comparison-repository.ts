import { sql, type Kysely } from 'kysely'
import type { Database } from '../platform/db/database.js'
import type { PopulationTables } from './tables.js'

/** A row of a compared file that is not ok, as kept for the department to browse by outcome. */
export interface ProblemRow {
  /** The row in the file, the header being row 1. */
  readonly row: number
  /** The resident ID and the name as the file gave them. */
  readonly residentId: string
  readonly name: string
  readonly outcome: string
  readonly detail: string
}

const COLUMNS = ['comparison_id', 'row', 'outcome', 'resident_id', 'name', 'detail'] as const

/**
 * SQL for the results of batch comparisons: the problem rows of each comparison, keyed by the
 * comparison (its job id) and the row. The ok rows are only counted, in the job's result.
 *
 * On SQLite the rows of one call go in one synchronous transaction, a prepared single-row insert
 * each (measured faster than multi-row statements or a JSON array, which cost more to bind or
 * parse than they save); on PostgreSQL in one statement, each column passed as an array.
 */
export class ComparisonRowRepository {
  readonly #db: Kysely<PopulationTables>

  constructor(private readonly database: Database) {
    this.#db = database.tables<PopulationTables>()
  }

  /** Removes a comparison's rows: a retried job starts over. */
  async clear(comparisonId: string): Promise<void> {
    await this.#db.deleteFrom('comparison_rows').where('comparison_id', '=', comparisonId).execute()
  }

  /**
   * Adds problem rows of a comparison, all or none.
   *
   * @example
   * await rows.append(job.id, [{ row: 4, residentId: '210102198503150021', name: '王芳', outcome: 'name-mismatch', detail: '…' }])
   */
  async append(comparisonId: string, rows: readonly ProblemRow[]): Promise<void> {
    if (rows.length === 0) return
    const sqlite = this.database.sqlite
    if (sqlite === undefined) {
      const column = <T>(value: (row: ProblemRow) => T) => rows.map(value)
      await sql`INSERT INTO comparison_rows (${sql.raw(COLUMNS.join(', '))})
        SELECT ${comparisonId}, * FROM unnest(${column((row) => row.row)}::integer[], ${column((row) => row.outcome)}::text[], ${column((row) => row.residentId)}::text[], ${column((row) => row.name)}::text[], ${column((row) => row.detail)}::text[])`.execute(
        this.#db,
      )
      return
    }
    // The connection is Kysely's too: wait for it, so no Kysely transaction is open meanwhile.
    await this.#db.connection().execute(async () => {
      const insert = sqlite.prepare(`INSERT INTO comparison_rows (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`)
      sqlite
        .transaction(() => {
          for (const row of rows) insert.run(comparisonId, row.row, row.outcome, row.residentId, row.name, row.detail)
        })
        .immediate()
    })
  }

  /** A page of a comparison's problem rows in file order, of one outcome or all, and how many there are. */
  async page(comparisonId: string, outcome: string | undefined, limit: number, offset: number): Promise<{ items: ProblemRow[]; total: number }> {
    let query = this.#db.selectFrom('comparison_rows').where('comparison_id', '=', comparisonId)
    if (outcome !== undefined) query = query.where('outcome', '=', outcome)
    const [items, total] = await Promise.all([
      query.select(['row', 'resident_id', 'name', 'outcome', 'detail']).orderBy('row').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return {
      items: items.map((row) => ({ row: Number(row.row), residentId: row.resident_id, name: row.name, outcome: row.outcome, detail: row.detail })),
      total: Number(total.total),
    }
  }
}

import BetterSqlite3 from 'better-sqlite3'
import type { Person } from './model.js'

/**
 * The read path of batch comparison on SQLite, apart from the repository so that a worker thread
 * can load it without Kysely.
 */

/** What a batch comparison reads of a person: the compared fields and the status, all in one index. */
export type ComparedPerson = Pick<Person, 'name' | 'gender' | 'birth_date' | 'status' | 'status_date'>

/** The fields a comparison reads, in the order of the covering index that serves them. */
export const COMPARED_FIELDS = ['resident_id', 'name', 'gender', 'birth_date', 'status', 'status_date'] as const
/** The fields a comparison reads, after the position of the ID asked for. */
export const COMPARED_COLUMNS = COMPARED_FIELDS.filter((field) => field !== 'resident_id')

/**
 * The compared fields of the persons with the given IDs, in one statement, each row led by the
 * position of its ID in the JSON array. SQLite's planner would take the unique index and then
 * read each row: CROSS JOIN keeps the IDs the outer loop, INDEXED BY names the covering index.
 * It is missing only while a first load builds it.
 */
export function comparedSqlite(sqlite: BetterSqlite3.Database, residentIds: readonly string[]): unknown[][] {
  const columns = COMPARED_COLUMNS.map((field) => `p.${field}`).join(', ')
  const from = 'json_each(?) AS wanted CROSS JOIN persons AS p'
  let select: BetterSqlite3.Statement
  try {
    select = sqlite.prepare(`SELECT wanted.key, ${columns} FROM ${from} INDEXED BY persons_compare_idx WHERE p.resident_id = wanted.value`)
  } catch {
    select = sqlite.prepare(`SELECT wanted.key, ${columns} FROM ${from} WHERE p.resident_id = wanted.value`)
  }
  return select.raw().all(JSON.stringify(residentIds)) as unknown[][]
}

/** Rows led by positions (see {@link comparedSqlite}) as persons, position for position. */
export function comparedAt(count: number, rows: readonly unknown[][]): Array<ComparedPerson | undefined> {
  const found = new Array<ComparedPerson | undefined>(count).fill(undefined)
  for (const row of rows) {
    found[Number(row[0])] = {
      name: row[1] as string,
      gender: row[2] as string,
      birth_date: row[3] as string,
      status: row[4] as Person['status'],
      status_date: row[5] as string,
    }
  }
  return found
}

/**
 * A read-only connection of its own to a SQLite registry, for batch comparison on a worker
 * thread: its lookups neither wait for the main connection nor hold up its event loop. In WAL
 * mode each statement reads the latest committed state, as the main connection would.
 *
 * @example
 * const reader = new ComparisonReader(persons.sqliteFile ?? '')
 * const [person] = reader.compare(['210102198503150021'])
 * reader.close()
 */
export class ComparisonReader {
  readonly #sqlite: BetterSqlite3.Database

  constructor(file: string) {
    this.#sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    this.#sqlite.pragma('busy_timeout = 5000')
    this.#sqlite.pragma('cache_size = -65536')
  }

  /** The compared fields of the persons with these IDs, position for position: undefined where an ID is not in the registry. */
  compare(residentIds: readonly string[]): Array<ComparedPerson | undefined> {
    return residentIds.length === 0 ? [] : comparedAt(residentIds.length, comparedSqlite(this.#sqlite, residentIds))
  }

  close(): void {
    this.#sqlite.close()
  }
}

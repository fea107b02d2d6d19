import type BetterSqlite3 from 'better-sqlite3'
import type { Database } from '../../platform/db/database.js'
import { now } from '../../platform/ids.js'
import type { PackedRows } from './packed-rows.js'

/** An index of a registry's table, exactly as its migration creates it. */
export interface IndexSpec {
  readonly name: string
  /** The indexed columns, or an expression, as SQL. */
  readonly on: string
  readonly unique?: boolean
  /**
   * Kept through a first load: its keys grow with every row (the sequence), so each row is
   * appended at its end, which costs less than sorting them all into a new index afterwards.
   */
  readonly inOrder?: boolean
}

/** A registry's table as a first load writes it. */
export interface BulkTable {
  /** The registry's name in `registry_heads`. */
  readonly registry: string
  readonly table: string
  readonly historyTable: string
  /** The record's columns, in the order of the staged lines; `seq`, `created_at` and `updated_at` follow. */
  readonly fields: readonly string[]
  readonly indexes: readonly IndexSpec[]
}

/** Rows per INSERT statement: one call into SQLite binds many rows (SQLite allows 32 766 values). */
const ROWS_PER_STATEMENT = 64

/**
 * The first load of a registry on SQLite: an empty table filled without its indexes, which are
 * built once at the end (a sort, rather than millions of insertions at random places in each
 * B-tree). Only the registry's sequence index stays, as rows arrive in sequence order.
 *
 * While the load runs, the connection commits with `synchronous = NORMAL`: in WAL mode a
 * transaction is then durable once the WAL is synced at a checkpoint rather than at each commit,
 * and a power cut can lose the last transactions but never corrupt the file. A first load that
 * stops half way starts over from an empty registry anyway; {@link finish} and {@link abandon}
 * restore the connection's setting.
 *
 * @example
 * const load = new SqliteBulkLoad(database, { registry: 'population', table: 'persons', … })
 * if (await load.possible()) { await load.begin(); await load.insert(chunks); await load.finish() }
 */
export class SqliteBulkLoad {
  #synchronous: number | undefined

  constructor(
    private readonly database: Database,
    readonly spec: BulkTable,
  ) {}

  get #sqlite(): BetterSqlite3.Database {
    const sqlite = this.database.sqlite
    if (sqlite === undefined) throw new Error('bulk loading is for SQLite')
    return sqlite
  }

  /**
   * Runs `work` holding Kysely's one SQLite connection, so no Kysely transaction of another
   * caller is open on it meanwhile.
   */
  #exclusive<T>(work: (sqlite: BetterSqlite3.Database) => T): Promise<T> {
    const sqlite = this.#sqlite
    return this.database
      .tables<unknown>()
      .connection()
      .execute(async () => work(sqlite))
  }

  /** SQLite, and nothing in the registry's table yet. */
  async possible(): Promise<boolean> {
    if (this.database.sqlite === undefined) return false
    return this.#exclusive((sqlite) => sqlite.prepare(`SELECT 1 FROM ${this.spec.table} LIMIT 1`).get() === undefined)
  }

  /** Drops the indexes that a sort rebuilds faster, and relaxes commit durability for the load. */
  async begin(): Promise<void> {
    await this.#exclusive((sqlite) => {
      for (const index of this.spec.indexes) if (index.inOrder !== true) sqlite.exec(`DROP INDEX IF EXISTS ${index.name}`)
      this.#synchronous ??= sqlite.pragma('synchronous', { simple: true }) as number
      sqlite.pragma('synchronous = NORMAL')
    })
  }

  /**
   * Appends checked records, one transaction, every record new. Each value is read by SQLite
   * from the rows' UTF-8 bytes, bound once a statement (`substr` of a BLOB, cast to TEXT), so no
   * value becomes a JavaScript string here. Returns how many were written.
   */
  async insert(rows: PackedRows): Promise<number> {
    const { registry, table, fields } = this.spec
    const width = fields.length
    // Each value as its 1-based start and its length in the statement's bytes, then the sequence number.
    const row = `(${fields.map(() => 'CAST(substr(@bytes, ?, ?) AS TEXT)').join(', ')}, ?, @at, @at)`
    const into = `INSERT INTO ${table} (${fields.join(', ')}, seq, created_at, updated_at) VALUES `
    const bytes = Buffer.from(rows.bytes.buffer, rows.bytes.byteOffset, rows.bytes.byteLength)
    const { starts } = rows
    return this.#exclusive((sqlite) => {
      const many = sqlite.prepare(into + Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(', '))
      const one = sqlite.prepare(into + row)
      const at = now()
      const run = sqlite.transaction((): number => {
        sqlite
          .prepare('INSERT INTO registry_heads (registry, last_seq, record_count, updated_at) VALUES (?, 0, 0, ?) ON CONFLICT (registry) DO NOTHING')
          .run(registry, at)
        const head = sqlite.prepare('SELECT last_seq FROM registry_heads WHERE registry = ?').get(registry) as { last_seq: number }
        const first = Number(head.last_seq)
        let seq = first
        const bind = (statement: BetterSqlite3.Statement, from: number, count: number, params: number[]) => {
          const base = starts[from * width] ?? 0
          let filled = 0
          for (let index = from * width; index < (from + count) * width; index++) {
            const start = starts[index] ?? 0
            params[filled++] = start - base + 1
            params[filled++] = (starts[index + 1] ?? start + 1) - start - 1
            if ((index + 1) % width === 0) params[filled++] = ++seq
          }
          statement.run(params, { bytes: bytes.subarray(base, starts[(from + count) * width] ?? base), at })
        }
        const manyParams = new Array<number>(ROWS_PER_STATEMENT * (2 * width + 1))
        const oneParams = new Array<number>(2 * width + 1)
        let from = 0
        for (; from + ROWS_PER_STATEMENT <= rows.count; from += ROWS_PER_STATEMENT) bind(many, from, ROWS_PER_STATEMENT, manyParams)
        for (; from < rows.count; from++) bind(one, from, 1, oneParams)
        sqlite
          .prepare('UPDATE registry_heads SET last_seq = ?, record_count = record_count + ?, updated_at = ? WHERE registry = ?')
          .run(seq, seq - first, at, registry)
        return seq - first
      })
      return run.immediate()
    })
  }

  /** Builds the dropped indexes and restores the connection's durability. */
  async finish(): Promise<void> {
    try {
      await this.buildIndexes()
    } finally {
      const synchronous = this.#synchronous
      this.#synchronous = undefined
      if (synchronous !== undefined) await this.#exclusive((sqlite) => sqlite.pragma(`synchronous = ${synchronous}`))
    }
  }

  /** Empties the registry after a first load that failed, so it is as it was before (sequence numbers stay used), then {@link finish}es. */
  async abandon(): Promise<void> {
    await this.#exclusive((sqlite) =>
      sqlite
        .transaction(() => {
          sqlite.exec(`DELETE FROM ${this.spec.table}`)
          sqlite.exec(`DELETE FROM ${this.spec.historyTable}`)
          sqlite.prepare('UPDATE registry_heads SET record_count = 0, updated_at = ? WHERE registry = ?').run(now(), this.spec.registry)
        })
        .immediate(),
    )
    await this.finish()
  }

  /**
   * Creates any missing index of the table: after a first load, and at start in case one was
   * interrupted. SQLite sorts in pieces the size of the page cache (64 MiB), on helper threads
   * when allowed; a larger sort memory measured no faster and raised the peak RSS.
   */
  async buildIndexes(): Promise<void> {
    if (this.database.sqlite === undefined) return
    await this.#exclusive((sqlite) => this.#build(sqlite))
  }

  #build(sqlite: BetterSqlite3.Database): void {
    const present = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(this.spec.table) as string[])
    const missing = this.spec.indexes.filter((index) => !present.has(index.name))
    if (missing.length === 0) return
    const threads = sqlite.pragma('threads', { simple: true }) as number
    sqlite.pragma('threads = 2')
    try {
      for (const index of missing)
        sqlite.exec(`CREATE ${index.unique === true ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${index.name} ON ${this.spec.table} (${index.on})`)
    } finally {
      sqlite.pragma(`threads = ${threads}`)
    }
  }
}

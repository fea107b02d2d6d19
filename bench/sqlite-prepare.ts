/**
 * Does Kysely's per-query `prepare()` cost SQLite lookups? Two shapes, each through Kysely with
 * and without the statement cache, against better-sqlite3's own prepared statements (the floor):
 *   - a primary-key lookup over generated users, plus a raw `prepare(sql).get()` per lookup
 *     (the prepare cost alone);
 *   - the session lookup that authenticates every API request (IdentityRepository.principalForSession:
 *     a three-table join and the user's roles), also run as the same SQL precompiled through
 *     Kysely's executor, which splits Kysely's cost between building/compiling and executing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { IdentityRepository } from '../src/identity/repository.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase, type Database, type DatabaseOf } from '../src/platform/db/database.js'
import { migrateToLatest } from '../src/migrations/index.js'
import type { Tables } from '../src/tables.js'
import { printTable, writeResults } from './support/report.js'
import { formatNumber, formatPercent, median } from './support/stats.js'

export interface SqlitePrepareOptions {
  readonly users: number
  readonly runs: number
  readonly lookupsPerRun: number
  readonly warmupLookups: number
}

export const SQLITE_PREPARE_DEFAULTS: SqlitePrepareOptions = { users: 10_000, runs: 5, lookupsPerRun: 50_000, warmupLookups: 5_000 }

interface Variant {
  readonly name: string
  /** The row, or undefined when the key is unknown; a promise of it when `awaited`. */
  readonly lookup: (key: string) => unknown
  /** Only Kysely's lookups are awaited: awaiting better-sqlite3's synchronous ones would add a microtask to the floor. */
  readonly awaited: boolean
}

interface Shape {
  readonly name: string
  readonly keys: readonly string[]
  /** The first variant is the baseline. */
  readonly variants: readonly Variant[]
}

const SESSION_EXPIRES = '2999-01-01T00:00:00.000Z'

function tokenHashOf(index: number): string {
  return createHash('sha256').update(`bench-token-${index}`).digest('hex')
}

/** Users in one department, each with a role and a live session; returns the user ids. */
function seed(sqlite: BetterSqlite3.Database, count: number): string[] {
  const at = new Date().toISOString()
  const ids = Array.from({ length: count }, (_, index) => `user-${String(index).padStart(6, '0')}`)
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, username, display_name, department_id, password_hash, status, password_changed_at, created_at, updated_at)
     VALUES (?, ?, ?, 'dept-bench', 'scrypt$unusable', 'active', ?, ?, ?)`,
  )
  const insertRole = sqlite.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'consumer')`)
  const insertSession = sqlite.prepare(`INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`)
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO departments (id, code, name, short_name, name_en, parent_id, kind, division_code, created_at, updated_at)
                VALUES ('dept-bench', '219999000', 'Bench', 'Bench', 'Bench', NULL, 'city', NULL, ?, ?)`,
      )
      .run(at, at)
    for (const [index, id] of ids.entries()) {
      insertUser.run(id, `u${id}`, `User ${id}`, at, at, at)
      insertRole.run(id)
      insertSession.run(`session-${index}`, tokenHashOf(index), id, at, SESSION_EXPIRES)
    }
  })()
  return ids
}

/** Times `count` lookups of keys taken in a fixed, scattered order; returns lookups per second. */
async function timeLookups(variant: Variant, keys: readonly string[], count: number, offset: number): Promise<number> {
  let misses = 0
  const started = performance.now()
  for (let i = 0; i < count; i += 1) {
    // 7919 is prime and does not divide the key count, so the walk visits keys out of order.
    const key = keys[((offset + i) * 7919) % keys.length] ?? ''
    const row = variant.awaited ? await variant.lookup(key) : variant.lookup(key)
    if (row === undefined) misses += 1
  }
  const seconds = (performance.now() - started) / 1000
  if (misses > 0) throw new Error(`${variant.name}: ${misses} lookups found nothing`)
  return count / seconds
}

function primaryKeyShape(cached: DatabaseOf<Tables>, uncached: DatabaseOf<Tables>, raw: BetterSqlite3.Database, ids: readonly string[]): Shape {
  // The raw variants run exactly the SQL Kysely generates.
  const { sql } = cached.db.selectFrom('users').selectAll().where('id', '=', '').compile()
  const prepared = raw.prepare(sql)
  return {
    name: `primary-key lookup: ${sql}`,
    keys: ids,
    variants: [
      { name: 'better-sqlite3 prepared get()', lookup: (id) => prepared.get(id), awaited: false },
      { name: 'better-sqlite3 prepare+get each', lookup: (id) => raw.prepare(sql).get(id), awaited: false },
      { name: 'kysely + statement cache', lookup: (id) => cached.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(), awaited: true },
      {
        name: 'kysely, no statement cache',
        lookup: (id) => uncached.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
        awaited: true,
      },
    ],
  }
}

/** The SQL and parameters the repository issues for one session lookup, caught by Kysely's query log. */
async function captureSessionQueries(raw: BetterSqlite3.Database, tokenHash: string, at: string): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = []
  // Never destroyed: destroying it would close the shared connection.
  const logging = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void captured.push(event.query) })
  const logged: Database = {
    kind: 'sqlite',
    tables: <T>() => logging as unknown as Kysely<T>,
    schema: undefined,
    sqlite: raw,
    sqliteAuditFile: undefined,
    close: async () => undefined,
  }
  await new IdentityRepository(logged).principalForSession(tokenHash, at)
  if (captured.length !== 2) throw new Error(`expected 2 queries per session lookup, saw ${captured.length}`)
  return captured
}

/** A captured query's parameters with the captured values swapped for this lookup's. */
function rebind(query: CompiledQuery | undefined, values: ReadonlyMap<unknown, unknown>): unknown[] {
  return (query?.parameters ?? []).map((value) => (values.has(value) ? values.get(value) : value))
}

async function sessionShape(cached: DatabaseOf<Tables>, uncached: DatabaseOf<Tables>, raw: BetterSqlite3.Database, count: number): Promise<Shape> {
  const keys = Array.from({ length: count }, (_, index) => tokenHashOf(index))
  const sampleHash = keys[0] ?? ''
  const sampleAt = new Date().toISOString()
  const [principalQuery, rolesQuery] = await captureSessionQueries(raw, sampleHash, sampleAt)
  const sampleUser = (raw.prepare('SELECT user_id FROM sessions WHERE token_hash = ?').get(sampleHash) as { user_id: string }).user_id
  const principal = raw.prepare(principalQuery?.sql ?? '')
  const roles = raw.prepare(rolesQuery?.sql ?? '')
  const rawLookup = (tokenHash: string): unknown => {
    const row = principal.get(
      ...rebind(
        principalQuery,
        new Map([
          [sampleHash, tokenHash],
          [sampleAt, new Date().toISOString()],
        ]),
      ),
    ) as { user_id: string } | undefined
    return row === undefined ? undefined : { ...row, roles: roles.all(...rebind(rolesQuery, new Map([[sampleUser, row.user_id]]))) }
  }
  // Kysely's executor and driver without its builder and compiler: the same SQL, compiled once.
  const precompiledLookup = async (tokenHash: string): Promise<unknown> => {
    const params = new Map<unknown, unknown>([
      [sampleHash, tokenHash],
      [sampleAt, new Date().toISOString()],
    ])
    const { rows } = await cached.db.executeQuery<{ user_id: string }>(CompiledQuery.raw(principalQuery?.sql ?? '', rebind(principalQuery, params)))
    const row = rows[0]
    if (row === undefined) return undefined
    const roleRows = await cached.db.executeQuery(CompiledQuery.raw(rolesQuery?.sql ?? '', rebind(rolesQuery, new Map([[sampleUser, row.user_id]]))))
    return { ...row, roles: roleRows.rows }
  }
  const withCache = new IdentityRepository(cached)
  const withoutCache = new IdentityRepository(uncached)
  return {
    name: 'session lookup that authenticates each request (IdentityRepository.principalForSession: join + roles, 2 queries)',
    keys,
    variants: [
      { name: 'better-sqlite3 prepared, same 2 queries', lookup: rawLookup, awaited: false },
      { name: 'kysely executeQuery, precompiled + cache', lookup: precompiledLookup, awaited: true },
      { name: 'repository, kysely + statement cache', lookup: (hash) => withCache.principalForSession(hash, new Date().toISOString()), awaited: true },
      { name: 'repository, kysely, no statement cache', lookup: (hash) => withoutCache.principalForSession(hash, new Date().toISOString()), awaited: true },
    ],
  }
}

async function measureShape(shape: Shape, options: SqlitePrepareOptions): Promise<Record<string, unknown>> {
  const samples = new Map<string, number[]>(shape.variants.map((variant) => [variant.name, []]))
  for (let run = 0; run < options.runs; run += 1) {
    // Rotate the order so no variant always runs first or last.
    const order = shape.variants.map((_, index) => shape.variants[(index + run) % shape.variants.length]).filter((v): v is Variant => v !== undefined)
    for (const variant of order) {
      await timeLookups(variant, shape.keys, options.warmupLookups, run)
      samples.get(variant.name)?.push(await timeLookups(variant, shape.keys, options.lookupsPerRun, run * options.lookupsPerRun))
    }
  }
  const baseline = median(samples.get(shape.variants[0]?.name ?? '') ?? [])
  const results = shape.variants.map((variant) => {
    const runs = samples.get(variant.name) ?? []
    const opsPerSecond = median(runs)
    return { name: variant.name, runs, opsPerSecond, microsecondsPerOp: 1e6 / opsPerSecond, ratioToBaseline: opsPerSecond / baseline }
  })
  printTable(
    `${shape.name}\nmedian of ${options.runs} runs of ${formatNumber(options.lookupsPerRun)} lookups over ${formatNumber(shape.keys.length)} keys; baseline (first row): ${shape.variants[0]?.name ?? '?'}`,
    ['variant', 'ops/s', 'µs/op', 'vs first', 'runs (ops/s)'],
    results.map((r) => [
      r.name,
      formatNumber(r.opsPerSecond),
      r.microsecondsPerOp.toFixed(2),
      formatPercent(r.ratioToBaseline),
      r.runs.map((value) => formatNumber(value)).join(' / '),
    ]),
  )
  const cachedResult = results.find((r) => r.name.includes('+ statement cache'))
  const uncachedResult = results.find((r) => r.name.includes('no statement cache'))
  const cacheSpeedup = (cachedResult?.opsPerSecond ?? Number.NaN) / (uncachedResult?.opsPerSecond ?? Number.NaN)
  console.log(`the statement cache speeds these Kysely lookups up ${cacheSpeedup.toFixed(2)}×`)
  return { shape: shape.name, results, cacheSpeedup }
}

export async function benchSqlitePrepare(options: SqlitePrepareOptions = SQLITE_PREPARE_DEFAULTS): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-'))
  const config = loadConfig({ HUITONG_DATA_DIR: dataDir, HUITONG_LOG_LEVEL: 'silent' })
  const cached = await openDatabase<Tables>(config)
  const uncached = await openDatabase<Tables>(config, { statementCache: false })
  try {
    await migrateToLatest(cached)
    const raw = cached.sqlite
    if (raw === undefined) throw new Error('sqlite-prepare needs SQLite')
    const ids = seed(raw, options.users)
    const shapes = [primaryKeyShape(cached, uncached, raw, ids), await sessionShape(cached, uncached, raw, ids.length)]
    const summaries = []
    for (const shape of shapes) summaries.push(await measureShape(shape, options))
    const file = writeResults('sqlite-prepare', { options, shapes: summaries })
    console.log(`results: ${file}`)
  } finally {
    await uncached.close()
    await cached.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

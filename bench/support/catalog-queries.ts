import { FACETS, type SearchQuery } from '../../src/catalog/search-index.js'

/** One search of the benchmark's mix and the kind of search it stands for. */
export interface CatalogQuery {
  readonly type: string
  readonly query: SearchQuery
}

const POLICE = '210100003'
const CIVIL = '210100005'

const page = (query: Omit<SearchQuery, 'limit' | 'offset'> & { offset?: number }): SearchQuery => ({ limit: 20, offset: 0, ...query })

/**
 * The searches users make of the catalog, four of each kind: short Chinese words, phrases typed
 * without spaces, pinyin, initials, two terms, facet filters alone and with a query, sorting by
 * name, and paging far down a long result list.
 */
export const CATALOG_QUERIES: readonly CatalogQuery[] = [
  ...['人口', '低保', '企业', '养老'].map((q) => ({ type: 'word (2 chars)', query: page({ q }) })),
  ...['人口信息', '企业登记信息', '养老服务补贴', '社区网格信息'].map((q) => ({ type: 'phrase', query: page({ q }) })),
  ...['renkou', 'qiye', 'yanglao', 'budongchan'].map((q) => ({ type: 'pinyin', query: page({ q }) })),
  ...['rkjc', 'qydj', 'ylfw', 'sqwg'].map((q) => ({ type: 'initials', query: page({ q }) })),
  ...['人口 户籍', '企业 信用', '养老 补贴', 'qiye 登记'].map((q) => ({ type: 'two terms', query: page({ q }) })),
  { type: 'facets only', query: page({ filters: { shareType: ['conditional'] } }) },
  { type: 'facets only', query: page({ filters: { classification: ['base'] } }) },
  { type: 'facets only', query: page({ filters: { department: [POLICE, CIVIL] } }) },
  { type: 'facets only', query: page({ filters: { formatClass: ['数据库'], updateCycle: ['monthly'] } }) },
  { type: 'query + facets', query: page({ q: '企业', filters: { shareType: ['unconditional'] } }) },
  { type: 'query + facets', query: page({ q: '养老', filters: { open: ['true'] } }) },
  { type: 'query + facets', query: page({ q: '人口', filters: { classification: ['base'], formatClass: ['数据库'] } }) },
  { type: 'query + facets', query: page({ q: 'renkou', filters: { department: [POLICE] } }) },
  { type: 'sort by name', query: page({ q: '信息', sort: 'name' }) },
  { type: 'sort by name', query: page({ sort: 'name' }) },
  { type: 'sort by name', query: page({ q: '登记', sort: '-name' }) },
  { type: 'sort by name', query: page({ sort: 'name', filters: { classification: ['theme'] } }) },
  { type: 'deep offset', query: page({ offset: 5000 }) },
  { type: 'deep offset', query: page({ offset: 9000, sort: 'name' }) },
  { type: 'deep offset', query: page({ q: '信息', offset: 2000 }) },
  { type: 'deep offset', query: page({ q: '登记', offset: 1000 }) },
]

/** The kinds of search in the order the mix lists them. */
export const QUERY_TYPES: readonly string[] = [...new Set(CATALOG_QUERIES.map((query) => query.type))]

/**
 * The API path of a search: GET /api/v1/catalog/resources with the query's parameters.
 *
 * @example
 * searchPath({ q: '人口', limit: 20, offset: 0 }) // '/api/v1/catalog/resources?q=%E4%BA%BA%E5%8F%A3&limit=20&offset=0'
 */
export function searchPath(query: SearchQuery): string {
  const params = new URLSearchParams()
  if (query.q !== undefined) params.set('q', query.q)
  for (const facet of FACETS) for (const value of query.filters?.[facet] ?? []) params.append(facet, value)
  if (query.sort !== undefined) params.set('sort', query.sort)
  params.set('limit', String(query.limit))
  params.set('offset', String(query.offset))
  return `/api/v1/catalog/resources?${params.toString()}`
}

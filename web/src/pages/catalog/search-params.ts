import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { FACETS, SORTS, type Facet, type SearchQuery } from '../../api/catalog'

export const PAGE_SIZES = [10, 20, 50] as const

/** Reads a catalog search from URL search params, so a search can be shared or bookmarked. */
export function parseSearch(params: URLSearchParams): SearchQuery {
  const filters: Partial<Record<Facet, string[]>> = {}
  for (const facet of FACETS) {
    const values = params.getAll(facet)
    if (values.length > 0) filters[facet] = values
  }
  const q = params.get('q') ?? ''
  const sort = SORTS.find((candidate) => candidate === params.get('sort')) ?? (q.trim() === '' ? '-published' : 'relevance')
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const size = Number.parseInt(params.get('size') ?? '', 10)
  return { q, filters, sort, page, pageSize: PAGE_SIZES.find((candidate) => candidate === size) ?? 10 }
}

/** The URL search params of a catalog search; defaults are left out to keep links short. */
export function searchToParams(query: Pick<SearchQuery, 'q' | 'filters'> & Partial<Pick<SearchQuery, 'sort' | 'page' | 'pageSize'>>): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q.trim() !== '') params.set('q', query.q.trim())
  for (const facet of FACETS) for (const value of query.filters[facet] ?? []) params.append(facet, value)
  if (query.sort !== undefined && query.sort !== (query.q.trim() === '' ? '-published' : 'relevance')) params.set('sort', query.sort)
  if (query.page !== undefined && query.page > 1) params.set('page', String(query.page))
  if (query.pageSize !== undefined && query.pageSize !== 10) params.set('size', String(query.pageSize))
  return params
}

/** The search in the URL, and a way to change part of it (back to page 1 unless the page is what changes). */
export function useSearchState(): [SearchQuery, (change: Partial<SearchQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo(() => parseSearch(params), [params])
  const update = useCallback(
    (change: Partial<SearchQuery>) => {
      // A new text search takes the default order for it (relevance) unless a sort was chosen.
      const keepSort = change.sort !== undefined || params.get('sort') !== null
      const next = { ...query, page: 1, ...change }
      setParams(searchToParams(keepSort ? next : { ...next, sort: undefined }))
    },
    [params, query, setParams],
  )
  return [query, update]
}

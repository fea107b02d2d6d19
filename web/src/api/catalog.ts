import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { download, request, type QueryValue } from './client'
import { membersOf, type BodyOf, type QueryOf, type ResponseOf, type Schemas } from './types'

/** The shapes of the catalog API (政务信息资源目录). */

export type ResourceContent = Schemas['ResourceContent']
export type CatalogItem = Schemas['CatalogItem']
export type Classification = ResourceContent['classification']
export type FormatClass = ResourceContent['formatClass']
export type ShareType = ResourceContent['shareType']
export type ShareMethod = ResourceContent['shareMethods'][number]
export type UpdateCycle = ResourceContent['updateCycle']
export type Secrecy = ResourceContent['secrecy']
export type ItemType = CatalogItem['type']
export type IdentifierKind = NonNullable<CatalogItem['identifierKind']>
export type ResourceRecord = Schemas['ResourceRecord']
export type ResourceStatus = ResourceRecord['status']
export type ResourceVersion = Schemas['ResourceVersion']
export type VersionStatus = ResourceVersion['status']
export type VersionSummary = Schemas['VersionSummary']
export type ReviewEntry = Schemas['ReviewEntry']
export type ResourceView = ResponseOf<'/api/v1/catalog/resources/{code}', 'get'>
export type SearchDocument = Schemas['SearchDocument']
export type SearchResult = ResponseOf<'/api/v1/catalog/resources', 'get'>
export type FacetCount = SearchResult['facets']['department'][number]
export type Suggestion = ResponseOf<'/api/v1/catalog/suggest', 'get'>[number]
export type ResourceDiff = ResponseOf<'/api/v1/catalog/resources/{code}/diff', 'get'>
export type FieldChange = ResourceDiff['fields'][number]
export type CatalogStats = ResponseOf<'/api/v1/catalog/stats', 'get'>
export type CountByValue = CatalogStats['byStatus'][number]
export type ImportResult = ResponseOf<'/api/v1/catalog/import', 'post'>
export type FileFormat = NonNullable<QueryOf<'/api/v1/catalog/export', 'get'>['format']>
export type FileEncoding = NonNullable<QueryOf<'/api/v1/catalog/export', 'get'>['encoding']>

export const CLASSIFICATIONS = membersOf<Classification>()(['base', 'theme', 'department'])
export const FORMAT_CLASSES = membersOf<FormatClass>()(['电子文件', '电子表格', '数据库', '图形图像', '流媒体', '自描述格式', '服务接口'])
export const ITEM_TYPES = membersOf<ItemType>()(['C', 'N', 'Y', 'D', 'T', 'L', 'M', 'B', 'I', 'F'])
export const IDENTIFIER_KINDS = membersOf<IdentifierKind>()(['residentId', 'creditCode', 'divisionCode'])
export const SHARE_TYPES = membersOf<ShareType>()(['unconditional', 'conditional', 'none'])
export const SHARE_METHODS = membersOf<ShareMethod>()(['api', 'file', 'database'])
export const UPDATE_CYCLES = membersOf<UpdateCycle>()(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'])
export const RESOURCE_STATUSES = membersOf<ResourceStatus>()(['draft', 'submitted', 'returned', 'published', 'retired'])

/** The facets the search page offers, in its order; the server counts category as well. */
export const FACETS = ['department', 'classification', 'shareType', 'open', 'formatClass', 'updateCycle'] as const satisfies ReadonlyArray<
  keyof SearchResult['facets']
>
export type Facet = (typeof FACETS)[number]

/** The orders the search page offers. */
export const SORTS = ['relevance', '-published', 'published', 'name', '-name', 'code', 'department'] as const satisfies ReadonlyArray<
  NonNullable<QueryOf<'/api/v1/catalog/resources', 'get'>['sort']>
>
export type SearchSort = (typeof SORTS)[number]

export interface SearchQuery {
  readonly q: string
  readonly filters: Readonly<Partial<Record<Facet, readonly string[]>>>
  readonly sort: SearchSort
  readonly page: number
  readonly pageSize: number
}

/** The actions the server may list for a resource (ResourceView.actions), which the console offers as buttons. */
export type ResourceAction = 'edit' | 'submit' | 'discard' | 'withdraw' | 'approve' | 'return' | 'retire'

const CATALOG = '/api/v1/catalog'

/** Catalog codes hold a slash (101/000001); paths carry it as a dash (101-000001). */
export function codeToPath(code: string): string {
  return code.replace('/', '-')
}

export function codeFromPath(param: string): string {
  return param.replace('-', '/')
}

const resourcePath = (code: string) => `${CATALOG}/resources/${codeToPath(code)}`

export const catalogKeys = {
  all: ['catalog'] as const,
  search: (query: SearchQuery) => ['catalog', 'search', query] as const,
  resource: (code: string) => ['catalog', 'resource', code] as const,
}

function searchParams(query: Pick<SearchQuery, 'q' | 'filters'>): Record<string, QueryValue> {
  return { q: query.q.trim(), ...query.filters }
}

export function useCatalogSearch(query: SearchQuery) {
  return useQuery({
    queryKey: catalogKeys.search(query),
    queryFn: () =>
      request<SearchResult>('GET', `${CATALOG}/resources`, {
        query: { ...searchParams(query), sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useSuggestions(q: string) {
  return useQuery({
    queryKey: ['catalog', 'suggest', q],
    queryFn: () => request<Suggestion[]>('GET', `${CATALOG}/suggest`, { query: { q } }),
    enabled: q.trim() !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })
}

export function useResource(code: string) {
  return useQuery({ queryKey: catalogKeys.resource(code), queryFn: () => request<ResourceView>('GET', resourcePath(code)) })
}

export function useResourceVersion(code: string, version: number | undefined) {
  return useQuery({
    queryKey: ['catalog', 'resource', code, 'version', version],
    queryFn: () => request<ResourceVersion>('GET', `${resourcePath(code)}/versions/${version ?? 0}`),
    enabled: version !== undefined,
  })
}

export function useResourceDiff(code: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['catalog', 'resource', code, 'diff', from, to],
    queryFn: () => request<ResourceDiff>('GET', `${resourcePath(code)}/diff`, { query: { from, to } }),
    enabled: from !== undefined && to !== undefined && from !== to,
  })
}

export function useMyResources(status: ResourceStatus | undefined, q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['catalog', 'mine', status, q, page, pageSize],
    queryFn: () =>
      request<ResponseOf<'/api/v1/catalog/mine', 'get'>>('GET', `${CATALOG}/mine`, {
        query: { status, q: q.trim(), limit: pageSize, offset: (page - 1) * pageSize },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useReviewQueue(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['catalog', 'reviews', page, pageSize],
    queryFn: () =>
      request<ResponseOf<'/api/v1/catalog/reviews', 'get'>>('GET', `${CATALOG}/reviews`, { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  })
}

export function useCatalogStats() {
  return useQuery({ queryKey: ['catalog', 'stats'], queryFn: () => request<CatalogStats>('GET', `${CATALOG}/stats`) })
}

/** Any change to an entry can change search results, lists, the queue and statistics. */
function useCatalogMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.all }) })
}

/** Registers a new entry (code undefined) or saves the draft of an existing one. */
export function useSaveResource() {
  return useCatalogMutation(({ code, content }: { code: string | undefined; content: ResourceContent }) =>
    code === undefined
      ? request<ResourceView>('POST', `${CATALOG}/resources`, { body: content satisfies BodyOf<'/api/v1/catalog/resources', 'post'> })
      : request<ResourceView>('PUT', `${resourcePath(code)}/draft`, { body: content satisfies BodyOf<'/api/v1/catalog/resources/{code}/draft', 'put'> }),
  )
}

export type TransitionInput =
  | { readonly code: string; readonly action: 'submit' | 'withdraw' | 'discard' }
  | ({ readonly code: string; readonly action: 'approve' } & BodyOf<'/api/v1/catalog/resources/{code}/approve', 'post'>)
  | ({ readonly code: string; readonly action: 'return' | 'retire' } & BodyOf<'/api/v1/catalog/resources/{code}/return', 'post'>)

/** Moves an entry along its review lifecycle. */
export function useTransition() {
  return useCatalogMutation((input: TransitionInput) => {
    switch (input.action) {
      case 'discard':
        return request<unknown>('DELETE', `${resourcePath(input.code)}/draft`)
      case 'approve':
        return request<unknown>('POST', `${resourcePath(input.code)}/approve`, {
          body: input.comment === undefined || input.comment === '' ? {} : { comment: input.comment },
        })
      case 'return':
      case 'retire':
        return request<unknown>('POST', `${resourcePath(input.code)}/${input.action}`, { body: { reason: input.reason } })
      default:
        return request<unknown>('POST', `${resourcePath(input.code)}/${input.action}`)
    }
  })
}

const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
}

export function formatOfFile(name: string): FileFormat | undefined {
  const extension = name.toLowerCase().split('.').pop()
  return extension === 'xlsx' || extension === 'csv' ? extension : undefined
}

export function useImportCatalog() {
  return useCatalogMutation(({ file, format, submit }: { file: Blob; format: FileFormat; submit: boolean }) =>
    // The server tells XLSX from CSV by the Content-Type.
    request<ImportResult>('POST', `${CATALOG}/import`, { query: { submit: String(submit) }, raw: { data: file, contentType: CONTENT_TYPES[format] } }),
  )
}

export function downloadTemplate(format: FileFormat): Promise<void> {
  return download(`${CATALOG}/template`, { format }, `catalog-template.${format}`)
}

export function downloadExport(format: FileFormat, encoding: FileEncoding, query: Pick<SearchQuery, 'q' | 'filters'>): Promise<void> {
  return download(`${CATALOG}/export`, { format, encoding, ...searchParams(query) }, `catalog.${format}`)
}

export function downloadDcat(): Promise<void> {
  return download(`${CATALOG}/dcat.jsonld`, {}, 'catalog-dcat.jsonld')
}

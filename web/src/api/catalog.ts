import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { download, request, type QueryValue } from './client'
import type { DepartmentRef, Page } from './types'

/** The shapes of the catalog API (政务信息资源目录); the model itself is the server's src/catalog/model.ts. */

export {
  CLASSIFICATIONS,
  FORMAT_CLASSES,
  IDENTIFIER_KINDS,
  ITEM_TYPES,
  RESOURCE_STATUSES,
  SHARE_METHODS,
  SHARE_TYPES,
  UPDATE_CYCLES,
} from '../../../src/catalog/model'
export type {
  CatalogItem,
  Classification,
  FormatClass,
  IdentifierKind,
  ItemType,
  ResourceContent,
  ResourceStatus,
  Secrecy,
  ShareMethod,
  ShareType,
  UpdateCycle,
  VersionStatus,
} from '../../../src/catalog/model'
import type {
  CatalogItem,
  Classification,
  FormatClass,
  ResourceContent,
  ResourceStatus,
  ShareType,
  UpdateCycle,
  VersionStatus,
} from '../../../src/catalog/model'

export interface SearchDocument {
  readonly code: string
  readonly name: string
  readonly abstract: string
  readonly department: DepartmentRef
  readonly classification: Classification
  readonly category: string | null
  readonly formatClass: FormatClass
  readonly formatType: string
  readonly shareType: ShareType
  readonly open: boolean
  readonly updateCycle: UpdateCycle
  readonly tags: string[]
  readonly itemCount: number
  readonly version: number
  readonly publishedAt: string
  readonly updatedAt: string
}

export const FACETS = ['department', 'classification', 'shareType', 'open', 'formatClass', 'updateCycle'] as const
export type Facet = (typeof FACETS)[number]

export interface FacetCount {
  readonly value: string
  readonly count: number
}

export interface SearchResult {
  readonly items: SearchDocument[]
  readonly total: number
  readonly facets: Readonly<Record<Facet | 'category', FacetCount[]>>
}

export const SORTS = ['relevance', '-published', 'published', 'name', '-name', 'code', 'department'] as const
export type SearchSort = (typeof SORTS)[number]

export interface SearchQuery {
  readonly q: string
  readonly filters: Readonly<Partial<Record<Facet, readonly string[]>>>
  readonly sort: SearchSort
  readonly page: number
  readonly pageSize: number
}

export interface Suggestion {
  readonly code: string
  readonly name: string
  readonly department: string
}

export interface ResourceVersion {
  readonly id: string
  readonly version: number
  readonly status: VersionStatus
  readonly content: ResourceContent
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  readonly reviewedBy: string | null
  readonly reviewedAt: string | null
  readonly reviewComment: string | null
  readonly publishedAt: string | null
}

export type VersionSummary = Omit<ResourceVersion, 'id' | 'content' | 'updatedAt'> & { readonly name: string }

export interface ReviewEntry {
  readonly version: number
  readonly action: string
  readonly actorName: string
  readonly departmentCode: string | null
  readonly comment: string | null
  readonly at: string
}

export type ResourceAction = 'edit' | 'submit' | 'discard' | 'withdraw' | 'approve' | 'return' | 'retire'

export interface ResourceView {
  readonly code: string
  readonly department: DepartmentRef
  readonly status: ResourceStatus
  readonly workingStatus: 'draft' | 'submitted' | 'returned' | null
  readonly publishedVersion: number | null
  readonly latestVersion: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly version: ResourceVersion
  readonly versions: VersionSummary[]
  readonly reviews: ReviewEntry[]
  readonly actions: ResourceAction[]
}

export interface ResourceRecord {
  readonly code: string
  readonly department: DepartmentRef
  readonly status: ResourceStatus
  readonly workingStatus: 'draft' | 'submitted' | 'returned' | null
  readonly publishedVersion: number | null
  readonly latestVersion: number
  readonly name: string
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface FieldChange {
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

export interface ResourceDiff {
  readonly from: number
  readonly to: number
  readonly fields: FieldChange[]
  readonly itemsAdded: CatalogItem[]
  readonly itemsRemoved: CatalogItem[]
  readonly itemsChanged: Array<{ readonly key: string; readonly name: string; readonly changes: FieldChange[] }>
}

export interface CountByValue {
  readonly value: string
  readonly count: number
}

export interface CatalogStats {
  readonly totals: { readonly all: number; readonly published: number }
  readonly byStatus: CountByValue[]
  readonly byDepartment: Array<{
    readonly code: string
    readonly name: string
    readonly total: number
    readonly published: number
    readonly draft: number
    readonly submitted: number
    readonly returned: number
    readonly retired: number
  }>
  readonly byClassification: CountByValue[]
  readonly byShareType: CountByValue[]
  readonly byOpenness: CountByValue[]
  readonly byFormatClass: CountByValue[]
  readonly byUpdateCycle: CountByValue[]
}

export interface ImportResult {
  readonly created: string[]
  readonly updated: string[]
  readonly unchanged: string[]
  /** Entries sent for review when the import asked for it. */
  readonly submitted?: string[]
}

/** An import problem: the spreadsheet row and column header it is about. */
export interface ImportProblem {
  readonly row: number
  readonly field: string
  readonly message: string
}

export type FileFormat = 'xlsx' | 'csv'
export type FileEncoding = 'utf-8' | 'gbk'

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
    queryFn: () => request<Page<ResourceRecord>>('GET', `${CATALOG}/mine`, { query: { status, q: q.trim(), limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  })
}

export function useReviewQueue(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['catalog', 'reviews', page, pageSize],
    queryFn: () => request<Page<ResourceRecord>>('GET', `${CATALOG}/reviews`, { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
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
      ? request<ResourceView>('POST', `${CATALOG}/resources`, { body: content })
      : request<ResourceView>('PUT', `${resourcePath(code)}/draft`, { body: content }),
  )
}

export type TransitionInput =
  | { readonly code: string; readonly action: 'submit' | 'withdraw' | 'discard' }
  | { readonly code: string; readonly action: 'approve'; readonly comment?: string }
  | { readonly code: string; readonly action: 'return' | 'retire'; readonly reason: string }

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

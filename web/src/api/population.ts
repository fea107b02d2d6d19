import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FileFormat } from './catalog'
import { download, request } from './client'
import { membersOf, type BodyOf, type Job, type ResponseOf, type Schemas } from './types'

/** The shapes of the population registry API (人口基础数据库). */

export { ETHNIC_GROUPS } from './code-tables'

/**
 * The romanised names of GB 3304 (中国各民族名称的罗马字母拼写法和代码), by code, for the
 * English console; the Chinese names come from the server's table.
 */
export const ETHNIC_GROUP_ROMAN: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'Han',
    'Mongol',
    'Hui',
    'Zang',
    'Uygur',
    'Miao',
    'Yi',
    'Zhuang',
    'Buyei',
    'Chosen',
    'Man',
    'Dong',
    'Yao',
    'Bai',
    'Tujia',
    'Hani',
    'Kazak',
    'Dai',
    'Li',
    'Lisu',
    'Va',
    'She',
    'Gaoshan',
    'Lahu',
    'Sui',
    'Dongxiang',
    'Naxi',
    'Jingpo',
    'Kirgiz',
    'Tu',
    'Daur',
    'Mulao',
    'Qiang',
    'Blang',
    'Salar',
    'Maonan',
    'Gelao',
    'Xibe',
    'Achang',
    'Pumi',
    'Tajik',
    'Nu',
    'Uzbek',
    'Russ',
    'Ewenki',
    'Deang',
    'Bonan',
    'Yugur',
    'Gin',
    'Tatar',
    'Derung',
    'Oroqen',
    'Hezhen',
    'Monba',
    'Lhoba',
    'Jino',
  ].map((name, index): [string, string] => [String(index + 1).padStart(2, '0'), name]),
  ['97', 'Other'],
  ['98', 'Foreign-born Chinese citizen'],
])

/** The items of a core person record, in the catalog entry's order (人口基础信息). */
export const PERSON_ITEMS = [
  'resident_id',
  'name',
  'former_name',
  'gender',
  'ethnic_group',
  'birth_date',
  'household_division',
  'household_address',
  'residence_address',
  'status',
  'death_date',
  'emigration_date',
] as const
export type PersonItem = (typeof PERSON_ITEMS)[number]

/** Status codes of the registry: 10 正常, 20 死亡, 30 迁出, 40 注销. */
export const PERSON_STATUSES = ['10', '20', '30', '40'] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

/** GB/T 2261.1: 1 男, 2 女. */
export const GENDERS = ['1', '2'] as const

/** A person record as the gate hands it out: only granted items, some perhaps masked ('张*'). */
export type PersonRecord = ResponseOf<'/api/v1/population/persons/{residentId}', 'get'>

/** The catalog entry the registry serves; its code is null while unbound. */
export type Binding = ResponseOf<'/api/v1/population/binding', 'get'>

/** Another department's records of the same person, read through the gate. */
export type Attachment = Schemas['Attachment']

/** 一人一档: the core record and the attachments of other departments. */
export type Profile = ResponseOf<'/api/v1/population/persons/{residentId}/profile', 'get'>

export type HistoryEntry = Schemas['PersonHistoryEntry']
export type PersonEvent = HistoryEntry['event']
export const PERSON_EVENTS = membersOf<PersonEvent>()(['create', 'update', 'death', 'move-out', 'cancel', 'restore'])

export type VerifyInput = BodyOf<'/api/v1/population/verify', 'post'>['records'][number]
export type VerifyField = Exclude<keyof VerifyInput, 'residentId'>

/** The fields `POST /population/verify` compares, and the catalog item each one is. */
export const VERIFY_FIELDS = {
  name: 'name',
  formerName: 'former_name',
  gender: 'gender',
  birthDate: 'birth_date',
  ethnicGroup: 'ethnic_group',
  householdDivision: 'household_division',
  householdAddress: 'household_address',
  residenceAddress: 'residence_address',
} as const satisfies Readonly<Record<VerifyField, PersonItem>>

export type VerifyOutcome = Schemas['PersonVerifyOutcome']
/** Why a resident ID is not a valid GB 11643 number. */
export type IdValidity = VerifyOutcome['validity']
export type Verdict = VerifyOutcome['fields'][string]

/**
 * What a finished import job reports; a file-level problem fails the job instead. Job results are
 * not in the OpenAPI document (the job API serves every kind of job), so this shape is the console's.
 */
export interface ImportResult {
  readonly status: 'applied' | 'rejected'
  readonly rows: number
  readonly accepted: number
  readonly rejected: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly encoding: string
  /** Whether the rejected rows can be downloaded. */
  readonly rejectionsFile: boolean
}

export type ComparisonInput = BodyOf<'/api/v1/population/comparisons', 'post'>
export type ColumnMapping = ComparisonInput['mapping']
export type MappedField = keyof ColumnMapping
/** The columns a comparison file can be matched on. */
export const MAPPED_FIELDS = membersOf<MappedField>()(['residentId', 'name', 'gender', 'birthDate'])

export type ComparisonPreview = ResponseOf<'/api/v1/population/comparisons/preview', 'post'>
export type ComparisonSummary = Schemas['Comparison']
export type ComparisonCounts = Schemas['ComparisonCounts']
export type ComparisonRow = Schemas['ComparisonRow']

/** A problem outcome of one compared row; rows that compare fine are only counted. */
export type Outcome = ComparisonRow['outcome']
export const OUTCOMES = membersOf<Outcome>()(['invalid-id', 'not-found', 'name-mismatch', 'field-mismatch', 'deceased', 'moved-out', 'cancelled'])

/** The count that goes with each outcome. */
export const OUTCOME_COUNTS: Readonly<Record<Outcome, Exclude<keyof ComparisonCounts, 'total' | 'ok'>>> = {
  'invalid-id': 'invalidId',
  'not-found': 'notFound',
  'name-mismatch': 'nameMismatch',
  'field-mismatch': 'fieldMismatch',
  deceased: 'deceased',
  'moved-out': 'movedOut',
  cancelled: 'cancelled',
}

export type PopulationStatistics = ResponseOf<'/api/v1/population/statistics', 'get'>

const POPULATION = '/api/v1/population'
const POLL_MS = 1000

/** Whether a comparison has stopped: finished, failed or cancelled. */
export function isComparisonDone(comparison: ComparisonSummary): boolean {
  return comparison.status === 'succeeded' || comparison.status === 'failed' || comparison.status === 'cancelled'
}

const personPath = (residentId: string) => `${POPULATION}/persons/${encodeURIComponent(residentId)}`

/** The header that states the purpose of one read; the audit row keeps it. */
function purposeHeader(purpose: string | undefined): Record<string, string> {
  return purpose === undefined || purpose.trim() === '' ? {} : { 'x-huitong-purpose': encodeURIComponent(purpose.trim()) }
}

/** Files go to the server as they are: the server tells CSV (UTF-8 or GBK) from XLSX by content. */
function rawFile(file: File) {
  return { data: file, contentType: 'application/octet-stream' }
}

const populationKeys = {
  all: ['population'] as const,
  binding: ['population', 'binding'] as const,
  persons: ['population', 'persons'] as const,
  comparisons: ['population', 'comparisons'] as const,
  statistics: ['population', 'statistics'] as const,
}

/** Which catalog entry the registry serves: what to link to, and what to ask a grant for. */
export function usePopulationBinding() {
  return useQuery({ queryKey: populationKeys.binding, queryFn: () => request<Binding>('GET', `${POPULATION}/binding`), staleTime: 300_000 })
}

// Reading persons through the gate

/** One person's core record, as it stood on `asOf` (YYYY-MM-DD) when given. */
export function usePerson(residentId: string | undefined, options: { readonly asOf?: string | undefined; readonly purpose?: string | undefined } = {}) {
  return useQuery({
    queryKey: [...populationKeys.persons, 'one', residentId, options.asOf, options.purpose],
    queryFn: () => request<PersonRecord>('GET', personPath(residentId ?? ''), { query: { asOf: options.asOf }, headers: purposeHeader(options.purpose) }),
    enabled: residentId !== undefined && residentId !== '',
  })
}

export interface PersonSearch {
  readonly name: string
  readonly birthDate?: string | undefined
  readonly page: number
  readonly pageSize: number
}

/** Persons by exact name, and date of birth when given. */
export function useSearchPersons(search: PersonSearch | undefined) {
  return useQuery({
    queryKey: [...populationKeys.persons, 'search', search],
    queryFn: () =>
      request<ResponseOf<'/api/v1/population/persons', 'get'>>('GET', `${POPULATION}/persons`, {
        query: { name: search?.name, birthDate: search?.birthDate, limit: search?.pageSize, offset: ((search?.page ?? 1) - 1) * (search?.pageSize ?? 20) },
      }),
    enabled: search !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function usePersonProfile(residentId: string) {
  return useQuery({ queryKey: [...populationKeys.persons, 'profile', residentId], queryFn: () => request<Profile>('GET', `${personPath(residentId)}/profile`) })
}

export function usePersonHistory(residentId: string) {
  return useQuery({
    queryKey: [...populationKeys.persons, 'history', residentId],
    queryFn: () => request<ResponseOf<'/api/v1/population/persons/{residentId}/history', 'get'>>('GET', `${personPath(residentId)}/history`),
  })
}

export function useVerifyPersons() {
  return useMutation({
    mutationFn: (records: VerifyInput[]) => request<ResponseOf<'/api/v1/population/verify', 'post'>>('POST', `${POPULATION}/verify`, { body: { records } }),
  })
}

// Imports (数据导入), by the registry's stewards

export function useImportPersons() {
  return useMutation({ mutationFn: (file: File) => request<Job>('POST', `${POPULATION}/imports`, { query: { fileName: file.name }, raw: rawFile(file) }) })
}

export function downloadRejections(jobId: string, format: FileFormat): Promise<void> {
  return download(`${POPULATION}/imports/${encodeURIComponent(jobId)}/rejections`, { format }, `rejections-${jobId}.${format}`)
}

/** After an applied import every read and count may have moved. */
export function useForgetPopulation(): () => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(() => queryClient.invalidateQueries({ queryKey: populationKeys.all }), [queryClient])
}

// Batch comparisons (批量比对)

export function usePreviewComparison() {
  return useMutation({
    mutationFn: (file: File) => request<ComparisonPreview>('POST', `${POPULATION}/comparisons/preview`, { query: { fileName: file.name }, raw: rawFile(file) }),
  })
}

export function useStartComparison() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ComparisonInput) => request<Job>('POST', `${POPULATION}/comparisons`, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: populationKeys.comparisons }),
  })
}

/** The department's comparisons, newest first, refreshed while any is still running. */
export function useComparisons(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...populationKeys.comparisons, 'list', page, pageSize],
    queryFn: () =>
      request<ResponseOf<'/api/v1/population/comparisons', 'get'>>('GET', `${POPULATION}/comparisons`, {
        query: { limit: pageSize, offset: (page - 1) * pageSize },
      }),
    refetchInterval: (query) => (query.state.data?.items.some((comparison) => !isComparisonDone(comparison)) === true ? POLL_MS : false),
    placeholderData: keepPreviousData,
  })
}

/**
 * One comparison, polled until it finishes. The summary carries the job's status and progress,
 * so a colleague's comparison shows its progress too (the job itself is only its creator's).
 */
export function useComparison(id: string) {
  return useQuery({
    queryKey: [...populationKeys.comparisons, 'one', id],
    queryFn: () => request<ComparisonSummary>('GET', `${POPULATION}/comparisons/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data !== undefined && isComparisonDone(query.state.data) ? false : POLL_MS),
  })
}

/** The rows of a finished comparison that are not ok, all of them or those of one outcome. */
export function useComparisonRows(id: string, outcome: Outcome | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...populationKeys.comparisons, 'rows', id, outcome, page, pageSize],
    queryFn: () =>
      request<ResponseOf<'/api/v1/population/comparisons/{id}/rows', 'get'>>('GET', `${POPULATION}/comparisons/${encodeURIComponent(id)}/rows`, {
        query: { outcome, limit: pageSize, offset: (page - 1) * pageSize },
      }),
    placeholderData: keepPreviousData,
  })
}

export function downloadComparisonReport(id: string, format: FileFormat): Promise<void> {
  return download(`${POPULATION}/comparisons/${encodeURIComponent(id)}/report`, { format }, `comparison-${id}.${format}`)
}

// Statistics (人口统计)

export function usePopulationStatistics() {
  return useQuery({ queryKey: populationKeys.statistics, queryFn: () => request<PopulationStatistics>('GET', `${POPULATION}/statistics`) })
}

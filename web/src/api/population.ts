import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FileFormat } from './catalog'
import { download, request } from './client'
import type { DataRecord } from './exchange'
import type { Job, JobStatus, Page } from './types'

/** The shapes of the population registry API (人口基础数据库). */

export { ETHNIC_GROUPS } from '../../../src/standards/ethnic-group'

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
export type PersonRecord = DataRecord

export interface Binding {
  /** The catalog entry the registry serves, e.g. 210100003/000001; null while unbound. */
  readonly code: string | null
  /** The entry's name; the server may leave it out. */
  readonly name?: string | null
}

export interface Attachment {
  readonly code: string
  readonly name: string
  readonly department: { readonly code: string; readonly name: string }
  readonly granted: boolean
  readonly records: PersonRecord[]
  /** Item keys whose values come masked. */
  readonly masked: string[]
  /** The visible items with their Chinese names, in the entry's order. */
  readonly items: ReadonlyArray<{ readonly key: string; readonly name: string }>
}

/** 一人一档: the core record and the attachments of other departments. */
export interface Profile {
  readonly residentId: string
  readonly person: PersonRecord
  readonly attachments: Attachment[]
}

export const PERSON_EVENTS = ['create', 'update', 'death', 'move-out', 'cancel', 'restore'] as const
export type PersonEvent = (typeof PERSON_EVENTS)[number]

export interface HistoryEntry {
  readonly seq: number
  readonly event: PersonEvent
  readonly effectiveDate: string
  readonly at: string
  readonly changedBy: string
  readonly source: string
  readonly changes: ReadonlyArray<{ readonly item: string; readonly before: string | null; readonly after: string | null }>
}

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
} as const satisfies Readonly<Record<string, PersonItem>>
export type VerifyField = keyof typeof VERIFY_FIELDS

export type VerifyInput = { readonly residentId: string } & Partial<Record<VerifyField, string>>

/** Why a resident ID is not a valid GB 11643 number. */
export type IdValidity = 'valid' | 'empty' | 'length' | 'characters' | 'check' | 'birth-date' | 'future-birth-date' | 'address'

export type Verdict = 'match' | 'mismatch' | 'absent'

export interface VerifyOutcome {
  readonly residentId: string
  readonly validity: IdValidity
  readonly message?: string
  /** The ID in its 18-character form, when it differs from what was submitted. */
  readonly normalisedId?: string
  readonly found: boolean
  readonly fields: Partial<Record<VerifyField, Verdict>>
  /** Present only when the caller may read the status item. */
  readonly flags?: { readonly deceased: boolean; readonly movedOut: boolean; readonly cancelled: boolean }
}

/** What a finished import job reports; a file-level problem fails the job instead. */
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

/** The columns a comparison file can be matched on. */
export const MAPPED_FIELDS = ['residentId', 'name', 'gender', 'birthDate'] as const
export type MappedField = (typeof MAPPED_FIELDS)[number]
export type ColumnMapping = { readonly residentId: string } & Partial<Record<Exclude<MappedField, 'residentId'>, string>>

export interface ComparisonPreview {
  readonly uploadId: string
  readonly fileName: string
  readonly format: 'csv' | 'xlsx'
  /** The text encoding of a CSV file; null for XLSX. */
  readonly encoding: string | null
  readonly headers: string[]
  /** The first rows of the file, as text. */
  readonly sample: string[][]
  /** The headers the server takes for each field. */
  readonly suggested: Partial<Record<MappedField, string>>
}

export interface ComparisonInput {
  readonly uploadId: string
  readonly fileName: string
  readonly mapping: ColumnMapping
  readonly deceasedBefore?: string
}

/** A problem outcome of one compared row; rows that compare fine are only counted. */
export const OUTCOMES = ['invalid-id', 'not-found', 'name-mismatch', 'field-mismatch', 'deceased', 'moved-out', 'cancelled'] as const
export type Outcome = (typeof OUTCOMES)[number]

export interface ComparisonCounts {
  readonly total: number
  readonly ok: number
  readonly invalidId: number
  readonly notFound: number
  readonly nameMismatch: number
  readonly fieldMismatch: number
  readonly deceased: number
  readonly movedOut: number
  readonly cancelled: number
}

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

export interface ComparisonSummary {
  readonly id: string
  readonly status: JobStatus
  readonly progress: number
  readonly message: string | null
  /** Why a failed comparison failed. */
  readonly error?: string | null
  readonly fileName: string
  readonly createdBy: string
  readonly createdAt: string
  readonly finishedAt: string | null
  readonly deceasedBefore: string | null
  readonly counts: ComparisonCounts | null
}

export interface ComparisonRow {
  /** The row number in the file (the header is row 1). */
  readonly row: number
  readonly residentId: string
  readonly name: string
  readonly outcome: Outcome
  readonly detail: string
}

export interface PopulationStatistics {
  readonly total: number
  readonly living: number
  readonly byDistrict: ReadonlyArray<{ readonly division: string; readonly name: string; readonly count: number }>
  readonly byGender: ReadonlyArray<{ readonly gender: string; readonly count: number }>
  readonly byStatus: ReadonlyArray<{ readonly status: string; readonly count: number }>
  readonly byEthnicGroup: ReadonlyArray<{ readonly ethnicGroup: string; readonly count: number }>
  /** Five-year age groups, 0-4 … 95-99 and 100+. */
  readonly pyramid: ReadonlyArray<{ readonly group: string; readonly male: number; readonly female: number }>
}

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
      request<Page<PersonRecord>>('GET', `${POPULATION}/persons`, {
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
    queryFn: () => request<{ items: HistoryEntry[] }>('GET', `${personPath(residentId)}/history`),
  })
}

export function useVerifyPersons() {
  return useMutation({ mutationFn: (records: VerifyInput[]) => request<{ results: VerifyOutcome[] }>('POST', `${POPULATION}/verify`, { body: { records } }) })
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
    queryFn: () => request<Page<ComparisonSummary>>('GET', `${POPULATION}/comparisons`, { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
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
      request<Page<ComparisonRow>>('GET', `${POPULATION}/comparisons/${encodeURIComponent(id)}/rows`, {
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

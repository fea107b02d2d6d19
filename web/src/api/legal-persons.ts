import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FileFormat } from './catalog'
import { download, request } from './client'
import { membersOf, type BodyOf, type Job, type ResponseOf, type Schemas } from './types'

/** The shapes of the legal-person registry API (法人基础数据库). */

export { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from './code-tables'

/**
 * The English names of the GB/T 4754-2017 sections (门类), by letter, for the English console;
 * the Chinese names come from the standard's table.
 */
export const INDUSTRY_SECTION_ENGLISH: Readonly<Record<string, string>> = {
  A: 'Agriculture, forestry, animal husbandry and fishery',
  B: 'Mining',
  C: 'Manufacturing',
  D: 'Electricity, heat, gas and water supply',
  E: 'Construction',
  F: 'Wholesale and retail trade',
  G: 'Transport, storage and post',
  H: 'Accommodation and catering',
  I: 'Information transmission, software and IT services',
  J: 'Finance',
  K: 'Real estate',
  L: 'Leasing and business services',
  M: 'Scientific research and technical services',
  N: 'Water conservancy, environment and public facilities',
  O: 'Resident services, repair and other services',
  P: 'Education',
  Q: 'Health and social work',
  R: 'Culture, sports and entertainment',
  S: 'Public administration, social security and social organisations',
  T: 'International organisations',
}

/** The items of a core entity record, in the catalog entry's order (法人基础信息). */
export const ENTITY_ITEMS = [
  'credit_code',
  'registration_number',
  'name',
  'former_name',
  'entity_type',
  'legal_representative',
  'representative_id',
  'registered_capital',
  'currency',
  'established_on',
  'business_term_to',
  'domicile',
  'division_code',
  'industry_code',
  'business_scope',
  'registration_status',
  'status_date',
  'registration_authority',
  'source_department',
] as const
export type EntityItem = (typeof ENTITY_ITEMS)[number]

/** Registration status (登记状态): 1 存续, 2 在业 (both active), 3 吊销, 4 注销, 5 迁出. */
export const ENTITY_STATUSES = ['1', '2', '3', '4', '5'] as const
export type EntityStatus = (typeof ENTITY_STATUSES)[number]

/** Who keeps the record: market regulation, civil affairs, the staffing office (编委办). */
export const SOURCE_DEPARTMENTS = ['market', 'civil', 'staffing'] as const
export type SourceDepartment = (typeof SOURCE_DEPARTMENTS)[number]

/** An entity record as the gate hands it out: only granted items, some perhaps masked ('张*'). */
export type EntityRecord = ResponseOf<'/api/v1/legal-persons/{creditCode}', 'get'>

/** The catalog entry the registry serves; its code is null while unbound. */
export type Binding = ResponseOf<'/api/v1/legal-persons/binding', 'get'>

/** Another department's records of the same entity, read through the gate; the same shape for every profile. */
export type Attachment = Schemas['Attachment']

/** 一企一档: the core record and the attachments of other departments (tax rating, licences, penalties …). */
export type Profile = ResponseOf<'/api/v1/legal-persons/{creditCode}/profile', 'get'>

/** One entry of the change record (变更记录). */
export type HistoryEntry = Schemas['EntityHistoryEntry']
export type EntityEvent = HistoryEntry['event']
export const ENTITY_EVENTS = membersOf<EntityEvent>()(['create', 'update', 'rename', 'representative', 'status'])

export type VerifyInput = BodyOf<'/api/v1/legal-persons/verify', 'post'>['records'][number]
export type VerifyField = Exclude<keyof VerifyInput, 'creditCode'>

/** The fields `POST /legal-persons/verify` compares, and the catalog item each one is. */
export const VERIFY_FIELDS = {
  name: 'name',
  legalRepresentative: 'legal_representative',
  representativeId: 'representative_id',
  establishedOn: 'established_on',
  domicile: 'domicile',
} as const satisfies Readonly<Record<VerifyField, EntityItem>>

export type VerifyOutcome = Schemas['EntityVerifyOutcome']
/** Why a code is not a valid GB 32100 credit code. */
export type CodeValidity = VerifyOutcome['validity']

/**
 * What a finished import job reports; a file-level problem fails the job instead. Job results are
 * not in the OpenAPI document (the job API serves every kind of job), so this shape is the console's.
 */
export interface ImportResult {
  readonly status: 'applied'
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

export type LegalPersonStatistics = ResponseOf<'/api/v1/legal-persons/statistics', 'get'>

const LEGAL_PERSONS = '/api/v1/legal-persons'

const entityPath = (creditCode: string) => `${LEGAL_PERSONS}/${encodeURIComponent(creditCode)}`

/** The header that states the purpose of one read; the audit row keeps it. */
function purposeHeader(purpose: string | undefined): Record<string, string> {
  return purpose === undefined || purpose.trim() === '' ? {} : { 'x-huitong-purpose': encodeURIComponent(purpose.trim()) }
}

const legalPersonKeys = {
  all: ['legal-persons'] as const,
  binding: ['legal-persons', 'binding'] as const,
  entities: ['legal-persons', 'entities'] as const,
  statistics: ['legal-persons', 'statistics'] as const,
}

/** Which catalog entry the registry serves: what to link to, and what to ask a grant for. */
export function useLegalPersonBinding() {
  return useQuery({ queryKey: legalPersonKeys.binding, queryFn: () => request<Binding>('GET', `${LEGAL_PERSONS}/binding`), staleTime: 300_000 })
}

// Reading entities through the gate

/**
 * One entity's core record by credit code (or a 9-character organisation code, resolved), as it
 * stood on `asOf` (YYYY-MM-DD) when given.
 */
export function useEntity(creditCode: string | undefined, options: { readonly asOf?: string | undefined; readonly purpose?: string | undefined } = {}) {
  return useQuery({
    queryKey: [...legalPersonKeys.entities, 'one', creditCode, options.asOf, options.purpose],
    queryFn: () => request<EntityRecord>('GET', entityPath(creditCode ?? ''), { query: { asOf: options.asOf }, headers: purposeHeader(options.purpose) }),
    enabled: creditCode !== undefined && creditCode !== '',
  })
}

export interface EntitySearch {
  readonly q: string
  readonly page: number
  readonly pageSize: number
}

/** Entities by name (substring, words in any order, pinyin, initials) or credit-code prefix, most relevant first. */
export function useSearchEntities(search: EntitySearch | undefined) {
  return useQuery({
    queryKey: [...legalPersonKeys.entities, 'search', search],
    queryFn: () =>
      request<ResponseOf<'/api/v1/legal-persons', 'get'>>('GET', LEGAL_PERSONS, {
        query: { q: search?.q, limit: search?.pageSize, offset: ((search?.page ?? 1) - 1) * (search?.pageSize ?? 20) },
      }),
    enabled: search !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function useEntityProfile(creditCode: string) {
  return useQuery({
    queryKey: [...legalPersonKeys.entities, 'profile', creditCode],
    queryFn: () => request<Profile>('GET', `${entityPath(creditCode)}/profile`),
  })
}

export function useEntityHistory(creditCode: string) {
  return useQuery({
    queryKey: [...legalPersonKeys.entities, 'history', creditCode],
    queryFn: () => request<ResponseOf<'/api/v1/legal-persons/{creditCode}/history', 'get'>>('GET', `${entityPath(creditCode)}/history`),
  })
}

export function useVerifyEntities() {
  return useMutation({
    mutationFn: (records: VerifyInput[]) =>
      request<ResponseOf<'/api/v1/legal-persons/verify', 'post'>>('POST', `${LEGAL_PERSONS}/verify`, { body: { records } }),
  })
}

// Imports (法人数据导入), by the market-regulation steward

/** The file goes to the server as it is: the server tells CSV (UTF-8 or GBK) from XLSX by content. */
export function useImportEntities() {
  return useMutation({
    mutationFn: (file: File) =>
      request<Job>('POST', `${LEGAL_PERSONS}/imports`, { query: { fileName: file.name }, raw: { data: file, contentType: 'application/octet-stream' } }),
  })
}

export function downloadRejections(jobId: string, format: FileFormat): Promise<void> {
  return download(`${LEGAL_PERSONS}/imports/${encodeURIComponent(jobId)}/rejections`, { format }, `rejections-${jobId}.${format}`)
}

/** After an applied import every read and count may have moved. */
export function useForgetLegalPersons(): () => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(() => queryClient.invalidateQueries({ queryKey: legalPersonKeys.all }), [queryClient])
}

// Statistics (法人统计)

export function useLegalPersonStatistics() {
  return useQuery({ queryKey: legalPersonKeys.statistics, queryFn: () => request<LegalPersonStatistics>('GET', `${LEGAL_PERSONS}/statistics`) })
}

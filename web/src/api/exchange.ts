import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, download, request, type QueryValue } from './client'
import { codeToPath } from './catalog'
import { membersOf, type BodyOf, type Job, type QueryOf, type ResponseOf, type Schemas } from './types'

/** The shapes of the exchange API (共享交换). */

export type SharingRequest = Schemas['SharingRequest']
export type RequestStatus = SharingRequest['status']
export type Grant = Schemas['Grant']
export type GrantItem = Schemas['GrantItem']
export type Operation = Grant['operations'][number]
export type Direction = NonNullable<QueryOf<'/api/v1/exchange/requests', 'get'>['direction']>
export type RequestInput = BodyOf<'/api/v1/exchange/requests', 'post'>
export type ApproveInput = BodyOf<'/api/v1/exchange/requests/{id}/approve', 'post'>
/** A record as the gate hands it out: only granted items, some perhaps masked ('张*'). */
export type DataRecord = ResponseOf<'/api/v1/exchange/resources/{code}/records/{key}', 'get'>
export type RecordFilter = NonNullable<BodyOf<'/api/v1/exchange/resources/{code}/exports', 'post'>['filters']>[number]
export type VerifyResult = ResponseOf<'/api/v1/exchange/resources/{code}/verify', 'post'>
export type Verdict = VerifyResult['fields'][string]
export type DatasetSummary = ResponseOf<'/api/v1/exchange/datasets/{code}', 'get'>
export type Change = Schemas['Change']
export type Objection = Schemas['Objection']
export type ObjectionStatus = Objection['status']
export type ExchangeStats = ResponseOf<'/api/v1/exchange/stats', 'get'>
export type Tally = ExchangeStats['byDepartment'][number]['asProvider']

/** The read operations a grant may allow, in the order the console offers them. */
export const OPERATIONS = membersOf<Operation>()(['lookup', 'verify', 'query', 'subscribe', 'export'])

export interface UploadProblem {
  readonly row: number | null
  readonly field: string
  readonly message: string
}

/**
 * What a finished dataset upload job reports. Job results are not in the OpenAPI document (the
 * job API serves every kind of job), so this shape is the console's.
 */
export type UploadResult =
  | {
      readonly status: 'applied'
      readonly rows: number
      readonly upserted: number
      readonly deleted: number
      readonly unchanged: number
      readonly replayed: boolean
    }
  | { readonly status: 'rejected'; readonly rows: number; readonly invalidRows: number; readonly problems: UploadProblem[]; readonly fileName: string }

const EXCHANGE = '/api/v1/exchange'

const resourcePath = (code: string) => `${EXCHANGE}/resources/${codeToPath(code)}`
const datasetPath = (code: string) => `${EXCHANGE}/datasets/${codeToPath(code)}`

/** The header that states the purpose of one read; the audit row keeps it. */
function purposeHeader(purpose: string | undefined): Record<string, string> {
  return purpose === undefined || purpose.trim() === '' ? {} : { 'x-huitong-purpose': encodeURIComponent(purpose.trim()) }
}

/**
 * A refusal by the gate because no grant covers the resource or operation at all (未获授权), as
 * opposed to a role refusal or a read naming items outside the grant (those list the items).
 */
export function isNotGranted(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'HT_NOT_GRANTED' && error.errors.length === 0
}

export const exchangeKeys = {
  all: ['exchange'] as const,
  requests: ['exchange', 'requests'] as const,
  grants: ['exchange', 'grants'] as const,
  records: (code: string) => ['exchange', 'records', code] as const,
  datasets: ['exchange', 'datasets'] as const,
  objections: ['exchange', 'objections'] as const,
}

/** Any decision changes requests, grants, what may be read and the statistics. */
function useExchangeMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: exchangeKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['notifications'] })
    },
  })
}

// Sharing requests (共享申请)

export interface RequestFilter {
  readonly direction: Direction
  readonly status?: RequestStatus | undefined
  readonly overdue?: boolean | undefined
  readonly page: number
  readonly pageSize: number
}

export function useSharingRequests(filter: RequestFilter) {
  return useQuery({
    queryKey: [...exchangeKeys.requests, filter],
    queryFn: () =>
      request<ResponseOf<'/api/v1/exchange/requests', 'get'>>('GET', `${EXCHANGE}/requests`, {
        query: {
          direction: filter.direction,
          status: filter.status,
          overdue: filter.overdue === true ? true : undefined,
          limit: filter.pageSize,
          offset: (filter.page - 1) * filter.pageSize,
        },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useSharingRequest(id: string) {
  return useQuery({
    queryKey: [...exchangeKeys.requests, 'one', id],
    queryFn: () => request<SharingRequest>('GET', `${EXCHANGE}/requests/${encodeURIComponent(id)}`),
  })
}

export function useRequestAccess() {
  return useExchangeMutation((input: RequestInput) =>
    request<SharingRequest>('POST', `${EXCHANGE}/requests`, { body: { ...input, resource: codeToPath(input.resource) } satisfies RequestInput }),
  )
}

export type DecisionInput =
  | { readonly id: string; readonly action: 'approve'; readonly body: ApproveInput }
  | ({ readonly id: string; readonly action: 'refuse' } & BodyOf<'/api/v1/exchange/requests/{id}/refuse', 'post'>)
  | { readonly id: string; readonly action: 'cancel' }

/** Approves (possibly narrowing), refuses with a reason, or withdraws a pending request. */
export function useDecideRequest() {
  return useExchangeMutation((input: DecisionInput) => {
    const path = `${EXCHANGE}/requests/${encodeURIComponent(input.id)}/${input.action}`
    switch (input.action) {
      case 'approve':
        return request<SharingRequest>('POST', path, { body: input.body })
      case 'refuse':
        return request<SharingRequest>('POST', path, { body: { reason: input.reason } })
      case 'cancel':
        return request<SharingRequest>('POST', path)
    }
  })
}

// Grants (授权)

export function useGrants(direction: Direction, status?: 'active' | 'revoked') {
  return useQuery({
    queryKey: [...exchangeKeys.grants, direction, status],
    queryFn: () => request<Grant[]>('GET', `${EXCHANGE}/grants`, { query: { direction, status } }),
  })
}

export function useRevokeGrant() {
  return useExchangeMutation(({ id, reason }: { id: string; reason: string }) =>
    request<Grant>('POST', `${EXCHANGE}/grants/${encodeURIComponent(id)}/revoke`, { body: { reason } }),
  )
}

// Reading through the gate

export function lookupRecord(code: string, key: string, purpose?: string): Promise<DataRecord> {
  return request<DataRecord>('GET', `${resourcePath(code)}/records/${encodeURIComponent(key)}`, { headers: purposeHeader(purpose) })
}

export interface RecordQuery {
  readonly filters: readonly RecordFilter[]
  readonly sort?: string | undefined
  readonly page: number
  readonly pageSize: number
  readonly purpose?: string | undefined
}

export function useRecords(code: string, query: RecordQuery | undefined) {
  return useQuery({
    queryKey: [...exchangeKeys.records(code), query],
    queryFn: () => {
      const params: Record<string, QueryValue> = { sort: query?.sort, limit: query?.pageSize, offset: ((query?.page ?? 1) - 1) * (query?.pageSize ?? 20) }
      for (const filter of query?.filters ?? []) params[`filter.${filter.key}`] = filter.value
      return request<ResponseOf<'/api/v1/exchange/resources/{code}/records', 'get'>>('GET', `${resourcePath(code)}/records`, {
        query: params,
        headers: purposeHeader(query?.purpose),
      })
    },
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function useVerifyRecord(code: string) {
  return useMutation({
    mutationFn: ({ key, fields, purpose }: BodyOf<'/api/v1/exchange/resources/{code}/verify', 'post'> & { purpose?: string }) =>
      request<VerifyResult>('POST', `${resourcePath(code)}/verify`, { body: { key, fields }, headers: purposeHeader(purpose) }),
  })
}

export function useStartExport(code: string) {
  return useMutation({
    mutationFn: (input: Required<BodyOf<'/api/v1/exchange/resources/{code}/exports', 'post'>>) =>
      request<Job>('POST', `${resourcePath(code)}/exports`, { body: input }),
  })
}

/** Downloads a job's file: an export, or an upload's error report. */
export function downloadJobFile(jobId: string, fallbackName: string): Promise<void> {
  return download(`${EXCHANGE}/files/${encodeURIComponent(jobId)}`, {}, fallbackName)
}

// Hosted datasets (托管数据集)

/** A dataset's summary; 409 when the entry has no primary key and holds no records. */
export function useDatasetSummary(code: string) {
  return useQuery({ queryKey: [...exchangeKeys.datasets, code], queryFn: () => request<DatasetSummary>('GET', datasetPath(code)) })
}

const CONTENT_TYPES: Readonly<Record<'csv' | 'xlsx', string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
}

export function useUploadDataset() {
  return useMutation({
    mutationFn: ({ code, file, format }: { code: string; file: File; format: 'csv' | 'xlsx' }) =>
      request<Job>('POST', `${datasetPath(code)}/uploads`, { query: { fileName: file.name }, raw: { data: file, contentType: CONTENT_TYPES[format] } }),
  })
}

export function useRecordHistory(code: string, key: string | undefined) {
  return useQuery({
    queryKey: [...exchangeKeys.datasets, code, 'history', key],
    queryFn: () => request<Change[]>('GET', `${datasetPath(code)}/records/${encodeURIComponent(key ?? '')}/history`),
    enabled: key !== undefined && key !== '',
  })
}

// Objections (数据异议)

export function useObjections(direction: Direction, status?: ObjectionStatus) {
  return useQuery({
    queryKey: [...exchangeKeys.objections, direction, status],
    queryFn: () => request<Objection[]>('GET', `${EXCHANGE}/objections`, { query: { direction, status } }),
  })
}

export function useRaiseObjection() {
  return useExchangeMutation(({ resource, recordKey, note }: { resource: string; recordKey: string; note: string }) =>
    request<Objection>('POST', `${EXCHANGE}/objections`, { body: { resource: codeToPath(resource), recordKey, note } }),
  )
}

export function useAnswerObjection() {
  return useExchangeMutation(({ id, answer }: { id: string; answer: string }) =>
    request<Objection>('POST', `${EXCHANGE}/objections/${encodeURIComponent(id)}/answer`, { body: { answer } }),
  )
}

// Statistics (共享统计)

export function useExchangeStats() {
  return useQuery({ queryKey: ['exchange', 'stats'], queryFn: () => request<ExchangeStats>('GET', `${EXCHANGE}/stats`) })
}

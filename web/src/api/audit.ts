import { useMutation, useQuery } from '@tanstack/react-query'
import { request } from './client'
import type { AuditOutcome, AuditRecord, Job, Page } from './types'

export interface AuditFilter {
  readonly actor?: string
  readonly action?: string
  readonly outcome?: AuditOutcome
  readonly from?: string
  readonly to?: string
  readonly q?: string
}

/** One page of the audit log, newest first. */
export function useAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => request<Page<AuditRecord>>('GET', '/api/v1/audit', { query: { ...filter, order: 'desc', limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: (previous) => previous,
  })
}

export function useStartChainVerification() {
  return useMutation({ mutationFn: () => request<Job>('POST', '/api/v1/audit/verify') })
}

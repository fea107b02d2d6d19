import { useMutation, useQuery } from '@tanstack/react-query'
import { request } from './client'
import type { Job, QueryOf, ResponseOf } from './types'

export type AuditFilter = Pick<QueryOf<'/api/v1/audit', 'get'>, 'actor' | 'action' | 'outcome' | 'from' | 'to' | 'q'>

/** One page of the audit log, newest first. */
export function useAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () =>
      request<ResponseOf<'/api/v1/audit', 'get'>>('GET', '/api/v1/audit', {
        query: { ...filter, order: 'desc', limit: pageSize, offset: (page - 1) * pageSize },
      }),
    placeholderData: (previous) => previous,
  })
}

export function useStartChainVerification() {
  return useMutation({ mutationFn: () => request<Job>('POST', '/api/v1/audit/verify') })
}

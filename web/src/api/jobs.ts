import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request } from './client'
import { isFinished, type Job, type ResponseOf } from './types'

const POLL_MS = 1000

/** One job, polled until it finishes. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => request<Job>('GET', `/api/v1/jobs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data !== undefined && isFinished(query.state.data) ? false : POLL_MS),
  })
}

/** My jobs, refreshed while any of them is still queued or running. */
export function useMyJobs(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['jobs', 'mine', page, pageSize],
    queryFn: () => request<ResponseOf<'/api/v1/jobs', 'get'>>('GET', '/api/v1/jobs', { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
    refetchInterval: (query) => (query.state.data?.items.some((job) => !isFinished(job)) === true ? POLL_MS : false),
    placeholderData: (previous) => previous,
  })
}

export function useCancelJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => request<Job>('POST', `/api/v1/jobs/${encodeURIComponent(id)}/cancel`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  })
}

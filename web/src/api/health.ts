import { useQuery } from '@tanstack/react-query'
import { request } from './client'
import type { Health } from './types'

export function useHealth() {
  return useQuery({ queryKey: ['healthz'], queryFn: () => request<Health>('GET', '/healthz'), refetchInterval: 30_000, retry: false })
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request } from './client'

export interface Notification {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly body: string
  /** A console path, e.g. /exchange/requests/{id}. */
  readonly link: string | null
  readonly createdAt: string
  readonly readAt: string | null
}

export interface Inbox {
  readonly items: Notification[]
  readonly total: number
  readonly unread: number
}

/** How often the header asks for new messages. */
const POLL_MS = 30_000

/** My messages, newest first; polled so the bell's count stays current. */
export function useInbox(page: number, pageSize: number, unreadOnly = false) {
  return useQuery({
    queryKey: ['notifications', page, pageSize, unreadOnly],
    queryFn: () =>
      request<Inbox>('GET', '/api/v1/notifications', { query: { unread: unreadOnly ? true : undefined, limit: pageSize, offset: (page - 1) * pageSize } }),
    refetchInterval: POLL_MS,
  })
}

/** Marks the given messages read, or all of them when no ids are given. */
export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (ids?: readonly string[]) => request<{ marked: number }>('POST', '/api/v1/notifications/read', { body: ids === undefined ? {} : { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  })
}

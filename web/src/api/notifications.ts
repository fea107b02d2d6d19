import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request } from './client'
import type { BodyOf, ResponseOf, Schemas } from './types'

/** A message; its link is a console path, e.g. /exchange/requests/{id}. */
export type Notification = Schemas['Notification']
export type Inbox = ResponseOf<'/api/v1/notifications', 'get'>

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
    mutationFn: (ids?: readonly string[]) =>
      request<ResponseOf<'/api/v1/notifications/read', 'post'>>('POST', '/api/v1/notifications/read', {
        body: (ids === undefined ? {} : { ids: [...ids] }) satisfies BodyOf<'/api/v1/notifications/read', 'post'>,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  })
}

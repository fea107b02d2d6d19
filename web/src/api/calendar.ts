import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request } from './client'
import type { BodyOf, Schemas } from './types'

export type CalendarDay = Schemas['CalendarDay']
export type CalendarOverride = Schemas['CalendarOverride']

export function useCalendar(from: string, to: string) {
  return useQuery({ queryKey: ['calendar', from, to], queryFn: () => request<CalendarDay[]>('GET', '/api/v1/calendar', { query: { from, to } }) })
}

export function useCalendarOverrides() {
  return useQuery({ queryKey: ['calendar', 'overrides'], queryFn: () => request<CalendarOverride[]>('GET', '/api/v1/calendar/overrides') })
}

export type OverrideInput = ({ readonly date: string } & BodyOf<'/api/v1/calendar/overrides/{date}', 'put'>) | { readonly date: string; readonly remove: true }

/** Sets a day as working or not, or removes the administrator's setting. */
export function useSaveOverride() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: OverrideInput) =>
      'remove' in input
        ? request<void>('DELETE', `/api/v1/calendar/overrides/${input.date}`)
        : request<void>('PUT', `/api/v1/calendar/overrides/${input.date}`, { body: { working: input.working, note: input.note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  })
}

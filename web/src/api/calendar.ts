import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request } from './client'

export interface CalendarDay {
  readonly date: string
  readonly working: boolean
  /** override: set by the administrator; schedule: the State Council's schedule; weekday: Monday to Friday. */
  readonly source: 'override' | 'schedule' | 'weekday'
  readonly name: string | null
}

export interface CalendarOverride {
  readonly date: string
  readonly working: boolean
  readonly note: string
  readonly updatedBy: string
  readonly updatedAt: string
}

export function useCalendar(from: string, to: string) {
  return useQuery({ queryKey: ['calendar', from, to], queryFn: () => request<CalendarDay[]>('GET', '/api/v1/calendar', { query: { from, to } }) })
}

export function useCalendarOverrides() {
  return useQuery({ queryKey: ['calendar', 'overrides'], queryFn: () => request<CalendarOverride[]>('GET', '/api/v1/calendar/overrides') })
}

export type OverrideInput = { readonly date: string; readonly working: boolean; readonly note: string } | { readonly date: string; readonly remove: true }

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

import chineseDays from 'chinese-days'
import type { DayStatus } from '../../src/calendar/working-days.js'
import { dateOfDay, dayNumber, WorkingDayTable } from '../../src/approval/working-day-table.js'

/** The last year whose holiday schedule the chinese-days package carries. */
export const LAST_SCHEDULE_YEAR = 2026

/**
 * The days the platform's calendar answers for whole years, from chinese-days directly (the same
 * source, no database): the State Council's schedule up to {@link LAST_SCHEDULE_YEAR}, weekdays
 * after it, and `overrides` on top. The working-day table test checks it against the calendar.
 */
export function calendarDays(fromYear: number, toYear: number, overrides: Readonly<Record<string, boolean>> = {}): DayStatus[] {
  const days: DayStatus[] = []
  for (let day = dayNumber(`${fromYear}-01-01`); day <= dayNumber(`${toYear}-12-31`); day += 1) {
    const date = dateOfDay(day)
    const override = overrides[date]
    if (override !== undefined) days.push({ date, working: override, source: 'override', name: null })
    else if (Number(date.slice(0, 4)) <= LAST_SCHEDULE_YEAR) days.push({ date, working: chineseDays.isWorkday(date), source: 'schedule', name: null })
    else days.push({ date, working: ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), source: 'weekday', name: null })
  }
  return days
}

/** A working-day table over 2024–2028 (2027 and 2028 unpublished unless confirmed). */
export function testTable(overrides: Readonly<Record<string, boolean>> = {}, confirmedYears: readonly number[] = []): WorkingDayTable {
  return WorkingDayTable.fromDays(calendarDays(2024, 2028, overrides), confirmedYears)
}

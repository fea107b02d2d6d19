import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/databases.js'
import { calendarDays } from '../../test/support/approval-calendar.js'
import { CalendarRepository } from '../calendar/repository.js'
import { WorkingDayCalendar } from '../calendar/working-days.js'
import { dateOfDay, dayNumber, loadWorkingDayTable, WorkingDayTable } from './working-day-table.js'

describe('day numbers', () => {
  it('count days since 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dateOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29')
    expect(() => dayNumber('2026-3-1')).toThrow(RangeError)
  })
})

describe('the working-day table', () => {
  const table = WorkingDayTable.fromDays(calendarDays(2026, 2027))
  const day = (date: string) => table.day(date)

  it('adds working days as the calendar does: National Day skipped, the adjusted Saturday worked', () => {
    expect(dateOfDay(table.addWorkingDays(day('2026-09-28'), 10))).toBe('2026-10-16')
    expect(dateOfDay(table.addWorkingDays(day('2026-11-26'), 10))).toBe('2026-12-10')
    expect(table.isWorkingDay(day('2026-10-10'))).toBe(true)
    expect(table.isWorkingDay(day('2026-10-01'))).toBe(false)
    expect(table.workingDaysBetween(day('2026-11-26'), day('2026-12-10'))).toBe(10)
  })

  it('adds from a holiday as from the day before it', () => {
    expect(dateOfDay(table.addWorkingDays(day('2026-10-03'), 1))).toBe('2026-10-08')
  })

  it('names the years without a published or confirmed schedule', () => {
    expect(table.unpublishedYears(day('2026-12-01'), day('2027-01-10'))).toEqual([2027])
    expect(table.unpublishedYears(day('2026-01-01'), day('2026-12-31'))).toEqual([])
    expect(WorkingDayTable.fromDays(calendarDays(2026, 2027), [2027]).unpublishedYears(day('2026-12-01'), day('2027-12-31'))).toEqual([])
  })

  it('refuses to count outside its span rather than guess', () => {
    expect(() => table.ordinal(dayNumber('2028-01-03'))).toThrow(/outside the working-day table/)
    expect(() => table.addWorkingDays(day('2027-12-30'), 5)).toThrow(/outside the working-day table/)
  })

  it('takes whole years of consecutive days only', () => {
    expect(() => WorkingDayTable.fromDays(calendarDays(2026, 2026).slice(1))).toThrow(/whole years/)
    const gap = calendarDays(2026, 2026).filter((status) => status.date !== '2026-05-05')
    expect(() => WorkingDayTable.fromDays(gap)).toThrow(/skipped a day/)
  })
})

for (const dialect of DIALECTS) {
  describe(`the working-day table from the platform calendar on ${dialect}`, () => {
    let testDatabase: TestDatabase
    let calendar: WorkingDayCalendar
    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      calendar = new WorkingDayCalendar(new CalendarRepository(testDatabase.database))
    })
    afterEach(async () => {
      await testDatabase.drop()
    })

    it('agrees with the calendar day by day, overrides included', async () => {
      await calendar.setOverride('2027-10-01', false, '国庆节', 'sysadmin')
      await calendar.setOverride('2026-12-01', false, '临时停工', 'sysadmin')
      const table = await loadWorkingDayTable(calendar, { fromYear: 2025, toYear: 2027 })
      const expected = calendarDays(2025, 2027, { '2027-10-01': false, '2026-12-01': false })
      for (const status of expected) expect.soft(table.isWorkingDay(table.day(status.date)), status.date).toBe(status.working)
      expect(dateOfDay(table.addWorkingDays(table.day('2026-11-30'), 1))).toBe('2026-12-02')
      for (const date of ['2025-06-02', '2026-12-31', '2027-12-31']) {
        expect(dateOfDay(table.addWorkingDays(table.day('2025-01-01'), table.workingDaysBetween(table.day('2025-01-01'), table.day(date))))).toBe(
          dateOfDay(table.dayOfOrdinal(table.ordinal(table.day(date)))),
        )
      }
    })

    it('treats a year the administrator entered as provisional until it is confirmed', async () => {
      await calendar.setOverride('2027-10-01', false, '国庆节', 'sysadmin')
      const entered = await loadWorkingDayTable(calendar, { fromYear: 2026, toYear: 2027 })
      expect(entered.unpublishedYears(entered.day('2026-12-20'), entered.day('2027-01-05'))).toEqual([2027])
      const confirmed = await loadWorkingDayTable(calendar, { fromYear: 2026, toYear: 2027, confirmedYears: [2027] })
      expect(confirmed.unpublishedYears(confirmed.day('2026-12-20'), confirmed.day('2027-01-05'))).toEqual([])
    })
  })
}

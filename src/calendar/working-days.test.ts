import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/databases.js'
import { beijingDate, WorkingDayCalendar } from './working-days.js'
import { CalendarRepository } from './repository.js'

describe('beijingDate', () => {
  it('counts the day in Beijing time', () => {
    expect(beijingDate('2026-11-26T15:59:59Z')).toBe('2026-11-26')
    expect(beijingDate('2026-11-26T16:00:00Z')).toBe('2026-11-27')
  })
})

for (const dialect of DIALECTS) {
  describe(`working days on ${dialect}`, () => {
    let testDatabase: TestDatabase
    let calendar: WorkingDayCalendar
    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      calendar = new WorkingDayCalendar(new CalendarRepository(testDatabase.database))
    })
    afterEach(async () => {
      await testDatabase.drop()
    })

    it('skips the National Day holiday and works the adjusted Saturday', async () => {
      expect(await calendar.isWorkingDay('2026-10-01')).toBe(false)
      expect(await calendar.isWorkingDay('2026-10-10')).toBe(true)
      expect(await calendar.isWorkingDay('2026-11-28')).toBe(false)
      expect(await calendar.day('2026-10-01')).toMatchObject({ source: 'schedule', name: '国庆节' })
    })

    it('gives a request filed before National Day ten working days that skip the holiday', async () => {
      // 29 and 30 September; 1–7 October are the holiday; then 8, 9, 10 (the adjusted Saturday) and 12–16 October.
      expect(await calendar.addWorkingDays('2026-09-28', 10)).toBe('2026-10-16')
      expect(await calendar.addWorkingDays('2026-11-26', 10)).toBe('2026-12-10')
      expect(await calendar.workingDaysBetween('2026-11-26T02:00:00Z', '2026-12-10T02:00:00Z')).toBe(10)
    })

    it('counts weekdays in years without a published schedule, until an administrator enters it', async () => {
      expect(await calendar.day('2027-10-01')).toMatchObject({ working: true, source: 'weekday' })
      await calendar.setOverride('2027-10-01', false, '国庆节', 'sysadmin')
      await calendar.setOverride('2027-10-09', true, '国庆节调休上班', 'sysadmin')
      expect(await calendar.day('2027-10-01')).toMatchObject({ working: false, source: 'override', name: '国庆节' })
      expect(await calendar.isWorkingDay('2027-10-09')).toBe(true)
      expect((await calendar.listOverrides()).map((o) => o.date)).toEqual(['2027-10-01', '2027-10-09'])
      expect(await calendar.removeOverride('2027-10-09')).toBe(true)
      expect(await calendar.isWorkingDay('2027-10-09')).toBe(false)
    })

    it('lets an override change a published day too', async () => {
      await calendar.setOverride('2026-12-01', false, '临时停工', 'sysadmin')
      expect(await calendar.addWorkingDays('2026-11-30', 1)).toBe('2026-12-02')
    })
  })
}

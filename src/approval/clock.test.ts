import { describe, expect, it } from 'vitest'
import { testTable } from '../../test/support/approval-calendar.js'
import { colourOf, mergePauses, readClock } from './clock.js'

const table = testTable()

describe('colours', () => {
  it.each([
    [6, 20, false, 'none'],
    [4, 20, false, 'yellow'],
    [5, 20, false, 'none'],
    [1, 5, false, 'yellow'],
    [2, 5, false, 'none'],
    [0, 5, false, 'yellow'],
    [0, 1, false, 'yellow'],
    [-1, 5, true, 'red'],
  ] as const)('%i of %i days left, overdue %s: %s', (left, limit, overdue, colour) => {
    expect(colourOf(left, limit, overdue)).toBe(colour)
  })
})

describe('a running clock', () => {
  const clock = { start: '2026-09-28', limit: 10, pauses: [] }

  it('counts working days after the start day, skipping National Day', () => {
    expect(readClock(table, clock, '2026-09-28')).toMatchObject({ state: 'running', used: 0, left: 10, deadline: '2026-10-16', colour: 'none', overdue: false })
    expect(readClock(table, clock, '2026-10-05')).toMatchObject({ used: 2, left: 8 })
    expect(readClock(table, clock, '2026-10-14')).toMatchObject({ used: 8, left: 2, colour: 'yellow' })
    expect(readClock(table, clock, '2026-10-16')).toMatchObject({ used: 10, left: 0, colour: 'yellow', overdue: false })
  })

  it('turns red the day after the deadline, even a weekend day when no working day has passed', () => {
    expect(readClock(table, clock, '2026-10-17')).toMatchObject({ left: 0, overdue: true, colour: 'red' })
    expect(readClock(table, clock, '2026-10-19')).toMatchObject({ left: -1, overdue: true, colour: 'red' })
  })
})

describe('pauses', () => {
  // Start Monday 2026-03-02, limit 10: without pauses the deadline is Monday 2026-03-16.
  const start = '2026-03-02'

  it('resume with the time that was left: not restarted, not lost', () => {
    const paused = { start, limit: 10, pauses: [{ from: '2026-03-05', to: null }] }
    // Tuesday, Wednesday and Thursday were worked: 3 used, 7 left, frozen while paused.
    expect(readClock(table, paused, '2026-03-05')).toMatchObject({ state: 'paused', used: 3, left: 7, deadline: null })
    expect(readClock(table, paused, '2026-04-20')).toMatchObject({ state: 'paused', used: 3, left: 7, colour: 'none' })
    const resumed = { start, limit: 10, pauses: [{ from: '2026-03-05', to: '2026-03-12' }] }
    // 7 left from Thursday 12 March: 13, 16, 17, 18, 19, 20, 23 March.
    const reading = readClock(table, resumed, '2026-03-12')
    expect(reading).toMatchObject({ state: 'running', used: 3, left: 7, paused: 5, deadline: '2026-03-23' })
    expect(reading.ledger).toEqual([{ from: '2026-03-05', to: '2026-03-12', workingDays: 5 }])
  })

  it('counts a pause started and ended on one day as nothing', () => {
    expect(readClock(table, { start, limit: 10, pauses: [{ from: '2026-03-05', to: '2026-03-05' }] }, '2026-03-05').deadline).toBe('2026-03-16')
  })

  it('keeps several pauses, day-exact, and shows each in the ledger', () => {
    const reading = readClock(
      table,
      {
        start,
        limit: 10,
        pauses: [
          { from: '2026-03-03', to: '2026-03-04' },
          { from: '2026-03-06', to: '2026-03-10' },
        ],
      },
      '2026-03-10',
    )
    expect(reading.ledger.map((line) => line.workingDays)).toEqual([1, 2])
    expect(reading).toMatchObject({ paused: 3, deadline: '2026-03-19' })
  })

  it('keeps an open pause counting in the ledger while the clock stands still', () => {
    const reading = readClock(table, { start, limit: 10, pauses: [{ from: '2026-03-05', to: null }] }, '2026-03-09')
    expect(reading.ledger).toEqual([{ from: '2026-03-05', to: null, workingDays: 2 }])
    expect(reading.paused).toBe(2)
  })

  it('keeps an overdue clock red while paused', () => {
    expect(readClock(table, { start, limit: 2, pauses: [{ from: '2026-03-06', to: null }] }, '2026-03-20')).toMatchObject({
      state: 'paused',
      left: -2,
      overdue: true,
      colour: 'red',
    })
  })

  it('refuses a ledger out of order or with an open pause before another', () => {
    expect(() => readClock(table, { start, limit: 10, pauses: [{ from: '2026-03-01', to: '2026-03-03' }] }, '2026-03-05')).toThrow(/before the clock/)
    expect(() =>
      readClock(
        table,
        {
          start,
          limit: 10,
          pauses: [
            { from: '2026-03-04', to: '2026-03-06' },
            { from: '2026-03-05', to: '2026-03-09' },
          ],
        },
        '2026-03-10',
      ),
    ).toThrow(/previous pause/)
    expect(() =>
      readClock(
        table,
        {
          start,
          limit: 10,
          pauses: [
            { from: '2026-03-04', to: null },
            { from: '2026-03-06', to: '2026-03-09' },
          ],
        },
        '2026-03-10',
      ),
    ).toThrow(/open but not the last/)
    expect(() => readClock(table, { start, limit: 10, pauses: [{ from: '2026-03-06', to: '2026-03-04' }] }, '2026-03-10')).toThrow(/ends before it starts/)
  })
})

describe('the holiday schedule edge', () => {
  it('says when a deadline was counted into a year whose schedule is not published', () => {
    const reading = readClock(table, { start: '2026-12-21', limit: 20, pauses: [] }, '2026-12-21')
    expect(reading.deadline?.startsWith('2027-')).toBe(true)
    expect(reading.unpublishedYears).toEqual([2027])
    expect(readClock(table, { start: '2026-11-02', limit: 10, pauses: [] }, '2026-11-02').unpublishedYears).toEqual([])
  })

  it('follows the administrator once the year is entered and confirmed', () => {
    // New Year's Day 2027 is a Friday: entered as a holiday, the deadline moves a day later.
    const guessed = readClock(table, { start: '2026-12-28', limit: 5, pauses: [] }, '2026-12-28')
    const entered = readClock(testTable({ '2027-01-01': false }, [2027]), { start: '2026-12-28', limit: 5, pauses: [] }, '2026-12-28')
    expect(guessed).toMatchObject({ deadline: '2027-01-04', unpublishedYears: [2027] })
    expect(entered).toMatchObject({ deadline: '2027-01-05', unpublishedYears: [] })
  })
})

describe('merged pauses for a stage clock', () => {
  it('join overlapping and touching periods, and an open one swallows what follows', () => {
    expect(
      mergePauses([
        [
          { from: '2026-03-02', to: '2026-03-05' },
          { from: '2026-03-20', to: null },
        ],
        [
          { from: '2026-03-04', to: '2026-03-09' },
          { from: '2026-03-09', to: '2026-03-10' },
          { from: '2026-03-25', to: '2026-03-26' },
        ],
        [{ from: '2026-03-12', to: '2026-03-13' }],
      ]),
    ).toEqual([
      { from: '2026-03-02', to: '2026-03-10' },
      { from: '2026-03-12', to: '2026-03-13' },
      { from: '2026-03-20', to: null },
    ])
  })
})

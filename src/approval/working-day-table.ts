import type { DayStatus, WorkingDayCalendar } from '../calendar/working-days.js'

const DAY_MS = 86_400_000
const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Days since 1970-01-01 of a calendar date written YYYY-MM-DD.
 *
 * @example
 * dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  const match = DATE_FORM.exec(date)
  if (match === null) throw new RangeError(`${date} is not a YYYY-MM-DD date`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
}

/**
 * The YYYY-MM-DD date of a day number (see {@link dayNumber}).
 *
 * @example
 * dateOfDay(20_454) // '2026-01-01'
 */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** A calendar date's year. */
function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear()
}

/**
 * Working days as arrays, so a clock is a few array reads: for every day of the span, how many
 * working days fall on or before it (its ordinal), and for every ordinal, the day that reaches it.
 * Adding n working days to a day is `dayOfOrdinal(ordinal(day) + n)`; the working days between two
 * days are the difference of their ordinals. A million clocks recompute in well under a second.
 *
 * It also knows which years' holiday schedules were published (the State Council's, carried by
 * the calendar) or confirmed by the administrator: a clock that reaches into any other year is
 * counted on plain weekdays and says so, never silently.
 *
 * @example
 * const table = WorkingDayTable.fromDays(days)
 * table.addWorkingDays(dayNumber('2026-09-28'), 10) // the day number of 2026-10-16
 */
export class WorkingDayTable {
  /** First and last day number the table covers. */
  readonly firstDay: number
  readonly lastDay: number
  readonly #ordinals: Int32Array
  readonly #days: Int32Array
  readonly #unpublished: ReadonlySet<number>
  readonly #dayNumbers: Map<string, number>

  private constructor(firstDay: number, working: readonly boolean[], unpublished: ReadonlySet<number>) {
    this.firstDay = firstDay
    this.lastDay = firstDay + working.length - 1
    this.#ordinals = new Int32Array(working.length)
    const days: number[] = []
    let ordinal = 0
    for (let index = 0; index < working.length; index += 1) {
      if (working[index] === true) {
        ordinal += 1
        days.push(firstDay + index)
      }
      this.#ordinals[index] = ordinal
    }
    this.#days = Int32Array.from(days)
    this.#unpublished = unpublished
    this.#dayNumbers = new Map()
    for (let day = this.firstDay; day <= this.lastDay; day += 1) this.#dayNumbers.set(dateOfDay(day), day)
  }

  /**
   * Builds the table from the calendar's answers for a run of consecutive days, whole years
   * from 1 January to 31 December. A year is published when the calendar answered any of its days
   * from the State Council's schedule, or when it is among `confirmedYears` (the administrator has
   * entered that year's holidays as overrides and confirmed them).
   */
  static fromDays(days: readonly DayStatus[], confirmedYears: readonly number[] = []): WorkingDayTable {
    const first = days[0]
    const last = days.at(-1)
    if (first === undefined || last === undefined) throw new RangeError('a working-day table needs at least one year of days')
    if (!first.date.endsWith('-01-01') || !last.date.endsWith('-12-31')) throw new RangeError('a working-day table covers whole years')
    const firstDay = dayNumber(first.date)
    const years = new Map<number, boolean>()
    const working = days.map((status, index) => {
      if (dayNumber(status.date) !== firstDay + index) throw new RangeError(`the calendar skipped a day before ${status.date}`)
      const year = Number(status.date.slice(0, 4))
      years.set(year, (years.get(year) ?? false) || status.source === 'schedule')
      return status.working
    })
    const confirmed = new Set(confirmedYears)
    const unpublished = new Set([...years].filter(([year, scheduled]) => !scheduled && !confirmed.has(year)).map(([year]) => year))
    return new WorkingDayTable(firstDay, working, unpublished)
  }

  /** The day number of a YYYY-MM-DD date; dates of the table's span are looked up, not parsed. */
  day(date: string): number {
    return this.#dayNumbers.get(date) ?? dayNumber(date)
  }

  #index(day: number): number {
    if (day < this.firstDay || day > this.lastDay) {
      throw new RangeError(`${dateOfDay(day)} is outside the working-day table (${dateOfDay(this.firstDay)} to ${dateOfDay(this.lastDay)})`)
    }
    return day - this.firstDay
  }

  isWorkingDay(day: number): boolean {
    const index = this.#index(day)
    return this.#ordinals[index] !== (index === 0 ? 0 : this.#ordinals[index - 1])
  }

  /** Working days from the table's first day up to and including `day`. */
  ordinal(day: number): number {
    return this.#ordinals[this.#index(day)] as number
  }

  /** The day on which the count of working days reaches `ordinal`. */
  dayOfOrdinal(ordinal: number): number {
    const day = this.#days[ordinal - 1]
    if (ordinal < 1 || day === undefined) throw new RangeError(`working day ${ordinal} is outside the working-day table (ends ${dateOfDay(this.lastDay)})`)
    return day
  }

  /** The `count`-th working day after `day` (that day itself does not count), as the calendar counts. */
  addWorkingDays(day: number, count: number): number {
    return this.dayOfOrdinal(this.ordinal(day) + count)
  }

  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: number, to: number): number {
    return this.ordinal(to) - this.ordinal(from)
  }

  /** Years from `from`'s to `to`'s whose holiday schedule is neither published nor confirmed, ascending. */
  unpublishedYears(from: number, to: number): number[] {
    const years: number[] = []
    if (this.#unpublished.size === 0) return years
    for (let year = yearOf(Math.min(from, to)); year <= yearOf(Math.max(from, to)); year += 1) if (this.#unpublished.has(year)) years.push(year)
    return years
  }
}

export interface TableSpan {
  readonly fromYear: number
  readonly toYear: number
  /** Years whose schedule the administrator has entered and confirmed (see docs/approval.md). */
  readonly confirmedYears?: readonly number[]
}

/**
 * Reads the platform's calendar (the State Council's schedule, the administrator's overrides,
 * weekdays elsewhere) for whole years into a {@link WorkingDayTable}. Build a new one after a
 * calendar change; clocks are computed from it, never ticked.
 *
 * @example
 * const table = await loadWorkingDayTable(calendar, { fromYear: 2020, toYear: 2030 })
 */
export async function loadWorkingDayTable(calendar: WorkingDayCalendar, span: TableSpan): Promise<WorkingDayTable> {
  if (span.toYear < span.fromYear) throw new RangeError('toYear is before fromYear')
  const days: DayStatus[] = []
  for (let year = span.fromYear; year <= span.toYear; year += 1) days.push(...(await calendar.range(`${year}-01-01`, `${year}-12-31`)))
  return WorkingDayTable.fromDays(days, span.confirmedYears)
}

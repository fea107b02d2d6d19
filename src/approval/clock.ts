import { dateOfDay, type WorkingDayTable } from './working-day-table.js'

/**
 * A stretch of time that does not count against a limit: the applicant correcting materials, or a
 * special procedure (行政许可法 Art. 45). Dates are Beijing calendar days; `to` is null while it lasts.
 */
export interface PausePeriod {
  readonly from: string
  readonly to: string | null
}

/** A clock's warning: yellow when at most a fifth of the limit is left, red when overdue (黄牌 / 红牌). */
export type Colour = 'none' | 'yellow' | 'red'

/** What a clock counts: a limit in working days from a start day, less its pauses. */
export interface ClockInput {
  /** The Beijing day the limit starts from; it does not itself count (行政许可法 Art. 82). */
  readonly start: string
  readonly limit: number
  /** In order, none overlapping; only the last may be open. */
  readonly pauses: readonly PausePeriod[]
}

/** One pause of the ledger with the working days it kept off the clock. */
export interface LedgerLine {
  readonly from: string
  readonly to: string | null
  /** Working days after `from` up to and including `to` (or today, while open). */
  readonly workingDays: number
}

export interface ClockReading {
  readonly state: 'running' | 'paused'
  readonly limit: number
  /** Working days used: after the start day, up to today (or the day the open pause began), less pauses. */
  readonly used: number
  /** `limit − used`: 0 on the deadline day itself, negative once overdue. */
  readonly left: number
  /** Working days the pauses kept off the clock so far. */
  readonly paused: number
  /** The last day within the limit; null while paused, since it depends on when the pause ends. */
  readonly deadline: string | null
  readonly overdue: boolean
  readonly colour: Colour
  readonly ledger: readonly LedgerLine[]
  /**
   * Years the reading reached whose holiday schedule is neither published nor confirmed: those
   * days were counted Monday to Friday, and the reading must say so wherever it is shown.
   */
  readonly unpublishedYears: readonly number[]
}

/**
 * The colour of a clock with `left` of `limit` working days: red when overdue, yellow when at most
 * 20 % of the limit is left (a 5-day limit turns yellow with 1 day left), none otherwise.
 */
export function colourOf(left: number, limit: number, overdue: boolean): Colour {
  if (overdue) return 'red'
  return left * 5 <= limit ? 'yellow' : 'none'
}

/**
 * Reads a working-day clock on a day: how much is used and left, the deadline, the colour, and
 * the ledger of pauses. Nothing ticks: a clock is recomputed from its start, limit and pauses, so
 * a restart neither loses time nor counts it twice, and a calendar change moves every deadline.
 *
 * Pauses are day-exact. A pause from day P to day R keeps the working days after P up to and
 * including R off the clock: P was worked, and on R the clock resumes with what was left, as if
 * the limit started again on R with the remainder.
 *
 * @example
 * readClock(table, { start: '2026-09-28', limit: 10, pauses: [] }, '2026-10-15')
 * // { state: 'running', used: 9, left: 1, deadline: '2026-10-16', overdue: false, colour: 'yellow', … }
 */
export function readClock(table: WorkingDayTable, input: ClockInput, today: string): ClockReading {
  const startDay = table.day(input.start)
  const todayDay = table.day(today)
  const startOrdinal = table.ordinal(startDay)
  let paused = 0
  let openFrom: number | undefined
  let previousEnd = startDay
  const ledger: LedgerLine[] = []
  for (let index = 0; index < input.pauses.length; index += 1) {
    const pause = input.pauses[index] as PausePeriod
    const from = table.day(pause.from)
    if (from < previousEnd) throw new RangeError(`pause from ${pause.from} starts before the clock or the previous pause ended`)
    if (pause.to === null) {
      if (index !== input.pauses.length - 1) throw new RangeError(`pause from ${pause.from} is open but not the last`)
      openFrom = from
      ledger.push({ from: pause.from, to: null, workingDays: Math.max(0, table.ordinal(Math.max(todayDay, from)) - table.ordinal(from)) })
      break
    }
    const to = table.day(pause.to)
    if (to < from) throw new RangeError(`pause from ${pause.from} ends before it starts`)
    const days = table.ordinal(to) - table.ordinal(from)
    paused += days
    previousEnd = to
    ledger.push({ from: pause.from, to: pause.to, workingDays: days })
  }

  if (openFrom !== undefined) {
    const used = table.ordinal(openFrom) - startOrdinal - paused
    const left = input.limit - used
    return {
      state: 'paused',
      limit: input.limit,
      used,
      left,
      paused: paused + (ledger.at(-1)?.workingDays ?? 0),
      deadline: null,
      overdue: left < 0,
      colour: colourOf(left, input.limit, left < 0),
      ledger,
      unpublishedYears: table.unpublishedYears(startDay, Math.max(todayDay, openFrom)),
    }
  }

  const deadlineDay = table.dayOfOrdinal(startOrdinal + input.limit + paused)
  const used = table.ordinal(todayDay) - startOrdinal - paused
  const overdue = todayDay > deadlineDay
  const left = input.limit - used
  return {
    state: 'running',
    limit: input.limit,
    used,
    left,
    paused,
    deadline: dateOfDay(deadlineDay),
    overdue,
    colour: colourOf(left, input.limit, overdue),
    ledger,
    unpublishedYears: table.unpublishedYears(startDay, Math.max(todayDay, deadlineDay)),
  }
}

/**
 * The union of several clocks' pauses: a stage's clock stops while any of its reviews waits for
 * the applicant or a special procedure, as the stage limit does not count that time either.
 *
 * @example
 * mergePauses([[{ from: '2026-03-02', to: '2026-03-05' }], [{ from: '2026-03-04', to: '2026-03-09' }]])
 * // [{ from: '2026-03-02', to: '2026-03-09' }]
 */
export function mergePauses(ledgers: readonly (readonly PausePeriod[])[]): PausePeriod[] {
  const all = ledgers.flat().sort((a, b) => a.from.localeCompare(b.from))
  const merged: PausePeriod[] = []
  for (const pause of all) {
    const last = merged.at(-1)
    if (last !== undefined && (last.to === null || pause.from <= last.to)) {
      const to = last.to === null || pause.to === null ? null : pause.to > last.to ? pause.to : last.to
      merged[merged.length - 1] = { from: last.from, to }
    } else {
      merged.push({ from: pause.from, to: pause.to })
    }
  }
  return merged
}

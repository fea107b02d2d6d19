import { createRequire } from 'node:module'
import chineseDays from 'chinese-days'
import type { Override } from './model.js'
import type { CalendarRepository } from './repository.js'

/** Beijing time, in which government working days are counted. */
const BEIJING_OFFSET_MS = 8 * 60 * 60_000

/** The calendar date in Beijing of an instant, as YYYY-MM-DD. */
export function beijingDate(instant: Date | string = new Date()): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * The instant (ISO, UTC) at which a Beijing calendar day ends: what "as of that day" reads up to.
 *
 * @example
 * endOfChinaDay('2026-01-01') // '2026-01-01T16:00:00.000Z'
 */
export function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000 - BEIJING_OFFSET_MS).toISOString()
}

function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Years whose holiday schedule the chinese-days package carries; later years fall back to weekdays until an administrator enters them. */
const SCHEDULE_YEARS: ReadonlySet<string> = (() => {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> }
  return new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((date) => date.slice(0, 4)))
})()

export interface DayStatus {
  readonly date: string
  readonly working: boolean
  /** Where the answer came from: an administrator's override, the State Council's schedule, or the weekday. */
  readonly source: 'override' | 'schedule' | 'weekday'
  readonly name: string | null
}

/**
 * Working days: the administrator's overrides first (next year's schedule is published late in
 * the year), then the State Council's holiday schedule from the chinese-days package, then plain
 * Monday-to-Friday for years neither covers.
 *
 * @example
 * await calendar.addWorkingDays('2026-09-28', 10) // '2026-10-19': the National Day week does not count
 */
export class WorkingDayCalendar {
  #overrides: Map<string, Override> | undefined
  #loadedAt = 0

  constructor(
    private readonly repository: CalendarRepository,
    /** Overrides are re-read after this long, so other nodes' edits arrive. */
    private readonly refreshMs = 60_000,
  ) {}

  async #load(): Promise<Map<string, Override>> {
    if (this.#overrides !== undefined && Date.now() - this.#loadedAt < this.refreshMs) return this.#overrides
    this.#overrides = new Map((await this.repository.overrides()).map((override) => [override.date, override]))
    this.#loadedAt = Date.now()
    return this.#overrides
  }

  async day(date: string): Promise<DayStatus> {
    const override = (await this.#load()).get(date)
    if (override !== undefined) return { date, working: override.working, source: 'override', name: override.note }
    if (SCHEDULE_YEARS.has(date.slice(0, 4))) {
      const detail = chineseDays.getDayDetail(date) as { work: boolean; name: string }
      return { date, working: detail.work, source: 'schedule', name: detail.name.includes(',') ? (detail.name.split(',')[1] ?? null) : null }
    }
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    return { date, working: weekday !== 0 && weekday !== 6, source: 'weekday', name: null }
  }

  async isWorkingDay(date: string): Promise<boolean> {
    return (await this.day(date)).working
  }

  /** The `count`-th working day after the Beijing date of `from` (that day itself does not count). */
  async addWorkingDays(from: Date | string, count: number): Promise<string> {
    let date = /^\d{4}-\d{2}-\d{2}$/.test(String(from)) ? String(from) : beijingDate(from)
    let remaining = count
    while (remaining > 0) {
      date = nextDate(date)
      if (await this.isWorkingDay(date)) remaining -= 1
    }
    return date
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  async workingDaysBetween(from: Date | string, to: Date | string): Promise<number> {
    const end = beijingDate(to)
    let date = beijingDate(from)
    let count = 0
    while (date < end) {
      date = nextDate(date)
      if (await this.isWorkingDay(date)) count += 1
    }
    return count
  }

  async range(from: string, to: string): Promise<DayStatus[]> {
    const days: DayStatus[] = []
    for (let date = from; date <= to && days.length < 400; date = nextDate(date)) days.push(await this.day(date))
    return days
  }

  listOverrides(): Promise<Override[]> {
    return this.#load().then((overrides) => [...overrides.values()].sort((a, b) => a.date.localeCompare(b.date)))
  }

  async setOverride(date: string, working: boolean, note: string, updatedBy: string): Promise<void> {
    await this.repository.setOverride(date, working, note, updatedBy)
    this.#overrides = undefined
  }

  async removeOverride(date: string): Promise<boolean> {
    const removed = await this.repository.removeOverride(date)
    this.#overrides = undefined
    return removed
  }
}

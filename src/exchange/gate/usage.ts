import { beijingDate } from '../../calendar/working-days.js'
import type { UsageRepository } from './usage-repository.js'

/**
 * Counts reads and delivered records per day, resource, consumer department and operation in
 * memory and adds them to the database every few seconds, so statistics cost no write per read.
 */
export class UsageCounter {
  #pending = new Map<string, { day: string; resourceId: string; consumerId: string; operation: string; reads: number; records: number }>()
  #timer: NodeJS.Timeout | undefined
  /** Today's date in Beijing, worked out again at most once a second rather than for every read. */
  #day = { second: -1, date: '' }

  constructor(private readonly repository: UsageRepository) {}

  count(resourceId: string, consumerId: string, operation: string, records: number): void {
    const second = Math.floor(Date.now() / 1000)
    if (second !== this.#day.second) this.#day = { second, date: beijingDate() }
    const day = this.#day.date
    const key = `${day}|${resourceId}|${consumerId}|${operation}`
    const entry = this.#pending.get(key) ?? { day, resourceId, consumerId, operation, reads: 0, records: 0 }
    entry.reads += 1
    entry.records += records
    this.#pending.set(key, entry)
  }

  start(intervalMs = 5000): void {
    this.#timer ??= setInterval(() => void this.flush().catch(() => undefined), intervalMs)
    this.#timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.flush()
  }

  async flush(): Promise<void> {
    if (this.#pending.size === 0) return
    const entries = [...this.#pending.values()]
    this.#pending = new Map()
    await this.repository.add(entries)
  }
}

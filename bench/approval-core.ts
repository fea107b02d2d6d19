/**
 * Parallel approval's clocks, in process: recomputing every open review's clock (deadline, days
 * left, colour, unpublished years) after a calendar change, and one department's 100 000. Targets of the whole path (phase 2 measures them with the database):
 * 1 000 000 reviews recomputed in < 10 s, a queue of 100 000 by time left at p95 < 50 ms. The
 * in-process share measured here must leave most of those budgets to reading and writing rows.
 */
import { performance } from 'node:perf_hooks'
import { sfc32 } from '../src/demo/synthetic.js'
import { readClock, type ClockInput, type Colour } from '../src/approval/clock.js'
import { dateOfDay, dayNumber, WorkingDayTable } from '../src/approval/working-day-table.js'
import { calendarDays } from '../test/support/approval-calendar.js'
import { formatNumber, median, percentile } from './support/stats.js'
import { printTable, writeResults } from './support/report.js'

export interface ApprovalCoreOptions {
  readonly reviews: number
  readonly queue: number
  readonly rounds: number
}

export const APPROVAL_CORE_DEFAULTS: ApprovalCoreOptions = { reviews: 1_000_000, queue: 100_000, rounds: 3 }

const TARGETS = { recomputeSeconds: 10, queueP95Ms: 50 }
const LIMITS = [1, 3, 5, 7, 10, 15, 20]
const TODAY = '2026-11-20'

/** Open reviews as rows hold them: date strings, limits, and ledgers of zero to three pauses, a tenth paused now. */
function openReviews(count: number, seed: number): ClockInput[] {
  const random = sfc32(seed)
  const last = dayNumber(TODAY)
  const first = last - 40
  return Array.from({ length: count }, () => {
    const start = first + Math.floor(random() * (last - first))
    const pauses: { from: string; to: string | null }[] = []
    let at = start
    const pauseCount = Math.floor(random() * 4)
    for (let index = 0; index < pauseCount && at < last - 2; index += 1) {
      const from = at + 1 + Math.floor(random() * 5)
      const to = from + Math.floor(random() * 8)
      if (to >= last) break
      pauses.push({ from: dateOfDay(from), to: dateOfDay(to) })
      at = to
    }
    if (random() < 0.1 && at < last) pauses.push({ from: dateOfDay(at + Math.floor(random() * (last - at))), to: null })
    return { start: dateOfDay(start), limit: LIMITS[Math.floor(random() * LIMITS.length)] as number, pauses }
  })
}

export async function benchApprovalCore(options: ApprovalCoreOptions): Promise<void> {
  const days = calendarDays(2016, 2030)
  const builds: number[] = []
  let table = WorkingDayTable.fromDays(days)
  for (let round = 0; round < options.rounds; round += 1) {
    const started = performance.now()
    table = WorkingDayTable.fromDays(days)
    builds.push(performance.now() - started)
  }

  const reviews = openReviews(options.reviews, 17)
  const recomputes: number[] = []
  const cpuRecomputes: number[] = []
  const colours: Record<Colour, number> = { none: 0, yellow: 0, red: 0 }
  let provisional = 0
  for (let round = 0; round < options.rounds; round += 1) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (const review of reviews) {
      const reading = readClock(table, review, TODAY)
      if (round === 0) {
        colours[reading.colour] += 1
        if (reading.unpublishedYears.length > 0) provisional += 1
      }
    }
    recomputes.push((performance.now() - started) / 1000)
    const used = process.cpuUsage(cpu)
    cpuRecomputes.push((used.user + used.system) / 1e6)
  }

  // A department's queue: its rows carry the computed deadline, so the database reads a page in
  // deadline order from an index; what runs here is recomputing that department's clocks.
  const department = reviews.slice(0, options.queue)
  const departmentRuns: number[] = []
  for (let round = 0; round < Math.max(5, options.rounds * 3); round += 1) {
    const started = performance.now()
    for (const review of department) readClock(table, review, TODAY)
    departmentRuns.push(performance.now() - started)
  }

  const recompute = median(recomputes)
  const rows = [
    ['working-day table, 2016–2030', `${formatNumber(median(builds), 1)} ms`, ''],
    [
      `recompute ${formatNumber(options.reviews)} open reviews`,
      `${formatNumber(recompute, 2)} s (${formatNumber(median(cpuRecomputes), 2)} s CPU)`,
      `< ${TARGETS.recomputeSeconds} s with the database`,
    ],
    ['  per second', formatNumber(options.reviews / recompute), ''],
    [
      `recompute one department's ${formatNumber(options.queue)} clocks`,
      `p50 ${formatNumber(median(departmentRuns), 1)} ms, p95 ${formatNumber(percentile(departmentRuns, 95), 1)} ms`,
      `queue page p95 < ${TARGETS.queueP95Ms} ms (read by deadline from an index)`,
    ],
  ]
  printTable('Approval clocks, in process', ['measure', 'result', 'target'], rows)
  console.log(`colours: ${colours.none} none, ${colours.yellow} yellow, ${colours.red} red; ${provisional} reach an unpublished year`)
  const file = writeResults('approval-core', {
    options,
    tableBuildMs: median(builds),
    recomputeSeconds: recompute,
    recomputeCpuSeconds: median(cpuRecomputes),
    departmentRecomputeMs: { p50: median(departmentRuns), p95: percentile(departmentRuns, 95) },
    colours,
    provisional,
  })
  console.log(`results: ${file}`)
}

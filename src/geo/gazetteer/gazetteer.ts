import type { DivisionHistory } from '../divisions/history.js'
import { levelOfCode, statisticalCode, type BoundaryVersion, type DivisionLevel, type DivisionVersion, type LonLat } from '../divisions/model.js'
import { NearestIndex } from '../spatial/nearest-index.js'
import { PolygonIndex } from '../spatial/polygon-index.js'
import { addressVillageName, divisionNameForms, normaliseAddress, readGroup, readHouseNumber } from './address-text.js'
import { NameTrie } from './name-trie.js'
import type { AddressComponents, AddressPoint, DivisionPoint, MatchQuality, Place, ReverseGeocode, StandardAddress } from './model.js'

/** What a gazetteer is built from; the same rows come from the demo generator or the database. */
export interface GazetteerData {
  readonly divisions: DivisionHistory
  /** Boundaries that hold now (county level for Shenyang). */
  readonly boundaries: readonly BoundaryVersion[]
  /** Representative points of divisions without a boundary (townships, villages). */
  readonly divisionPoints: readonly DivisionPoint[]
  readonly places: readonly Place[]
  readonly addressPoints: readonly AddressPoint[]
  /** The code prefix of the city the registry serves (`2101`): preferred where a name is ambiguous. */
  readonly home: string
}

export interface ReverseOptions {
  /** The farthest an address may lie from the point and still be named, metres; default 500. */
  readonly maxAddressDistanceMetres?: number
}

const LEVELS: readonly DivisionLevel[] = ['province', 'prefecture', 'county', 'township', 'village']
const LEVEL_DEPTH: Readonly<Record<DivisionLevel, number>> = { province: 0, prefecture: 1, county: 2, township: 3, village: 4 }
const PREFIX_LENGTH: Readonly<Record<DivisionLevel, number>> = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 }
const ROAD_TYPES = new Set(['road', 'street', 'bridge'])
// Statistical placeholders that no address writes.
const UNWRITTEN_PREFECTURES = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/

interface NamedDivision {
  readonly version: DivisionVersion
  /** The division a former name (东陵区) stands for today (浑南区). */
  readonly today?: DivisionVersion
  /** `today` when set, else `version`: the division the name reads as. */
  readonly effective: DivisionVersion
  /** The effective division's 12-digit code, and the prefix its descendants' codes share. */
  readonly code12: string
  readonly prefix: string
  readonly depth: number
  readonly short: boolean
}

/** A division as read from an address: where its name is written, and how many divisions under the same parent it could mean. */
interface ReadDivision {
  readonly named: NamedDivision
  readonly at: number
  readonly length: number
  readonly alike: number
}

interface NamedPlace {
  readonly place: Place
  /** Set when the name matched is a former one. */
  readonly former?: { readonly name: string; readonly validTo: string }
}

interface DivisionParse {
  readonly nodes: readonly ReadDivision[]
  readonly end: number
  readonly consumed: number
}

interface Candidate {
  readonly divisions: DivisionParse
  readonly road: NamedPlace | undefined
  readonly number: string | undefined
  readonly group: string | undefined
  /** Where the text after what was read starts: the detail. */
  readonly restAt: number
  readonly notes: string[] | undefined
  readonly score: number
}

/** Numbers on a road in order, for the exact point or an interpolated one. */
interface NumberedRoad {
  readonly byNumber: Map<string, AddressPoint>
  /** Plain numbers (no `-n`), sorted, and their points. */
  readonly numbers: number[]
  readonly points: AddressPoint[]
}

/** Whether a code lies within a division, by the division's code prefix. */
const isWithin = (code: string, division: DivisionVersion): boolean => {
  const length = PREFIX_LENGTH[division.level]
  return statisticalCode(code).slice(0, length) === statisticalCode(division.code).slice(0, length)
}

/** Whether a division read lies below the one read before it: deeper, and within it. */
const isUnder = (named: NamedDivision, context: NamedDivision | undefined): boolean =>
  context === undefined || (named.depth > context.depth && named.code12.startsWith(context.prefix))

function namedDivision(version: DivisionVersion, short: boolean, today?: DivisionVersion): NamedDivision {
  const effective = today ?? version
  const code12 = statisticalCode(effective.code)
  return {
    version,
    ...(today === undefined ? {} : { today }),
    effective,
    code12,
    prefix: code12.slice(0, PREFIX_LENGTH[effective.level]),
    depth: LEVEL_DEPTH[effective.level],
    short,
  }
}

/**
 * The place-name and address index of the registry, in memory: address standardisation (free
 * text → levels → standard address, 12-digit code, point, match quality) and reverse geocoding
 * (point → division at every level → nearest address).
 *
 * @example
 * const gazetteer = new Gazetteer(data)
 * gazetteer.standardise('辽宁沈阳和平南京北街１００號')
 * // { standard: '辽宁省沈阳市和平区南京北街100号', divisionCode: '210102…', point: [123.41, 41.80], quality: 'house-number', … }
 * gazetteer.reverse([123.42, 41.79]).divisions.map((division) => division.name) // ['辽宁省', '沈阳市', '和平区', '南湖街道', '三好社区']
 */
export class Gazetteer {
  private readonly divisionNames = new NameTrie<NamedDivision>()
  private readonly placeNames = new NameTrie<NamedPlace>()
  private readonly chains = new Map<string, DivisionVersion[]>()
  private readonly roads = new Map<string, NumberedRoad>()
  private readonly places = new Map<string, Place>()
  private readonly divisionPoint = new Map<string, LonLat>()
  private readonly counties: PolygonIndex<string>
  private readonly villagesByCounty = new Map<string, { index: NearestIndex; codes: string[] }>()
  private readonly addressIndex: NearestIndex
  private readonly addressList: readonly AddressPoint[]

  constructor(private readonly data: GazetteerData) {
    this.indexDivisionNames()
    for (const place of data.places) {
      this.places.set(place.id, place)
      if (!ROAD_TYPES.has(place.type)) continue
      this.addPlaceName(place.name, { place })
      for (const former of place.formerNames) this.addPlaceName(former.name, { place, former: { name: former.name, validTo: former.validTo } })
    }
    for (const point of data.addressPoints) {
      let road = this.roads.get(point.placeId)
      if (road === undefined) {
        road = { byNumber: new Map(), numbers: [], points: [] }
        this.roads.set(point.placeId, road)
      }
      road.byNumber.set(point.number, point)
      if (/^\d+$/.test(point.number)) {
        road.numbers.push(Number(point.number))
        road.points.push(point)
      }
    }
    for (const road of this.roads.values()) {
      const order = road.numbers.map((_, index) => index).sort((a, b) => (road.numbers[a] as number) - (road.numbers[b] as number))
      const numbers = order.map((index) => road.numbers[index] as number)
      const points = order.map((index) => road.points[index] as AddressPoint)
      road.numbers.splice(0, Infinity, ...numbers)
      road.points.splice(0, Infinity, ...points)
    }

    for (const boundary of data.boundaries) this.divisionPoint.set(boundary.code, boundary.point)
    for (const point of data.divisionPoints) this.divisionPoint.set(point.code, point.point)
    this.counties = new PolygonIndex(data.boundaries.map((boundary) => ({ value: boundary.code, geometry: boundary.geometry })))

    const villages = new Map<string, DivisionPoint[]>()
    for (const point of data.divisionPoints) {
      if (point.code.length !== 12 || point.code.endsWith('000')) continue
      const county = point.code.slice(0, 6)
      const list = villages.get(county)
      if (list === undefined) villages.set(county, [point])
      else list.push(point)
    }
    for (const [county, points] of villages) {
      this.villagesByCounty.set(county, { index: new NearestIndex(points.map((point) => point.point)), codes: points.map((point) => point.code) })
    }
    this.addressList = data.addressPoints
    this.addressIndex = new NearestIndex(data.addressPoints.map((point) => point.point))
  }

  private indexDivisionNames(): void {
    const home = this.data.home.slice(0, 2)
    for (const version of this.data.divisions.contents.versions) {
      if (version.validTo === null) {
        const forms = divisionNameForms(version.name, version.level)
        forms.forEach((form, index) => this.addDivisionName(form, namedDivision(version, index > 0 && version.level !== 'village')))
        continue
      }
      // Former names of the home province's counties still turn up in addresses (沈阳市东陵区).
      if (version.level !== 'county' || !version.code.startsWith(home) || version.source !== 'areacodes') continue
      const today = this.data.divisions.today(version.code, version.validFrom)
      if (today.length !== 1) continue
      const successor = (today[0] as { version: DivisionVersion }).version
      if (successor.name === version.name) continue
      divisionNameForms(version.name, version.level).forEach((form, index) => this.addDivisionName(form, namedDivision(version, index > 0, successor)))
    }
  }

  // Names are keyed in the spelling addresses are normalised to, so that a conversion such as
  // OpenCC's 乾 → 干 (天乾湖社区) happens on both sides.
  private addDivisionName(form: string, named: NamedDivision): void {
    this.divisionNames.add(normaliseAddress(form), named)
  }

  private addPlaceName(name: string, named: NamedPlace): void {
    this.placeNames.add(normaliseAddress(name), named)
  }

  /**
   * Standardises a free-text Chinese address: with or without province and city, short forms
   * (辽宁沈阳和平), full-width digits, traditional characters, a road's former name.
   *
   * @example
   * gazetteer.standardise('沈阳市和平区南京北街100号').standard // '辽宁省沈阳市和平区南京北街100号'
   */
  standardise(input: string): StandardAddress {
    const text = normaliseAddress(input)
    const found: { best?: Candidate } = {}
    // Every way of reading divisions from the start, each deeper than the one before, is tried
    // with the road and number after it; the best-scoring reading wins. `nodes` is one stack,
    // copied only into the best candidate.
    const nodes: ReadDivision[] = []
    const walk = (position: number, context: NamedDivision | undefined, consumed: number): void => {
      const candidate = this.complete(text, nodes, position, consumed)
      if (found.best === undefined || candidate.score > found.best.score)
        found.best = { ...candidate, divisions: { nodes: [...nodes], end: position, consumed } }
      this.divisionNames.matchesAt(text, position, (length, matches) => {
        // Two communities of one township may be written alike (大潘社区 and 大潘居委会): read the
        // first, and count them so that the result can say so.
        let taken: Set<string | null> | undefined
        for (const named of matches) {
          if (!isUnder(named, context)) continue
          const parent = named.effective.parentCode
          if (taken?.has(parent) === true) continue
          ;(taken ??= new Set()).add(parent)
          let alike = 0
          for (const other of matches) if (other.effective.parentCode === parent && isUnder(other, context)) alike++
          nodes.push({ named, at: position, length, alike })
          walk(position + length, named, consumed + length)
          nodes.pop()
        }
      })
    }
    walk(0, undefined, 0)
    return this.result(input, text, found.best as Candidate)
  }

  /** Reads the road, group and house number after the divisions read so far, and scores the reading. */
  private complete(text: string, nodes: readonly ReadDivision[], end: number, consumed: number): Omit<Candidate, 'divisions'> {
    const context = nodes.at(-1)?.named.effective
    let notes: string[] | undefined
    let score = consumed
    let county: DivisionVersion | undefined
    for (const node of nodes) {
      if (node.named.short) score -= 0.25
      if (node.named.depth === LEVEL_DEPTH.county) county = node.named.effective
    }
    if (context !== undefined && nodes[nodes.length - 1]?.named.code12.startsWith(this.data.home) === true) score += 0.5

    let road: NamedPlace | undefined
    let at = end
    // A road lies in a county; what the address states below the county does not bind it.
    const bound = county ?? (context !== undefined && LEVEL_DEPTH[context.level] < LEVEL_DEPTH.county ? context : undefined)
    this.placeNames.matchesAt(text, end, (length, matches) => {
      if (road !== undefined) return
      const inside = bound === undefined ? matches : matches.filter((named) => isWithin(named.place.divisionCode, bound))
      if (inside.length === 0) {
        ;(notes ??= []).push(`${text.slice(end, end + length)} is not in ${(county ?? context)?.name ?? ''}`)
        return
      }
      road = this.pickRoad(inside, text, end + length, (notes ??= []))
      at = end + length
      score += length
    })

    let group: string | undefined
    if (road === undefined) {
      const grouped = readGroup(text, at)
      if (grouped !== undefined) {
        group = grouped.group
        at = grouped.end
        score += 1
      }
    }
    let number: string | undefined
    const house = readHouseNumber(text, at)
    if (house !== undefined) {
      number = house.number
      at = house.end
      score += 2
      if (road !== undefined && this.roads.get((road as NamedPlace).place.id)?.byNumber.has(number.split('-')[0] as string)) score += 1
    } else if (road !== undefined && at < text.length) {
      // A road name followed by neither a number nor the end is more likely the start of
      // something else: 胜利街 in 胜利街道.
      score -= 1.5
    }
    return { road, number, group, restAt: at, notes, score }
  }

  /** Among roads of one name, the one that has the house number asked for; else the first, with a note. */
  private pickRoad(candidates: readonly NamedPlace[], text: string, after: number, notes: string[]): NamedPlace {
    if (candidates.length === 1) return candidates[0] as NamedPlace
    const number = readHouseNumber(text, after)?.number
    const numbered = number === undefined ? [] : candidates.filter((named) => this.roads.get(named.place.id)?.byNumber.has(number))
    const chosen = (numbered.length > 0 ? numbered : candidates)[0] as NamedPlace
    const counties = new Set(candidates.map((named) => named.place.divisionCode.slice(0, 6)))
    if (counties.size > 1) notes.push(`${chosen.place.name} is in ${counties.size} counties; the address names none`)
    return chosen
  }

  private result(input: string, text: string, candidate: Candidate): StandardAddress {
    const notes = [...(candidate.notes ?? [])]
    const stated = new Map<DivisionLevel, DivisionVersion>()
    for (const { named, at, length, alike } of candidate.divisions.nodes) {
      stated.set(named.effective.level, named.effective)
      if (named.today !== undefined) notes.push(`${named.version.name} is now ${named.today.name}`)
      if (alike > 1) notes.push(`${text.slice(at, at + length)} names ${alike} divisions there; the first is taken`)
    }
    const road = candidate.road
    if (road?.former !== undefined) notes.push(`${road.former.name} is now ${road.place.name} (since ${road.former.validTo})`)

    let quality: MatchQuality = 'none'
    let point: LonLat | null = null
    let addressPoint: AddressPoint | undefined
    if (road !== undefined) {
      const numbered = this.roads.get(road.place.id)
      // 105-5号 stands beside 105号: without a point of its own it takes that one.
      addressPoint =
        candidate.number === undefined
          ? undefined
          : (numbered?.byNumber.get(candidate.number) ?? numbered?.byNumber.get(candidate.number.split('-')[0] as string))
      if (addressPoint !== undefined) {
        quality = 'house-number'
        point = addressPoint.point
      } else {
        const interpolated = candidate.number === undefined || numbered === undefined ? undefined : interpolate(numbered, candidate.number)
        if (interpolated !== undefined) {
          quality = 'interpolated'
          point = interpolated
        } else {
          quality = 'road'
          point = representativePoint(road.place)
        }
      }
    }

    // What the address leaves out comes from the house's community or the road's division, where
    // that lies within the deepest division the address states.
    const deepestStated = LEVELS.map((level) => stated.get(level))
      .filter((version) => version !== undefined)
      .at(-1)
    const implied = addressPoint?.divisionCode ?? road?.place.divisionCode
    const deepestCode =
      implied !== undefined &&
      (deepestStated === undefined || (LEVEL_DEPTH[levelOfCode(implied)] > LEVEL_DEPTH[deepestStated.level] && isWithin(implied, deepestStated)))
        ? implied
        : deepestStated?.code
    const chain = deepestCode === undefined ? [] : this.chainOf(deepestCode)
    for (const version of chain) if (!stated.has(version.level)) stated.set(version.level, version)

    if (quality === 'none') {
      const deepestLevel = (['village', 'township', 'county', 'prefecture', 'province'] as const).find((level) => stated.has(level))
      if (deepestLevel !== undefined) quality = deepestLevel
    }
    if (point === null) {
      // The most precise division that has a point: its own, or its parent's.
      for (const level of ['village', 'township', 'county', 'prefecture', 'province'] as const) {
        const version = stated.get(level)
        const found = version === undefined ? undefined : this.pointOf(version.code)
        if (found === undefined) continue
        point = found
        break
      }
    }

    const components: AddressComponents = {
      ...this.component('province', stated),
      ...this.component('prefecture', stated),
      ...this.component('county', stated),
      ...this.component('township', stated),
      ...this.component('village', stated),
      ...(road === undefined ? {} : { road: road.place.name }),
      ...(candidate.number === undefined ? {} : { number: candidate.number }),
      ...(candidate.group === undefined ? {} : { group: candidate.group }),
      ...(candidate.restAt >= text.length ? {} : { detail: text.slice(candidate.restAt) }),
    }
    const head = `${components.province ?? ''}${components.prefecture ?? ''}${components.county ?? ''}`
    const house = candidate.number === undefined ? '' : `${candidate.number}号`
    const tail =
      road !== undefined
        ? `${road.place.name}${house}`
        : stated.has('township') || stated.has('village')
          ? `${components.township ?? ''}${components.village ?? ''}${candidate.group ?? ''}${house}`
          : ''
    const standard = head + tail
    const divisionVersion = LEVELS.map((level) => stated.get(level))
      .filter((version) => version !== undefined)
      .at(-1)
    return {
      input,
      quality,
      standard: standard === '' ? null : standard,
      divisionCode: divisionVersion === undefined ? null : statisticalCode(divisionVersion.code),
      point,
      components,
      ...(road === undefined ? {} : { placeId: road.place.id }),
      ...(addressPoint === undefined ? {} : { addressPointId: addressPoint.id }),
      notes,
    }
  }

  private component(level: DivisionLevel, stated: ReadonlyMap<DivisionLevel, DivisionVersion>): AddressComponents {
    const version = stated.get(level)
    if (version === undefined) return {}
    if (level === 'prefecture' && UNWRITTEN_PREFECTURES.test(version.name)) return {}
    return { [level]: level === 'village' ? addressVillageName(version.name) : version.name }
  }

  /** The current versions from the province down to the code, worked out once per code. */
  private chainOf(code: string): DivisionVersion[] {
    let chain = this.chains.get(code)
    if (chain !== undefined) return chain
    chain = []
    let version = this.data.divisions.current(code)
    while (version !== undefined) {
      chain.unshift(version)
      version = version.parentCode === null ? undefined : this.data.divisions.current(version.parentCode)
    }
    this.chains.set(code, chain)
    return chain
  }

  /** A division's point: its own, or for a township the middle of its villages'. */
  private pointOf(code: string): LonLat | undefined {
    const own = this.divisionPoint.get(code)
    if (own !== undefined || code.length !== 12 || !code.endsWith('000')) return own
    const prefix = code.slice(0, 9)
    const villages = this.villagesByCounty.get(code.slice(0, 6))
    if (villages === undefined) return undefined
    let x = 0
    let y = 0
    let count = 0
    for (const village of villages.codes) {
      if (!village.startsWith(prefix)) continue
      const point = this.divisionPoint.get(village) as LonLat
      x += point[0]
      y += point[1]
      count++
    }
    if (count === 0) return undefined
    const middle: LonLat = [x / count, y / count]
    this.divisionPoint.set(code, middle)
    return middle
  }

  /**
   * The divisions a point lies in, province first (county and above from boundaries, township and
   * village from the nearest village point of its county), and the nearest address.
   *
   * @example
   * gazetteer.reverse([123.4217, 41.7881]).address?.standard // '辽宁省沈阳市和平区三好街12号'
   */
  reverse(point: LonLat, options: ReverseOptions = {}): ReverseGeocode {
    const [lon, lat] = point
    const divisions: Array<ReverseGeocode['divisions'][number]> = []
    const county = this.counties.find(lon, lat)
    if (county !== undefined) {
      for (const version of this.chainOf(county)) divisions.push({ level: version.level, code: version.code, name: version.name, method: 'boundary' })
      const villages = this.villagesByCounty.get(county)
      if (villages !== undefined) {
        const nearest = villages.index.nearest(lon, lat)
        const chain = this.chainOf(villages.codes[nearest as number] as string)
        for (const version of chain.slice(3)) {
          divisions.push({
            level: version.level,
            code: version.code,
            name: version.level === 'village' ? addressVillageName(version.name) : version.name,
            method: 'nearest-point',
          })
        }
      }
    }
    const result: ReverseGeocode = { point, divisions }
    const nearest = this.addressIndex.nearest(lon, lat, options.maxAddressDistanceMetres ?? 500)
    if (nearest === undefined) return result
    const address = this.addressList[nearest] as AddressPoint
    return {
      ...result,
      address: {
        standard: this.standardOf(address),
        addressPointId: address.id,
        distanceMetres: Math.round(NearestIndex.metres(point, address.point) * 10) / 10,
        point: address.point,
      },
    }
  }

  /** The standard text of an address point: province, city, county, road, number. */
  standardOf(address: AddressPoint): string {
    const place = this.places.get(address.placeId)
    const chain = this.chainOf((place?.divisionCode ?? address.divisionCode).slice(0, 6))
    const head = chain
      .filter((version) => version.level !== 'prefecture' || !UNWRITTEN_PREFECTURES.test(version.name))
      .map((version) => version.name)
      .join('')
    return `${head}${place?.name ?? ''}${address.number}号`
  }
}

/** Between the nearest plain numbers below and above on the same side (odd or even), else the nearest. */
function interpolate(road: NumberedRoad, number: string): LonLat | undefined {
  if (!/^\d+(-\d+)?$/.test(number) || road.numbers.length === 0) return undefined
  const wanted = Number(number.split('-')[0])
  let below: number | undefined
  let above: number | undefined
  for (let i = 0; i < road.numbers.length; i++) {
    const value = road.numbers[i] as number
    if (value % 2 !== wanted % 2) continue
    if (value <= wanted) below = i
    else if (above === undefined) above = i
  }
  if (below === undefined && above === undefined) return undefined
  if (below === undefined || above === undefined) return (road.points[(below ?? above) as number] as AddressPoint).point
  const low = road.points[below] as AddressPoint
  const high = road.points[above] as AddressPoint
  const share = (wanted - (road.numbers[below] as number)) / ((road.numbers[above] as number) - (road.numbers[below] as number))
  return [low.point[0] + (high.point[0] - low.point[0]) * share, low.point[1] + (high.point[1] - low.point[1]) * share]
}

/** A point on a place: the middle vertex of a line, the first point of anything else. */
function representativePoint(place: Place): LonLat | null {
  const geometry = place.geometry
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0] as number, geometry.coordinates[1] as number]
    case 'LineString': {
      const middle = geometry.coordinates[Math.floor(geometry.coordinates.length / 2)]
      return middle === undefined ? null : [middle[0] as number, middle[1] as number]
    }
    case 'MultiLineString': {
      const line = geometry.coordinates[0] ?? []
      const middle = line[Math.floor(line.length / 2)]
      return middle === undefined ? null : [middle[0] as number, middle[1] as number]
    }
    case 'Polygon': {
      const first = geometry.coordinates[0]?.[0]
      return first === undefined ? null : [first[0] as number, first[1] as number]
    }
    default:
      return null
  }
}

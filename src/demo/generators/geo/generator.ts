import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { pinyin } from 'pinyin-pro'
import polygonClipping from 'polygon-clipping'
import { between, pickFrom, sfc32, type Random } from '../../synthetic.js'
import { shenyangBoundaries } from '../../../geo/divisions/boundaries.js'
import type { DivisionHistory } from '../../../geo/divisions/history.js'
import type { BoundaryVersion, LonLat } from '../../../geo/divisions/model.js'
import { addressVillageName } from '../../../geo/gazetteer/address-text.js'
import type { GazetteerData } from '../../../geo/gazetteer/gazetteer.js'
import type { AddressPoint, DivisionPoint, Place, PlaceType } from '../../../geo/gazetteer/model.js'
import { geometryBounds } from '../../../geo/spatial/bounds.js'
import { NearestIndex } from '../../../geo/spatial/nearest-index.js'
import { PolygonIndex } from '../../../geo/spatial/polygon-index.js'
import { DISTRICT_ROADS, MOVED_BOUNDARY, RENAMED_ROAD } from './roads.js'

/**
 * A generated but plausible Shenyang for demos, tests and benchmarks: roads and streets inside
 * the real district boundaries with house numbers, representative points for every community
 * and village, schools, hospitals, shelters, grid cells and buildings with heights, a renamed
 * road and a moved boundary. The same seed gives the same city.
 */

export interface GeoDemoOptions {
  readonly seed: number
  /** How many buildings; default 5 000. */
  readonly buildings?: number
}

/** A demo layer: its name, Chinese title and features. */
export interface DemoLayer {
  readonly name: string
  readonly title: string
  readonly features: FeatureCollection
}

export interface GeoDemo {
  /** Everything the gazetteer is built from (boundaries that hold now). */
  readonly gazetteer: GazetteerData
  /** Every boundary version, the moved boundary's earlier ones included. */
  readonly boundaryHistory: readonly BoundaryVersion[]
  readonly layers: readonly DemoLayer[]
}

/** House numbers 1–320 on every road: the generators write numbers up to 300. */
export const HOUSE_NUMBERS_PER_ROAD = 320
const URBAN = new Set(['210102', '210103', '210104', '210105', '210106'])
// Degrees per metre at Shenyang's latitude (about 41.8° N): good enough to lay out demo shapes.
const LAT_PER_M = 1 / 111_000
const LON_PER_M = 1 / 82_700
const FIRST_DAY = '1983-01-01'

type Ring = Position[]

/** A point inside a polygon, near `centre` within `spread` metres when given, else anywhere. */
function pointInside(random: Random, index: PolygonIndex<string>, box: readonly number[], centre?: LonLat, spread = 0): LonLat {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let x: number
    let y: number
    if (centre !== undefined && attempt < 5_000) {
      // Two uniform draws summed lean towards the centre without a long tail.
      x = centre[0] + (random() + random() - 1) * spread * LON_PER_M
      y = centre[1] + (random() + random() - 1) * spread * LAT_PER_M
    } else {
      x = (box[0] as number) + random() * ((box[2] as number) - (box[0] as number))
      y = (box[1] as number) + random() * ((box[3] as number) - (box[1] as number))
    }
    if (index.find(x, y) !== undefined) return [round(x), round(y)]
  }
  throw new Error('no point found inside the polygon')
}

const round = (value: number): number => Math.round(value * 1e7) / 1e7

/** Moves `metres` east and north of a point. */
const offset = (point: LonLat, east: number, north: number): LonLat => [round(point[0] + east * LON_PER_M), round(point[1] + north * LAT_PER_M)]

/** A gently bending line from `start` on a bearing, cut short where it would leave the polygon. */
function roadLine(random: Random, index: PolygonIndex<string>, start: LonLat, bearing: number, length: number): LonLat[] {
  const line: LonLat[] = [start]
  const steps = 6
  let heading = bearing
  for (let step = 0; step < steps; step++) {
    heading += (random() - 0.5) * 0.2
    const next = offset(line.at(-1) as LonLat, Math.sin(heading) * (length / steps), Math.cos(heading) * (length / steps))
    if (index.find(next[0], next[1]) === undefined) break
    line.push(next)
  }
  return line
}

/** A point `along` metres down a line, and the line's direction there (radians from north). */
function pointAlong(line: readonly LonLat[], along: number): { point: LonLat; bearing: number } {
  let left = along
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as LonLat
    const b = line[i + 1] as LonLat
    const east = (b[0] - a[0]) / LON_PER_M
    const north = (b[1] - a[1]) / LAT_PER_M
    const length = Math.hypot(east, north)
    if (left <= length || i + 2 === line.length) {
      const share = length === 0 ? 0 : Math.min(1, left / length)
      return { point: [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share], bearing: Math.atan2(east, north) }
    }
    left -= length
  }
  return { point: line[0] as LonLat, bearing: 0 }
}

function lineLength(line: readonly LonLat[]): number {
  let total = 0
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as LonLat
    const b = line[i + 1] as LonLat
    total += Math.hypot((b[0] - a[0]) / LON_PER_M, (b[1] - a[1]) / LAT_PER_M)
  }
  return total
}

/** A rectangle `width` × `depth` metres centred on a point, turned to a bearing. */
function rectangle(centre: LonLat, bearing: number, width: number, depth: number): Ring {
  const along = [Math.sin(bearing), Math.cos(bearing)] as const
  const across = [Math.cos(bearing), -Math.sin(bearing)] as const
  const corners = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
    [-1, -1],
  ] as const
  return corners.map(([a, b]) => {
    const east = (a * width * along[0] + b * depth * across[0]) / 2
    const north = (a * width * along[1] + b * depth * across[1]) / 2
    return [...offset(centre, east, north)]
  })
}

function placeType(name: string): PlaceType {
  return /(街|巷|胡同)$/.test(name) ? 'street' : 'road'
}

const pinyinOf = (name: string): string => pinyin(name, { toneType: 'none', type: 'string' })

/**
 * Generates the demo city over the real district boundaries and the present communities and
 * villages (the history must hold Shenyang's townships and villages: load it with `below: ['2101']`).
 *
 * @example
 * const demo = generateGeoDemo(DivisionHistory.load({ below: ['2101'] }), { seed: 20260101 })
 * new Gazetteer(demo.gazetteer).standardise('沈阳市和平区南京北街100号').quality // 'house-number'
 */
export function generateGeoDemo(history: DivisionHistory, options: GeoDemoOptions): GeoDemo {
  const random = sfc32(options.seed)
  const boundaries = shenyangBoundaries(history)
  const districtIndex = new Map(boundaries.map((boundary) => [boundary.code, new PolygonIndex([{ value: boundary.code, geometry: boundary.geometry }])]))
  const boxes = new Map(boundaries.map((boundary) => [boundary.code, geometryBounds(boundary.geometry)]))

  // Communities and villages: urban communities gather near the district's centre, villages spread out.
  const divisionPoints: DivisionPoint[] = []
  const communitiesByCounty = new Map<string, Array<{ code: string; point: LonLat }>>()
  const places: Place[] = []
  for (const boundary of boundaries) {
    const index = districtIndex.get(boundary.code) as PolygonIndex<string>
    const box = boxes.get(boundary.code) as number[]
    const spread = URBAN.has(boundary.code) ? 2_500 : 6_000
    for (const township of history.childrenAt(boundary.code, '9999-12-31')) {
      for (const village of history.childrenAt(township.code, '9999-12-31')) {
        const rural = village.code.charAt(9) >= '2'
        const point = rural ? pointInside(random, index, box) : pointInside(random, index, box, boundary.point, spread)
        divisionPoints.push({ code: village.code, point })
        const list = communitiesByCounty.get(boundary.code)
        if (list === undefined) communitiesByCounty.set(boundary.code, [{ code: village.code, point }])
        else list.push({ code: village.code, point })
        if (rural) {
          const name = addressVillageName(village.name)
          places.push(settlement(`settlement-${village.code}`, name, village.code, point))
        }
      }
    }
  }
  const communityIndex = new Map(
    [...communitiesByCounty].map(([county, list]) => [county, { index: new NearestIndex(list.map((entry) => entry.point)), list }] as const),
  )
  const communityAt = (county: string, point: LonLat): string => {
    const found = communityIndex.get(county)
    if (found === undefined) return `${county}000000`
    return (found.list[found.index.nearest(point[0], point[1]) as number] as { code: string }).code
  }

  // Roads and their house numbers.
  const addressPoints: AddressPoint[] = []
  const roadLines = new Map<string, { line: LonLat[]; county: string }>()
  for (const boundary of boundaries) {
    const index = districtIndex.get(boundary.code) as PolygonIndex<string>
    const box = boxes.get(boundary.code) as number[]
    const urban = URBAN.has(boundary.code)
    for (const name of DISTRICT_ROADS[boundary.code] ?? []) {
      const id = `road-${boundary.code}-${name}`
      // A road whose houses would fall outside the district (a line along a bend of the boundary) is drawn again.
      let line: LonLat[] = []
      let houses: LonLat[] = []
      for (let attempt = 0; attempt < 100 && houses.length === 0; attempt++) {
        const start = pointInside(random, index, box, boundary.point, urban ? 2_000 : 3_000)
        const bearing = (placeType(name) === 'street' ? 0 : Math.PI / 2) + (random() - 0.5) * 0.5 + (random() < 0.5 ? Math.PI : 0)
        line = roadLine(random, index, start, bearing, between(random, 2_000, 4_500))
        if (lineLength(line) < 800) continue
        const candidates = houseNumbers(line)
        if (candidates.every((house) => index.find(house[0], house[1]) !== undefined)) houses = candidates
      }
      if (houses.length === 0) throw new Error(`no room for ${name} in ${boundary.code}`)
      roadLines.set(id, { line, county: boundary.code })
      const renamed = boundary.code === RENAMED_ROAD.code && name === RENAMED_ROAD.name
      places.push({
        id,
        name,
        pinyin: pinyinOf(name),
        type: placeType(name),
        divisionCode: boundary.code,
        geometry: { type: 'LineString', coordinates: line.map((point) => [...point]) },
        formerNames: renamed ? [{ name: RENAMED_ROAD.formerName, validFrom: FIRST_DAY, validTo: RENAMED_ROAD.renamedOn }] : [],
        validFrom: renamed ? RENAMED_ROAD.renamedOn : FIRST_DAY,
        validTo: null,
      })
      houses.forEach((house, index) => {
        const number = String(index + 1)
        addressPoints.push({ id: `${id}-${number}`, placeId: id, number, divisionCode: communityAt(boundary.code, house), point: house })
      })
    }
  }

  places.push(...landmarks(random, roadLines))
  const layers = demoLayers(random, history, boundaries, addressPoints, places, options.buildings ?? 5_000)
  return {
    gazetteer: { divisions: history, boundaries, divisionPoints, places, addressPoints, home: '2101' },
    boundaryHistory: boundaryHistory(history, boundaries),
    layers,
  }
}

/** Points of house numbers 1 … {@link HOUSE_NUMBERS_PER_ROAD} along a road: odd on the left, even on the right, 20 m off the line. */
function houseNumbers(line: readonly LonLat[]): LonLat[] {
  const length = lineLength(line)
  const houses: LonLat[] = []
  for (let number = 1; number <= HOUSE_NUMBERS_PER_ROAD; number++) {
    const { point, bearing } = pointAlong(line, (Math.ceil(number / 2) / (HOUSE_NUMBERS_PER_ROAD / 2 + 1)) * length)
    const side = number % 2 === 1 ? -1 : 1
    houses.push(offset(point, side * Math.cos(bearing) * 20, -side * Math.sin(bearing) * 20))
  }
  return houses
}

function settlement(id: string, name: string, code: string, point: LonLat): Place {
  return {
    id,
    name,
    pinyin: pinyinOf(name),
    type: 'settlement',
    divisionCode: code,
    geometry: { type: 'Point', coordinates: [...point] },
    formerNames: [],
    validFrom: FIRST_DAY,
    validTo: null,
  }
}

/** The 浑河 across the city, and bridges where roads of the river's districts meet it. */
function landmarks(random: Random, roadLines: ReadonlyMap<string, { line: LonLat[]; county: string }>): Place[] {
  const river: LonLat[] = [
    [123.66, 41.83],
    [123.56, 41.79],
    [123.47, 41.765],
    [123.4, 41.755],
    [123.32, 41.74],
    [123.22, 41.7],
    [123.1, 41.62],
  ]
  const places: Place[] = [
    {
      id: 'natural-hunhe',
      name: '浑河',
      pinyin: pinyinOf('浑河'),
      type: 'natural',
      divisionCode: '210100',
      geometry: { type: 'LineString', coordinates: river.map((point) => [...point]) },
      formerNames: [],
      validFrom: FIRST_DAY,
      validTo: null,
    },
  ]
  const bridges = ['富民桥', '长青桥', '浑河大桥', '三好桥', '南湖桥', '胜利桥']
  bridges.forEach((name, index) => {
    const { point } = pointAlong(river, 12_000 + index * 4_500 + random() * 1_000)
    const near = [...roadLines.values()].find((road) => road.county === '210102' || road.county === '210112')
    places.push({
      id: `bridge-${index + 1}`,
      name,
      pinyin: pinyinOf(name),
      type: 'bridge',
      divisionCode: near?.county ?? '210102',
      geometry: { type: 'Point', coordinates: [round(point[0]), round(point[1])] },
      formerNames: [],
      validFrom: FIRST_DAY,
      validTo: null,
    })
  })
  return places
}

const pointFeature = (point: LonLat, properties: Record<string, unknown>, id: string): Feature<Point> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [...point] },
  properties,
})

function demoLayers(
  random: Random,
  history: DivisionHistory,
  boundaries: readonly BoundaryVersion[],
  addressPoints: readonly AddressPoint[],
  places: readonly Place[],
  buildingCount: number,
): DemoLayer[] {
  const placeById = new Map(places.map((place) => [place.id, place]))
  const countyName = (code: string): string => history.current(code)?.name ?? code
  const addressOf = (point: AddressPoint): string => {
    const place = placeById.get(point.placeId) as Place
    return `辽宁省沈阳市${countyName(place.divisionCode)}${place.name}${point.number}号`
  }
  const onRoadsOf = (county: string): AddressPoint[] => addressPoints.filter((point) => point.placeId.startsWith(`road-${county}-`))

  const schools: Feature[] = []
  const hospitals: Feature[] = []
  const shelters: Feature[] = []
  for (const boundary of boundaries) {
    const points = onRoadsOf(boundary.code)
    const district = countyName(boundary.code)
    const government = district.endsWith('区') ? `沈阳市${district}` : district
    const schoolCount = URBAN.has(boundary.code) ? 30 : 15
    for (let i = 1; i <= schoolCount; i++) {
      const at = pickFrom(random, points)
      const road = (placeById.get(at.placeId) as Place).name
      const kind = pickFrom(random, ['小学', '小学', '中学', '幼儿园'])
      const name = `${government}${road}${kind === '中学' ? '第' + i + '中学' : '第' + i + kind}`
      schools.push(pointFeature(at.point, { name, kind, address: addressOf(at), division_code: at.divisionCode }, `school-${boundary.code}-${i}`))
    }
    hospitals.push(
      pointFeature(boundary.point, { name: `${government}人民医院`, level: '二级甲等', beds: between(random, 300, 900) }, `hospital-${boundary.code}-1`),
    )
    for (let i = 1; i <= 4; i++) {
      const at = pickFrom(random, points)
      const community = history.current(at.divisionCode)?.name ?? ''
      hospitals.push(
        pointFeature(
          at.point,
          { name: `${addressVillageName(community)}卫生服务中心`, level: '一级', beds: between(random, 0, 40), address: addressOf(at) },
          `hospital-${boundary.code}-${i + 1}`,
        ),
      )
    }
    for (let i = 1; i <= 6; i++) {
      const at = pickFrom(random, points)
      const centre = offset(at.point, (random() - 0.5) * 200, (random() - 0.5) * 200)
      const size = between(random, 80, 250)
      shelters.push({
        type: 'Feature',
        id: `shelter-${boundary.code}-${i}`,
        geometry: { type: 'Polygon', coordinates: [rectangle(centre, random() * Math.PI, size, size * 0.7)] },
        properties: {
          name: `${district}第${i}应急避难场所`,
          capacity: Math.round((size * size * 0.7) / 2),
          kind: pickFrom(random, ['公园', '广场', '学校操场', '体育场']),
        },
      })
    }
  }

  const grid = gridCells(boundaries)
  const buildings: Feature[] = []
  for (let i = 0; i < buildingCount; i++) {
    const at = addressPoints[Math.floor(random() * addressPoints.length)] as AddressPoint
    const road = placeById.get(at.placeId) as Place
    const urban = URBAN.has(road.divisionCode)
    const floors = urban ? between(random, 4, 33) : between(random, 1, 12)
    const line = (road.geometry as LineString).coordinates as unknown as LonLat[]
    const bearing = pointAlong(line, 0).bearing
    const centre = offset(at.point, (random() - 0.5) * 30, (random() - 0.5) * 30)
    buildings.push({
      type: 'Feature',
      id: `building-${i + 1}`,
      geometry: { type: 'Polygon', coordinates: [rectangle(centre, bearing, between(random, 15, 60), between(random, 10, 20))] },
      properties: {
        address: addressOf(at),
        floors,
        height: Math.round(floors * 3.1 * 10) / 10,
        base_elevation: between(random, 38, 62),
        use: pickFrom(random, ['住宅', '住宅', '住宅', '商业', '办公', '公共服务']),
      },
    })
  }
  const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
  return [
    { name: 'schools', title: '学校', features: collection(schools) },
    { name: 'hospitals', title: '医疗机构', features: collection(hospitals) },
    { name: 'shelters', title: '应急避难场所', features: collection(shelters) },
    { name: 'grid-cells', title: '网格', features: collection(grid) },
    { name: 'buildings', title: '建筑物', features: collection(buildings) },
  ]
}

/** Square grid cells (网格): 500 m in the five central districts, 2 km elsewhere; a cell belongs where its centre lies. */
function gridCells(boundaries: readonly BoundaryVersion[]): Feature[] {
  const cells: Feature[] = []
  for (const boundary of boundaries) {
    const index = new PolygonIndex([{ value: boundary.code, geometry: boundary.geometry }])
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = geometryBounds(boundary.geometry)
    const size = URBAN.has(boundary.code) ? 500 : 2_000
    const dx = size * LON_PER_M
    const dy = size * LAT_PER_M
    let row = 0
    for (let y = minY; y < maxY; y += dy, row++) {
      let column = 0
      for (let x = minX; x < maxX; x += dx, column++) {
        if (index.find(x + dx / 2, y + dy / 2) === undefined) continue
        const ring: Ring = [
          [round(x), round(y)],
          [round(x + dx), round(y)],
          [round(x + dx), round(y + dy)],
          [round(x), round(y + dy)],
          [round(x), round(y)],
        ]
        const id = `${boundary.code}-${String(row).padStart(3, '0')}-${String(column).padStart(3, '0')}`
        cells.push({
          type: 'Feature',
          id: `grid-${id}`,
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: { grid_code: id, division_code: boundary.code, size_m: size },
        })
      }
    }
  }
  return cells
}

/**
 * The boundary versions: today's, and for the moved boundary the earlier ones (和平区 without, and
 * 东陵区 with, the part south of a line that came over in 2004).
 */
function boundaryHistory(history: DivisionHistory, boundaries: readonly BoundaryVersion[]): BoundaryVersion[] {
  const to = boundaries.find((boundary) => boundary.code === MOVED_BOUNDARY.to) as BoundaryVersion
  const from = boundaries.find((boundary) => boundary.code === MOVED_BOUNDARY.from) as BoundaryVersion
  const [minX = 0, minY = 0, maxX = 0] = geometryBounds(to.geometry)
  const south: polygonClipping.Polygon = [
    [
      [minX - 0.01, minY - 0.01],
      [maxX + 0.01, minY - 0.01],
      [maxX + 0.01, MOVED_BOUNDARY.southOf],
      [minX - 0.01, MOVED_BOUNDARY.southOf],
      [minX - 0.01, minY - 0.01],
    ],
  ]
  const moved = polygonClipping.intersection(to.geometry.coordinates as polygonClipping.Geom, south)
  const asGeometry = (parts: polygonClipping.MultiPolygon): Polygon | MultiPolygon =>
    parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] as Position[][] } : { type: 'MultiPolygon', coordinates: parts as Position[][][] }
  const toBefore = asGeometry(polygonClipping.difference(to.geometry.coordinates as polygonClipping.Geom, moved))
  const fromBefore = asGeometry(polygonClipping.union(from.geometry.coordinates as polygonClipping.Geom, moved))
  const firstDay = (code: string): string => history.versions(code)[0]?.validFrom ?? FIRST_DAY
  const generated = 'generated (demo): the 2004 transfer of 长白 (辽政〔2004〕78号) drawn along a line of latitude'
  return [
    ...boundaries.filter((boundary) => boundary.code !== to.code && boundary.code !== from.code),
    { code: to.code, validFrom: firstDay(to.code), validTo: MOVED_BOUNDARY.on, geometry: toBefore, point: to.point, source: generated },
    { ...to, validFrom: MOVED_BOUNDARY.on },
    { code: from.code, validFrom: firstDay(from.code), validTo: MOVED_BOUNDARY.on, geometry: fromBefore, point: from.point, source: generated },
    { ...from, validFrom: MOVED_BOUNDARY.on },
  ]
}

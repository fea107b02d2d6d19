import type { MultiPolygon, Position } from 'geojson'
import proj4 from 'proj4'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import type { GeoFeature } from '../features/geometry.js'

/** A building for LoD1: its footprint and the heights that make a block of it. */
export interface BuildingHeights {
  /** Height above the base, metres. */
  readonly height: number
  /** Ground elevation under the building, metres. */
  readonly baseElevation: number
  readonly floors?: number
}

/** The CityJSON document: https://www.cityjson.org/specs/1.1.3/ */
export interface CityJson {
  readonly type: 'CityJSON'
  readonly version: '1.1'
  readonly transform: { readonly scale: readonly [number, number, number]; readonly translate: readonly [number, number, number] }
  readonly metadata: { readonly referenceSystem: string; readonly geographicalExtent: readonly number[]; readonly title?: string }
  readonly CityObjects: Record<string, { readonly type: 'Building'; readonly attributes: Record<string, unknown>; readonly geometry: readonly unknown[] }>
  readonly vertices: Array<[number, number, number]>
}

export interface CityJsonOptions {
  readonly title?: string
  /** Attribute names for height, base elevation and floors; default `height`, `base_elevation`, `floors`. */
  readonly fields?: { readonly height?: string; readonly baseElevation?: string; readonly floors?: string }
}

/** Millimetres: CityJSON stores integer vertices scaled by the transform. */
const SCALE = 0.001

/**
 * The CGCS2000 3-degree Gauss–Krüger zone (without the zone number in the false easting) whose
 * central meridian is nearest to a longitude: EPSG:4534 (75° E) … 4554 (135° E). Shenyang,
 * around 123.4° E, is EPSG:4550.
 */
export function gaussKrugerZone(longitude: number): { epsg: number; definition: string } {
  const centralMeridian = Math.min(135, Math.max(75, Math.round(longitude / 3) * 3))
  return {
    epsg: 4534 + (centralMeridian - 75) / 3,
    definition: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  }
}

/** Twice the signed area of a ring: positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as Position
    const [x2 = 0, y2 = 0] = ring[i + 1] as Position
    sum += x1 * y2 - x2 * y1
  }
  return sum
}

/**
 * Buildings as CityJSON 1.1 LoD1 solids: each footprint (in CGCS2000 longitude/latitude)
 * projected with proj4 to the CGCS2000 Gauss–Krüger zone of the buildings, extruded from its base
 * elevation to base + height, with surfaces turned outwards as the spec asks (floor facing down,
 * roof up, walls out; courtyards as holes with their inner walls). A building without a height,
 * or with a footprint that is not a polygon, is named in an HT_VALIDATION error and nothing is
 * written.
 *
 * @example
 * const city = buildingsToCityJson(buildings, { title: '沈阳市建筑物' })
 * city.metadata.referenceSystem // 'https://www.opengis.net/def/crs/EPSG/0/4550'
 */
export function buildingsToCityJson(buildings: readonly GeoFeature[], options: CityJsonOptions = {}): CityJson {
  const heightField = options.fields?.height ?? 'height'
  const baseField = options.fields?.baseElevation ?? 'base_elevation'
  const floorsField = options.fields?.floors ?? 'floors'
  const problems: FieldProblem[] = []
  buildings.forEach((building, index) => {
    const row = index + 1
    if (building.geometry.type !== 'Polygon' && building.geometry.type !== 'MultiPolygon')
      problems.push({ row, field: 'geometry', message: 'a building footprint is a polygon' })
    const height = building.properties[heightField]
    if (typeof height !== 'number' || !(height > 0)) problems.push({ row, field: heightField, message: 'a building needs a height above 0 metres' })
    const base = building.properties[baseField]
    if (base !== undefined && base !== null && typeof base !== 'number')
      problems.push({ row, field: baseField, message: 'the base elevation is a number of metres' })
  })
  if (problems.length > 0) throw new AppError('HT_VALIDATION', `${problems.length} problem(s) with the buildings; nothing was exported`, problems.slice(0, 100))

  let sumLon = 0
  let count = 0
  for (const building of buildings) {
    const ring = (building.geometry.type === 'Polygon' ? building.geometry.coordinates[0] : (building.geometry as MultiPolygon).coordinates[0]?.[0]) ?? []
    for (const position of ring) {
      sumLon += position[0] as number
      count++
    }
  }
  const zone = gaussKrugerZone(count === 0 ? 123 : sumLon / count)
  const project = proj4('+proj=longlat +ellps=GRS80 +no_defs', zone.definition)

  // Vertices in metres first; the transform's translate is their minimum, so stored integers stay small.
  const metres: Array<[number, number, number]> = []
  const cityObjects: Record<string, { type: 'Building'; attributes: Record<string, unknown>; geometry: unknown[] }> = {}
  buildings.forEach((building, index) => {
    const height = building.properties[heightField] as number
    const base = (building.properties[baseField] as number | null | undefined) ?? 0
    const polygons = building.geometry.type === 'Polygon' ? [building.geometry.coordinates] : (building.geometry as MultiPolygon).coordinates
    const shells = polygons.map((rings) => solidShell(rings, base, base + height, project, metres))
    const id = String(building.id ?? `building-${index + 1}`)
    const floors = building.properties[floorsField]
    const attributes: Record<string, unknown> = {
      ...building.properties,
      measuredHeight: height,
      ...(typeof floors === 'number' ? { storeysAboveGround: floors } : {}),
    }
    cityObjects[id] = {
      type: 'Building',
      attributes,
      geometry: [{ type: shells.length === 1 ? 'Solid' : 'CompositeSolid', lod: '1', boundaries: shells.length === 1 ? shells[0] : shells }],
    }
  })

  const min: [number, number, number] = [Infinity, Infinity, Infinity]
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity]
  for (const vertex of metres) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis] as number, vertex[axis] as number)
      max[axis] = Math.max(max[axis] as number, vertex[axis] as number)
    }
  }
  const translate: [number, number, number] = metres.length === 0 ? [0, 0, 0] : [min[0], min[1], min[2]]
  const vertices = metres.map((vertex): [number, number, number] => [
    Math.round((vertex[0] - translate[0]) / SCALE),
    Math.round((vertex[1] - translate[1]) / SCALE),
    Math.round((vertex[2] - translate[2]) / SCALE),
  ])
  return {
    type: 'CityJSON',
    version: '1.1',
    transform: { scale: [SCALE, SCALE, SCALE], translate },
    metadata: {
      referenceSystem: `https://www.opengis.net/def/crs/EPSG/0/${zone.epsg}`,
      geographicalExtent: metres.length === 0 ? [0, 0, 0, 0, 0, 0] : [...min, ...max],
      ...(options.title === undefined ? {} : { title: options.title }),
    },
    CityObjects: cityObjects,
    vertices,
  }
}

/**
 * One extruded polygon as the boundaries of a CityJSON Solid: a single outer shell of surfaces,
 * each a list of rings of vertex indices. The outer ring runs counter-clockwise seen from above,
 * holes clockwise; the floor reverses them so it faces down, walls follow each edge outward.
 */
function solidShell(rings: Position[][], bottom: number, top: number, project: proj4.Converter, vertices: Array<[number, number, number]>): number[][][][] {
  const projected = rings.map((ring, index) => {
    const open = ring.slice(0, -1).map((position) => project.forward([position[0] as number, position[1] as number]))
    const counterClockwise = signedArea([...open, open[0] as Position]) > 0
    // Outer ring counter-clockwise, holes clockwise.
    return (index === 0) === counterClockwise ? open : open.reverse()
  })
  const bottomIndex: number[][] = []
  const topIndex: number[][] = []
  for (const ring of projected) {
    const lower: number[] = []
    const upper: number[] = []
    for (const [x = 0, y = 0] of ring) {
      lower.push(vertices.push([x, y, bottom]) - 1)
      upper.push(vertices.push([x, y, top]) - 1)
    }
    bottomIndex.push(lower)
    topIndex.push(upper)
  }
  const surfaces: number[][][] = []
  surfaces.push(bottomIndex.map((ring) => [...ring].reverse()))
  surfaces.push(topIndex.map((ring) => [...ring]))
  bottomIndex.forEach((lower, ringIndex) => {
    const upper = topIndex[ringIndex] as number[]
    for (let i = 0; i < lower.length; i++) {
      const next = (i + 1) % lower.length
      surfaces.push([[lower[i] as number, lower[next] as number, upper[next] as number, upper[i] as number]])
    }
  })
  return [surfaces]
}

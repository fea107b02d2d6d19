import kinks from '@turf/kinks'
import type { Geometry, Polygon, Position } from 'geojson'
import type { PositionConverter } from './crs.js'

/** A feature of a layer: CGCS2000 geometry and attributes. */
export interface GeoFeature {
  readonly id?: string | number
  readonly geometry: Geometry
  readonly properties: Readonly<Record<string, unknown>>
}

/** Longitude and latitude bounds: west, south, east, north. */
export type Extent = readonly [number, number, number, number]

/** China with its seas, west to east and south to north: where a city registry's features lie. */
export const CHINA_EXTENT: Extent = [73.4, 3.3, 135.1, 53.6]

export interface CheckGeometryOptions {
  /** Converts each position to CGCS2000; positions are checked after converting. */
  readonly convert: PositionConverter
  /** Whether the declared CRS has degrees: coordinates in metres under a geographic CRS mean it was not declared. */
  readonly geographic: boolean
  /** Where features must lie; default {@link CHINA_EXTENT}. */
  readonly extent?: Extent
}

type CheckedGeometry = { readonly geometry: Geometry; readonly problems: readonly [] } | { readonly geometry?: undefined; readonly problems: readonly string[] }

const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'])
const MAX_PROBLEMS_PER_GEOMETRY = 5

const formatPosition = (position: readonly number[]): string => `(${position.map((value) => Number(value.toFixed(6))).join(', ')})`

/**
 * Checks a geometry as it arrives (GeoJSON shape, in the declared CRS), converts it to CGCS2000
 * and checks it again there: positions are numbers, rings are closed and have four positions,
 * lines two; coordinates are in range, longitude first, inside the extent; polygons do not
 * intersect themselves. Returns the converted geometry, or the problems (a few at most, each
 * naming where).
 *
 * @example
 * checkGeometry({ type: 'Point', coordinates: [41.79, 123.42] }, { convert: (p) => [...p], geographic: true }).problems
 * // ['(41.79, 123.42) looks like latitude, longitude: put longitude first']
 */
export function checkGeometry(value: unknown, options: CheckGeometryOptions): CheckedGeometry {
  const problems: string[] = []
  const shape = shapeOf(value, problems, '')
  if (shape === undefined || problems.length > 0) return { problems: problems.slice(0, MAX_PROBLEMS_PER_GEOMETRY) }
  const converted = convertGeometry(shape, options.convert)
  checkPositions(converted, options, problems)
  if (problems.length === 0) checkTopology(converted, problems)
  return problems.length === 0 ? { geometry: converted, problems: [] } : { problems: problems.slice(0, MAX_PROBLEMS_PER_GEOMETRY) }
}

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((ordinate) => typeof ordinate === 'number' && Number.isFinite(ordinate))
  )
}

/** Position arrays nested `depth` deep (0: a position), or a problem naming the path. */
function positions(value: unknown, depth: number, problems: string[], path: string): boolean {
  if (depth === 0) {
    if (isPosition(value)) return true
    problems.push(`${path || 'coordinates'} is not a position of two or three numbers`)
    return false
  }
  if (!Array.isArray(value)) {
    problems.push(`${path || 'coordinates'} is not an array`)
    return false
  }
  return value.every((item, index) => positions(item, depth - 1, problems, `${path}[${index}]`))
}

const DEPTH: Readonly<Record<string, number>> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }

function shapeOf(value: unknown, problems: string[], path: string): Geometry | undefined {
  if (value === null || value === undefined) {
    problems.push('the feature has no geometry')
    return undefined
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}geometry is not an object`)
    return undefined
  }
  const record = value as Record<string, unknown>
  const type = record.type
  if (typeof type !== 'string' || !TYPES.has(type)) {
    problems.push(`${path}type ${JSON.stringify(type)} is not a GeoJSON geometry type`)
    return undefined
  }
  if (type === 'GeometryCollection') {
    if (!Array.isArray(record.geometries) || record.geometries.length === 0) {
      problems.push(`${path}geometries is empty or missing`)
      return undefined
    }
    const geometries = record.geometries.map((member, index) => shapeOf(member, problems, `${path}geometries[${index}].`))
    return problems.length > 0 ? undefined : { type: 'GeometryCollection', geometries: geometries as Geometry[] }
  }
  const coordinates = record.coordinates
  if (Array.isArray(coordinates) && coordinates.length === 0) {
    problems.push(`${path}${type} is empty`)
    return undefined
  }
  if (!positions(coordinates, DEPTH[type] as number, problems, `${path}coordinates`)) return undefined
  return { type, coordinates } as Geometry
}

function convertGeometry(geometry: Geometry, convert: PositionConverter): Geometry {
  const map = (value: unknown, depth: number): unknown => (depth === 0 ? convert(value as number[]) : (value as unknown[]).map((item) => map(item, depth - 1)))
  if (geometry.type === 'GeometryCollection')
    return { type: 'GeometryCollection', geometries: geometry.geometries.map((member) => convertGeometry(member, convert)) }
  return { type: geometry.type, coordinates: map(geometry.coordinates, DEPTH[geometry.type] as number) } as Geometry
}

function eachPosition(geometry: Geometry, visit: (position: Position) => boolean): void {
  const walk = (value: unknown, depth: number): boolean =>
    depth === 0 ? visit(value as Position) : (value as unknown[]).every((item) => walk(item, depth - 1))
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries) eachPosition(member, visit)
    return
  }
  walk(geometry.coordinates, DEPTH[geometry.type] as number)
}

function checkPositions(geometry: Geometry, options: CheckGeometryOptions, problems: string[]): void {
  const [west, south, east, north] = options.extent ?? CHINA_EXTENT
  const inside = (x: number, y: number): boolean => x >= west && x <= east && y >= south && y <= north
  eachPosition(geometry, (position) => {
    const [x = 0, y = 0] = position
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      problems.push(`a position did not convert to CGCS2000 (${formatPosition(position)})`)
    } else if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      if (options.geographic && inside(y, x)) problems.push(`${formatPosition(position)} looks like latitude, longitude: put longitude first`)
      else if (options.geographic && (Math.abs(x) > 1000 || Math.abs(y) > 1000))
        problems.push(`${formatPosition(position)} looks like metres, not degrees: declare the layer's CRS`)
      else problems.push(`${formatPosition(position)} is out of range: longitude −180…180, latitude −90…90`)
    } else if (!inside(x, y)) {
      problems.push(
        options.geographic && inside(y, x)
          ? `${formatPosition(position)} looks like latitude, longitude: put longitude first`
          : `${formatPosition(position)} lies outside the area the registry covers (${west}…${east} E, ${south}…${north} N): check the layer's CRS`,
      )
    }
    return problems.length === 0
  })
}

const samePosition = (a: Position | undefined, b: Position | undefined): boolean => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1]

function checkTopology(geometry: Geometry, problems: string[]): void {
  switch (geometry.type) {
    case 'LineString':
      if (geometry.coordinates.length < 2) problems.push('a line needs at least two positions')
      return
    case 'MultiLineString':
      geometry.coordinates.forEach((line, index) => {
        if (line.length < 2) problems.push(`line ${index + 1} needs at least two positions`)
      })
      return
    case 'Polygon':
      checkPolygon(geometry.coordinates, problems, '')
      return
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon, index) => checkPolygon(polygon, problems, `polygon ${index + 1}: `))
      return
    case 'GeometryCollection':
      for (const member of geometry.geometries) checkTopology(member, problems)
      return
    default:
      return
  }
}

function checkPolygon(rings: Position[][], problems: string[], prefix: string): void {
  const before = problems.length
  rings.forEach((ring, index) => {
    const name = index === 0 ? 'the outer ring' : `hole ${index}`
    if (ring.length < 4) problems.push(`${prefix}${name} has ${ring.length} positions; a ring needs at least four, the last repeating the first`)
    else if (!samePosition(ring[0], ring.at(-1)))
      problems.push(
        `${prefix}${name} is not closed: its last position ${formatPosition(ring.at(-1) as Position)} differs from its first ${formatPosition(ring[0] as Position)}`,
      )
  })
  if (problems.length > before) return
  const polygon: Polygon = { type: 'Polygon', coordinates: rings }
  const crossing = kinks(polygon).features[0]
  if (crossing !== undefined) problems.push(`${prefix}the polygon intersects itself at ${formatPosition(crossing.geometry.coordinates)}`)
}

import booleanIntersects from '@turf/boolean-intersects'
import type BetterSqlite3 from 'better-sqlite3'
import type { Geometry } from 'geojson'
import { decodeGeoPackageGeometry } from '../features/geopackage.js'
import { SQLITE_INTERSECTS } from './sql.js'

/** A stored geometry: GeoJSON text, or a GeoPackage binary geometry. */
function geometryOf(value: unknown): Geometry | null {
  if (value === null || value === undefined) return null
  if (Buffer.isBuffer(value)) return decodeGeoPackageGeometry(value)
  return JSON.parse(String(value)) as Geometry
}

/**
 * Registers the spatial functions CQL2 filters call on a SQLite connection: {@link SQLITE_INTERSECTS}
 * (a, b) is 1 when two geometries intersect, 0 when not, NULL when either is NULL. Each argument
 * is GeoJSON text or a GeoPackage binary geometry; the literal side, the same on every row, is
 * parsed once per query.
 *
 * @example
 * registerSqliteSpatialFunctions(database.sqlite)
 */
export function registerSqliteSpatialFunctions(connection: BetterSqlite3.Database): void {
  let lastText: string | undefined
  let lastGeometry: Geometry | null = null
  const parse = (value: unknown): Geometry | null => {
    if (typeof value !== 'string') return geometryOf(value)
    if (value !== lastText) {
      lastGeometry = geometryOf(value)
      lastText = value
    }
    return lastGeometry
  }
  connection.function(SQLITE_INTERSECTS, { deterministic: true }, (a: unknown, b: unknown) => {
    const left = geometryOf(a)
    const right = parse(b)
    if (left === null || right === null) return null
    return booleanIntersects(left, right) ? 1 : 0
  })
}

import type { Geometry, Position } from 'geojson'

/** West, south, east, north. */
export type Bounds = [number, number, number, number]

/**
 * The bounding box of a geometry: west, south, east, north (infinite for an empty one).
 *
 * @example
 * geometryBounds({ type: 'LineString', coordinates: [[123.4, 41.8], [123.5, 41.7]] }) // [123.4, 41.7, 123.5, 41.8]
 */
export function geometryBounds(geometry: Geometry): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown): void => {
    if (typeof (value as Position)[0] === 'number') {
      const x = (value as Position)[0] as number
      const y = (value as Position)[1] as number
      if (x < box[0]) box[0] = x
      if (y < box[1]) box[1] = y
      if (x > box[2]) box[2] = x
      if (y > box[3]) box[3] = y
    } else for (const item of value as unknown[]) visit(item)
  }
  if (geometry.type !== 'GeometryCollection') visit(geometry.coordinates)
  else {
    for (const member of geometry.geometries) {
      const [west, south, east, north] = geometryBounds(member)
      visit([west, south])
      visit([east, north])
    }
  }
  return box
}

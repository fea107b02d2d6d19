import { SphericalMercator } from '@mapbox/sphericalmercator'
import { AppError } from '../../platform/errors.js'
import type { Bounds } from '../spatial/bounds.js'

/** OGC Two Dimensional Tile Matrix Set WebMercatorQuad: zoom 0 is one 256-pixel tile of the world. */
export const TILE_MATRIX_SET = 'WebMercatorQuad'
export const MAX_ZOOM = 24

export interface TileAddress {
  readonly z: number
  readonly x: number
  readonly y: number
}

const mercator = new SphericalMercator({ size: 256 })

/**
 * Reads a tile address from request parameters: whole numbers, zoom 0–24, column and row inside
 * the matrix (XYZ order, y growing southwards). Errors are HT_VALIDATION naming the parameter.
 *
 * @example
 * parseTileAddress('14', '13813', '6134') // { z: 14, x: 13813, y: 6134 }
 */
export function parseTileAddress(z: string, x: string, y: string): TileAddress {
  const whole = (name: string, text: string, max: number): number => {
    const value = /^\d{1,8}$/.test(text) ? Number(text) : NaN
    if (!Number.isInteger(value) || value > max)
      throw new AppError('HT_VALIDATION', `Tile ${name} ${JSON.stringify(text)} is out of range`, [{ field: name, message: `a whole number from 0 to ${max}` }])
    return value
  }
  const zoom = whole('z', z, MAX_ZOOM)
  const last = 2 ** zoom - 1
  return { z: zoom, x: whole('x', x, last), y: whole('y', y, last) }
}

/**
 * A tile's bounds in longitude and latitude (west, south, east, north).
 *
 * @example
 * tileBounds({ z: 0, x: 0, y: 0 }) // [-180, -85.0511…, 180, 85.0511…]
 */
export function tileBounds(tile: TileAddress): Bounds {
  return mercator.bbox(tile.x, tile.y, tile.z) as Bounds
}

/**
 * The tile holding a point at a zoom.
 *
 * @example
 * tileAt(123.42, 41.79, 14) // { z: 14, x: 13809, y: 6134 }
 */
export function tileAt(lon: number, lat: number, z: number): TileAddress {
  const range = mercator.xyz([lon, lat, lon, lat], z)
  return { z, x: range.minX, y: range.minY }
}

/**
 * A tile's bounds grown by a margin (a share of its width) on every side: what to read from the
 * database so that features just outside still draw their edges and labels into it.
 */
export function bufferedTileBounds(tile: TileAddress, margin = 64 / 4096): Bounds {
  const [west, south, east, north] = tileBounds(tile)
  const dx = (east - west) * margin
  const dy = (north - south) * margin
  return [west - dx, south - dy, east + dx, north + dy]
}

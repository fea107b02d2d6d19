import { fromGeojsonVt } from '@maplibre/vt-pbf'
import type { Feature, FeatureCollection } from 'geojson'
import GeoJSONVT from 'geojson-vt'
import type { GeoFeature } from '../features/geometry.js'
import { MAX_ZOOM, type TileAddress } from './tile-matrix.js'

/** Mapbox Vector Tile 2.1 coordinates: 4096 units across a tile. */
export const TILE_EXTENT = 4096

export interface TileLayer {
  /** The layer's name in the tile (the source-layer a style names). */
  readonly name: string
  /** Features in CGCS2000 longitude/latitude, which web maps take as WGS 84 (within a metre). */
  readonly features: Iterable<GeoFeature>
}

export interface TileOptions {
  /**
   * Simplification tolerance in tile units at each zoom (geojson-vt's `tolerance`): how far a
   * simplified line may stray, 3 being a third of a pixel at 512 px; 0 keeps every vertex.
   */
  readonly tolerance?: number
  /** Margin around the tile, in tile units (of 4096). */
  readonly buffer?: number
}

function collection(features: Iterable<GeoFeature>): FeatureCollection {
  const list: Feature[] = []
  for (const feature of features) {
    list.push({ type: 'Feature', ...(feature.id === undefined ? {} : { id: feature.id }), geometry: feature.geometry, properties: { ...feature.properties } })
  }
  return { type: 'FeatureCollection', features: list }
}

/**
 * Encodes one Mapbox Vector Tile (protobuf) holding the given layers, each clipped to the tile
 * and generalised for its zoom by geojson-vt (Douglas–Peucker within the tolerance; tiny rings
 * dropped), then serialised by vt-pbf. Attribute values that are not strings, numbers or
 * booleans go in as JSON text; height, floors and base elevation of buildings stay numbers, so a
 * style can extrude them. Null when no layer has anything in the tile.
 *
 * The caller hands over the features near the tile (a bounding-box read with a margin), not the
 * whole collection: the work then follows what the tile shows.
 *
 * @example
 * const pbf = encodeVectorTile([{ name: 'buildings', features }], { z: 15, x: 27619, y: 12268 })
 */
export function encodeVectorTile(layers: readonly TileLayer[], tile: TileAddress, options: TileOptions = {}): Uint8Array | null {
  const tiles: Record<string, ReturnType<GeoJSONVT['getTile']>> = {}
  let any = false
  for (const layer of layers) {
    const index = new GeoJSONVT(collection(layer.features), {
      // geojson-vt leaves tiles at maxZoom unsimplified: with the deepest zoom there, every tile asked for is generalised.
      maxZoom: MAX_ZOOM,
      indexMaxZoom: Math.min(tile.z, 5),
      indexMaxPoints: 100_000,
      tolerance: options.tolerance ?? 3,
      extent: TILE_EXTENT,
      buffer: options.buffer ?? 64,
    })
    const cut = index.getTile(tile.z, tile.x, tile.y)
    if (cut === null || cut.features.length === 0) continue
    tiles[layer.name] = cut
    any = true
  }
  if (!any) return null
  return fromGeojsonVt(tiles as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT })
}

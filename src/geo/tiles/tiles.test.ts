import { VectorTile } from '@mapbox/vector-tile'
import type { Position } from 'geojson'
import { PbfReader } from 'pbf'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import type { GeoFeature } from '../features/geometry.js'
import { buildingsToCityJson, gaussKrugerZone } from './cityjson.js'
import { bufferedTileBounds, parseTileAddress, tileAt, tileBounds } from './tile-matrix.js'
import { encodeVectorTile } from './vector-tile.js'

describe('WebMercatorQuad tiles', () => {
  it.each([
    ['0', '0', '0', { z: 0, x: 0, y: 0 }],
    ['14', '13809', '6134', { z: 14, x: 13809, y: 6134 }],
  ])('reads z %s x %s y %s', (z, x, y, tile) => {
    expect(parseTileAddress(z, x, y)).toEqual(tile)
  })

  it.each([
    ['25', '0', '0', 'z'],
    ['1', '2', '0', 'x'],
    ['1', '0', '-1', 'y'],
    ['1.5', '0', '0', 'z'],
    ['3', '0', 'x', 'y'],
  ])('refuses z %s x %s y %s, naming %s', (z, x, y, field) => {
    let error: unknown
    try {
      parseTileAddress(z, x, y)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).errors[0]?.field).toBe(field)
  })

  it('gives the bounds of a tile and the tile of a point', () => {
    const [west, south, east, north] = tileBounds({ z: 0, x: 0, y: 0 })
    expect([west, east]).toEqual([-180, 180])
    expect(north).toBeCloseTo(85.0511287798, 8)
    expect(south).toBeCloseTo(-85.0511287798, 8)
    const tile = tileAt(123.42, 41.79, 14)
    expect(tile).toEqual({ z: 14, x: 13808, y: 6094 })
    const bounds = tileBounds(tile)
    expect(bounds[0] <= 123.42 && 123.42 < bounds[2] && bounds[1] < 41.79 && 41.79 <= bounds[3]).toBe(true)
    const wide = bufferedTileBounds(tile)
    expect(wide[0]).toBeLessThan(bounds[0])
    expect(wide[3]).toBeGreaterThan(bounds[3])
  })
})

function decode(pbf: Uint8Array): VectorTile {
  return new VectorTile(new PbfReader(pbf))
}

/** A line that wiggles a few metres either side of 41.79° N for a kilometre and a half. */
const wiggly: GeoFeature = {
  id: 7,
  geometry: {
    type: 'LineString',
    coordinates: Array.from({ length: 400 }, (_, i): Position => [123.41 + i * 0.00005, 41.79 + (i % 2 === 0 ? 0.00001 : -0.00001)]),
  },
  properties: { name: '南京北街', lanes: 4 },
}

const building: GeoFeature = {
  id: 'b1',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [123.4201, 41.7901],
        [123.4205, 41.7901],
        [123.4205, 41.7904],
        [123.4201, 41.7904],
        [123.4201, 41.7901],
      ],
    ],
  },
  properties: { height: 31, floors: 10, base_elevation: 45, use: '住宅', extra: { a: 1 } },
}

describe('vector tiles', () => {
  it('encodes each layer clipped to the tile, with its attributes', () => {
    const tile = tileAt(123.4203, 41.7902, 16)
    const pbf = encodeVectorTile(
      [
        { name: 'roads', features: [wiggly] },
        { name: 'buildings', features: [building] },
      ],
      tile,
    )
    expect(pbf).not.toBeNull()
    const decoded = decode(pbf as Uint8Array)
    expect(Object.keys(decoded.layers).sort()).toEqual(['buildings', 'roads'])
    const house = decoded.layers.buildings?.feature(0)
    expect(house?.type).toBe(3)
    expect(house?.properties).toMatchObject({ height: 31, floors: 10, base_elevation: 45, use: '住宅' })
    const [lon, lat] = (house?.toGeoJSON(tile.x, tile.y, tile.z).geometry as { coordinates: number[][][] }).coordinates[0]?.[0] ?? []
    expect(lon).toBeCloseTo(123.4201, 4)
    expect(lat).toBeCloseTo(41.7901, 4)
    expect(decoded.layers.roads?.feature(0).properties).toEqual({ name: '南京北街', lanes: 4 })
  })

  it('generalises for the zoom: fewer vertices the farther out', () => {
    const vertices = (z: number): number => {
      const tile = tileAt(123.42, 41.79, z)
      const decoded = decode(encodeVectorTile([{ name: 'roads', features: [wiggly] }], tile) as Uint8Array)
      return (decoded.layers.roads?.feature(0).loadGeometry() ?? []).reduce((sum, line) => sum + line.length, 0)
    }
    const far = vertices(10)
    const near = vertices(18)
    expect(far).toBeLessThan(10)
    expect(near).toBeGreaterThan(far * 10)
  })

  it('is null where nothing lies', () => {
    expect(encodeVectorTile([{ name: 'buildings', features: [building] }], { z: 10, x: 0, y: 0 })).toBeNull()
    expect(encodeVectorTile([{ name: 'buildings', features: [] }], tileAt(123.42, 41.79, 10))).toBeNull()
  })
})

/** Every directed edge of a closed, consistently oriented shell appears once, and its reverse once. */
function isClosedAndOriented(shell: number[][][]): boolean {
  const edges = new Map<string, number>()
  for (const surface of shell) {
    for (const ring of surface) {
      for (let i = 0; i < ring.length; i++) {
        const key = `${ring[i]}>${ring[(i + 1) % ring.length]}`
        edges.set(key, (edges.get(key) ?? 0) + 1)
      }
    }
  }
  return [...edges].every(([key, count]) => {
    const [a, b] = key.split('>')
    return count === 1 && edges.get(`${b}>${a}`) === 1
  })
}

describe('CityJSON LoD1', () => {
  const courtyard: GeoFeature = {
    id: 'c1',
    geometry: {
      type: 'Polygon',
      coordinates: [
        // Clockwise on purpose: the writer turns it.
        [
          [123.43, 41.8],
          [123.43, 41.801],
          [123.431, 41.801],
          [123.431, 41.8],
          [123.43, 41.8],
        ],
        [
          [123.4303, 41.8003],
          [123.4307, 41.8003],
          [123.4307, 41.8007],
          [123.4303, 41.8007],
          [123.4303, 41.8003],
        ],
      ],
    },
    properties: { height: 12.5, base_elevation: 40 },
  }

  it('extrudes each footprint into a closed solid with outward surfaces, in the Gauss–Krüger zone', () => {
    const city = buildingsToCityJson([building, courtyard], { title: '沈阳市建筑物' })
    expect(city).toMatchObject({
      type: 'CityJSON',
      version: '1.1',
      metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/4550', title: '沈阳市建筑物' },
    })
    expect(Object.keys(city.CityObjects)).toEqual(['b1', 'c1'])
    const house = city.CityObjects.b1 as unknown as {
      attributes: Record<string, unknown>
      geometry: Array<{ type: string; lod: string; boundaries: number[][][][] }>
    }
    expect(house.attributes).toMatchObject({ measuredHeight: 31, storeysAboveGround: 10, use: '住宅' })
    expect(house.geometry[0]).toMatchObject({ type: 'Solid', lod: '1' })
    for (const object of Object.values(city.CityObjects)) {
      const solid = (object.geometry[0] as { boundaries: number[][][][] }).boundaries
      expect(isClosedAndOriented(solid[0] as number[][][])).toBe(true)
      for (const index of (solid[0] as number[][][]).flat(2)) expect(city.vertices[index]).toBeDefined()
    }
    // The house: a floor, a roof and four walls; the courtyard building: eight walls.
    expect(((house.geometry[0]?.boundaries[0] as number[][][]) ?? []).length).toBe(6)
    const yard = (city.CityObjects.c1?.geometry[0] as { boundaries: number[][][][] }).boundaries[0] as number[][][]
    expect(yard.length).toBe(10)
    expect(yard[0]?.length).toBe(2)
    // Heights in metres: floor at the base elevation, roof at base + height.
    const z = (index: number) => ((city.vertices[index] as number[])[2] as number) * city.transform.scale[2] + city.transform.translate[2]
    const houseFloor = (house.geometry[0]?.boundaries[0] as number[][][])[0]?.[0] ?? []
    const houseRoof = (house.geometry[0]?.boundaries[0] as number[][][])[1]?.[0] ?? []
    expect(houseFloor.map(z)).toEqual([45, 45, 45, 45])
    expect(houseRoof.map(z)).toEqual([76, 76, 76, 76])
    // A footprint of 0.0004° × 0.0003° at 41.79° N is about 33 m × 33 m.
    const x = (index: number) => ((city.vertices[index] as number[])[0] as number) * city.transform.scale[0]
    const xs = houseFloor.map(x)
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(33.2, 0)
  })

  it('names the buildings it cannot extrude, and writes nothing', () => {
    let error: unknown
    try {
      buildingsToCityJson([building, { ...building, properties: { floors: 3 } }, { ...building, geometry: { type: 'Point', coordinates: [123.4, 41.8] } }])
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).errors).toEqual([
      { row: 2, field: 'height', message: 'a building needs a height above 0 metres' },
      { row: 3, field: 'geometry', message: 'a building footprint is a polygon' },
    ])
  })

  it.each([
    [123.42, 4550],
    [117.2, 4548],
    [75, 4534],
    [135, 4554],
  ])('puts longitude %d in EPSG:%d', (longitude, epsg) => {
    expect(gaussKrugerZone(longitude).epsg).toBe(epsg)
  })
})

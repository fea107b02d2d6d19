import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { sfc32 } from '../../demo/synthetic.js'
import { shenyangBoundaries } from '../divisions/boundaries.js'
import { DivisionHistory } from '../divisions/history.js'
import { NearestIndex } from './nearest-index.js'
import { PolygonIndex } from './polygon-index.js'

const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
]
const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] }
const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(20, 0, 2)], [square(30, 0, 2)]] }

/** Even–odd over every edge: what the banded test must agree with. */
function bruteForce(geometry: Polygon | MultiPolygon, x: number, y: number): boolean {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  let inside = false
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i] as Position
      const [x2 = 0, y2 = 0] = ring[i + 1] as Position
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside
    }
  }
  return inside
}

describe('polygon index', () => {
  const index = new PolygonIndex([
    { value: 'holed', geometry: withHole },
    { value: 'parts', geometry: twoParts },
    { value: 'overlapping', geometry: { type: 'Polygon', coordinates: [square(8, 8, 4)] } },
  ])

  it.each([
    [1, 1, 'holed'],
    [5, 5, undefined],
    [9, 9, 'holed'],
    [11, 11, 'overlapping'],
    [21, 1, 'parts'],
    [31, 1, 'parts'],
    [25, 1, undefined],
    [-1, -1, undefined],
  ])('(%d, %d) lies in %s', (x, y, value) => {
    expect(index.find(x, y)).toBe(value)
  })

  it('lists every polygon holding a point, in the order given', () => {
    expect(index.findAll(9, 9)).toEqual(['holed', 'overlapping'])
    expect(index.findAll(5, 5)).toEqual([])
  })

  it('holds nothing when built from nothing', () => {
    expect(new PolygonIndex([]).find(0, 0)).toBeUndefined()
  })

  it('agrees with testing every edge on the real district boundaries', () => {
    const boundaries = shenyangBoundaries(DivisionHistory.load())
    const districts = new PolygonIndex(boundaries.map((boundary) => ({ value: boundary.code, geometry: boundary.geometry })))
    const random = sfc32(5)
    let inside = 0
    for (let i = 0; i < 5_000; i++) {
      const x = 122.4 + random() * 1.45
      const y = 41.2 + random() * 1.85
      const expected = boundaries.find((boundary) => bruteForce(boundary.geometry, x, y))?.code
      expect(districts.find(x, y)).toBe(expected)
      if (expected !== undefined) inside++
    }
    expect(inside).toBeGreaterThan(1_000)
  })
})

describe('nearest index', () => {
  it('finds the nearest point, within a limit', () => {
    const index = new NearestIndex([
      [123.42, 41.79],
      [123.43, 41.8],
      [123.5, 41.9],
    ])
    expect(index.nearest(123.421, 41.791)).toBe(0)
    expect(index.nearest(123.49, 41.89)).toBe(2)
    expect(index.nearest(123.46, 41.85, 1_000)).toBeUndefined()
    expect(new NearestIndex([]).nearest(0, 0)).toBeUndefined()
  })

  it('measures great-circle distance', () => {
    expect(Math.round(NearestIndex.metres([123.42, 41.79], [123.42, 41.8]))).toBe(1112)
  })
})

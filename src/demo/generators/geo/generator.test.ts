import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DivisionHistory } from '../../../geo/divisions/history.js'
import { PolygonIndex } from '../../../geo/spatial/polygon-index.js'
import { generateGeoDemo, HOUSE_NUMBERS_PER_ROAD } from './generator.js'
import { DISTRICT_ROADS, MOVED_BOUNDARY } from './roads.js'

const history = DivisionHistory.load({ below: ['2101'] })
const demo = generateGeoDemo(history, { seed: 20260101, buildings: 1_000 })
const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex')

describe('the demo city', () => {
  it('is the same for the same seed and another for another', () => {
    const again = generateGeoDemo(history, { seed: 20260101, buildings: 1_000 })
    expect(digest(again.gazetteer.addressPoints)).toBe(digest(demo.gazetteer.addressPoints))
    expect(digest(again.layers)).toBe(digest(demo.layers))
    expect(digest(generateGeoDemo(history, { seed: 1, buildings: 1_000 }).gazetteer.addressPoints)).not.toBe(digest(demo.gazetteer.addressPoints))
  })

  it('lays every road of every district inside the district, with its house numbers', () => {
    const districts = new PolygonIndex(demo.gazetteer.boundaries.map((boundary) => ({ value: boundary.code, geometry: boundary.geometry })))
    const roads = demo.gazetteer.places.filter((place) => place.type === 'road' || place.type === 'street')
    expect(roads.length).toBe(Object.values(DISTRICT_ROADS).flat().length)
    for (const road of roads) {
      const houses = demo.gazetteer.addressPoints.filter((point) => point.placeId === road.id)
      expect(houses.map((house) => Number(house.number))).toEqual(Array.from({ length: HOUSE_NUMBERS_PER_ROAD }, (_, i) => i + 1))
      expect(
        houses.every((house) => districts.find(house.point[0], house.point[1]) === road.divisionCode && house.divisionCode.startsWith(road.divisionCode)),
      ).toBe(true)
    }
  })

  it('gives every community and village of Shenyang a point in its district', () => {
    const villages = history.contents.versions.filter((version) => version.level === 'village')
    expect(demo.gazetteer.divisionPoints.map((point) => point.code).sort()).toEqual(villages.map((version) => version.code).sort())
  })

  it('writes the layers the registry shows, buildings with heights', () => {
    expect(demo.layers.map((layer) => [layer.name, layer.features.features.length > 0])).toEqual([
      ['schools', true],
      ['hospitals', true],
      ['shelters', true],
      ['grid-cells', true],
      ['buildings', true],
    ])
    const buildings = demo.layers.find((layer) => layer.name === 'buildings')?.features.features ?? []
    expect(buildings).toHaveLength(1_000)
    for (const building of buildings) {
      const { floors, height, base_elevation: base } = building.properties as { floors: number; height: number; base_elevation: number }
      expect(height).toBeCloseTo(floors * 3.1, 5)
      expect(base).toBeGreaterThan(30)
    }
  })

  it('has a renamed road and a moved boundary', () => {
    expect(demo.gazetteer.places.find((place) => place.name === '浑南中路')?.formerNames).toEqual([
      { name: '东陵大街', validFrom: '1983-01-01', validTo: '2015-01-01' },
    ])
    const versions = demo.boundaryHistory.filter((boundary) => boundary.code === MOVED_BOUNDARY.to || boundary.code === MOVED_BOUNDARY.from)
    expect(versions.map((boundary) => [boundary.code, boundary.validFrom, boundary.validTo])).toEqual([
      ['210102', '1983-01-01', '2004-01-01'],
      ['210102', '2004-01-01', null],
      ['210112', '1983-01-01', '2004-01-01'],
      ['210112', '2004-01-01', null],
    ])
    // A point in the part that moved lay in 东陵区 before 2004 and lies in 和平区 since.
    const before = new PolygonIndex(
      versions.filter((boundary) => boundary.validTo !== null).map((boundary) => ({ value: boundary.code, geometry: boundary.geometry })),
    )
    const after = new PolygonIndex(
      versions.filter((boundary) => boundary.validTo === null).map((boundary) => ({ value: boundary.code, geometry: boundary.geometry })),
    )
    expect(before.find(123.4, 41.73)).toBe('210112')
    expect(after.find(123.4, 41.73)).toBe('210102')
  })
})

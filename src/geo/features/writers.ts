import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import wkx from 'wkx'
import { createTableWriter } from '../../platform/files/table-writer.js'
import type { GeoFeature } from './geometry.js'

/**
 * Writes features as a GeoJSON FeatureCollection (RFC 7946), one feature at a time, to a file
 * that appears complete or not at all. Coordinates are CGCS2000, which RFC 7946 readers take as
 * WGS 84: the two differ by less than a metre.
 *
 * @example
 * await writeGeoJson('/tmp/schools.geojson', 'schools', features)
 */
export async function writeGeoJson(file: string, name: string, features: Iterable<GeoFeature> | AsyncIterable<GeoFeature>): Promise<{ features: number }> {
  const temporary = `${file}.${process.pid}.partial`
  const stream = createWriteStream(temporary, { highWaterMark: 1 << 20 })
  let failure: Error | undefined
  stream.on('error', (error) => {
    failure = error
  })
  const write = async (text: string): Promise<void> => {
    if (failure !== undefined) throw failure
    if (!stream.write(text)) await once(stream, 'drain')
  }
  let count = 0
  try {
    await write(`{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[`)
    for await (const feature of features) {
      const body = { type: 'Feature', ...(feature.id === undefined ? {} : { id: feature.id }), geometry: feature.geometry, properties: feature.properties }
      await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(body)}`)
      count++
    }
    await write('\n]}\n')
    stream.end()
    await finished(stream)
    if (failure !== undefined) throw failure
    await rename(temporary, file)
    return { features: count }
  } catch (error) {
    stream.destroy()
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Writes features as CSV: an `id` column, one column per attribute (those given, else every
 * attribute the features carry, in order of first appearance) and the geometry as WKT last.
 * UTF-8 with a BOM, or GBK, with formula-like cells neutralised, as every Huitong CSV.
 *
 * @example
 * await writeFeatureCsv('/tmp/schools.csv', features, { encoding: 'gbk' })
 */
export async function writeFeatureCsv(
  file: string,
  features: readonly GeoFeature[],
  options: { readonly fields?: readonly string[]; readonly encoding?: 'utf-8' | 'gbk' } = {},
): Promise<{ rows: number; bytes: number }> {
  const fields = options.fields ?? [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))]
  const writer = await createTableWriter(file, 'csv', ['id', ...fields, 'wkt'], options.encoding === undefined ? {} : { encoding: options.encoding })
  for (const feature of features) {
    const cells = fields.map((field) => {
      const value = feature.properties[field]
      return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
    })
    await writer.write([feature.id === undefined ? '' : String(feature.id), ...cells, wkx.Geometry.parseGeoJSON(feature.geometry).toWkt()])
  }
  return writer.close()
}

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import gcoordModule from 'gcoord'
import type { Feature, Geometry } from 'geojson'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import { converterFor, parseCrs, type SourceCrs } from './crs.js'
import { openCsvLayer } from './csv-reader.js'
import { openGeoJson } from './geojson-reader.js'
import { decodeGeoPackageGeometry, encodeGeoPackageGeometry, openGeoPackage, writeGeoPackage } from './geopackage.js'
import type { GeoFeature } from './geometry.js'
import { collectLayer, type LayerSource, type ReadLimits } from './layer-source.js'
import { openShapefileZip } from './shapefile-reader.js'
import { writeFeatureCsv, writeGeoJson } from './writers.js'

const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default

// GDAL's ogrinfo and ogr2ogr are the outside readers and writers the files must agree with
// (apt-get install gdal-bin; CI installs it).
const OGRINFO = '/usr/bin/ogrinfo'
const OGR2OGR = '/usr/bin/ogr2ogr'

let folder: string
beforeAll(async () => {
  if (!existsSync(OGRINFO) || !existsSync(OGR2OGR)) throw new Error('these tests need GDAL: apt-get install gdal-bin')
  folder = await mkdtemp(path.join(tmpdir(), 'huitong-geo-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

const at = (name: string): string => path.join(folder, name)
const feature = (geometry: unknown, properties: Record<string, unknown> = {}, id?: string | number): Record<string, unknown> => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry,
  properties,
})
const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] })
const square = [
  [
    [123.4, 41.7],
    [123.5, 41.7],
    [123.5, 41.8],
    [123.4, 41.8],
    [123.4, 41.7],
  ],
]

async function geojsonFile(name: string, body: unknown): Promise<string> {
  await writeFile(at(name), typeof body === 'string' ? body : JSON.stringify(body))
  return at(name)
}

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

async function problemsOf(source: Promise<LayerSource>): Promise<FieldProblem[]> {
  const error = await failure(source.then((opened) => collectLayer(opened)))
  expect(error.code).toBe('HT_VALIDATION')
  return [...error.errors]
}

describe('CRS', () => {
  it.each([
    ['EPSG:4490', { epsg: 4490 }],
    ['4326', { epsg: 4326 }],
    ['urn:ogc:def:crs:EPSG::4490', { epsg: 4490 }],
    ['http://www.opengis.net/def/crs/EPSG/0/4549', { epsg: 4549 }],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', { epsg: 4326 }],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', { epsg: 4326 }],
    ['gcj02', { offset: 'GCJ-02' }],
    ['BD-09', { offset: 'BD-09' }],
    ['web mercator', undefined],
  ])('reads %j', (text, crs) => {
    expect(parseCrs(text)).toEqual(crs)
  })

  it('converts GCJ-02 and BD-09 with gcoord, and marks the conversion', () => {
    for (const [offset, source] of [
      ['GCJ-02', gcoord.GCJ02],
      ['BD-09', gcoord.BD09],
    ] as const) {
      const converter = converterFor({ offset })
      if ('problem' in converter) throw new Error(converter.problem)
      expect(converter.convert([123.4265, 41.7937])).toEqual(gcoord.transform([123.4265, 41.7937], source, gcoord.WGS84))
      expect(converter.conversion).toEqual({ from: offset, to: 'EPSG:4490', method: 'gcoord' })
    }
  })

  it('converts a CGCS2000 Gauss–Krüger zone and Web Mercator with proj4, as GDAL does', () => {
    for (const [epsg, position] of [
      [4549, [535000, 4628000]],
      [4531, [41535000, 4628000]],
      [3857, [13740000, 5130000]],
    ] as const) {
      const converter = converterFor({ epsg })
      if ('problem' in converter) throw new Error(converter.problem)
      const gdal = execFileSync('gdaltransform', ['-s_srs', `EPSG:${epsg}`, '-t_srs', 'EPSG:4490', '-output_xy'], { input: `${position[0]} ${position[1]}\n` })
        .toString()
        .trim()
        .split(/\s+/)
        .map(Number)
      // gdaltransform prints EPSG:4490 in its official latitude, longitude order.
      const [lon, lat] = converter.convert(position)
      expect(lon).toBeCloseTo(gdal[0] as number, 7)
      expect(lat).toBeCloseTo(gdal[1] as number, 7)
      expect(converter.geographic).toBe(false)
    }
  })

  it('refuses a CRS it cannot convert from', () => {
    expect(converterFor({ epsg: 2000 })).toHaveProperty('problem')
    expect(converterFor({ wkt: 'GEOGCS["bogus"]' })).toEqual({ problem: 'the CRS definition (WKT: bogus) cannot be read' })
  })
})

describe('GeoJSON reader', () => {
  it('reads a FeatureCollection as WGS 84 (RFC 7946), marked as converted to CGCS2000', async () => {
    const file = await geojsonFile('plain.geojson', {
      type: 'FeatureCollection',
      features: [feature(point(123.42, 41.79), { 名称: '学校' }, 'a'), feature({ type: 'Polygon', coordinates: square }, { n: 2 })],
    })
    const layer = await collectLayer(await openGeoJson(file))
    expect(layer.conversion).toEqual({ from: 'EPSG:4326', to: 'EPSG:4490', method: 'null transformation' })
    expect(layer.features).toEqual([
      { id: 'a', geometry: point(123.42, 41.79), properties: { 名称: '学校' } },
      { geometry: { type: 'Polygon', coordinates: square }, properties: { n: 2 } },
    ])
  })

  it('takes the crs member, and a declared CRS over it', async () => {
    const body = (name: string) => ({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [feature(point(123.42, 41.79))] })
    const cgcs = await collectLayer(await openGeoJson(await geojsonFile('cgcs.geojson', body('urn:ogc:def:crs:EPSG::4490'))))
    expect(cgcs.conversion).toBeUndefined()
    const declared = await collectLayer(await openGeoJson(at('cgcs.geojson'), { crs: { offset: 'GCJ-02' } }))
    expect(declared.conversion?.from).toBe('GCJ-02')
    expect(declared.features[0]?.geometry).toEqual({ type: 'Point', coordinates: gcoord.transform([123.42, 41.79], gcoord.GCJ02, gcoord.WGS84) })
  })

  it('reads a single Feature, and strings holding brackets and escapes', async () => {
    const file = await geojsonFile(
      'single.geojson',
      `{"properties":{"note":"a ] } , \\" [ {"},"type":"Feature","geometry":{"type":"Point","coordinates":[123.42,41.79]}}`,
    )
    const layer = await collectLayer(await openGeoJson(file))
    expect(layer.features).toEqual([{ geometry: point(123.42, 41.79), properties: { note: 'a ] } , " [ {' } }])
  })

  it.each([
    ['an unclosed ring', { type: 'Polygon', coordinates: [square[0]?.slice(0, 4)] }, 'the outer ring is not closed'],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[square[0]?.[0], square[0]?.[1], square[0]?.[0]]] }, 'the outer ring has 3 positions'],
    [
      'a self-intersecting polygon',
      {
        type: 'Polygon',
        coordinates: [
          [
            [123.4, 41.7],
            [123.5, 41.8],
            [123.5, 41.7],
            [123.4, 41.8],
            [123.4, 41.7],
          ],
        ],
      },
      'the polygon intersects itself at (123.45, 41.75)',
    ],
    ['latitude first', point(41.79, 123.42), '(41.79, 123.42) looks like latitude, longitude: put longitude first'],
    ['an out-of-range longitude', point(200, 41.79), '(200, 41.79) is out of range'],
    ['metres under a geographic CRS', point(535000, 4628000), '(535000, 4628000) looks like metres, not degrees'],
    ['a place outside China', point(2.35, 48.85), '(2.35, 48.85) lies outside the area the registry covers'],
    ['no geometry', null, 'the feature has no geometry'],
    ['a position of one number', { type: 'Point', coordinates: [123.4] }, 'coordinates is not a position of two or three numbers'],
    ['an unknown type', { type: 'Circle', coordinates: [123.4, 41.7] }, 'type "Circle" is not a GeoJSON geometry type'],
    ['a one-position line', { type: 'LineString', coordinates: [[123.4, 41.7]] }, 'a line needs at least two positions'],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }, 'Polygon is empty'],
  ])('names the feature with %s, and imports nothing', async (_case, geometry, message) => {
    const file = await geojsonFile('bad.geojson', {
      type: 'FeatureCollection',
      features: [feature(point(123.42, 41.79)), feature(geometry), feature(point(123.43, 41.8))],
    })
    const problems = await problemsOf(openGeoJson(file))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ row: 2, field: 'geometry' })
    expect(problems[0]?.message).toContain(message)
  })

  it.each([
    ['properties that are no object', { ...feature(point(123.4, 41.7)), properties: [1] }, 'properties'],
    ['an id that is an object', { ...feature(point(123.4, 41.7)), id: { a: 1 } }, 'id'],
    ['something that is no Feature', { type: 'Point', coordinates: [123.4, 41.7] }, 'type'],
  ])('names the field with %s', async (_case, body, field) => {
    const file = await geojsonFile('fields.geojson', { type: 'FeatureCollection', features: [body] })
    expect((await problemsOf(openGeoJson(file)))[0]).toMatchObject({ row: 1, field })
  })

  it('names a feature that is not valid JSON and goes on to the next', async () => {
    const file = await geojsonFile(
      'json.geojson',
      `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":nul,"properties":{}},${JSON.stringify(feature(point(200, 1)))}]}`,
    )
    const problems = await problemsOf(openGeoJson(file))
    expect(problems.map((problem) => [problem.row, problem.field])).toEqual([
      [1, 'feature'],
      [2, 'geometry'],
    ])
  })

  it.each([
    ['a truncated file', '{"type":"FeatureCollection","features":[{"type":"Feature"', 'the file ends inside feature 1'],
    ['an array at the top', '[1, 2]', 'the file does not start with a JSON object'],
    ['text after the end', '{"type":"FeatureCollection","features":[]} x', 'text follows the end'],
    [
      'a crs after the features',
      `{"type":"FeatureCollection","features":[${JSON.stringify(feature(point(123.4, 41.7)))}],"crs":{"type":"name","properties":{"name":"EPSG:4490"}}}`,
      'must come before',
    ],
    ['another top-level type', '{"type":"Topology","objects":{}}', 'not FeatureCollection or Feature'],
  ])('refuses %s as a whole', async (_case, text, message) => {
    const error = await failure(openGeoJson(await geojsonFile('broken.geojson', text)).then((source) => collectLayer(source)))
    expect(error.code).toBe('HT_VALIDATION')
    expect(error.errors[0]?.message).toContain(message)
  })

  it('refuses an unknown CRS, naming the crs parameter', async () => {
    const file = await geojsonFile('crs.geojson', { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:2000' } }, features: [] })
    const error = await failure(openGeoJson(file).then((source) => collectLayer(source)))
    expect(error.errors[0]?.field).toBe('crs')
  })

  it('stops at a feature larger than the limit, naming it, without reading it whole', async () => {
    const big = feature(point(123.4, 41.7), { text: 'x'.repeat(5_000) })
    const file = await geojsonFile('big.geojson', { type: 'FeatureCollection', features: [feature(point(123.4, 41.7)), big] })
    const error = await failure(
      openGeoJson(file, { limits: { maxFeatureBytes: 1_000 } }).then((source) => collectLayer(source, { limits: { maxFeatureBytes: 1_000 } })),
    )
    expect(error.code).toBe('HT_PAYLOAD_TOO_LARGE')
    expect(error.message).toContain('feature 2')
  })
})

describe('CSV reader', () => {
  it('reads longitude/latitude columns in a declared offset CRS, converting and marking it', async () => {
    await writeFile(at('gcj.csv'), '名称,经度,纬度\n避难所,123.4265,41.7937\n')
    const layer = await collectLayer(await openCsvLayer(at('gcj.csv'), { crs: { offset: 'GCJ-02' } }))
    expect(layer.conversion).toEqual({ from: 'GCJ-02', to: 'EPSG:4490', method: 'gcoord' })
    expect(layer.features).toEqual([
      { geometry: { type: 'Point', coordinates: gcoord.transform([123.4265, 41.7937], gcoord.GCJ02, gcoord.WGS84) }, properties: { 名称: '避难所' } },
    ])
  })

  it('reads a WKT column in GBK', async () => {
    await writeFile(at('wkt.csv'), iconv.encode('名称,WKT\n和平广场,"POLYGON((123.4 41.7,123.5 41.7,123.5 41.8,123.4 41.8,123.4 41.7))"\n', 'gbk'))
    const layer = await collectLayer(await openCsvLayer(at('wkt.csv'), { crs: { epsg: 4490 } }))
    expect(layer.features).toEqual([{ geometry: { type: 'Polygon', coordinates: square }, properties: { 名称: '和平广场' } }])
  })

  it('needs the CRS declared, naming the parameter', async () => {
    await writeFile(at('nocrs.csv'), 'x,y\n123.4,41.7\n')
    const error = await failure(openCsvLayer(at('nocrs.csv')))
    expect(error.errors).toEqual([{ field: 'crs', message: 'a CSV does not say its CRS: declare it (crs parameter)' }])
  })

  it('names rows and columns with bad values, counting the header as row 1', async () => {
    await writeFile(at('rows.csv'), 'name,lon,lat\na,123.4,41.7\nb,东经123,41.7\nc,41.7,123.4\nd,123.4\n')
    expect(await problemsOf(openCsvLayer(at('rows.csv'), { crs: { epsg: 4326 } }))).toEqual([
      { row: 3, field: 'lon', message: '"东经123" is not a number' },
      { row: 4, field: 'lon, lat', message: '(41.7, 123.4) looks like latitude, longitude: put longitude first' },
      { row: 5, field: 'row', message: 'has 2 cells where the header has 3 (列数与表头不一致)' },
    ])
  })

  it('names a row whose WKT cannot be read', async () => {
    await writeFile(at('badwkt.csv'), 'name,geometry\na,POINT(123.4 41.7\n')
    expect(await problemsOf(openCsvLayer(at('badwkt.csv'), { crs: { epsg: 4490 } }))).toEqual([
      { row: 2, field: 'geometry', message: 'not well-known text (WKT)' },
    ])
  })

  it('needs geometry columns', async () => {
    await writeFile(at('nogeometry.csv'), 'name,address\na,b\n')
    const error = await failure(openCsvLayer(at('nogeometry.csv'), { crs: { epsg: 4490 } }))
    expect(error.errors[0]).toMatchObject({ row: 1, field: 'geometry' })
  })
})

/** A zipped Shapefile made by GDAL from GeoJSON, in the CRS asked, with or without some of its files. */
async function shapefileZip(name: string, features: unknown[], options: { srs?: string; leaveOut?: string[]; prefix?: string } = {}): Promise<string> {
  const dir = at(`${name}-shp`)
  await rm(dir, { recursive: true, force: true })
  const source = await geojsonFile(`${name}-source.geojson`, { type: 'FeatureCollection', features })
  execFileSync(OGR2OGR, [
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=UTF-8',
    ...(options.srs === undefined ? [] : ['-s_srs', 'EPSG:4326', '-t_srs', options.srs]),
    dir,
    source,
    '-nln',
    name,
  ])
  const files: Zippable = {}
  for (const file of await readdir(dir)) {
    if (options.leaveOut?.some((extension) => file.endsWith(extension))) continue
    files[`${options.prefix ?? ''}${file}`] = new Uint8Array(await readFile(path.join(dir, file)))
  }
  await writeFile(at(`${name}.zip`), zipSync(files))
  return at(`${name}.zip`)
}

describe('Shapefile reader (zipped)', () => {
  const schools = [feature(point(123.42, 41.79), { name: '第一小学', pupils: 800 }), feature(point(123.43, 41.8), { name: '和平广场', pupils: 0 })]

  it('reads the .shp, .dbf, .prj and .cpg of a GDAL-written archive', async () => {
    const layer = await collectLayer(await openShapefileZip(await shapefileZip('schools', schools)))
    expect(layer.name).toBe('schools')
    expect(layer.features.map((read) => read.properties)).toEqual([
      { name: '第一小学', pupils: 800 },
      { name: '和平广场', pupils: 0 },
    ])
    expect(layer.features[0]?.geometry).toEqual(point(123.42, 41.79))
  })

  it('converts a Gauss–Krüger zone from the .prj', async () => {
    const layer = await collectLayer(await openShapefileZip(await shapefileZip('projected', schools, { srs: 'EPSG:4550' })))
    expect(layer.conversion).toEqual({ from: 'WKT: CGCS2000_3_Degree_GK_CM_123E', to: 'EPSG:4490', method: 'proj4' })
    const [lon, lat] = (layer.features[0]?.geometry as { coordinates: number[] }).coordinates
    expect(lon).toBeCloseTo(123.42, 7)
    expect(lat).toBeCloseTo(41.79, 7)
  })

  it('refuses a Shapefile without its .prj unless the CRS is declared', async () => {
    const file = await shapefileZip('noprj', schools, { leaveOut: ['.prj'] })
    const error = await failure(openShapefileZip(file))
    expect(error.code).toBe('HT_VALIDATION')
    expect(error.errors).toEqual([{ field: 'crs', message: 'noprj.shp has no .prj, so its CRS is unknown: add the .prj or declare the CRS' }])
    expect((await collectLayer(await openShapefileZip(file, { crs: { epsg: 4490 } }))).features).toHaveLength(2)
  })

  it('reads GBK attributes when there is no .cpg', async () => {
    const file = await shapefileZip('gbk', schools, { leaveOut: ['.cpg'] })
    const dir = at('gbk-shp')
    // Rewrite the DBF's text as GBK, as Chinese desktop GIS writes it.
    const dbf = await readFile(path.join(dir, 'gbk.dbf'))
    const utf8 = Buffer.from('第一小学')
    const gbk = iconv.encode('第一小学', 'gbk')
    const at8 = dbf.indexOf(utf8)
    gbk.copy(dbf, at8)
    dbf.fill(0x20, at8 + gbk.length, at8 + utf8.length)
    const files: Zippable = {}
    for (const name of await readdir(dir))
      if (!name.endsWith('.cpg')) files[name] = new Uint8Array(name.endsWith('.dbf') ? dbf : await readFile(path.join(dir, name)))
    await writeFile(file, zipSync(files))
    const layer = await collectLayer(await openShapefileZip(file))
    expect(layer.features[0]?.properties.name).toBe('第一小学')
  })

  it('names the features with bad geometry', async () => {
    const file = await shapefileZip('outside', [feature(point(123.42, 41.79)), feature(point(2.35, 48.85))])
    expect((await problemsOf(openShapefileZip(file)))[0]).toMatchObject({ row: 2, field: 'geometry' })
  })

  it('asks which layer when the archive holds several, and takes one by name', async () => {
    const files: Zippable = {}
    for (const name of ['a', 'b']) {
      await shapefileZip(name, schools)
      for (const file of await readdir(at(`${name}-shp`))) files[file] = new Uint8Array(await readFile(path.join(at(`${name}-shp`), file)))
    }
    await writeFile(at('two.zip'), zipSync(files))
    expect((await failure(openShapefileZip(at('two.zip')))).errors[0]).toEqual({
      field: 'layer',
      message: 'the archive holds several Shapefiles (a, b): name one',
    })
    expect((await openShapefileZip(at('two.zip'), { layer: 'b' })).name).toBe('b')
  })

  it('refuses entries named to climb out of the folder', async () => {
    const file = await shapefileZip('climb', schools, { prefix: '../../' })
    const error = await failure(openShapefileZip(file))
    expect(error.code).toBe('HT_VALIDATION')
    expect(error.errors[0]?.message).toContain('invalid relative path')
    expect(existsSync(path.resolve(folder, '..', '..', 'climb.shp'))).toBe(false)
  })

  it.each<[string, () => Zippable, Partial<ReadLimits>, string]>([
    ['a zip bomb', () => ({ 'bomb.shp': new Uint8Array(64 * 1024 * 1024), 'bomb.dbf': new Uint8Array(10) }), {}, 'bomb.shp inflates'],
    ['too many entries', () => Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`f${i}.txt`, strToU8('x')])), {}, '70 entries'],
    ['an archive inside', () => ({ 'inner.zip': strToU8('PK') }), {}, 'inner.zip is an archive inside the archive'],
    [
      'more bytes than allowed',
      () => ({ 'big.shp': new Uint8Array(300_000).map((_, i) => i % 251), 'big.dbf': strToU8('x') }),
      { maxUncompressedBytes: 100_000 },
      'inflate to more than 100000 bytes',
    ],
  ])('refuses %s before inflating it', async (_case, entries, limits, message) => {
    await writeFile(at('refused.zip'), zipSync(entries(), { level: 9 }))
    const error = await failure(openShapefileZip(at('refused.zip'), { limits }))
    expect(error.code).toBe('HT_PAYLOAD_TOO_LARGE')
    expect(error.errors[0]?.message).toContain(message)
  })

  it('refuses a file that is not a zip archive', async () => {
    await writeFile(at('not.zip'), 'hello')
    expect((await failure(openShapefileZip(at('not.zip')))).code).toBe('HT_VALIDATION')
  })
})

const sample: GeoFeature[] = [
  { id: 1, geometry: { type: 'Point', coordinates: [123.42, 41.79] }, properties: { name: '第一小学', pupils: 800, ratio: 0.5, open: true } },
  { id: 2, geometry: { type: 'Polygon', coordinates: square }, properties: { name: '和平广场', pupils: null, ratio: 2, open: false } },
  {
    id: 3,
    geometry: {
      type: 'MultiLineString',
      coordinates: [
        [
          [123.4, 41.7],
          [123.41, 41.71],
        ],
        [
          [123.5, 41.8],
          [123.51, 41.82],
        ],
      ],
    },
    properties: { name: 'road "x", y', pupils: 3, ratio: 1, open: true },
  },
]

describe('GeoPackage', () => {
  it('writes a file that reads back the same, and that GDAL opens as CGCS2000 with an R-tree index', async () => {
    const file = at('round.gpkg')
    await writeGeoPackage(file, [{ name: 'schools', title: '学校', features: sample }])
    const layer = await collectLayer(await openGeoPackage(file))
    expect(layer.conversion).toBeUndefined()
    expect(layer.features).toEqual(sample)

    const info = execFileSync(OGRINFO, ['-so', '-al', file]).toString()
    expect(info).toContain('Layer name: schools')
    expect(info).toContain('Feature Count: 3')
    expect(info).toContain('ID["EPSG",4490]')
    expect(info).toContain('Extent: (123.400000, 41.700000) - (123.510000, 41.820000)')
    expect(info).toMatch(/pupils: Integer64/)
    expect(info).toMatch(/ratio: Real/)
    expect(info).toMatch(/open: Integer\(Boolean\)/)
    // GDAL reads the spatial index: a bounding-box filter uses it.
    const filtered = execFileSync(OGRINFO, ['-q', '-al', '-spat', '123.41', '41.78', '123.43', '41.8', file]).toString()
    expect(filtered).toContain('第一小学')
    expect(filtered).not.toContain('road')
    expect(execFileSync(OGRINFO, ['-q', '-sql', "SELECT HasSpatialIndex('schools', 'geom')", file]).toString()).toContain('= 1')
  })

  it('reads a GeoPackage GDAL wrote, converting its WGS 84 and marking it', async () => {
    const source = await geojsonFile('gdal-source.geojson', { type: 'FeatureCollection', features: [feature(point(123.42, 41.79), { name: 'x' })] })
    execFileSync(OGR2OGR, ['-f', 'GPKG', at('gdal.gpkg'), source, '-nln', 'places'])
    const layer = await collectLayer(await openGeoPackage(at('gdal.gpkg')))
    expect(layer.name).toBe('places')
    expect(layer.conversion).toEqual({ from: 'EPSG:4326', to: 'EPSG:4490', method: 'null transformation' })
    expect(layer.features).toEqual([{ id: 1, geometry: point(123.42, 41.79), properties: { name: 'x' } }])
  })

  it('refuses a layer with an undefined CRS unless one is declared', async () => {
    const source = await geojsonFile('undefined-source.geojson', { type: 'FeatureCollection', features: [feature(point(123.42, 41.79))] })
    execFileSync(OGR2OGR, ['-f', 'GPKG', '-a_srs', 'NONE', at('undefined.gpkg'), source, '-nln', 'places'])
    const error = await failure(openGeoPackage(at('undefined.gpkg')))
    expect(error.errors[0]?.field).toBe('crs')
    expect((await collectLayer(await openGeoPackage(at('undefined.gpkg'), { crs: { epsg: 4490 } }))).features).toHaveLength(1)
  })

  it('refuses a SQLite file that is no GeoPackage, and a file that is no database', async () => {
    await writeFile(at('plain.txt'), 'not a database at all, just text that is long enough to be read')
    expect((await failure(openGeoPackage(at('plain.txt')))).code).toBe('HT_VALIDATION')
    execFileSync(OGR2OGR, [
      '-f',
      'SQLite',
      at('plain.sqlite'),
      await geojsonFile('s.geojson', { type: 'FeatureCollection', features: [feature(point(123.4, 41.7))] }),
    ])
    expect((await failure(openGeoPackage(at('plain.sqlite')))).errors[0]?.message).toContain('not a GeoPackage')
  })

  it('encodes and decodes the GeoPackage geometry blob', () => {
    const geometry: Geometry = { type: 'Polygon', coordinates: square }
    const blob = encodeGeoPackageGeometry(geometry, 4490)
    expect(blob.subarray(0, 2).toString('ascii')).toBe('GP')
    expect(blob.readInt32LE(4)).toBe(4490)
    expect(decodeGeoPackageGeometry(blob)).toEqual(geometry)
    expect(() => decodeGeoPackageGeometry(Buffer.from('XX000000'))).toThrow('no GP header')
  })
})

describe('GeoJSON and CSV writers', () => {
  it('writes GeoJSON that reads back the same and that GDAL reads', async () => {
    const file = at('out.geojson')
    expect(await writeGeoJson(file, 'schools', sample)).toEqual({ features: 3 })
    const written = JSON.parse(await readFile(file, 'utf8')) as { features: Feature[] }
    expect(written.features.map((item) => item.properties)).toEqual(sample.map((item) => item.properties))
    expect((await collectLayer(await openGeoJson(file, { crs: { epsg: 4490 } }))).features).toEqual(sample)
    expect(execFileSync(OGRINFO, ['-so', '-al', file]).toString()).toContain('Feature Count: 3')
  })

  it('writes CSV with WKT that reads back, in GBK when asked', async () => {
    const file = at('out.csv')
    await writeFeatureCsv(file, sample, { encoding: 'gbk' })
    const text = iconv.decode(await readFile(file), 'gbk')
    expect(text.split(/\r?\n/)[0]).toBe('id,name,pupils,ratio,open,wkt')
    const layer = await collectLayer(await openCsvLayer(file, { crs: { epsg: 4490 } }))
    expect(layer.features.map((read) => read.geometry)).toEqual(sample.map((item) => item.geometry))
    expect(layer.features[2]?.properties).toEqual({ id: '3', name: 'road "x", y', pupils: '3', ratio: '1', open: 'true' })
  })
})

describe('declared CRS shapes', () => {
  it('converts every kind of geometry the same way', async () => {
    const crs: SourceCrs = { offset: 'BD-09' }
    const file = await geojsonFile('bd.geojson', { type: 'FeatureCollection', features: sample.map((item) => feature(item.geometry, item.properties)) })
    const layer = await collectLayer(await openGeoJson(file, { crs }))
    const first = (layer.features[2]?.geometry as { coordinates: number[][][] }).coordinates[0]?.[0]
    expect(first).toEqual(gcoord.transform([123.4, 41.7], gcoord.BD09, gcoord.WGS84))
  })
})

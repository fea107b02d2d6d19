import path from 'node:path'
import wkx from 'wkx'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import { openTableStream } from '../../platform/files/table-stream.js'
import { limitsOf, readGeometry, requireConverter, type LayerSource, type ReadFeature, type ReadOptions } from './layer-source.js'

/** Where a CSV keeps its geometry: one WKT column, or two coordinate columns. */
export type CsvGeometryColumns = { readonly wkt: string } | { readonly x: string; readonly y: string }

export interface CsvOptions extends ReadOptions {
  /** Default: a column named wkt / geometry / geom / 几何 / 空间信息, else lon|lng|longitude|x|经度 with lat|latitude|y|纬度. */
  readonly geometry?: CsvGeometryColumns
}

const WKT_NAMES = /^(wkt|geometry|geom|the_geom|几何|空间信息)$/i
const X_NAMES = /^(lon|lng|long|longitude|x|经度)$/i
const Y_NAMES = /^(lat|latitude|y|纬度)$/i
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

function columnsOf(headers: readonly string[], declared: CsvGeometryColumns | undefined): CsvGeometryColumns {
  if (declared !== undefined) {
    const missing = ('wkt' in declared ? [declared.wkt] : [declared.x, declared.y]).filter((name) => !headers.includes(name))
    if (missing.length > 0) {
      const message = `no column ${missing.join(', ')} in the header`
      throw new AppError('HT_VALIDATION', `The geometry columns are missing: ${missing.join(', ')}`, [{ row: 1, field: 'geometry', message }])
    }
    return declared
  }
  const wkt = headers.find((name) => WKT_NAMES.test(name))
  if (wkt !== undefined) return { wkt }
  const x = headers.find((name) => X_NAMES.test(name))
  const y = headers.find((name) => Y_NAMES.test(name))
  if (x !== undefined && y !== undefined) return { x, y }
  const message = 'no WKT column and no longitude/latitude columns: name them (geometry parameter)'
  throw new AppError('HT_VALIDATION', 'The CSV has no geometry columns', [{ row: 1, field: 'geometry', message }])
}

/**
 * Opens a CSV (UTF-8 or GB18030, as `openTableStream` reads it) whose rows carry a geometry as
 * WKT or as two coordinate columns. The CSV says nothing of its CRS, so the caller must declare it.
 *
 * @example
 * const layer = await openCsvLayer('shelters.csv', { crs: { offset: 'GCJ-02' }, geometry: { x: '经度', y: '纬度' } })
 */
export async function openCsvLayer(file: string, options: CsvOptions = {}): Promise<LayerSource> {
  const limits = limitsOf(options)
  const converter = requireConverter(options.crs, 'a CSV does not say its CRS: declare it (crs parameter)')
  const table = await openTableStream(file, { maxCellLength: limits.maxFeatureBytes })
  if (table.size > limits.maxFileBytes) {
    throw new AppError('HT_PAYLOAD_TOO_LARGE', `The file is larger than ${limits.maxFileBytes} bytes`, [
      { field: 'file', message: `larger than ${limits.maxFileBytes} bytes` },
    ])
  }
  const geometryColumns = columnsOf(table.headers, options.geometry)
  const used = new Set('wkt' in geometryColumns ? [geometryColumns.wkt] : [geometryColumns.x, geometryColumns.y])
  const index = (name: string): number => table.headers.indexOf(name)
  const attributes = table.headers.map((name, column) => ({ name, column })).filter(({ name }) => !used.has(name))

  const features = async function* (): AsyncGenerator<ReadFeature> {
    let count = 0
    for await (const chunk of table.rows()) {
      for (const { row, cells } of chunk) {
        if (++count > limits.maxFeatures)
          throw new AppError('HT_PAYLOAD_TOO_LARGE', `More than ${limits.maxFeatures} rows`, [
            { field: 'file', message: `more than ${limits.maxFeatures} rows` },
          ])
        const problems: FieldProblem[] = []
        if (cells.length !== table.headers.length) {
          yield { row, problems: [{ row, field: 'row', message: `has ${cells.length} cells where the header has ${table.headers.length} (列数与表头不一致)` }] }
          continue
        }
        let value: unknown
        if ('wkt' in geometryColumns) {
          const text = cells[index(geometryColumns.wkt)] ?? ''
          try {
            value = wkx.Geometry.parse(text).toGeoJSON()
          } catch {
            problems.push({ row, field: geometryColumns.wkt, message: text === '' ? 'no WKT given' : 'not well-known text (WKT)' })
          }
        } else {
          const x = cells[index(geometryColumns.x)] ?? ''
          const y = cells[index(geometryColumns.y)] ?? ''
          if (!NUMBER.test(x)) problems.push({ row, field: geometryColumns.x, message: `${JSON.stringify(x)} is not a number` })
          if (!NUMBER.test(y)) problems.push({ row, field: geometryColumns.y, message: `${JSON.stringify(y)} is not a number` })
          value = { type: 'Point', coordinates: [Number(x), Number(y)] }
        }
        if (problems.length > 0) {
          yield { row, problems }
          continue
        }
        const geometry = readGeometry(
          row,
          value,
          converter,
          options,
          'wkt' in geometryColumns ? geometryColumns.wkt : `${geometryColumns.x}, ${geometryColumns.y}`,
        )
        if (geometry.geometry === undefined) {
          yield { row, problems: geometry.problems }
          continue
        }
        const properties: Record<string, string> = {}
        for (const { name, column } of attributes) properties[name] = cells[column] ?? ''
        yield { row, problems: [], feature: { geometry: geometry.geometry, properties } }
      }
    }
  }
  return {
    name: path.basename(file).replace(/\.(csv|xlsx)$/i, ''),
    ...(converter.conversion === undefined ? {} : { conversion: converter.conversion }),
    features: features(),
  }
}

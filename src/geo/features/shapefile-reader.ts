import { isUtf8 } from 'node:buffer'
import { open as openFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as shapefile from 'shapefile'
import type { Feature } from 'geojson'
import { AppError } from '../../platform/errors.js'
import { limitsOf, readGeometry, requireConverter, type LayerSource, type ReadFeature, type ReadOptions } from './layer-source.js'
import { extractEntries, zipEntries } from './zip.js'

export interface ShapefileOptions extends ReadOptions {
  /** Which Shapefile of the archive, by name without extension, when it holds several. */
  readonly layer?: string
  /** The DBF's character encoding; default from the .cpg, else UTF-8 when the text is valid UTF-8, else GBK. */
  readonly encoding?: string
}

const CODE_PAGES: ReadonlyArray<[RegExp, string]> = [
  [/^(utf-?8|65001)$/i, 'utf-8'],
  [/^(gb18030|54936)$/i, 'gb18030'],
  [/^(gbk|gb2312|cp936|936|ansi 936)$/i, 'gbk'],
  [/^(big5|950|cp950)$/i, 'big5'],
  [/^(1252|cp1252|windows-1252|ansi 1252)$/i, 'windows-1252'],
]

/** The DBF's encoding: the .cpg's, else UTF-8 if its first megabyte is UTF-8, else GBK (what Chinese GIS software writes). */
async function encodingOf(dbf: string, cpg: string | undefined): Promise<string> {
  if (cpg !== undefined) {
    const name = cpg.trim()
    return CODE_PAGES.find(([pattern]) => pattern.test(name))?.[1] ?? name.toLowerCase()
  }
  const handle = await openFile(dbf, 'r')
  try {
    const buffer = Buffer.alloc(1024 * 1024)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    // A multi-byte character cut at the end of the sample would fail the check: drop the last few bytes.
    return isUtf8(buffer.subarray(0, Math.max(0, bytesRead - 4))) ? 'utf-8' : 'gbk'
  } finally {
    await handle.close()
  }
}

/**
 * Opens a zipped Shapefile (.shp with .dbf, .prj and optionally .cpg) as a layer source. The
 * archive is checked against the zip limits before anything is inflated, and only the layer's
 * files are inflated, under names of our own in a temporary folder that goes when reading ends.
 * A Shapefile without a .prj is refused unless the caller declares the CRS. Read the features to
 * the end, or leave the loop with `break`: either removes the folder.
 *
 * @example
 * const layer = await openShapefileZip('parcels.zip', { layer: 'parcels' })
 */
export async function openShapefileZip(file: string, options: ShapefileOptions = {}): Promise<LayerSource> {
  const limits = limitsOf(options)
  if ((await stat(file)).size > limits.maxFileBytes) {
    throw new AppError('HT_PAYLOAD_TOO_LARGE', `The file is larger than ${limits.maxFileBytes} bytes`, [
      { field: 'file', message: `larger than ${limits.maxFileBytes} bytes` },
    ])
  }
  const entries = await zipEntries(file, limits)
  const byLayer = new Map<string, Map<string, string>>()
  for (const entry of entries) {
    const match = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry.name)
    if (match === null || entry.name.endsWith('/')) continue
    const layer = match[1] as string
    const parts = byLayer.get(layer) ?? new Map<string, string>()
    parts.set((match[2] as string).toLowerCase(), entry.name)
    byLayer.set(layer, parts)
  }
  const layers = [...byLayer].filter(([, parts]) => parts.has('shp'))
  if (layers.length === 0) throw new AppError('HT_VALIDATION', 'The archive holds no Shapefile', [{ field: 'file', message: 'no .shp file in the archive' }])
  const wanted = options.layer
  const chosen =
    wanted === undefined ? (layers.length === 1 ? layers[0] : undefined) : layers.find(([layer]) => path.basename(layer) === wanted || layer === wanted)
  if (chosen === undefined) {
    const names = layers.map(([layer]) => path.basename(layer)).join(', ')
    const message =
      wanted === undefined ? `the archive holds several Shapefiles (${names}): name one` : `no Shapefile ${wanted} in the archive (it holds ${names})`
    throw new AppError('HT_VALIDATION', message, [{ field: 'layer', message }])
  }
  const [layer, parts] = chosen
  if (!parts.has('dbf')) throw new AppError('HT_VALIDATION', `${layer}.shp has no .dbf beside it`, [{ field: 'file', message: `${layer}.dbf is missing` }])
  if (!parts.has('prj') && options.crs === undefined) {
    const message = `${path.basename(layer)}.shp has no .prj, so its CRS is unknown: add the .prj or declare the CRS`
    throw new AppError('HT_VALIDATION', message, [{ field: 'crs', message }])
  }

  const folder = await mkdtemp(path.join(tmpdir(), 'huitong-shp-'))
  try {
    const targets = new Map([...parts].map(([extension, name]) => [name, path.join(folder, `layer.${extension}`)]))
    await extractEntries(file, targets, limits)
    const prj = parts.has('prj') ? await readFile(path.join(folder, 'layer.prj'), 'utf8') : undefined
    const converter = requireConverter(options.crs ?? (prj === undefined ? undefined : { wkt: prj }), 'the layer has no CRS')
    const cpg = parts.has('cpg') ? await readFile(path.join(folder, 'layer.cpg'), 'latin1') : undefined
    const encoding = options.encoding ?? (await encodingOf(path.join(folder, 'layer.dbf'), cpg))
    let source: shapefile.Source<Feature>
    try {
      source = await shapefile.open(path.join(folder, 'layer.shp'), path.join(folder, 'layer.dbf'), { encoding })
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw new AppError('HT_VALIDATION', 'The Shapefile cannot be read', [{ field: 'file', message: (error as Error).message }])
    }
    const features = async function* (): AsyncGenerator<ReadFeature> {
      try {
        for (let row = 1; ; row++) {
          let next: { done: boolean; value: Feature }
          try {
            next = await source.read()
          } catch (error) {
            throw new AppError('HT_VALIDATION', `The Shapefile is damaged at record ${row}`, [{ row, field: 'file', message: (error as Error).message }])
          }
          if (next.done) return
          if (row > limits.maxFeatures)
            throw new AppError('HT_PAYLOAD_TOO_LARGE', `More than ${limits.maxFeatures} features`, [
              { field: 'file', message: `more than ${limits.maxFeatures} features` },
            ])
          const geometry = readGeometry(row, next.value.geometry, converter, options)
          yield geometry.geometry === undefined
            ? { row, problems: geometry.problems }
            : { row, problems: [], feature: { geometry: geometry.geometry, properties: next.value.properties ?? {} } }
        }
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    }
    return { name: path.basename(layer), ...(converter.conversion === undefined ? {} : { conversion: converter.conversion }), features: features() }
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  }
}

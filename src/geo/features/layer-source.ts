import { AppError, type FieldProblem } from '../../platform/errors.js'
import { checkGeometry, type Extent, type GeoFeature } from './geometry.js'
import { converterFor, crsName, type Conversion, type CrsConverter, type SourceCrs } from './crs.js'

/** Bounds that keep a hostile or mistaken file from taking the server's memory or disk. */
export interface ReadLimits {
  /** Largest file accepted, bytes. */
  readonly maxFileBytes: number
  readonly maxFeatures: number
  /** Largest single feature (its GeoJSON text), bytes. */
  readonly maxFeatureBytes: number
  /** Zip archives: most entries, most bytes once inflated, highest inflation ratio of an entry. */
  readonly maxZipEntries: number
  readonly maxUncompressedBytes: number
  readonly maxCompressionRatio: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxFeatures: 5_000_000,
  maxFeatureBytes: 16 * 1024 * 1024,
  maxZipEntries: 64,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
}

/** One feature as read: converted to CGCS2000 and checked, or its problems. */
export interface ReadFeature {
  /** 1-based: the feature's place in the file (GeoJSON, Shapefile, GeoPackage) or its CSV row, the header counting. */
  readonly row: number
  readonly feature?: GeoFeature
  readonly problems: readonly FieldProblem[]
}

/** A layer being read: how its coordinates were converted, and its features one at a time. */
export interface LayerSource {
  readonly name: string
  /** Undefined for data already in EPSG:4490; for GeoJSON known once the features have been read. */
  readonly conversion?: Conversion
  readonly features: AsyncIterable<ReadFeature>
}

export interface ReadOptions {
  /** The CRS the caller declares; a file's own (a .prj, a GeoPackage's srs, a GeoJSON `crs`) is used when this is absent. */
  readonly crs?: SourceCrs
  readonly extent?: Extent
  readonly limits?: Partial<ReadLimits>
}

export function limitsOf(options: ReadOptions): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...options.limits }
}

/** A converter for the declared CRS, or an HT_VALIDATION error naming the `crs` parameter. */
export function requireConverter(crs: SourceCrs | undefined, missing: string): CrsConverter {
  if (crs === undefined) throw new AppError('HT_VALIDATION', missing, [{ field: 'crs', message: missing }])
  const converter = converterFor(crs)
  if ('problem' in converter) throw new AppError('HT_VALIDATION', `Unsupported CRS ${crsName(crs)}`, [{ field: 'crs', message: converter.problem }])
  return converter
}

/** Checks and converts one geometry, naming the row in its problems. */
export function readGeometry(
  row: number,
  value: unknown,
  converter: CrsConverter,
  options: ReadOptions,
  field = 'geometry',
): { geometry?: GeoFeature['geometry']; problems: FieldProblem[] } {
  const checked = checkGeometry(value, {
    convert: converter.convert,
    geographic: converter.geographic,
    ...(options.extent === undefined ? {} : { extent: options.extent }),
  })
  return checked.geometry === undefined
    ? { problems: checked.problems.map((message) => ({ row, field, message })) }
    : { geometry: checked.geometry, problems: [] }
}

export interface CollectedLayer {
  readonly name: string
  readonly conversion?: Conversion
  readonly features: GeoFeature[]
}

/** Problems listed in one error at most: enough to fix a file, not a megabyte of JSON. */
const MAX_PROBLEMS_LISTED = 100

/**
 * Reads a whole layer, all or nothing: the features when every one is good, else an
 * HT_VALIDATION error listing the problems (the first hundred) by row and field, so that an
 * import writes nothing from a file with one bad feature.
 *
 * @example
 * const layer = await collectLayer(await openGeoJson('schools.geojson'))
 * layer.features.length // 270
 */
export async function collectLayer(source: LayerSource, options: ReadOptions = {}): Promise<CollectedLayer> {
  const limits = limitsOf(options)
  const features: GeoFeature[] = []
  const problems: FieldProblem[] = []
  let bad = 0
  for await (const read of source.features) {
    if (read.problems.length > 0) {
      bad++
      for (const problem of read.problems) if (problems.length < MAX_PROBLEMS_LISTED) problems.push(problem)
      continue
    }
    if (read.feature !== undefined && bad === 0) features.push(read.feature)
    if (features.length > limits.maxFeatures) {
      throw new AppError('HT_PAYLOAD_TOO_LARGE', `The layer has more than ${limits.maxFeatures} features`, [
        { field: 'file', message: `more than ${limits.maxFeatures} features` },
      ])
    }
  }
  if (bad > 0) {
    throw new AppError('HT_VALIDATION', `${bad} feature(s) of ${source.name} are invalid; nothing was imported (要素有误，未导入任何数据)`, problems)
  }
  return { name: source.name, features, ...(source.conversion === undefined ? {} : { conversion: source.conversion }) }
}

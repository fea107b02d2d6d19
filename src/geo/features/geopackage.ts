import { rename, rm, stat } from 'node:fs/promises'
import BetterSqlite3 from 'better-sqlite3'
import type { Geometry } from 'geojson'
import wkx from 'wkx'
import { AppError } from '../../platform/errors.js'
import { geometryBounds } from '../spatial/bounds.js'
import { parseCrs, type SourceCrs } from './crs.js'
import type { GeoFeature } from './geometry.js'
import { limitsOf, readGeometry, requireConverter, type LayerSource, type ReadFeature, type ReadOptions } from './layer-source.js'

/** 'GPKG' as the SQLite application_id, and GeoPackage 1.3.0 as user_version. */
const APPLICATION_ID = 0x47504b47
const USER_VERSION = 10300
const CGCS2000_WKT =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]]'
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]'

/** A layer to write: a name (the table), features in CGCS2000, and optionally its column types. */
export interface GeoPackageLayer {
  readonly name: string
  readonly title?: string
  readonly features: Iterable<GeoFeature>
}

type ColumnType = 'INTEGER' | 'REAL' | 'BOOLEAN' | 'TEXT'

/** A table or column name as GeoPackage readers expect it: letters, digits and underscores (Chinese letters too). */
function identifier(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_]/gu, '_')
  return /^\p{L}/u.test(cleaned) ? cleaned : `t_${cleaned}`
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** A column widens as values demand: integer and real make real, anything else mixed makes text. */
function widen(known: ColumnType | undefined, kind: ColumnType): ColumnType {
  if (known === undefined || known === kind) return kind
  if ((known === 'INTEGER' || known === 'REAL') && (kind === 'INTEGER' || kind === 'REAL')) return 'REAL'
  return 'TEXT'
}

/** Each attribute's column type, in the order the attributes first appear; a column of nulls only is text. */
function columnTypes(features: readonly GeoFeature[]): Map<string, ColumnType> {
  const seen = new Map<string, ColumnType | undefined>()
  for (const feature of features) {
    for (const [key, value] of Object.entries(feature.properties)) {
      if (value === null || value === undefined) {
        if (!seen.has(key)) seen.set(key, undefined)
        continue
      }
      const kind: ColumnType = typeof value === 'boolean' ? 'BOOLEAN' : typeof value === 'number' ? (Number.isInteger(value) ? 'INTEGER' : 'REAL') : 'TEXT'
      seen.set(key, widen(seen.get(key), kind))
    }
  }
  return new Map([...seen].map(([key, type]) => [key, type ?? 'TEXT']))
}

function cellOf(value: unknown, type: ColumnType): string | number | null {
  if (value === null || value === undefined) return null
  if (type === 'BOOLEAN') return value === true ? 1 : 0
  if (type === 'INTEGER' || type === 'REAL') return typeof value === 'number' ? value : Number(value)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * The GeoPackage binary form of a geometry: the `GP` header (version 0, little-endian, an xy
 * envelope, the srs_id) followed by standard WKB.
 */
export function encodeGeoPackageGeometry(geometry: Geometry, srsId: number): Buffer {
  const wkb = wkx.Geometry.parseGeoJSON(geometry).toWkb()
  const [minX, minY, maxX, maxY] = geometryBounds(geometry)
  const header = Buffer.alloc(8 + 32)
  header.write('GP', 0, 'ascii')
  header.writeUInt8(0, 2)
  header.writeUInt8(0b0000_0011, 3)
  header.writeInt32LE(srsId, 4)
  header.writeDoubleLE(minX, 8)
  header.writeDoubleLE(maxX, 16)
  header.writeDoubleLE(minY, 24)
  header.writeDoubleLE(maxY, 32)
  return Buffer.concat([header, wkb])
}

/** A geometry from its GeoPackage binary form; null for an empty geometry. Throws on a malformed blob. */
export function decodeGeoPackageGeometry(blob: Buffer): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no GP header)')
  const flags = blob[3] as number
  if ((flags & 0b0010_0000) !== 0) throw new Error('extended GeoPackage geometry types are not read')
  if ((flags & 0b0001_0000) !== 0) return null
  const envelope = (flags >> 1) & 0b111
  const envelopeBytes = [0, 32, 48, 48, 64][envelope]
  if (envelopeBytes === undefined) throw new Error(`envelope indicator ${envelope} is invalid`)
  return wkx.Geometry.parse(blob.subarray(8 + envelopeBytes)).toGeoJSON() as Geometry
}

function geometryTypeName(features: readonly GeoFeature[]): string {
  const types = new Set(features.map((feature) => feature.geometry.type.toUpperCase()))
  return types.size === 1 ? ([...types][0] as string) : 'GEOMETRY'
}

/**
 * Writes layers to a GeoPackage 1.3 file in CGCS2000 (srs_id 4490): one feature table per layer
 * with its attributes as columns, gpkg_contents with the extent, and an R-tree spatial index with
 * the triggers the spec gives, so GDAL, QGIS and ArcGIS read it and keep the index up to date.
 * The file appears complete or not at all.
 *
 * @example
 * await writeGeoPackage('/tmp/demo.gpkg', [{ name: 'schools', title: '学校', features }])
 */
export async function writeGeoPackage(file: string, layers: readonly GeoPackageLayer[]): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`
  await rm(temporary, { force: true })
  const database = new BetterSqlite3(temporary)
  try {
    database.pragma(`application_id = ${APPLICATION_ID}`)
    database.pragma(`user_version = ${USER_VERSION}`)
    database.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
      CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
    `)
    const srs = database.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)')
    srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system')
    srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system')
    srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')
    srs.run('China Geodetic Coordinate System 2000', 4490, 'EPSG', 4490, CGCS2000_WKT, 'CGCS2000 longitude/latitude')

    for (const layer of layers) writeLayer(database, layer)
  } finally {
    database.close()
  }
  await rename(temporary, file)
}

function writeLayer(database: BetterSqlite3.Database, layer: GeoPackageLayer): void {
  const table = identifier(layer.name)
  const features = [...layer.features]
  const types = columnTypes(features)
  const columns = [...types].map(([key, type]) => ({
    key,
    type,
    name: identifier(key) === 'fid' || identifier(key) === 'geom' ? `${identifier(key)}_` : identifier(key),
  }))
  const rtree = `rtree_${table}_geom`
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  database.exec(
    `CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY${columns.map((column) => `, ${quote(column.name)} ${column.type}`).join('')})`,
  )
  database.exec(`CREATE VIRTUAL TABLE ${quote(rtree)} USING rtree(id, minx, maxx, miny, maxy)`)
  const insert = database.prepare(
    `INSERT INTO ${quote(table)} (fid, geom${columns.map((column) => `, ${quote(column.name)}`).join('')}) VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})`,
  )
  const index = database.prepare(`INSERT INTO ${quote(rtree)} VALUES (?, ?, ?, ?, ?)`)
  database.transaction(() => {
    features.forEach((feature, position) => {
      const fid = position + 1
      const box = geometryBounds(feature.geometry)
      insert.run(fid, encodeGeoPackageGeometry(feature.geometry, 4490), ...columns.map((column) => cellOf(feature.properties[column.key], column.type)))
      index.run(fid, box[0], box[2], box[1], box[3])
      bounds[0] = Math.min(bounds[0], box[0])
      bounds[1] = Math.min(bounds[1], box[1])
      bounds[2] = Math.max(bounds[2], box[2])
      bounds[3] = Math.max(bounds[3], box[3])
    })
  })()
  const extent = features.length === 0 ? [null, null, null, null] : bounds
  database
    .prepare(
      'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 4490)',
    )
    .run(table, 'features', layer.title ?? layer.name, layer.title ?? '', ...extent)
  database.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4490, 0, 0)').run(table, 'geom', geometryTypeName(features))
  database
    .prepare("INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
    .run(table)
  // The spec's triggers keep the index in step with later edits by GIS software, which provides
  // the ST_ functions they call; written after the rows, as this writer fills the index itself.
  const t = quote(table)
  const r = quote(rtree)
  const box = 'NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)'
  database.exec(`
    CREATE TRIGGER ${quote(`${rtree}_insert`)} AFTER INSERT ON ${t} WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
    BEGIN INSERT OR REPLACE INTO ${r} VALUES (${box}); END;
    CREATE TRIGGER ${quote(`${rtree}_update1`)} AFTER UPDATE OF geom ON ${t} WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
    BEGIN INSERT OR REPLACE INTO ${r} VALUES (${box}); END;
    CREATE TRIGGER ${quote(`${rtree}_update2`)} AFTER UPDATE OF geom ON ${t} WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
    BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
    CREATE TRIGGER ${quote(`${rtree}_update3`)} AFTER UPDATE ON ${t} WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
    BEGIN DELETE FROM ${r} WHERE id = OLD.fid; INSERT OR REPLACE INTO ${r} VALUES (${box}); END;
    CREATE TRIGGER ${quote(`${rtree}_update4`)} AFTER UPDATE ON ${t} WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
    BEGIN DELETE FROM ${r} WHERE id IN (OLD.fid, NEW.fid); END;
    CREATE TRIGGER ${quote(`${rtree}_delete`)} AFTER DELETE ON ${t} WHEN old.geom NOT NULL
    BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
  `)
}

interface ContentsRow {
  readonly table_name: string
  readonly column_name: string
  readonly srs_id: number
  readonly organization: string | null
  readonly organization_coordsys_id: number | null
  readonly definition: string | null
}

function invalid(message: string, field = 'file'): AppError {
  return new AppError('HT_VALIDATION', `The GeoPackage cannot be read: ${message}`, [{ field, message }])
}

/**
 * Opens a GeoPackage's feature table as a layer source. The file is opened read-only with the
 * schema untrusted (its views and triggers run no functions), checked for the GeoPackage
 * application id, and read a row at a time. The CRS is the one declared, else the layer's
 * srs_id (EPSG by number, else its WKT); an undefined srs (0, −1) needs a declared CRS.
 *
 * @example
 * const layer = await openGeoPackage('export.gpkg', { layer: 'schools' })
 */
export async function openGeoPackage(file: string, options: ReadOptions & { readonly layer?: string } = {}): Promise<LayerSource> {
  const limits = limitsOf(options)
  if ((await stat(file)).size > limits.maxFileBytes) {
    throw new AppError('HT_PAYLOAD_TOO_LARGE', `The file is larger than ${limits.maxFileBytes} bytes`, [
      { field: 'file', message: `larger than ${limits.maxFileBytes} bytes` },
    ])
  }
  let database: BetterSqlite3.Database
  try {
    database = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    database.pragma('trusted_schema = OFF')
    database.pragma('query_only = ON')
  } catch (error) {
    throw invalid((error as Error).message)
  }
  try {
    const application = database.pragma('application_id', { simple: true }) as number
    if (application !== APPLICATION_ID && application !== 0x47503130 && application !== 0x47503131)
      throw invalid('not a GeoPackage (its application_id is not GPKG)')
    const layers = database
      .prepare(
        `SELECT g.table_name, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id, s.definition
           FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name
           LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
          WHERE c.data_type = 'features' ORDER BY g.table_name`,
      )
      .all() as ContentsRow[]
    const chosen = options.layer === undefined ? (layers.length === 1 ? layers[0] : undefined) : layers.find((row) => row.table_name === options.layer)
    if (chosen === undefined) {
      const names = layers.map((row) => row.table_name).join(', ') || 'none'
      throw invalid(
        options.layer === undefined ? `it holds several feature tables (${names}): name one` : `no feature table ${options.layer} (it holds ${names})`,
        'layer',
      )
    }
    const converter = requireConverter(
      options.crs ?? crsOfSrs(chosen),
      `the layer ${chosen.table_name} has an undefined CRS (srs_id ${chosen.srs_id}): declare it`,
    )
    const statement = database.prepare(`SELECT * FROM ${quote(chosen.table_name)}`)
    const tableColumns = database.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(chosen.table_name) as Array<{
      name: string
      type: string
      pk: number
    }>
    const primaryKey = tableColumns.find((column) => column.pk > 0)?.name
    const booleans = new Set(tableColumns.filter((column) => column.type.toUpperCase() === 'BOOLEAN').map((column) => column.name))
    const features = async function* (): AsyncGenerator<ReadFeature> {
      try {
        let row = 0
        for (const record of statement.iterate() as Iterable<Record<string, unknown>>) {
          row++
          if (row > limits.maxFeatures)
            throw new AppError('HT_PAYLOAD_TOO_LARGE', `More than ${limits.maxFeatures} features`, [
              { field: 'file', message: `more than ${limits.maxFeatures} features` },
            ])
          const blob = record[chosen.column_name]
          let value: Geometry | null
          try {
            value = Buffer.isBuffer(blob) ? decodeGeoPackageGeometry(blob) : null
          } catch (error) {
            yield { row, problems: [{ row, field: chosen.column_name, message: (error as Error).message }] }
            continue
          }
          const geometry = readGeometry(row, value, converter, options, chosen.column_name)
          if (geometry.geometry === undefined) {
            yield { row, problems: geometry.problems }
            continue
          }
          const properties: Record<string, unknown> = {}
          for (const [key, cell] of Object.entries(record)) {
            if (key === chosen.column_name || key === primaryKey) continue
            properties[key] = Buffer.isBuffer(cell) ? cell.toString('base64') : booleans.has(key) && cell !== null ? cell === 1 : cell
          }
          const id = primaryKey === undefined ? undefined : (record[primaryKey] as number)
          yield { row, problems: [], feature: { ...(id === undefined ? {} : { id }), geometry: geometry.geometry, properties } }
        }
      } finally {
        database.close()
      }
    }
    return { name: chosen.table_name, ...(converter.conversion === undefined ? {} : { conversion: converter.conversion }), features: features() }
  } catch (error) {
    database.close()
    throw error instanceof AppError ? error : invalid((error as Error).message)
  }
}

function crsOfSrs(row: ContentsRow): SourceCrs | undefined {
  if (row.srs_id === 0 || row.srs_id === -1 || row.definition === null || row.definition === 'undefined') return undefined
  if (row.organization?.toUpperCase() === 'EPSG' && row.organization_coordsys_id !== null) {
    const parsed = parseCrs(`EPSG:${row.organization_coordsys_id}`)
    if (parsed !== undefined && 'epsg' in parsed && [4490, 4326, 4979, 4480, 3857].includes(parsed.epsg)) return parsed
    if (parsed !== undefined && 'epsg' in parsed && parsed.epsg >= 4491 && parsed.epsg <= 4554) return parsed
  }
  return { wkt: row.definition }
}

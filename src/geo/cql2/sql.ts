import booleanIntersects from '@turf/boolean-intersects'
import type { Geometry, Polygon } from 'geojson'
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { geometryBounds } from '../spatial/bounds.js'
import { checkCql2, isBbox, type Cql2Expression, type PropertyRef, type Queryable, type Scalar, type SpatialLiteral } from './cql2.js'

export type SqlDialect = 'sqlite' | 'postgres'

/** The SRID geometries are stored in. */
const SRID = 4490
/** The SQLite function that tests two geometries exactly (see {@link registerSqliteSpatialFunctions}). */
export const SQLITE_INTERSECTS = 'huitong_s_intersects'

const isProperty = (value: unknown): value is PropertyRef => typeof value === 'object' && value !== null && 'property' in value

/** A BBOX as the polygon it stands for. */
export function bboxPolygon(bbox: readonly number[]): Polygon {
  const [west, south, east, north] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox
  const w = west as number
  const s = south as number
  const e = east as number
  const n = north as number
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  }
}

function geometryOf(literal: SpatialLiteral): Geometry {
  return isBbox(literal) ? bboxPolygon(literal.bbox) : literal
}

/** A queryable's value as SQL: its column, or the key of its JSON column, cast to its type on PostgreSQL. */
function valueOf(queryable: Queryable, dialect: SqlDialect): RawBuilder<unknown> {
  const column = sql.ref(queryable.column)
  if (queryable.jsonKey === undefined) return sql`${column}`
  if (dialect === 'sqlite') return sql`json_extract(${column}, ${`$."${queryable.jsonKey.replace(/["\\]/g, (char) => `\\${char}`)}"`})`
  const text = sql`(${column} ->> ${queryable.jsonKey})`
  switch (queryable.type) {
    case 'number':
      return sql`${text}::double precision`
    case 'integer':
      return sql`${text}::bigint`
    case 'boolean':
      return sql`${text}::boolean`
    default:
      return text
  }
}

/** CQL2's LIKE wildcards and backslash escapes as a SQLite GLOB pattern, which, unlike SQLite's LIKE, is case-sensitive as CQL2 wants. */
function globOf(pattern: string): string {
  let glob = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    if (char === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] as string
      glob += next === '*' || next === '?' || next === '[' ? `[${next}]` : next
    } else if (char === '%') glob += '*'
    else if (char === '_') glob += '?'
    else if (char === '*' || char === '?' || char === '[') glob += `[${char}]`
    else glob += char
  }
  return glob
}

/**
 * Translates a CQL2 filter into a parameterised SQL condition for SQLite or PostgreSQL (with
 * PostGIS), over the declared queryables (checked first; see {@link checkCql2}). Values are bound
 * as parameters, never spliced in; names come only from the queryables.
 *
 * S_INTERSECTS on PostgreSQL is PostGIS's `ST_Intersects` against the literal in SRID 4490, which
 * a GiST index on the column serves. On SQLite the geometry's R*Tree prefilters by bounding box
 * and {@link SQLITE_INTERSECTS} (registered on the connection) tests exactly, both inside the
 * query, so LIMIT and paging count only features that really intersect.
 *
 * @example
 * const where = cql2ToSql(parseCql2("floors >= 10 AND S_INTERSECTS(geometry, BBOX(123.4, 41.7, 123.5, 41.8))"), queryables, 'postgres')
 * await db.selectFrom('geo_features').selectAll().where(where).execute()
 */
export function cql2ToSql(expression: Cql2Expression, queryables: readonly Queryable[], dialect: SqlDialect): RawBuilder<SqlBool> {
  checkCql2(expression, queryables)
  const byName = new Map(queryables.map((queryable) => [queryable.name, queryable]))
  const scalar = (value: Scalar): RawBuilder<unknown> => {
    if (isProperty(value)) return valueOf(byName.get(value.property) as Queryable, dialect)
    if (typeof value === 'boolean') return dialect === 'sqlite' ? sql`${value ? 1 : 0}` : sql`${value}`
    if (typeof value === 'object') return sql`${'date' in value ? value.date : value.timestamp}`
    return sql`${value}`
  }
  const spatial = (left: PropertyRef | SpatialLiteral, right: PropertyRef | SpatialLiteral): RawBuilder<SqlBool> => {
    if (!isProperty(left) && !isProperty(right)) {
      const answer = booleanIntersects(geometryOf(left), geometryOf(right))
      return dialect === 'sqlite' ? sql<SqlBool>`${answer ? 1 : 0} = 1` : sql<SqlBool>`${answer}`
    }
    if (dialect === 'postgres') {
      const side = (value: PropertyRef | SpatialLiteral): RawBuilder<unknown> => {
        if (isProperty(value)) return sql.ref((byName.get(value.property) as Queryable).column)
        if (isBbox(value)) {
          const [west, south, east, north] = geometryBounds(geometryOf(value))
          return sql`ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, ${sql.lit(SRID)})`
        }
        return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), ${sql.lit(SRID)})`
      }
      return sql<SqlBool>`ST_Intersects(${side(left)}, ${side(right)})`
    }
    const [property, other] = isProperty(left) ? [left, right] : [right as PropertyRef, left]
    const queryable = byName.get(property.property) as Queryable
    if (isProperty(other))
      return sql<SqlBool>`${sql.raw(SQLITE_INTERSECTS)}(${sql.ref(queryable.column)}, ${sql.ref((byName.get(other.property) as Queryable).column)}) = 1`
    const geometry = geometryOf(other)
    const exact = sql<SqlBool>`${sql.raw(SQLITE_INTERSECTS)}(${sql.ref(queryable.column)}, ${JSON.stringify(geometry)}) = 1`
    if (queryable.rtree === undefined) return exact
    const [west, south, east, north] = geometryBounds(geometry)
    const candidates = sql`SELECT id FROM ${sql.table(queryable.rtree.table)} WHERE max_x >= ${west} AND min_x <= ${east} AND max_y >= ${south} AND min_y <= ${north}`
    return sql<SqlBool>`(${sql.ref(queryable.rtree.key)} IN (${candidates}) AND ${exact})`
  }
  const translate = (node: Cql2Expression): RawBuilder<SqlBool> => {
    if (typeof node === 'boolean') return dialect === 'sqlite' ? sql<SqlBool>`${node ? 1 : 0} = 1` : sql<SqlBool>`${node}`
    switch (node.op) {
      case 'and':
      case 'or':
        return sql<SqlBool>`(${sql.join(node.args.map(translate), node.op === 'and' ? sql` AND ` : sql` OR `)})`
      case 'not':
        return sql<SqlBool>`NOT (${translate(node.args[0])})`
      case 'like': {
        const pattern = node.args[1] as string
        return dialect === 'sqlite'
          ? sql<SqlBool>`${scalar(node.args[0])} GLOB ${globOf(pattern)}`
          : sql<SqlBool>`${scalar(node.args[0])} LIKE ${pattern} ESCAPE '\\'`
      }
      case 'between':
        return sql<SqlBool>`${scalar(node.args[0])} BETWEEN ${scalar(node.args[1])} AND ${scalar(node.args[2])}`
      case 'in':
        return sql<SqlBool>`${scalar(node.args[0])} IN (${sql.join(node.args[1].map(scalar))})`
      case 'isNull':
        return sql<SqlBool>`${scalar(node.args[0])} IS NULL`
      case 's_intersects':
        return spatial(node.args[0], node.args[1])
      default:
        return sql<SqlBool>`${scalar(node.args[0])} ${sql.raw(node.op)} ${scalar(node.args[1])}`
    }
  }
  return translate(expression)
}

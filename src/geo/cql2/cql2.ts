import type { Geometry } from 'geojson'
import peggy from 'peggy'
import { AppError } from '../../platform/errors.js'
import { CQL2_GRAMMAR } from './grammar.js'

/** A property named in a filter, with where its name starts in the text (0-based). */
export interface PropertyRef {
  readonly property: string
  readonly at?: number
}

export type Instant = { readonly date: string } | { readonly timestamp: string }
export type Scalar = string | number | boolean | Instant | PropertyRef
/** A BBOX literal: west, south, east, north (or with heights, six numbers). */
export interface BboxLiteral {
  readonly bbox: readonly number[]
}

/** A spatial literal: a GeoJSON geometry (from WKT) or a BBOX. */
export type SpatialLiteral = Geometry | BboxLiteral

/** Whether a spatial literal is a BBOX (a GeoJSON geometry may carry a `bbox` member too, but has a `type`). */
export const isBbox = (value: SpatialLiteral): value is BboxLiteral => !('type' in value)

/** A parsed filter, in the shape of CQL2 JSON. */
export type Cql2Expression =
  | { readonly op: 'and' | 'or'; readonly args: readonly Cql2Expression[] }
  | { readonly op: 'not'; readonly args: readonly [Cql2Expression] }
  | { readonly op: '=' | '<>' | '<' | '<=' | '>' | '>='; readonly args: readonly [Scalar, Scalar] }
  | { readonly op: 'like'; readonly args: readonly [Scalar, Scalar] }
  | { readonly op: 'between'; readonly args: readonly [Scalar, Scalar, Scalar] }
  | { readonly op: 'in'; readonly args: readonly [Scalar, readonly Scalar[]] }
  | { readonly op: 'isNull'; readonly args: readonly [Scalar] }
  | { readonly op: 's_intersects'; readonly args: readonly [PropertyRef | SpatialLiteral, PropertyRef | SpatialLiteral] }
  | boolean

/** What a queryable holds, as OGC API – Features Part 3 lists it. */
export type QueryableType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'timestamp' | 'geometry'

/**
 * A property a filter may name, and where its value lives: a column, or a key of a JSON column
 * (a layer's attributes).
 */
export interface Queryable {
  readonly name: string
  readonly type: QueryableType
  readonly title?: string
  readonly column: string
  /** The value is `column ->> key` (PostgreSQL) or `json_extract(column, '$.key')` (SQLite). */
  readonly jsonKey?: string
  /**
   * For a geometry on SQLite: the R*Tree table (`id, min_x, max_x, min_y, max_y`) holding each
   * row's bounding box under the row's `key` column, which prefilters before the exact test.
   */
  readonly rtree?: { readonly table: string; readonly key: string }
}

let parser: peggy.Parser | undefined

function invalid(position: number | undefined, message: string): AppError {
  const where = position === undefined ? '' : ` at position ${position + 1}`
  return new AppError('HT_VALIDATION', `The filter is not valid CQL2${where}: ${message}`, [
    { field: 'filter', message: `${where === '' ? '' : `${where.slice(1)}: `}${message}` },
  ])
}

/**
 * Parses CQL2 Text. Errors are HT_VALIDATION naming the `filter` parameter and the position
 * (1-based) where the text stops making sense.
 *
 * @example
 * parseCql2("name LIKE '沈阳%' AND S_INTERSECTS(geometry, BBOX(123.3, 41.7, 123.5, 41.9))")
 * // { op: 'and', args: [{ op: 'like', … }, { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [123.3, 41.7, 123.5, 41.9] }] }] }
 */
export function parseCql2(text: string): Cql2Expression {
  if (text.length > 100_000) throw invalid(undefined, 'the filter is longer than 100 000 characters')
  // Built on first use: generating the parser from the grammar takes some tens of milliseconds.
  parser ??= peggy.generate(CQL2_GRAMMAR)
  try {
    return parser.parse(text) as Cql2Expression
  } catch (error) {
    const syntax = error as { location?: { start: { offset: number } }; message?: string }
    if (syntax.location === undefined) throw error
    throw invalid(syntax.location.start.offset, syntax.message ?? 'unexpected text')
  }
}

const isProperty = (value: unknown): value is PropertyRef => typeof value === 'object' && value !== null && 'property' in value
const isInstant = (value: unknown): value is Instant => typeof value === 'object' && value !== null && ('date' in value || 'timestamp' in value)

/** The type a scalar has: the queryable's for a property, the literal's otherwise. */
function typeOf(value: Scalar, queryables: ReadonlyMap<string, Queryable>): QueryableType {
  if (isProperty(value)) return (queryables.get(value.property) as Queryable).type
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  return 'date' in value ? 'date' : 'timestamp'
}

const comparable = (a: QueryableType, b: QueryableType): boolean => {
  const numeric = (type: QueryableType) => type === 'number' || type === 'integer'
  const instant = (type: QueryableType) => type === 'date' || type === 'timestamp'
  return a === b || (numeric(a) && numeric(b)) || (instant(a) && instant(b))
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * Checks a parsed filter against the queryables: every property is one, values are compared
 * with values of their type, LIKE applies to strings, S_INTERSECTS to geometries, instants are
 * well formed, BBOX has four numbers. Errors name the filter and the property's position.
 *
 * @example
 * checkCql2(parseCql2("floors > 'ten'"), queryables) // throws: floors is a number, compared with a string
 */
export function checkCql2(expression: Cql2Expression, queryables: readonly Queryable[]): void {
  const byName = new Map(queryables.map((queryable) => [queryable.name, queryable]))
  const known = [...byName.keys()].join(', ')
  const property = (value: PropertyRef): Queryable => {
    const queryable = byName.get(value.property)
    if (queryable === undefined) throw invalid(value.at, `${value.property} is not a queryable (queryables: ${known})`)
    return queryable
  }
  const scalar = (value: Scalar): QueryableType => {
    if (isProperty(value)) {
      const queryable = property(value)
      if (queryable.type === 'geometry') throw invalid(value.at, `${value.property} is a geometry: use S_INTERSECTS`)
    } else if (isInstant(value)) {
      if ('date' in value && !DATE.test(value.date)) throw invalid(undefined, `DATE('${value.date}') is not a date (YYYY-MM-DD)`)
      if ('timestamp' in value && !TIMESTAMP.test(value.timestamp)) throw invalid(undefined, `TIMESTAMP('${value.timestamp}') is not an RFC 3339 timestamp`)
    }
    return typeOf(value, byName)
  }
  const where = (values: readonly Scalar[]): number | undefined => values.find(isProperty)?.at
  const same = (values: readonly Scalar[], op: string): void => {
    const types = values.map(scalar)
    const first = types[0] as QueryableType
    if (!types.every((type) => comparable(first, type)))
      throw invalid(where(values), `${op} compares values of different types (${[...new Set(types)].join(', ')})`)
  }
  const visit = (node: Cql2Expression): void => {
    if (typeof node === 'boolean') return
    switch (node.op) {
      case 'and':
      case 'or':
      case 'not':
        node.args.forEach(visit)
        return
      case 'like':
        same(node.args, 'LIKE')
        if (scalar(node.args[0]) !== 'string') throw invalid(where(node.args), 'LIKE applies to strings')
        if (typeof node.args[1] !== 'string') throw invalid(where(node.args), 'the LIKE pattern is a string literal')
        return
      case 'between':
        same(node.args, 'BETWEEN')
        if (!['number', 'integer', 'date', 'timestamp'].includes(scalar(node.args[0])))
          throw invalid(where(node.args), 'BETWEEN applies to numbers and instants')
        return
      case 'in':
        same([node.args[0], ...node.args[1]], 'IN')
        return
      case 'isNull':
        scalar(node.args[0])
        return
      case 's_intersects':
        for (const argument of node.args) {
          if (isProperty(argument)) {
            if (property(argument).type !== 'geometry') throw invalid(argument.at, `${argument.property} is not a geometry`)
          } else if (isBbox(argument) && argument.bbox.length !== 4 && argument.bbox.length !== 6) {
            throw invalid(undefined, 'BBOX takes four numbers (west, south, east, north), or six with heights')
          }
        }
        return
      default:
        same(node.args, node.op)
    }
  }
  visit(expression)
}

import type { RowChecker } from '../registry/imports/check-file.js'
import { mapEntityColumns, parseEntityRow } from './entity-input.js'
import { ENTITY_FIELDS, type EntityField } from './model.js'

/**
 * How the legal-person import reads an entity file (loaded by the check thread): the columns by
 * key or Chinese header, each row checked against the standards (see `parseEntityRow`).
 */
export const rowChecker: RowChecker = {
  fields: ENTITY_FIELDS,
  rejectionHeaders: ['行号 row', '统一社会信用代码 creditCode', '字段 field', '原因 reason'],
  mapColumns: (headers) => mapEntityColumns(headers),
  checkRow: (cells, columns, today) => {
    const parsed = parseEntityRow(cells, columns as ReadonlyMap<EntityField, number>, today)
    if (parsed.problems !== undefined) return { problems: parsed.problems }
    const { entity } = parsed
    return { values: ENTITY_FIELDS.map((field) => entity[field]) }
  },
  newKeySet: () => {
    const seen = new Map<string, number>()
    return {
      addOrGet: (key, row) => {
        const first = seen.get(key)
        if (first === undefined) seen.set(key, row)
        return first
      },
    }
  },
  repeats: (first) => `repeats the credit code of row ${first} (与第${first}行统一社会信用代码重复)`,
  // Fields derived when their column is missing count as carried: the division from the code, the source from its authority.
  fieldsSet: (columns) => [...new Set<string>([...columns.keys(), 'division_code', 'source_department', 'currency'])],
}

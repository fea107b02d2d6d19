import type { RowChecker } from '../registry/imports/check-file.js'
import { PERSON_FIELDS } from './model.js'
import { mapColumns, parsePersonRow, type ImportField } from './person-input.js'
import { ResidentIdSet } from './resident-id-set.js'

/**
 * How the population import reads a person file (loaded by the check thread): the columns by
 * key or Chinese header, each row checked against the standards (see `parsePersonRow`), resident
 * IDs kept in a compact set to find repeats among ten million rows.
 */
export const rowChecker: RowChecker = {
  fields: PERSON_FIELDS,
  rejectionHeaders: ['行号 row', '身份证号码 residentId', '字段 field', '原因 reason'],
  mapColumns: (headers) => mapColumns(headers),
  checkRow: (cells, columns, today) => {
    const parsed = parsePersonRow(cells, columns as ReadonlyMap<ImportField, number>, today)
    if (parsed.problems !== undefined) return { problems: parsed.problems }
    const { person } = parsed
    return { values: PERSON_FIELDS.map((field) => person[field]) }
  },
  newKeySet: () => new ResidentIdSet(),
  repeats: (first) => `repeats the resident ID of row ${first} (与第${first}行身份证号码重复)`,
  fieldsSet: (columns) => {
    // The file's status dates are the registry's one status date; a status column brings it too.
    const fields = new Set<string>([...columns.keys()].map((field) => (field === 'death_date' || field === 'emigration_date' ? 'status_date' : field)))
    if (fields.has('status')) fields.add('status_date')
    return [...fields]
  },
}

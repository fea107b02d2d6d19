import { AppError } from '../platform/errors.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { createTableWriter, type TableWriter } from '../platform/files/table-writer.js'
import { PERSON_FIELDS, type Person } from './model.js'
import { mapColumns, parsePersonRow } from './person-input.js'
import { ResidentIdSet } from './resident-id-set.js'

export const REJECTION_HEADERS = ['行号 row', '身份证号码 residentId', '字段 field', '原因 reason']

/** What the check of a file found. */
export interface CheckSummary {
  readonly rows: number
  readonly accepted: number
  readonly rejected: number
  readonly encoding: string
  readonly ignoredColumns: readonly string[]
  /** The registry fields the file carries: an existing record keeps the others as they are. */
  readonly fields: readonly string[]
}

/** Where checked rows go: accepted persons as staged lines, and progress through the file. */
export interface CheckSink {
  /** Accepted persons as tab-separated lines (see {@link lineOf}), `count` of them, each ending in a line break. */
  accept(lines: string, count: number): Promise<void> | void
  progress(fraction: number, rows: number): void
}

/**
 * Streams a person file, validating and normalising every row: accepted persons go to the sink,
 * rejected rows (with the field and the reason) to `rejectionsFile`, created only when a row is
 * rejected. Throws an AppError for a file-level problem (wrong encoding, missing columns, a
 * truncated file): the caller writes nothing then.
 *
 * @example
 * const summary = await checkPersonFile('persons.csv', 'rejections.csv', '2026-11-30', sink)
 */
export async function checkPersonFile(file: string, rejectionsFile: string, today: string, sink: CheckSink): Promise<CheckSummary> {
  const table = await openTableStream(file, { maxCellLength: 10_000 })
  const { columns, missing, ignored } = mapColumns(table.headers)
  if (missing.length > 0) {
    throw new AppError('HT_VALIDATION', `Missing columns: ${missing.join(', ')}; nothing was imported (缺少必需的列，未导入任何数据)`, missing.map((column) => ({ row: 1, field: column, message: 'missing column (缺少此列)' })))
  }
  const seen = new ResidentIdSet()
  let rejections: TableWriter | undefined
  let rows = 0
  let accepted = 0
  let rejected = 0
  const reject = async (row: number, id: string, field: string, reason: string) => {
    rejections ??= await createTableWriter(rejectionsFile, 'csv', REJECTION_HEADERS)
    await rejections.write([String(row), id, field, reason])
  }
  const idColumn = columns.get('resident_id') ?? 0
  const width = table.headers.length
  try {
    for await (const chunk of table.rows()) {
      let text = ''
      let count = 0
      for (const { row, cells, formulas } of chunk) {
        rows += 1
        const submittedId = cells[idColumn] ?? ''
        if (formulas.length > 0) {
          rejected += 1
          await reject(row, submittedId, table.headers[formulas[0] ?? 0] ?? '', 'the cell holds a formula, not a value (单元格含公式)')
          continue
        }
        if (cells.length !== width) {
          rejected += 1
          await reject(row, submittedId, 'row', `has ${cells.length} cells where the header has ${width} (列数与表头不一致)`)
          continue
        }
        const parsed = parsePersonRow(cells, columns, today)
        if (parsed.problems !== undefined) {
          rejected += 1
          for (const problem of parsed.problems) await reject(row, submittedId, problem.field, problem.message)
          continue
        }
        const first = seen.addOrGet(parsed.person.resident_id, row)
        if (first !== undefined) {
          rejected += 1
          await reject(row, submittedId, 'resident_id', `repeats the resident ID of row ${first} (与第${first}行身份证号码重复)`)
          continue
        }
        accepted += 1
        count += 1
        text += `${lineOf(parsed.person)}\n`
      }
      if (count > 0) await sink.accept(text, count)
      sink.progress(table.bytesRead() / Math.max(1, table.size), rows)
    }
  } finally {
    await (rejections as TableWriter | undefined)?.close()
  }
  const fields = new Set<string>([...columns.keys()].map((field) => (field === 'death_date' || field === 'emigration_date' ? 'status_date' : field)))
  if (fields.has('status')) fields.add('status_date')
  return { rows, accepted, rejected, encoding: table.encoding ?? table.format, ignoredColumns: ignored, fields: [...fields] }
}

/** A checked person as one staged line: the registry's fields in order, tab-separated (checked values hold no tabs or line breaks). */
export function lineOf(person: Person): string {
  return PERSON_FIELDS.map((field) => person[field]).join('\t')
}

export function personOfLine(line: string): Person {
  const values = line.split('\t')
  const person: Record<string, string> = {}
  PERSON_FIELDS.forEach((field, index) => {
    person[field] = values[index] ?? ''
  })
  return person as unknown as Person
}

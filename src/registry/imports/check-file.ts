import { AppError } from '../../platform/errors.js'
import { openTableStream } from '../../platform/files/table-stream.js'
import { createTableWriter, type TableWriter } from '../../platform/files/table-writer.js'
import { RowPacker, type PackedRows } from './packed-rows.js'

/** What is wrong with one value of one row. */
export interface RowProblem {
  readonly field: string
  readonly message: string
}

/** A file's header read as a registry's columns. */
export interface ColumnMap {
  /** Field → column index. */
  readonly columns: ReadonlyMap<string, number>
  /** Required fields without a column, as `field (中文)`. */
  readonly missing: readonly string[]
  /** Headers no field takes (unknown, or a second column for a field already taken). */
  readonly ignored: readonly string[]
}

/** The keys of one file seen so far, with the row each first appeared on. */
export interface KeySet {
  /** Adds a key first seen on `row`; when it was seen before, returns that row instead. */
  addOrGet(key: string, row: number): number | undefined
}

/**
 * How one registry reads its import files. The check thread loads it from the module named in
 * the import's spec, which exports it as `rowChecker`, so the registry's rules run there.
 */
export interface RowChecker {
  /** The registry's fields in the order checked rows carry them; the first is the key. */
  readonly fields: readonly string[]
  /** The header of the rejection list: row, key as submitted, field, reason. */
  readonly rejectionHeaders: readonly string[]
  mapColumns(headers: readonly string[]): ColumnMap
  /** One row validated and normalised: its values in {@link fields} order (holding no tab or line break), or its problems. */
  checkRow(
    cells: readonly string[],
    columns: ReadonlyMap<string, number>,
    today: string,
  ): { readonly values: readonly string[] } | { readonly problems: readonly RowProblem[] }
  newKeySet(): KeySet
  /** Why a row repeating the key of row `first` is rejected. */
  repeats(first: number): string
  /** The registry fields a file with these columns sets; an existing record keeps the others. */
  fieldsSet(columns: ReadonlyMap<string, number>): readonly string[]
}

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

/** Where checked rows go: accepted rows packed, and progress through the file. */
export interface CheckSink {
  /** Accepted rows, values in the checker's field order; their buffers are the sink's now. Await it before the next. */
  accept(rows: PackedRows): Promise<void> | void
  progress(fraction: number, rows: number): void
}

/**
 * Streams an import file through a registry's checker: accepted rows go to the sink, rejected
 * rows (with the field and the reason) to `rejectionsFile`, created only when a row is rejected.
 * Throws an AppError for a file-level problem (wrong encoding, missing columns, a truncated
 * file): the caller then writes nothing.
 *
 * @example
 * const summary = await checkFile(rowChecker, 'persons.csv', 'rejections.csv', '2026-11-30', sink)
 */
export async function checkFile(checker: RowChecker, file: string, rejectionsFile: string, today: string, sink: CheckSink): Promise<CheckSummary> {
  const table = await openTableStream(file, { maxCellLength: 10_000 })
  const { columns, missing, ignored } = checker.mapColumns(table.headers)
  if (missing.length > 0) {
    throw new AppError(
      'HT_VALIDATION',
      `Missing columns: ${missing.join(', ')}; nothing was imported (缺少必需的列，未导入任何数据)`,
      missing.map((column) => ({ row: 1, field: column, message: 'missing column (缺少此列)' })),
    )
  }
  const seen = checker.newKeySet()
  const packer = new RowPacker(checker.fields.length)
  let rejections: TableWriter | undefined
  let rows = 0
  let accepted = 0
  let rejected = 0
  const reject = async (row: number, key: string, field: string, reason: string) => {
    rejections ??= await createTableWriter(rejectionsFile, 'csv', checker.rejectionHeaders)
    await rejections.write([String(row), key, field, reason])
  }
  const keyField = checker.fields[0] ?? ''
  const keyColumn = columns.get(keyField) ?? 0
  const width = table.headers.length
  try {
    for await (const chunk of table.rows()) {
      for (const { row, cells, formulas } of chunk) {
        rows += 1
        const submitted = cells[keyColumn] ?? ''
        if (formulas.length > 0) {
          rejected += 1
          await reject(row, submitted, table.headers[formulas[0] ?? 0] ?? '', 'the cell holds a formula, not a value (单元格含公式)')
          continue
        }
        if (cells.length !== width) {
          rejected += 1
          await reject(row, submitted, 'row', `has ${cells.length} cells where the header has ${width} (列数与表头不一致)`)
          continue
        }
        const checked = checker.checkRow(cells, columns, today)
        if ('problems' in checked) {
          rejected += 1
          for (const problem of checked.problems) await reject(row, submitted, problem.field, problem.message)
          continue
        }
        const first = seen.addOrGet(checked.values[0] ?? '', row)
        if (first !== undefined) {
          rejected += 1
          await reject(row, submitted, keyField, checker.repeats(first))
          continue
        }
        accepted += 1
        packer.add(checked.values)
      }
      const packed = packer.take()
      if (packed !== undefined) await sink.accept(packed)
      sink.progress(table.bytesRead() / Math.max(1, table.size), rows)
    }
  } finally {
    await (rejections as TableWriter | undefined)?.close()
  }
  return { rows, accepted, rejected, encoding: table.encoding ?? table.format, ignoredColumns: ignored, fields: checker.fieldsSet(columns) }
}

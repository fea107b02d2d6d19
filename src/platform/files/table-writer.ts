import fs from 'node:fs'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/** Writes a table row by row to a file, in bounded memory. */
export interface TableWriter {
  /** Adds a row; when it returns a promise, await it before the next write (backpressure). */
  write(cells: readonly string[]): Promise<void> | void
  /** Finishes the file: `rows` counts the data rows (not the header), `bytes` the file's size. */
  close(): Promise<{ rows: number; bytes: number }>
}

export interface TableWriterOptions {
  /** CSV only: UTF-8 with a BOM (the default), or GBK for older Chinese office software. */
  readonly encoding?: 'utf-8' | 'gbk'
  /** XLSX only; defaults to `Sheet1`. */
  readonly sheetName?: string
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
/**
 * CSV text gathered before it is encoded and written: large enough to amortise the calls, and
 * small, as encoding a string built of many pieces grows slow past about 32 K characters (a
 * comparison report took 6 µs a row at 64 K, 1 µs at 16 K).
 */
const CSV_FLUSH_CHARS = 16 * 1024
/** Rows between two looks at the XLSX zip's backlog. */
const XLSX_CHECK_ROWS = 256
/** Uncompressed sheet XML allowed to wait for the zip before writers must pause. */
const XLSX_MAX_BACKLOG = 4 * 1024 * 1024
/** Excel's limit, header included. */
const XLSX_MAX_ROWS = 1_048_576
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * Neutralises a cell that a spreadsheet would run as a formula (CSV injection): a leading
 * = + - @ tab or carriage return gets a single quote before it, as OWASP advises. Negative
 * numbers are left alone: they are common in data and cannot carry a formula.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 * neutraliseFormula('-12.5') // '-12.5'
 */
export function neutraliseFormula(cell: string): string {
  const first = cell.charCodeAt(0)
  // = + - @ \t \r
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40 && first !== 0x09 && first !== 0x0d) return cell
  return first === 0x2d && NEGATIVE_NUMBER.test(cell) ? cell : `'${cell}`
}

/**
 * Opens a CSV or XLSX file for writing a report of up to a million rows, header first. CSV is
 * UTF-8 with a BOM (so Excel shows Chinese correctly) or GBK, quoted as csv-stringify quotes for
 * `writeTable`, with formula-like cells neutralised. XLSX is written by exceljs's streaming
 * writer, a row at a time, as text cells (which Excel never runs as formulas).
 *
 * @example
 * const writer = await createTableWriter('/data/reports/42.csv', 'csv', ['行 row', '问题 problem'])
 * for (const problem of problems) await writer.write([String(problem.row), problem.message])
 * const { rows, bytes } = await writer.close()
 */
export async function createTableWriter(
  file: string,
  format: 'csv' | 'xlsx',
  headers: readonly string[],
  options: TableWriterOptions = {},
): Promise<TableWriter> {
  const output = fs.createWriteStream(file)
  await new Promise<void>((resolve, reject) => {
    output.once('ready', () => resolve())
    output.once('error', reject)
  })
  return format === 'csv' ? csvWriter(file, output, headers, options.encoding ?? 'utf-8') : xlsxWriter(file, output, headers, options.sheetName ?? 'Sheet1')
}

/** Remembers a stream's first error, so the next write or close rejects with it. */
function watch(output: fs.WriteStream): () => void {
  let failure: Error | undefined
  output.on('error', (error) => {
    failure ??= error
  })
  return () => {
    if (failure !== undefined) throw failure
  }
}

/**
 * One CSV record as csv-stringify writes it by default: a cell holding a quote, a comma or a line
 * break is quoted, with its quotes doubled. Done here because csv-stringify's per-cell option
 * handling cost about 4 µs a row, most of the time of a million-row report.
 */
function csvRecord(cells: readonly string[]): string {
  let record = ''
  for (let index = 0; index < cells.length; index++) {
    const cell = neutraliseFormula(cells[index] as string)
    if (index > 0) record += ','
    record += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
  }
  return `${record}\n`
}

function csvWriter(file: string, output: fs.WriteStream, headers: readonly string[], encoding: 'utf-8' | 'gbk'): TableWriter {
  const check = watch(output)
  // GB18030 is byte for byte GBK for every GBK character, and keeps the rare characters in
  // names (e.g. 䶮) that GBK would turn into '?'.
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'))
  let text = csvRecord(headers)
  let rows = 0
  let closed = false
  if (encoding === 'utf-8') output.write(UTF8_BOM)

  const flush = (): Promise<void> | void => {
    if (text === '') return
    const ok = output.write(encode(text))
    text = ''
    if (!ok) return drained(output)
  }

  return {
    write(cells) {
      check()
      if (closed) throw new Error(`${file} is closed`)
      text += csvRecord(cells)
      rows++
      return text.length >= CSV_FLUSH_CHARS ? flush() : undefined
    },
    async close() {
      check()
      closed = true
      await flush()
      await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())))
      check()
      return { rows, bytes: output.bytesWritten }
    },
  }
}

function drained(output: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      output.off('drain', done)
      output.off('error', done)
      if (error) reject(error)
      else resolve()
    }
    output.once('drain', done)
    output.once('error', done)
  })
}

/**
 * exceljs 4 passes committed rows to the zip without backpressure: a writer faster than the
 * compressor (as a million-row export is) piles the whole sheet up in memory, about 0.6 KB a
 * row. This reads the backlog waiting in the zip's input; exceljs keeps it in private fields,
 * hence the defensive lookups, which see no backlog should a release rename them.
 */
function zipBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: { pipes?: Array<{ _writableState?: { length?: number } }> } }).stream
  return stream?.pipes?.[0]?._writableState?.length ?? 0
}

function xlsxWriter(file: string, output: fs.WriteStream, headers: readonly string[], sheetName: string): TableWriter {
  const check = watch(output)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false })
  const sheet = workbook.addWorksheet(sheetName)
  // exceljs copies the values into its own cells, so the caller's array is never changed.
  sheet.addRow(headers as string[]).commit()
  let rows = 0
  let closed = false

  const relieve = async () => {
    while (zipBacklog(sheet) > XLSX_MAX_BACKLOG) {
      check()
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  }

  return {
    write(cells) {
      check()
      if (closed) throw new Error(`${file} is closed`)
      if (rows + 1 >= XLSX_MAX_ROWS) throw new RangeError(`An XLSX sheet holds at most ${XLSX_MAX_ROWS} rows: write CSV instead`)
      sheet.addRow(cells as string[]).commit()
      rows++
      return rows % XLSX_CHECK_ROWS === 0 && zipBacklog(sheet) > XLSX_MAX_BACKLOG ? relieve() : undefined
    },
    async close() {
      check()
      closed = true
      sheet.commit()
      await workbook.commit()
      check()
      return { rows, bytes: (await fs.promises.stat(file)).size }
    },
  }
}

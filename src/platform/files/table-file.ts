import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { AppError, type FieldProblem } from '../errors.js'

export type TableFormat = 'csv' | 'xlsx'
export type TextEncoding = 'utf-8' | 'gbk'

/** A spreadsheet as rows of text: the header row and the data rows, cells trimmed. */
export interface Table {
  readonly headers: string[]
  /** Data rows; `rowNumbers[i]` is the 1-based row of `rows[i]` in the file, for error reports. */
  readonly rows: string[][]
  readonly rowNumbers: number[]
  /** The encoding a CSV file was read in. */
  readonly encoding: TextEncoding | 'gb18030' | undefined
}

export interface ReadOptions {
  /** Longest cell accepted, in characters. */
  readonly maxCellLength?: number
  readonly maxRows?: number
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

export const CONTENT_TYPES: Readonly<Record<TableFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Tells XLSX (a ZIP) from CSV by the first bytes, whatever the file was called. */
export function detectFormat(buffer: Buffer): TableFormat {
  return buffer.subarray(0, 4).equals(XLSX_MAGIC) ? 'xlsx' : 'csv'
}

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * GB18030, the superset of GBK that Chinese office software writes.
 *
 * @example
 * decodeText(iconv.encode('姓名', 'gbk')) // { text: '姓名', encoding: 'gb18030' }
 */
export function decodeText(buffer: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' }
  }
}

function fileProblem(message: string, problems: FieldProblem[] = []): AppError {
  return new AppError('HT_VALIDATION', message, problems.length > 0 ? problems : [{ field: 'file', message }])
}

function checkCells(headers: string[], rows: string[][], rowNumbers: number[], options: ReadOptions): void {
  const max = options.maxCellLength ?? 10_000
  const problems: FieldProblem[] = []
  rows.forEach((row, index) => {
    row.forEach((cell, column) => {
      if (cell.length > max) {
        problems.push({
          row: rowNumbers[index] ?? 0,
          field: headers[column] ?? `column ${column + 1}`,
          message: `cell longer than ${max} characters (单元格内容过长)`,
        })
      }
    })
  })
  if (problems.length > 0) throw fileProblem(`${problems.length} cell(s) are too long`, problems)
}

async function readXlsx(buffer: Buffer): Promise<{ cells: string[][]; rowNumbers: number[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw fileProblem('The file is not a readable XLSX workbook (无法读取 XLSX 文件)')
  }
  const sheet = workbook.worksheets[0]
  if (sheet === undefined) throw fileProblem('The workbook has no sheet')
  const cells: string[][] = []
  const rowNumbers: number[] = []
  const problems: FieldProblem[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cell.value
      let text = ''
      if (value === null || value === undefined) text = ''
      else if (value instanceof Date) text = value.toISOString().slice(0, 10)
      else if (typeof value === 'object' && 'formula' in value) {
        problems.push({ row: rowNumber, field: `column ${column}`, message: 'formulas are not accepted; paste values instead (不接受公式，请粘贴为数值)' })
      } else if (typeof value === 'object' && 'richText' in value) text = value.richText.map((part) => part.text).join('')
      else if (typeof value === 'object' && 'text' in value) text = String(value.text)
      else if (typeof value === 'object' && 'error' in value) {
        problems.push({ row: rowNumber, field: `column ${column}`, message: `cell holds an error value ${String(value.error)}` })
      } else text = String(value)
      values[column - 1] = text
    })
    cells.push(Array.from(values, (value) => value ?? ''))
    rowNumbers.push(rowNumber)
  })
  if (problems.length > 0) throw fileProblem(`${problems.length} cell(s) hold formulas or errors`, problems)
  return { cells, rowNumbers }
}

function readCsv(buffer: Buffer): { cells: string[][]; rowNumbers: number[]; encoding: 'utf-8' | 'gb18030' } {
  const { text, encoding } = decodeText(buffer)
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof records
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw fileProblem(`The CSV file cannot be parsed: ${message} (CSV 格式错误)`)
  }
  return { cells: records.map((r) => r.record), rowNumbers: records.map((r) => r.info.lines), encoding }
}

/**
 * Reads the first sheet of an XLSX file or a CSV file (UTF-8, GBK or GB18030, detected) into
 * trimmed text cells. Refuses formulas, error cells, cells over the length limit, and files
 * without a header row, each with the row and column named.
 *
 * @example
 * const table = await readTable(buffer)
 * table.headers // ['资源名称', '资源摘要', …]
 */
export async function readTable(buffer: Buffer, options: ReadOptions = {}): Promise<Table> {
  if (buffer.length === 0) throw fileProblem('The file is empty (文件为空)')
  const format = detectFormat(buffer)
  const read = format === 'xlsx' ? { ...(await readXlsx(buffer)), encoding: undefined } : readCsv(buffer)
  const [header, ...body] = read.cells
  if (header === undefined || header.every((cell) => cell.trim() === '')) throw fileProblem('The file has no header row (缺少表头)')
  const headers = header.map((cell) => cell.trim())
  const rows = body.map((row) => headers.map((_, column) => (row[column] ?? '').trim())).filter((row) => row.some((cell) => cell !== ''))
  const rowNumbers = read.rowNumbers.slice(1).filter((_, index) => (body[index] ?? []).some((cell) => cell.trim() !== ''))
  if (options.maxRows !== undefined && rows.length > options.maxRows)
    throw fileProblem(`The file has ${rows.length} rows; at most ${options.maxRows} are accepted`)
  checkCells(headers, rows, rowNumbers, options)
  return { headers, rows, rowNumbers, encoding: read.encoding === 'utf-8' ? 'utf-8' : read.encoding }
}

export interface Sheet {
  readonly name: string
  readonly headers: readonly string[]
  readonly rows: ReadonlyArray<readonly string[]>
}

/**
 * Writes a table as XLSX (bold, frozen header) or CSV in UTF-8 (with BOM, so Excel reads it)
 * or GBK. Further sheets (XLSX only) follow the first, e.g. a template's instructions.
 *
 * @example
 * const bytes = await writeTable({ name: '目录', headers: ['代码'], rows: [['101/000001']] }, 'csv', 'gbk')
 */
export async function writeTable(table: Sheet, format: TableFormat, encoding: TextEncoding = 'utf-8', more: readonly Sheet[] = []): Promise<Buffer> {
  if (format === 'csv') {
    const text = stringify([table.headers, ...table.rows])
    return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')])
  }
  const workbook = new ExcelJS.Workbook()
  for (const { name, headers, rows } of [table, ...more]) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([...headers]).font = { bold: true }
    for (const row of rows) sheet.addRow([...row])
    sheet.columns.forEach((column, index) => {
      const longest = Math.max(...[headers[index] ?? '', ...rows.map((row) => row[index] ?? '')].map((text) => [...text].length))
      column.width = Math.min(60, Math.max(8, longest * 1.6))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

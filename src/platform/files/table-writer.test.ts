import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTableStream } from './table-stream.js'
import { createTableWriter, neutraliseFormula, type TableWriterOptions } from './table-writer.js'

const HEADERS = ['行 row', '姓名', '地址', '问题 problem']
const ROWS = [
  ['2', '王䶮', '湖北省武汉市江岸区人民路1号，3楼', '姓名含“引号”和 "quotes"'],
  ['3', '李四', '第一行\n第二行', ''],
  ['4', '', '', '420102197705212568'],
]

let directory: string
let count = 0

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'table-writer-'))
})

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true })
})

async function written(format: 'csv' | 'xlsx', rows: string[][], options?: TableWriterOptions) {
  const file = path.join(directory, `${++count}.${format}`)
  const writer = await createTableWriter(file, format, HEADERS, options)
  for (const row of rows) await writer.write(row)
  return { file, result: await writer.close() }
}

async function readBack(file: string) {
  const table = await openTableStream(file)
  const rows: string[][] = []
  for await (const chunk of table.rows()) rows.push(...chunk.map((row) => row.cells))
  return { table, rows }
}

const CASES = [
  { format: 'csv', encoding: 'utf-8', read: 'utf-8' },
  { format: 'csv', encoding: 'gbk', read: 'gb18030' },
  { format: 'xlsx', encoding: undefined, read: undefined },
] as const

for (const { format, encoding, read } of CASES) {
  describe(`createTableWriter: ${format} ${encoding ?? ''}`, () => {
    it('round-trips through openTableStream', async () => {
      const { file, result } = await written(format, ROWS, { encoding })
      expect(result).toEqual({ rows: ROWS.length, bytes: fs.statSync(file).size })
      const { table, rows } = await readBack(file)
      expect(table).toMatchObject({ format, encoding: read, headers: HEADERS })
      expect(rows).toEqual(ROWS)
    })

    it('round-trips thousands of rows of Chinese text', async () => {
      const many = Array.from({ length: 5000 }, (_, index) => [
        String(index + 2),
        `张三丰${index}`,
        `湖北省武汉市江岸区人民路${index}号`,
        index % 7 === 0 ? '备注，含逗号' : '',
      ])
      const { file } = await written(format, many, { encoding })
      expect((await readBack(file)).rows).toEqual(many)
    })
  })
}

describe('createTableWriter', () => {
  it('writes UTF-8 CSV with a BOM, so Excel reads the Chinese', async () => {
    const { file } = await written('csv', ROWS)
    expect([...fs.readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('neutralises formula-like cells in CSV, and leaves XLSX text cells as they are', async () => {
    const risky = [
      ['=1+1', '+86 138', '-2+3', '@SUM(A1)'],
      ['-12.5', '\tx', 'a=b', '=HYPERLINK("http://evil")'],
    ]
    const csv = await readBack((await written('csv', risky)).file)
    expect(csv.rows).toEqual([
      ["'=1+1", "'+86 138", "'-2+3", "'@SUM(A1)"],
      ['-12.5', "'\tx", 'a=b', '\'=HYPERLINK("http://evil")'],
    ])
    const xlsx = await openTableStream((await written('xlsx', risky)).file)
    for await (const chunk of xlsx.rows()) {
      expect(chunk.map((row) => row.cells)).toEqual([risky[0], ['-12.5', 'x', 'a=b', '=HYPERLINK("http://evil")']])
      expect(chunk.every((row) => row.formulas.length === 0)).toBe(true)
    }
  })

  it('names the XLSX sheet', async () => {
    const { file } = await written('xlsx', ROWS, { sheetName: '比对结果' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['比对结果'])
  })

  it.each([
    ['=cmd', "'=cmd"],
    ['-1', '-1'],
    ['-1e5', "'-1e5"],
    ['', ''],
    ['普通', '普通'],
  ])('neutraliseFormula(%j) is %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected)
  })
})

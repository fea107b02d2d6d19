import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { openTableStream, type StreamedRow, type TableStream, type TableStreamOptions } from './table-stream.js'

let directory: string
let count = 0

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'table-stream-'))
})

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true })
})

function fileOf(content: string | Buffer, extension = 'csv'): string {
  const file = path.join(directory, `${++count}.${extension}`)
  fs.writeFileSync(file, content)
  return file
}

async function xlsxOf(rows: ExcelJS.CellValue[][], build?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('数据')
  for (const row of rows) sheet.addRow(row)
  build?.(workbook)
  const file = path.join(directory, `${++count}.xlsx`)
  await workbook.xlsx.writeFile(file)
  return file
}

async function allRows(table: TableStream): Promise<StreamedRow[]> {
  const rows: StreamedRow[] = []
  for await (const chunk of table.rows()) rows.push(...chunk)
  return rows
}

async function read(content: string | Buffer, options?: TableStreamOptions) {
  const table = await openTableStream(fileOf(content), options)
  return { table, rows: await allRows(table) }
}

/** The file-level problem of a refused file. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    const problem = (error as AppError).errors[0]
    expect(problem?.field).toBe('file')
    return { message: (error as AppError).message, row: problem?.row }
  }
  throw new Error('expected a refusal')
}

describe('openTableStream: CSV', () => {
  it('reads UTF-8 with a BOM, trimming cells and skipping blank rows', async () => {
    const { table, rows } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名 , 编号\n 张三 ,1\n\n,\n李四,2\n')]))
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', headers: ['姓名', '编号'] })
    expect(rows).toEqual([
      { row: 2, cells: ['张三', '1'], formulas: [] },
      { row: 5, cells: ['李四', '2'], formulas: [] },
    ])
    expect(table.bytesRead()).toBe(table.size)
  })

  it('detects GBK and reads GB18030 characters that GBK lacks', async () => {
    const { table, rows } = await read(iconv.encode('姓名,编号\r\n王䶮,1\r\n', 'gb18030'))
    expect(table.encoding).toBe('gb18030')
    expect(table.headers).toEqual(['姓名', '编号'])
    expect(rows.map((row) => row.cells)).toEqual([['王䶮', '1']])
  })

  it('keeps a quoted cell that spans lines in the row where its record starts', async () => {
    const { rows } = await read('a,b\r\n1,"第一行\r\n第二行"\r\n\r\n3,"x,""y"""\r\n')
    expect(rows).toEqual([
      { row: 2, cells: ['1', '第一行\r\n第二行'], formulas: [] },
      { row: 4, cells: ['3', 'x,"y"'], formulas: [] },
    ])
  })

  it('reads old Mac files, whose records end with CR alone', async () => {
    const { rows } = await read('a,b\r1,2\r3,4\r')
    expect(rows.map((row) => [row.row, ...row.cells])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ])
  })

  it('yields a row with a different number of cells as is', async () => {
    const { rows } = await read('a,b,c\n1,2\n1,2,3,4\n')
    expect(rows.map((row) => row.cells)).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ])
  })

  const samples = [
    'a,b\n"x""y",z',
    'a,b\n"",x\n" ",y',
    'a,b\n"1,2",3\n4,"5,6"',
    'a,b,c\n1,"two\nlines",3\n4,5,6',
    'a,b\n1,\n,2\n,,\n',
    'a,b\r\n"x\r\ny",z\r\n',
    'a\n"只有一列"\n中文',
    'a,b\n"""quoted""",plain  \n  spaced ,"  kept  "',
    'a,b\n1, "2"',
    'a,b\n"1" ,2',
    'a,b\n"1"x,2',
    'a,b\n1,2"3"',
  ]
  for (const sample of samples) {
    it(`splits records as csv-parse does, or refuses them as it does: ${JSON.stringify(sample)}`, async () => {
      let expected: string[][] | 'refused'
      try {
        expected = (parse(sample, { relax_column_count: true }) as string[][])
          .map((record) => record.map((cell) => cell.trim()))
          .filter((record) => record.some((cell) => cell !== ''))
      } catch {
        expected = 'refused'
      }
      if (expected === 'refused') {
        expect((await refusal(read(sample))).message).toMatch(/CSV 格式错误/)
      } else {
        const { table, rows } = await read(sample)
        expect([table.headers, ...rows.map((row) => row.cells)]).toEqual(expected)
      }
    })
  }

  it('can be read again, and closes the file when left early', async () => {
    const table = await openTableStream(fileOf(`a,b\n${Array.from({ length: 50_000 }, (_, index) => `${index},名字${index}`).join('\n')}\n`))
    for await (const chunk of table.rows()) {
      expect(chunk[0]?.row).toBe(2)
      break
    }
    const rows = await allRows(table)
    expect(rows).toHaveLength(50_000)
    expect(rows.at(-1)).toMatchObject({ row: 50_001, cells: ['49999', '名字49999'] })
  })

  it('refuses an empty file and a file without a header', async () => {
    expect((await refusal(read(''))).message).toMatch(/empty/)
    expect((await refusal(read('\n\n,,\n'))).message).toMatch(/no header/)
  })

  it('refuses duplicate and empty header names, listing them', async () => {
    expect(await refusal(read('姓名,编号,姓名\n1,2,3\n'))).toMatchObject({ row: 1, message: expect.stringContaining('姓名') })
    expect((await refusal(read('a,,c\n1,2,3\n'))).message).toMatch(/column\(s\) 2/)
  })

  it('refuses a file that ends inside a quoted cell, naming the row', async () => {
    expect(await refusal(read('a,b\n1,2\n3,"unterminated\n4,5\n'))).toMatchObject({ row: 3, message: expect.stringMatching(/truncated/) })
  })

  it('refuses malformed quoting, naming the row', async () => {
    expect(await refusal(read('a,b\n1,2\n3,4"5\n'))).toMatchObject({ row: 3, message: expect.stringMatching(/CSV 格式错误/) })
    expect(await refusal(read('a,b\n"1"2,3\n'))).toMatchObject({ row: 2 })
  })

  it('refuses a cell over the length limit, naming the row', async () => {
    expect(await refusal(read(`a,b\n1,2\n3,${'长'.repeat(30)}\n`, { maxCellLength: 20 }))).toMatchObject({ row: 3, message: expect.stringMatching(/column 2/) })
  })

  it('refuses a record over the size limit, as an unclosed quote makes', async () => {
    const content = `a,b\n1,"never closed\n${'3,4\n'.repeat(1000)}`
    expect(await refusal(read(content, { maxRecordBytes: 1000 }))).toMatchObject({ row: 2, message: expect.stringMatching(/larger than/) })
  })

  it('ignores a character cut by the 64 KiB sample, and names the row where invalid UTF-8 appears later', async () => {
    const lines = ['header']
    for (let index = 0; lines.length < 4000; index++) lines.push(`张三丰${index},${index}`)
    // Pad the header until the sample's last character is cut in two.
    const aligned = [0, 1, 2]
      .map((pad) => Buffer.from(`姓名${'x'.repeat(pad)},编号\n${lines.slice(1).join('\n')}\n`))
      .find((bytes) => ((bytes[64 * 1024] as number) & 0xc0) === 0x80)
    expect(aligned).toBeDefined()
    const good = await read(aligned as Buffer)
    expect(good.table.encoding).toBe('utf-8')
    const rows = lines.length
    const mixed = Buffer.concat([aligned as Buffer, Buffer.from('赵六,1\n'), iconv.encode('王五,2\n', 'gbk'), Buffer.from('孙七,3\n')])
    expect(await refusal(read(mixed))).toMatchObject({ row: rows + 2, message: expect.stringMatching(/UTF-8.*文件编码不一致/) })
  })

  it('names the row of an invalid byte in the middle of a record', async () => {
    const content = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff]), Buffer.from('x\n5,6\n')])
    expect(await refusal(read(content))).toMatchObject({ row: 3 })
  })

  it('names the row of bytes that are not GB18030 in a GBK file', async () => {
    const content = Buffer.concat([iconv.encode('姓名,编号\n张三,1\n李四,', 'gbk'), Buffer.from([0xff]), Buffer.from('\n')])
    expect(await refusal(read(content))).toMatchObject({ row: 3, message: expect.stringMatching(/GB18030/) })
  })

  it('refuses old .xls workbooks, UTF-16 text and binary files with advice', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])
    expect((await refusal(read(ole))).message).toMatch(/\.xls/)
    expect((await refusal(read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t编号\n', 'utf16le')])))).message).toMatch(/UTF-16/)
    expect((await refusal(read(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))).message).toMatch(/neither CSV/)
  })
})

describe('openTableStream: XLSX', () => {
  it('reads the first sheet, padding short rows and skipping empty ones', async () => {
    const file = await xlsxOf([['姓名', '编号', '备注'], ['张三', '1'], [], ['李四', '2', '无']])
    const table = await openTableStream(file)
    expect(table).toMatchObject({ format: 'xlsx', encoding: undefined, headers: ['姓名', '编号', '备注'] })
    expect(await allRows(table)).toEqual([
      { row: 2, cells: ['张三', '1', ''], formulas: [] },
      { row: 4, cells: ['李四', '2', '无'], formulas: [] },
    ])
    expect(table.bytesRead()).toBe(table.size)
  })

  it('keeps an 18-digit ID stored as text, and writes numbers and dates as plain text', async () => {
    const file = await xlsxOf([
      ['编号', '数值', '日期'],
      ['420102197705212568', Number('420102197705212568'), new Date(Date.UTC(2024, 0, 5))],
      ['x', 1e21, new Date(Date.UTC(2024, 0, 5, 10, 30))],
      ['y', 1.5e-7, true],
    ])
    const rows = await allRows(await openTableStream(file))
    expect(rows.map((row) => row.cells)).toEqual([
      ['420102197705212568', '420102197705212540', '2024-01-05'],
      ['x', '1000000000000000000000', '2024-01-05T10:30:00.000Z'],
      ['y', '0.00000015', 'true'],
    ])
  })

  it('reports formula and error cells with their cached result', async () => {
    const file = await xlsxOf([
      ['a', 'b', 'c'],
      ['1', { formula: '1+1', result: 2 }, 'x'],
      [{ error: '#N/A' }, 'y', { formula: 'A1', result: '文本' }],
    ])
    const rows = await allRows(await openTableStream(file))
    expect(rows).toEqual([
      { row: 2, cells: ['1', '2', 'x'], formulas: [1] },
      { row: 3, cells: ['', 'y', '文本'], formulas: [0, 2] },
    ])
  })

  it('reads Chinese text intact across the chunks exceljs decodes', async () => {
    const data = Array.from({ length: 3000 }, (_, index) => [`湖北省武汉市江岸区人民路${index}号`, `张三丰${index}`])
    const rows = await allRows(await openTableStream(await xlsxOf([['地址', '姓名'], ...data])))
    expect(rows.map((row) => row.cells)).toEqual(data)
  })

  it('refuses duplicate header names and unreadable workbooks', async () => {
    expect(
      (
        await refusal(
          openTableStream(
            await xlsxOf([
              ['a', 'a'],
              ['1', '2'],
            ]),
          ),
        )
      ).message,
    ).toMatch(/repeats/)
    expect((await refusal(openTableStream(fileOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage')]), 'xlsx')))).message).toMatch(
      /XLSX/,
    )
  })
})

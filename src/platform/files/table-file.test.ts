import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { decodeText, detectFormat, readTable, writeTable } from './table-file.js'

const HEADERS = ['资源名称', '信息项名称', '数据长度']
const ROWS = [
  ['人口基础信息', '公民身份号码', '18'],
  ['人口基础信息', '姓名，含“引号”', '50'],
]

async function problemsOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).errors
  }
  throw new Error('expected a refusal')
}

describe('table files', () => {
  it.each(['utf-8', 'gbk'] as const)('round-trips CSV in %s', async (encoding) => {
    const bytes = await writeTable({ name: 's', headers: HEADERS, rows: ROWS }, 'csv', encoding)
    const table = await readTable(bytes)
    expect(table.headers).toEqual(HEADERS)
    expect(table.rows).toEqual(ROWS)
    expect(table.rowNumbers).toEqual([2, 3])
    expect(table.encoding).toBe(encoding === 'gbk' ? 'gb18030' : 'utf-8')
  })

  it('round-trips XLSX', async () => {
    const bytes = await writeTable({ name: 's', headers: HEADERS, rows: ROWS }, 'xlsx')
    expect(detectFormat(bytes)).toBe('xlsx')
    const table = await readTable(bytes)
    expect(table.rows).toEqual(ROWS)
  })

  it('reads GB18030 text that GBK cannot hold', () => {
    expect(decodeText(iconv.encode('䶮𠀀', 'gb18030')).text).toBe('䶮𠀀')
  })

  it('refuses formulas in XLSX, naming the row', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('s')
    sheet.addRow(HEADERS)
    sheet.addRow(['人口基础信息', '姓名', { formula: '1+1', result: 2 }])
    const problems = await problemsOf(readTable(Buffer.from(await workbook.xlsx.writeBuffer())))
    expect(problems[0]).toMatchObject({ row: 2, field: 'column 3' })
  })

  it('refuses cells over the length limit', async () => {
    const bytes = await writeTable({ name: 's', headers: HEADERS, rows: [['x'.repeat(50), 'a', '1']] }, 'csv')
    const problems = await problemsOf(readTable(bytes, { maxCellLength: 20 }))
    expect(problems[0]).toMatchObject({ row: 2, field: '资源名称' })
  })

  it('refuses empty files, broken quoting and broken workbooks', async () => {
    await expect(readTable(Buffer.alloc(0))).rejects.toThrow(/empty/)
    await expect(readTable(Buffer.from('a,b\n"unterminated,1\n'))).rejects.toThrow(/CSV/)
    await expect(readTable(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage')]))).rejects.toThrow(/XLSX/)
  })

  it('skips blank lines but keeps file row numbers', async () => {
    const table = await readTable(Buffer.from('a,b\n1,2\n,\n3,4\n'))
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(table.rowNumbers).toEqual([2, 4])
  })
})

import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import jsonld from 'jsonld'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTable, writeTable } from '../../src/platform/files/table-file.js'
import { CATALOG_COLUMNS } from '../../src/catalog/spreadsheet.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Rows of the catalog spreadsheet for one new conditional resource of civil affairs. */
function civilRows(name: string, overrides: Partial<Record<(typeof CATALOG_COLUMNS)[number], string>> = {}): string[][] {
  const base: Record<string, string> = {
    资源代码: '',
    资源名称: name,
    资源摘要: `${name}，由市民政局按月更新。`,
    提供方代码: '210100005',
    提供方名称: '市民政局',
    资源分类: '主题',
    类目: '社会保障',
    格式分类: '电子表格',
    格式类型: 'XLSX',
    共享类型: '有条件共享',
    共享条件: '仅用于社会救助审核',
    不予共享依据: '',
    共享方式: '接口;文件',
    是否向社会开放: '否',
    开放条件: '',
    更新周期: '每月',
    发布日期: '2025-01-01',
    关联资源代码: '',
    标签: '社会救助;民政',
    是否涉密: '否',
    ...overrides,
  }
  const item = (values: string[]) => [...CATALOG_COLUMNS.slice(0, 20).map((column) => base[column] ?? ''), ...values]
  return [
    item(['公民身份号码', 'resident_id', 'C', '18', '是', '是', '是', '居民身份证号码', '否', '', '']),
    item(['姓名', 'name', '字符型', '50', '是', '否', '是', '', '否', '', '']),
    item(['救助金额', 'amount', 'Y', '10', '否', '否', '否', '', '否', '', '元/月']),
  ]
}

for (const dialect of DIALECTS) {
  describe(`catalog import, export and DCAT-AP on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
    })
    afterAll(async () => {
      await t?.close()
    })

    const upload = async (username: string, body: Buffer, contentType: string, query = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/catalog/import${query}`,
        headers: { authorization: `Bearer ${await t.token(username)}`, 'content-type': contentType },
        payload: body,
      })
    const mine = async (username: string) =>
      (await t.call(username, 'GET', '/api/v1/catalog/mine?limit=200')).json() as {
        total: number
        items: Array<{ code: string; name: string; status: string; workingStatus: string | null }>
      }

    it('serves a template that reads back with every column', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const response = await t.call('civil', 'GET', `/api/v1/catalog/template?format=${format}`)
        expect(response.statusCode).toBe(200)
        expect(response.headers['content-disposition']).toContain(`.${format}`)
        const table = await readTable(response.rawPayload)
        expect(table.headers).toEqual(CATALOG_COLUMNS)
        expect(table.rows.length).toBeGreaterThan(0)
      }
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load((await t.call('civil', 'GET', '/api/v1/catalog/template')).rawPayload as unknown as ArrayBuffer)
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['政务信息资源目录', '填写说明'])
    })

    it('imports a GBK CSV as drafts, and importing it again changes nothing', async () => {
      const before = (await mine('civil')).total
      const rows = [...civilRows('临时救助对象信息'), ...civilRows('特困供养人员信息')]
      const file = await writeTable({ name: 's', headers: CATALOG_COLUMNS, rows }, 'csv', 'gbk')
      expect(file.includes(Buffer.from('临时救助', 'utf8'))).toBe(false)
      const first = await upload('civil', file, 'text/csv')
      expect(first.statusCode, first.body).toBe(200)
      expect(first.json()).toMatchObject({ updated: [], unchanged: [] })
      expect(first.json().created).toHaveLength(2)
      const after = await mine('civil')
      expect(after.total).toBe(before + 2)
      const created = after.items.find((item) => item.name === '临时救助对象信息')
      expect(created).toMatchObject({ status: 'draft', workingStatus: 'draft' })

      const again = await upload('civil', file, 'text/csv')
      expect(again.json()).toMatchObject({ created: [], updated: [] })
      expect(again.json().unchanged).toHaveLength(2)
      expect((await mine('civil')).total).toBe(before + 2)

      const view = (await t.call('civil', 'GET', `/api/v1/catalog/resources/${(created?.code ?? '').replace('/', '-')}`)).json()
      expect(view.version.content).toMatchObject({ shareType: 'conditional', shareMethods: ['api', 'file'], category: '02', updateCycle: 'monthly' })
      expect(view.version.content.items[1]).toMatchObject({ key: 'name', type: 'C', sensitive: true })
    })

    it('imports XLSX and submits on request; a changed row makes a new draft version', async () => {
      const file = await writeTable({ name: 's', headers: CATALOG_COLUMNS, rows: civilRows('养老服务补贴信息') }, 'xlsx')
      const imported = await upload('civil', file, XLSX, '?submit=true')
      expect(imported.statusCode, imported.body).toBe(200)
      const [code] = imported.json().submitted as string[]
      await t.call('dataoffice', 'POST', `/api/v1/catalog/resources/${(code ?? '').replace('/', '-')}/approve`, {})
      const changed = civilRows('养老服务补贴信息', { 资源代码: code ?? '', 更新周期: '每季度' })
      const second = await upload('civil', await writeTable({ name: 's', headers: CATALOG_COLUMNS, rows: changed }, 'xlsx'), XLSX)
      expect(second.json()).toMatchObject({ updated: [code] })
      const view = (await t.call('civil', 'GET', `/api/v1/catalog/resources/${(code ?? '').replace('/', '-')}`)).json()
      expect(view).toMatchObject({ status: 'published', publishedVersion: 1, latestVersion: 2, workingStatus: 'draft' })
    })

    it('refuses a file with bad rows, naming every row and column, and imports nothing', async () => {
      const before = (await mine('civil')).total
      const rows = [...civilRows('坏数据一', { 共享条件: '' }), ...civilRows('坏数据二', { 更新周期: '每十年', 提供方代码: '210100003' })]
      rows[1]![CATALOG_COLUMNS.indexOf('数据类型')] = 'Q'
      rows[2]![CATALOG_COLUMNS.indexOf('字段名')] = 'resident_id'
      const response = await upload('civil', await writeTable({ name: 's', headers: CATALOG_COLUMNS, rows }, 'csv'), 'text/csv')
      expect(response.statusCode).toBe(400)
      const errors = response.json().errors as Array<{ row: number; field: string }>
      const located = errors.map((error) => `${error.row}:${error.field}`)
      expect(located).toEqual(expect.arrayContaining(['2:共享条件', '3:数据类型', '4:字段名', '5:更新周期', '5:提供方代码']))
      expect((await mine('civil')).total).toBe(before)
    })

    it('refuses a file missing columns, and another department’s rows', async () => {
      const missing = await upload('civil', Buffer.from('资源名称,资源摘要\n甲,乙\n'), 'text/csv')
      expect(missing.statusCode).toBe(400)
      expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('信息项名称')
      const forbidden = await upload('heping', await writeTable({ name: 's', headers: CATALOG_COLUMNS, rows: civilRows('x') }, 'csv'), 'text/csv')
      expect(forbidden.statusCode).toBe(403)
      const json = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/import',
        headers: { authorization: `Bearer ${await t.token('civil')}` },
        payload: { file: 'x' },
      })
      expect(json.statusCode).toBe(415)
    })

    it('exports published entries in GBK that the owning department can import unchanged', async () => {
      const response = await t.call('police', 'GET', '/api/v1/catalog/export?format=csv&encoding=gbk&department=210100003')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('gbk')
      const text = iconv.decode(response.rawPayload, 'gbk')
      expect(text).toContain('人口基础信息')
      const table = await readTable(response.rawPayload)
      const codes = new Set(table.rows.map((row) => row[0]))
      expect(codes.size).toBeGreaterThan(2)
      const reimported = await upload('police', response.rawPayload, 'text/csv')
      expect(reimported.statusCode, reimported.body).toBe(200)
      expect(reimported.json()).toMatchObject({ created: [], updated: [] })
      expect(reimported.json().unchanged).toHaveLength(codes.size)
    })

    it('publishes DCAT-AP JSON-LD that an RDF parser reads as one catalog of datasets', async () => {
      const response = await t.call('heping', 'GET', '/api/v1/catalog/dcat.jsonld')
      expect(response.headers['content-type']).toContain('application/ld+json')
      const published = (await t.call('heping', 'GET', '/api/v1/catalog/resources?limit=1')).json().total as number
      const quads = (await jsonld.toRDF(response.json(), { format: 'application/n-quads' })) as unknown as string
      const triples = quads.split('\n').filter(Boolean)
      const TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
      const catalogs = triples.filter((line) => line.includes(TYPE) && line.includes('<http://www.w3.org/ns/dcat#Catalog>'))
      const datasets = triples.filter((line) => line.includes(TYPE) && line.includes('<http://www.w3.org/ns/dcat#Dataset>'))
      expect(catalogs).toHaveLength(1)
      expect(datasets).toHaveLength(published)
      expect(triples.filter((line) => line.includes('<http://www.w3.org/ns/dcat#dataset>'))).toHaveLength(published)
      const subject = datasets[0]?.split(' ')[0] ?? ''
      const predicates = new Set(triples.filter((line) => line.startsWith(`${subject} `)).map((line) => line.split(' ')[1]))
      for (const predicate of [
        'http://purl.org/dc/terms/title',
        'http://purl.org/dc/terms/description',
        'http://purl.org/dc/terms/publisher',
        'http://purl.org/dc/terms/identifier',
        'http://www.w3.org/ns/dcat#keyword',
        'http://www.w3.org/ns/dcat#theme',
        'http://purl.org/dc/terms/accrualPeriodicity',
        'http://purl.org/dc/terms/accessRights',
        'http://purl.org/dc/terms/issued',
        'http://purl.org/dc/terms/modified',
      ]) {
        expect(predicates, predicate).toContain(`<${predicate}>`)
      }
      expect(quads).toContain('"人口基础信息"@zh')

      const one = await t.call('heping', 'GET', '/api/v1/catalog/resources/101-000001/dcat.jsonld')
      const oneQuads = (await jsonld.toRDF(one.json(), { format: 'application/n-quads' })) as unknown as string
      expect(oneQuads).toContain('<http://www.w3.org/ns/dcat#Dataset>')
      expect(oneQuads).toContain('"101/000001"')
    })
  })
}

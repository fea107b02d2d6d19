import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/context.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { allowanceEntry, populationEntry } from '../support/catalog-fixtures.js'
import { DIALECTS } from '../support/databases.js'

const path = (code: string) => `/api/v1/catalog/resources/${code.replace('/', '-')}`

for (const dialect of DIALECTS) {
  describe(`catalog lifecycle and search on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
    })
    afterAll(async () => {
      await t?.close()
    })

    const search = async (username: string, query: string) => {
      const response = await t.call(username, 'GET', `/api/v1/catalog/resources?${query}`)
      expect(response.statusCode, response.body).toBe(200)
      return response.json() as { items: Array<{ code: string; name: string }>; total: number; facets: Record<string, Array<{ value: string; count: number }>> }
    }

    it('refuses an entry that breaks the rules, naming each field, and writes nothing', async () => {
      const cases: Array<[unknown, string]> = [
        [allowanceEntry({ shareCondition: '' }), '/shareCondition'],
        [allowanceEntry({ shareType: 'none', shareMethods: [], legalBasis: '' }), '/legalBasis'],
        [allowanceEntry({ secrecy: 'secret' }), '/secrecy'],
        [allowanceEntry({ items: [{ name: '姓名', key: 'name', type: 'C', length: 50 }] }), '/items'],
        [
          allowanceEntry({
            items: [
              { name: 'a', key: 'k', type: 'C', length: 5, primaryKey: true, required: true },
              { name: 'b', key: 'k', type: 'C', length: 5 },
            ],
          }),
          '/items/1/key',
        ],
        [
          populationEntry({
            items: [
              { name: '公民身份号码', key: 'resident_id', type: 'C', length: 18, primaryKey: true, required: true, baseItem: true, shareType: 'conditional' },
            ],
          }),
          '/items/0/shareType',
        ],
      ]
      for (const [body, field] of cases) {
        const response = await t.call('civil', 'POST', '/api/v1/catalog/resources', body)
        expect(response.statusCode, field).toBe(400)
        expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field)
      }
      expect((await t.call('civil', 'GET', '/api/v1/catalog/mine')).json().total).toBe(0)
    })

    it('takes an entry from draft through review to published, then versions it', async () => {
      const created = await t.call('police', 'POST', '/api/v1/catalog/resources', populationEntry())
      expect(created.statusCode, created.body).toBe(201)
      const { code } = created.json() as { code: string }
      expect(code).toMatch(/^101\/\d{6}$/)
      expect(created.json()).toMatchObject({ status: 'draft', workingStatus: 'draft', actions: expect.arrayContaining(['edit', 'submit', 'discard']) })

      // A draft is its department's and the data office's only.
      expect((await t.call('civil', 'GET', path(code))).statusCode).toBe(404)
      expect((await t.call('dataoffice', 'GET', path(code))).statusCode).toBe(200)
      expect((await search('heping', 'q=人口')).total).toBe(0)

      expect((await t.call('police', 'POST', `${path(code)}/submit`)).json()).toMatchObject({ status: 'submitted' })
      const queue = (await t.call('dataoffice', 'GET', '/api/v1/catalog/reviews')).json()
      expect(queue.items.map((item: { code: string }) => item.code)).toContain(code)
      const approved = await t.call('dataoffice', 'POST', `${path(code)}/approve`, { comment: '同意' })
      expect(approved.json()).toMatchObject({ status: 'published', publishedVersion: 1, workingStatus: null })
      expect((await search('heping', 'q=人口')).items.map((item) => item.code)).toContain(code)

      // Editing a published entry opens version 2; version 1 stays published and searchable.
      const edited = await t.call(
        'police',
        'PUT',
        `${path(code)}/draft`,
        populationEntry({ tags: ['人口', '户籍', '一人一档'], abstract: '新的摘要：全市人口基础信息。' }),
      )
      expect(edited.json()).toMatchObject({ status: 'published', publishedVersion: 1, latestVersion: 2, workingStatus: 'draft' })
      expect((await t.call('heping', 'GET', path(code))).json()).toMatchObject({ latestVersion: 1, workingStatus: null, versions: [{ version: 1 }] })
      expect((await search('heping', 'q=一人一档')).total).toBe(0)

      await t.call('police', 'POST', `${path(code)}/submit`)
      const returned = await t.call('dataoffice', 'POST', `${path(code)}/return`, { reason: '摘要过于简略' })
      expect(returned.json()).toMatchObject({ workingStatus: 'returned', status: 'published' })
      const reviews = (await t.call('police', 'GET', path(code))).json().reviews as Array<{ action: string; comment: string | null }>
      expect(reviews[0]).toMatchObject({ action: 'return', comment: '摘要过于简略' })

      await t.call(
        'police',
        'PUT',
        `${path(code)}/draft`,
        populationEntry({ tags: ['人口', '户籍', '一人一档'], abstract: '全市户籍人口和常住人口的基础信息，支持一人一档查询。' }),
      )
      await t.call('police', 'POST', `${path(code)}/submit`)
      const second = await t.call('dataoffice', 'POST', `${path(code)}/approve`, {})
      expect(second.json()).toMatchObject({ publishedVersion: 2, latestVersion: 2 })
      expect((await search('heping', 'q=一人一档')).items.map((item) => item.code)).toEqual([code])

      const view = (await t.call('heping', 'GET', path(code))).json()
      expect(view.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'published'],
        [1, 'superseded'],
      ])
      expect((await t.call('heping', 'GET', `${path(code)}/versions/1`)).json().content.tags).toEqual(['人口', '户籍'])
      const diff = (await t.call('heping', 'GET', `${path(code)}/diff?from=1&to=2`)).json()
      expect(diff.fields.map((f: { field: string }) => f.field).sort()).toEqual(['abstract', 'tags'])
      expect(diff.fields.find((f: { field: string }) => f.field === 'tags')).toMatchObject({ before: ['人口', '户籍'], after: ['人口', '户籍', '一人一档'] })

      // Retiring takes it out of search; its versions stay readable.
      expect((await t.call('police', 'POST', `${path(code)}/retire`, { reason: '由新目录替代' })).json()).toMatchObject({ status: 'retired' })
      expect((await search('heping', 'q=一人一档')).total).toBe(0)
      expect((await t.call('heping', 'GET', path(code))).json().version).toMatchObject({ version: 2, status: 'retired' })
      expect((await t.call('police', 'PUT', `${path(code)}/draft`, populationEntry())).statusCode).toBe(409)
    })

    it('keeps codes stable and unique per classification, and names unique per department', async () => {
      const first = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry())).json().code as string
      const second = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '特困人员救助供养信息' }))).json().code as string
      expect(first).toMatch(/^202\/\d{6}$/)
      expect(Number(second.split('/')[1])).toBe(Number(first.split('/')[1]) + 1)
      const duplicate = await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry())
      expect(duplicate.statusCode).toBe(409)
      const renamed = await t.call(
        'civil',
        'PUT',
        `${path(first)}/draft`,
        allowanceEntry({ name: '城乡最低生活保障对象信息', classification: 'department', category: null }),
      )
      expect(renamed.json().code).toBe(first)
      const discarded = await t.call('civil', 'DELETE', `${path(second)}/draft`)
      expect(discarded.json()).toEqual({ deleted: true })
      expect((await t.call('civil', 'GET', path(second))).statusCode).toBe(404)
    })

    it('cannot skip review steps', async () => {
      const code = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '婚姻登记信息' }))).json().code as string
      expect((await t.call('dataoffice', 'POST', `${path(code)}/approve`, {})).statusCode).toBe(409)
      await t.call('civil', 'POST', `${path(code)}/submit`)
      expect((await t.call('civil', 'PUT', `${path(code)}/draft`, allowanceEntry({ name: '婚姻登记信息' }))).statusCode).toBe(409)
      expect((await t.call('civil', 'POST', `${path(code)}/withdraw`)).json()).toMatchObject({ status: 'draft' })
      expect((await t.call('civil', 'POST', `${path(code)}/retire`, { reason: 'x' })).statusCode).toBe(409)
    })
  })

  describe(`catalog search over the demo catalog on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
    })
    afterAll(async () => {
      await t?.close()
    })

    const names = async (query: string) =>
      ((await t.call('heping', 'GET', `/api/v1/catalog/resources?${query}&limit=100`)).json() as { items: Array<{ name: string }> }).items.map(
        (item) => item.name,
      )

    it.each([
      ['q=人口', '人口基础信息'],
      ['q=低保', '城乡低保对象信息'],
      ['q=rkjc', '人口基础信息'],
      ['q=renkou', '人口基础信息'],
      ['q=RenKou', '人口基础信息'],
      ['q=人口信息', '人口基础信息'],
      ['q=法人', '法人基础信息'],
      ['q=frjc', '法人基础信息'],
      ['q=公民身份号码', '人口基础信息'],
    ])('%s finds %s', async (query, name) => {
      expect(await names(query)).toContain(name)
    })

    it('ranks a name match above a mention', async () => {
      expect((await names('q=人口'))[0]).toBe('人口基础信息')
    })

    it('combines a query with facets and counts the facets', async () => {
      const all = (await t.call('heping', 'GET', '/api/v1/catalog/resources?limit=1')).json()
      expect(all.total).toBeGreaterThanOrEqual(44)
      const counts = Object.fromEntries(all.facets.shareType.map((f: { value: string; count: number }) => [f.value, f.count]))
      expect(counts.unconditional + counts.conditional + counts.none).toBe(all.total)

      const conditional = (await t.call('heping', 'GET', '/api/v1/catalog/resources?shareType=conditional&limit=200')).json()
      expect(conditional.total).toBe(counts.conditional)
      expect(conditional.items.every((item: { shareType: string }) => item.shareType === 'conditional')).toBe(true)
      // Disjunctive facets: the share-type counts ignore the share-type filter itself.
      expect(conditional.facets.shareType).toEqual(all.facets.shareType)

      const police = (await t.call('heping', 'GET', '/api/v1/catalog/resources?department=210100003&department=210100005&limit=200')).json()
      expect(new Set(police.items.map((item: { department: { code: string } }) => item.department.code))).toEqual(new Set(['210100003', '210100005']))
      const both = (await t.call('heping', 'GET', '/api/v1/catalog/resources?q=信息&open=true&formatClass=数据库&limit=200')).json()
      expect(both.items.every((item: { open: boolean; formatClass: string }) => item.open && item.formatClass === '数据库')).toBe(true)
    })

    it('sorts by name in pinyin order and pages', async () => {
      const page1 = (await t.call('heping', 'GET', '/api/v1/catalog/resources?sort=name&limit=5&offset=0')).json()
      const page2 = (await t.call('heping', 'GET', '/api/v1/catalog/resources?sort=name&limit=5&offset=5')).json()
      const sorted = [...page1.items, ...page2.items].map((item: { name: string }) => item.name)
      expect(sorted).toHaveLength(10)
      expect(new Set(sorted).size).toBe(10)
      const first = (await t.call('heping', 'GET', '/api/v1/catalog/resources?sort=-name&limit=1')).json().items[0].name
      expect(sorted).not.toContain(first)
    })

    it('suggests names as one types', async () => {
      const suggestions = (await t.call('heping', 'GET', `/api/v1/catalog/suggest?q=${encodeURIComponent('rk')}`)).json()
      expect(suggestions.map((s: { name: string }) => s.name)).toContain('人口基础信息')
    })

    it('answers alike on a second node over the same database', async () => {
      const other = createContext(t.testDatabase.config, t.testDatabase.database)
      const before = await other.catalog.search({ q: '社区志愿者', limit: 10, offset: 0 })
      expect(before.total).toBe(0)
      const code = (await t.call('heping', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '社区志愿者信息', tags: ['志愿者'] }))).statusCode
      expect(code).toBe(403)
      const created = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '社区志愿者信息', tags: ['志愿者'] }))).json()
        .code as string
      await t.call('civil', 'POST', `${path(created)}/submit`)
      await t.call('dataoffice', 'POST', `${path(created)}/approve`, {})
      expect((await other.catalog.search({ q: '社区志愿者', limit: 10, offset: 0 })).items.map((item) => item.code)).toEqual([created])
      await t.call('dataoffice', 'POST', `${path(created)}/retire`, { reason: '合并' })
      expect((await other.catalog.search({ q: '社区志愿者', limit: 10, offset: 0 })).total).toBe(0)
    })

    it('counts entries for dashboards', async () => {
      const stats = (await t.call('dataoffice', 'GET', '/api/v1/catalog/stats')).json()
      expect(stats.totals.published).toBeGreaterThanOrEqual(44)
      expect(stats.totals.pendingReview).toBe(2)
      const police = stats.byDepartment.find((d: { code: string }) => d.code === '210100003')
      expect(police.published).toBeGreaterThan(0)
      expect(stats.byShareType.map((c: { value: string }) => c.value).sort()).toEqual(['conditional', 'none', 'unconditional'])
      expect(stats.byShareType.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(stats.totals.published)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessMatrix } from '../support/access-matrix.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { allowanceEntry, populationEntry } from '../support/catalog-fixtures.js'
import { DIALECTS } from '../support/databases.js'
import { CATALOG_ENDPOINTS } from '../support/endpoints/catalog.js'

for (const dialect of DIALECTS) {
  describe(`who may and may not use the catalog, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
    })
    afterAll(async () => {
      await t?.close()
    })

    accessMatrix(() => t, CATALOG_ENDPOINTS)

    const path = (code: string) => `/api/v1/catalog/resources/${code.replace('/', '-')}`

    it('a steward may not edit, submit, discard or retire another department’s entry', async () => {
      const civilEntry = (await t.call('heping', 'GET', '/api/v1/catalog/resources?department=210100005&limit=1')).json().items[0].code as string
      expect((await t.call('police', 'PUT', `${path(civilEntry)}/draft`, allowanceEntry())).statusCode).toBe(403)
      expect((await t.call('police', 'POST', `${path(civilEntry)}/retire`, { reason: 'x' })).statusCode).toBe(403)
      expect((await t.call('police', 'DELETE', `${path(civilEntry)}/draft`)).statusCode).toBe(403)
      expect((await t.call('police', 'POST', `${path(civilEntry)}/submit`)).statusCode).toBe(403)
    })

    it('another department cannot see, or learn of, a draft', async () => {
      const code = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '保密草稿测试' }))).json().code as string
      for (const [method, url] of [
        ['GET', path(code)],
        ['GET', `${path(code)}/versions/1`],
        ['PUT', `${path(code)}/draft`],
        ['POST', `${path(code)}/submit`],
      ] as const) {
        const response = await t.call('police', method, url, method === 'PUT' ? populationEntry() : undefined)
        expect(response.statusCode, `${method} ${url}`).toBe(404)
      }
      expect((await t.call('heping', 'GET', '/api/v1/catalog/mine')).json().items.map((item: { code: string }) => item.code)).not.toContain(code)
      expect((await t.call('dataoffice', 'GET', path(code))).statusCode).toBe(200)
      const civilColleague = (await t.call('civil', 'GET', path(code))).statusCode
      expect(civilColleague).toBe(200)
    })

    it('the data office reviews but does not register, and a steward does not approve', async () => {
      expect((await t.call('dataoffice', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '数据办登记' }))).statusCode).toBe(403)
      const code = (await t.call('civil', 'POST', '/api/v1/catalog/resources', allowanceEntry({ name: '待审核测试' }))).json().code as string
      await t.call('civil', 'POST', `${path(code)}/submit`)
      expect((await t.call('civil', 'POST', `${path(code)}/approve`, {})).statusCode).toBe(403)
      expect((await t.call('dataoffice', 'POST', `${path(code)}/approve`, {})).statusCode).toBe(200)
    })

    it('an API client with the steward role registers for its own department only', async () => {
      const { token } = (await t.call('civil', 'POST', '/api/v1/clients', { name: '民政目录同步', roles: ['steward'] })).json() as { token: string }
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/resources',
        headers: { authorization: `Bearer ${token}` },
        payload: allowanceEntry({ name: '接口登记测试' }),
      })
      expect(created.statusCode).toBe(201)
      expect(created.json().department.code).toBe('210100005')
      const { token: consumerToken } = (await t.call('civil', 'POST', '/api/v1/clients', { name: '民政只读', roles: ['consumer'] })).json() as { token: string }
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/resources',
        headers: { authorization: `Bearer ${consumerToken}` },
        payload: allowanceEntry({ name: '不应成功' }),
      })
      expect(refused.statusCode).toBe(403)
    })
  })
}

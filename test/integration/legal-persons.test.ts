import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { makeCreditCode } from '../../src/standards/credit-code.js'
import { accessMatrix } from '../support/access-matrix.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'
import { LEGAL_PERSON_ENDPOINTS } from '../support/endpoints/legal-persons.js'
import { grantAccess } from '../support/exchange-setup.js'

interface Job {
  id: string
  status: string
  result: Record<string, unknown> | null
  error: string | null
}

/** A valid credit code for a market entity in 和平区 with organisation-code body `body` (8 characters). */
function creditCode(body: string): string {
  return makeCreditCode('91210102', body)
}

const HEADER = '统一社会信用代码,名称,市场主体类型,法定代表人,法定代表人身份证号,注册资本（万元）,成立日期,住所,行业代码,登记状态,状态日期,登记机关'

for (const dialect of DIALECTS) {
  describe(`the legal-person registry, on ${dialect}`, () => {
    let t: TestApp
    let code: string
    let entity: Record<string, string>
    let person: Record<string, string>

    const waitForJob = async (who: string, id: string): Promise<Job> => {
      for (let attempt = 0; attempt < 400; attempt++) {
        const job = (await t.call(who, 'GET', `/api/v1/jobs/${id}`)).json() as Job
        if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`job ${id} did not finish`)
    }
    const send = async (who: string, url: string, body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { authorization: `Bearer ${await t.token(who)}`, 'content-type': 'application/octet-stream' },
      })

    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
      t.context.start()
      code = ((await t.call('market', 'GET', '/api/v1/legal-persons/binding')).json() as { code: string }).code.replace('/', '-')
      const page = (await t.call('market', 'GET', `/api/v1/exchange/resources/${code}/records?filter.registration_status=1&limit=1`)).json() as {
        items: Array<Record<string, string>>
      }
      entity = page.items[0] as Record<string, string>
      person = (await t.call('police', 'GET', `/api/v1/population/persons/${entity.representative_id}`)).json() as Record<string, string>
    })
    afterAll(async () => {
      await t?.close()
    })

    it('holds the generated entities, their representatives persons of the population registry', async () => {
      expect(code).toMatch(/^\d{3}-\d{6}$/)
      const stats = (await t.call('dataoffice', 'GET', '/api/v1/legal-persons/statistics')).json()
      expect(stats.total).toBe(2000)
      expect(stats.byIndustry.length).toBeGreaterThan(3)
      expect(stats.byYear.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(2000)
      expect(person.resident_id).toBe(entity.representative_id)
    })

    it('the provider reads in clear; a granted consumer sees the representative masked and not the ID', async () => {
      const own = await t.call('market', 'GET', `/api/v1/legal-persons/${entity.credit_code}`)
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json()).toMatchObject({ credit_code: entity.credit_code, name: entity.name, legal_representative: entity.legal_representative })
      const heping = await t.call('heping', 'GET', `/api/v1/legal-persons/${entity.credit_code}`)
      expect(heping.statusCode, heping.body).toBe(200)
      expect(heping.json().legal_representative).toMatch(/^.\*+$/)
      expect(heping.json()).not.toHaveProperty('representative_id')
    })

    it('resolves the 9-character organisation code to the credit code; answers invalid codes with the reason', async () => {
      const organisation = (entity.credit_code as string).slice(8, 17)
      const byOrganisation = await t.call('market', 'GET', `/api/v1/legal-persons/${organisation}`)
      expect(byOrganisation.statusCode, byOrganisation.body).toBe(200)
      expect(byOrganisation.json().credit_code).toBe(entity.credit_code)
      const wrong = `${(entity.credit_code as string).slice(0, 17)}${(entity.credit_code as string).endsWith('0') ? '1' : '0'}`
      const invalid = await t.call('market', 'GET', `/api/v1/legal-persons/${wrong}`)
      expect(invalid.statusCode).toBe(400)
      expect(invalid.json()).toMatchObject({ code: 'HT_VALIDATION', errors: [{ field: 'creditCode' }] })
      expect((await t.call('market', 'GET', `/api/v1/legal-persons/${creditCode('77777777')}`)).statusCode).toBe(404)
    })

    it('searches names by substring, words and pinyin, through the gate', async () => {
      const name = entity.name as string
      const part = name.replace(/^(沈阳市|沈阳)/, '').slice(0, 4)
      const response = await t.call('heping', 'GET', `/api/v1/legal-persons?q=${encodeURIComponent(part)}&limit=50`)
      expect(response.statusCode, response.body).toBe(200)
      expect((response.json() as { items: Array<{ credit_code: string }> }).items.map((item) => item.credit_code)).toContain(entity.credit_code)
      const refused = await t.call('tax', 'GET', `/api/v1/legal-persons?q=${encodeURIComponent(part)}`)
      expect(refused.statusCode).toBe(403)
    })

    it('verifies entities: validity, per-field verdicts, status flags', async () => {
      const response = await t.call('heping', 'POST', '/api/v1/legal-persons/verify', {
        records: [
          { creditCode: entity.credit_code, name: entity.name, legalRepresentative: entity.legal_representative },
          { creditCode: entity.credit_code, name: `${entity.name}分公司` },
          { creditCode: creditCode('77777777'), name: '沈阳不存在有限公司' },
          { creditCode: '91210102MA0XXXXXXI' },
        ],
      })
      expect(response.statusCode, response.body).toBe(200)
      const [match, mismatch, unknown, invalid] = response.json().results
      expect(match).toMatchObject({ validity: 'valid', found: true, fields: { name: 'match', legalRepresentative: 'match' }, flags: { active: true } })
      expect(mismatch.fields.name).toBe('mismatch')
      expect(unknown).toMatchObject({ validity: 'valid', found: false })
      expect(invalid.validity).not.toBe('valid')
    })

    it('imports a GBK file: changes become the change record and reach the change feed; rejected rows with reasons; the same file again changes nothing', async () => {
      const fresh = creditCode('A1B2C3D4')
      const rows = [
        `${fresh},沈阳汇通测试科技有限公司,1100,张三,,100,2020-05-01,辽宁省沈阳市和平区三好街1号,65,1,,沈阳市和平区市场监督管理局`,
        `${entity.credit_code},${entity.name}（更名）,${entity.entity_type},${entity.legal_representative},${entity.representative_id},${entity.registered_capital ?? ''},${entity.established_on},${entity.domicile},${entity.industry_code ?? ''},4,2026-01-10,${entity.registration_authority}`,
        `91210102MA0XXXXXXI,坏代码有限公司,1100,李四,,10,2020-01-01,辽宁省沈阳市,65,1,,沈阳市和平区市场监督管理局`,
        `${creditCode('B1B2C3D4')},未来公司,1100,王五,,10,2099-01-01,辽宁省沈阳市,65,1,,沈阳市和平区市场监督管理局`,
        `${fresh},重复有限公司,1100,赵六,,10,2020-01-01,辽宁省沈阳市,65,1,,沈阳市和平区市场监督管理局`,
      ]
      const before = (await t.call('market', 'GET', `/api/v1/exchange/resources/${code}/changes?after=0&limit=1`)).json().lastSeq as number
      const file = iconv.encode(`${HEADER}\n${rows.join('\n')}\n`, 'gbk')
      const job = await waitForJob('market', (await send('market', '/api/v1/legal-persons/imports?fileName=gbk.csv', file)).json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      expect(job.result).toMatchObject({ rows: 5, accepted: 2, rejected: 3, created: 1, updated: 1, encoding: 'gb18030' })
      const rejections = (await t.call('market', 'GET', `/api/v1/legal-persons/imports/${job.id}/rejections`)).body
      expect(rejections).toContain('credit_code')
      expect(rejections).toContain('established_on')
      expect(rejections).toContain('与第2行统一社会信用代码重复')
      const history = (await t.call('market', 'GET', `/api/v1/legal-persons/${entity.credit_code}/history`)).json().items
      expect(history[0]).toMatchObject({ event: 'status', effectiveDate: '2026-01-10' })
      expect(history[0].changes).toEqual(
        expect.arrayContaining([
          { item: 'name', before: entity.name, after: `${entity.name}（更名）` },
          { item: 'registration_status', before: '1', after: '4' },
        ]),
      )
      const feed = (await t.call('market', 'GET', `/api/v1/exchange/resources/${code}/changes?after=${before}&limit=10`)).json()
      expect(feed.changes.map((change: { key: string }) => change.key).sort()).toEqual([entity.credit_code, fresh].sort())
      const again = await waitForJob('market', (await send('market', '/api/v1/legal-persons/imports?fileName=again.csv', file)).json().id)
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
      const search = (await t.call('market', 'GET', `/api/v1/legal-persons?q=${encodeURIComponent('汇通测试')}`)).json()
      expect(search.items.map((item: { credit_code: string }) => item.credit_code)).toContain(fresh)
    })

    it('the entity profile shows the core and the granted attachments; a person’s profile lists the entities they represent', async () => {
      const first = (
        await t.context.database.db.selectFrom('dataset_subjects').select('subject').where('subject', 'like', '9%').limit(1).executeTakeFirstOrThrow()
      ).subject
      const own = await t.call('market', 'GET', `/api/v1/legal-persons/${first}/profile`)
      expect(own.statusCode, own.body).toBe(200)
      const attachments = own.json().attachments as Array<{ name: string; granted: boolean; records: unknown[] }>
      expect(attachments.find((attachment) => attachment.name === '行政许可信息（双公示）')?.records.length).toBeGreaterThan(0)
      expect(attachments.find((attachment) => attachment.name === '社会保险参保单位信息')).toMatchObject({ granted: false, records: [] })
      const profile = (await t.call('police', 'GET', `/api/v1/population/persons/${entity.representative_id}/profile`)).json()
      const represented = (profile.attachments as Array<{ name: string; granted: boolean }>).find((attachment) => attachment.name === '法人基础信息')
      expect(represented).toBeDefined()
    })

    it('only the registry’s provider department imports', async () => {
      const response = await send('civil', '/api/v1/legal-persons/imports?fileName=x.csv', Buffer.from(HEADER))
      expect(response.statusCode).toBe(403)
    })

    it('leaves an intact audit chain', async () => {
      await t.context.audit.flush()
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })

  describe(`who may read the legal-person registry, on ${dialect}`, () => {
    let t: TestApp
    let code: string
    let entity: Record<string, string>
    const tokens: Record<string, string> = {}

    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
      code = ((await t.call('market', 'GET', '/api/v1/legal-persons/binding')).json() as { code: string }).code.replace('/', '-')
      entity = ((await t.call('market', 'GET', `/api/v1/exchange/resources/${code}/records?limit=1`)).json() as { items: Array<Record<string, string>> })
        .items[0] as Record<string, string>
      const body = {
        items: ['credit_code', 'name', 'legal_representative', 'registration_status'].map((key) => ({ key, masked: false })),
        operations: ['lookup', 'verify', 'query', 'subscribe', 'export'],
      }
      await grantAccess(t, 'civil', 'market', code, body)
      const revoked = await grantAccess(t, 'health', 'market', code, body)
      await t.call('market', 'POST', `/api/v1/exchange/grants/${revoked.grantId}/revoke`, { reason: '测试撤销' })
      const expired = await grantAccess(t, 'stats', 'market', code, body)
      await t.context.database.db.updateTable('grants').set({ valid_until: '2020-12-31', valid_from: '2020-01-01' }).where('id', '=', expired.grantId).execute()
      t.context.gate.forgetGrants()
      tokens.civilClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '民政系统', department: '210100005', roles: ['consumer'] })
      ).json().token
      tokens.qualityClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '质监系统', department: '210100008', roles: ['consumer'] })
      ).json().token
    })
    afterAll(async () => {
      await t?.close()
    })

    const read = async (who: string, operation: 'lookup' | 'search' | 'profile' | 'history' | 'verify', field?: string) => {
      const authorization = `Bearer ${who in tokens ? tokens[who] : await t.token(who)}`
      const base = `/api/v1/legal-persons/${entity.credit_code}`
      switch (operation) {
        case 'lookup':
          return t.app.inject({ method: 'GET', url: base, headers: { authorization } })
        case 'search':
          return t.app.inject({
            method: 'GET',
            url: `/api/v1/legal-persons?q=${encodeURIComponent((entity.name as string).slice(2, 5))}`,
            headers: { authorization },
          })
        case 'profile':
          return t.app.inject({ method: 'GET', url: `${base}/profile`, headers: { authorization } })
        case 'history':
          return t.app.inject({ method: 'GET', url: `${base}/history`, headers: { authorization } })
        case 'verify':
          return t.app.inject({
            method: 'POST',
            url: '/api/v1/legal-persons/verify',
            headers: { authorization },
            payload: { records: [{ creditCode: entity.credit_code, name: entity.name, ...(field === undefined ? {} : { [field]: 'x' }) }] },
          })
      }
    }
    const auditCount = async () => {
      await t.context.audit.flush()
      return Number(
        (
          await t.context.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', 'like', 'data.%')
            .executeTakeFirstOrThrow()
        ).n,
      )
    }

    for (const operation of ['lookup', 'search', 'profile', 'history', 'verify'] as const) {
      it(`${operation}: the provider, a granted consumer and its system client read`, async () => {
        for (const who of ['market', 'civil', 'civilClient']) {
          const response = await read(who, operation)
          expect(response.statusCode, `${who}: ${response.body}`).toBe(200)
        }
      })
      for (const [who, why] of [
        ['tax', 'an ungranted consumer'],
        ['health', 'a consumer whose grant was revoked'],
        ['stats', 'a consumer whose grant expired'],
        ['qualityClient', 'a system client of another department'],
      ] as const) {
        it(`${operation}: ${why} is refused, and the refusal is audited`, async () => {
          const before = await auditCount()
          const response = await read(who, operation)
          expect(response.statusCode, response.body).toBe(403)
          expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED' })
          expect(await auditCount()).toBe(before + 1)
        })
      }
    }

    it('verify: an item outside the grant is refused', async () => {
      const response = await read('civil', 'verify', 'domicile')
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'domicile' }] })
    })

    it('a lookup returns only the granted items', async () => {
      const response = await read('civil', 'lookup')
      expect(Object.keys(response.json()).sort()).toEqual(['credit_code', 'legal_representative', 'name', 'registration_status'])
    })

    describe('name search by a former name', () => {
      // An entity found by a former name is known to have borne it: only a caller who sees former_name in clear may find it so.
      let former: { code: string; formerName: string }
      const search = async (who: string, url: string) => {
        const authorization = `Bearer ${who in tokens ? tokens[who] : await t.token(who)}`
        const response = await t.app.inject({ method: 'GET', url, headers: { authorization } })
        expect(response.statusCode, `${who}: ${response.body}`).toBe(200)
        return (response.json() as { items: Array<{ credit_code: string }> }).items.map((item) => item.credit_code)
      }
      const byFormerName = (who: string) => search(who, `/api/v1/legal-persons?q=${encodeURIComponent(former.formerName)}&limit=500`)

      beforeAll(async () => {
        const rows = await t.context.database.db
          .selectFrom('entities')
          .select(['credit_code', 'name', 'former_name'])
          .where('former_name', '!=', '')
          .orderBy('credit_code')
          .limit(50)
          .execute()
        const row = rows.find((candidate) => !candidate.name.includes(candidate.former_name.split('；')[0] as string))
        if (row === undefined) throw new Error('no generated entity has a former name unlike its name')
        former = { code: row.credit_code, formerName: row.former_name.split('；')[0] as string }
        await grantAccess(t, 'hrss', 'market', code, {
          items: ['credit_code', 'name', 'former_name'].map((key) => ({ key, masked: false })),
          operations: ['query'],
        })
        await grantAccess(t, 'planning', 'market', code, {
          items: [
            { key: 'credit_code', masked: false },
            { key: 'name', masked: false },
            { key: 'former_name', masked: true },
          ],
          operations: ['query'],
        })
      })

      it('finds the entity for the provider and for consumers granted former_name in clear', async () => {
        for (const who of ['market', 'heping', 'hrss']) expect(await byFormerName(who), who).toContain(former.code)
      })

      it('does not find it for a consumer granted the name but not former_name, its client, or one granted former_name masked', async () => {
        for (const who of ['civil', 'civilClient', 'planning']) expect(await byFormerName(who), who).not.toContain(former.code)
        const filtered = await search('civil', `/api/v1/exchange/resources/${code}/records?filter.name=${encodeURIComponent(former.formerName)}&limit=500`)
        expect(filtered).not.toContain(former.code)
      })
    })

    accessMatrix(() => t, LEGAL_PERSON_ENDPOINTS)

    it('leaves an intact audit chain', async () => {
      await t.context.audit.flush()
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })
}

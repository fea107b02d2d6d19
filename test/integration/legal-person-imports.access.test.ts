import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Principal } from '../../src/platform/auth/principal.js'
import { EntityImportAccess } from '../../src/legal-person/import-access.js'
import type { Entity } from '../../src/legal-person/model.js'
import { makeCreditCode } from '../../src/standards/credit-code.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

interface Job {
  id: string
  status: string
  result: Record<string, unknown> | null
  error: string | null
}

/** The demo's civil affairs (市民政局) and staffing office (市编委办) keep their own entities. */
const SOURCES = { civil: '210100005', staffing: '210100011' }
const HEADER = '统一社会信用代码,名称,市场主体类型,法定代表人,成立日期,住所,登记状态,登记机关,来源部门'

/** A row of an entity file: a valid code of the given authority and type in 和平区, its source as stated ('' derives it from the code). */
function row(first2: string, body: string, name: string, source = ''): string {
  return `${makeCreditCode(`${first2}210102`, body)},${name},${first2 === '91' ? '1100' : first2.slice(1)},张三,2020-05-01,辽宁省沈阳市和平区三好街1号,1,沈阳市和平区登记机关,${source}`
}

for (const dialect of DIALECTS) {
  describe(`who may import which legal persons, on ${dialect}`, () => {
    let t: TestApp
    let marketEntity: string

    beforeAll(async () => {
      t = await startTestApp(dialect, {
        catalog: true,
        env: {
          HUITONG_LEGAL_PERSON_SOURCES: Object.entries(SOURCES)
            .map(([source, code]) => `${source}=${code}`)
            .join(','),
        },
      })
      t.context.start()
      marketEntity = (
        await t.context.database.db
          .selectFrom('entities')
          .select('credit_code')
          .where('source_department', '=', 'market')
          .orderBy('credit_code')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).credit_code
    })
    afterAll(async () => {
      await t?.close()
    })

    const upload = async (who: string, rows: readonly string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/legal-persons/imports?fileName=entities.csv',
        payload: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`),
        headers: { authorization: `Bearer ${await t.token(who)}`, 'content-type': 'application/octet-stream' },
      })
    const finished = async (who: string, id: string): Promise<Job> => {
      for (let attempt = 0; attempt < 400; attempt++) {
        const job = (await t.call(who, 'GET', `/api/v1/jobs/${id}`)).json() as Job
        if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`job ${id} did not finish`)
    }
    const imports = async (who: string, outcome: 'success' | 'denied') => {
      await t.context.audit.flush()
      return (
        await t.context.database.db
          .selectFrom('audit_log')
          .select(['detail'])
          .where('action', '=', 'legal-person.import')
          .where('actor_name', '=', who)
          .where('outcome', '=', outcome)
          .execute()
      ).length
    }
    const sourceOf = async (code: string) =>
      (await t.context.database.db.selectFrom('entities').select('source_department').where('credit_code', '=', code).executeTakeFirst())?.source_department

    it('civil affairs imports the social organisations it registers, the source read from the code or stated', async () => {
      const derived = row('51', 'CW1L0001', '沈阳市和平区书画协会')
      const stated = row('52', 'CW1L0002', '沈阳市和平区社区服务中心', 'civil')
      const job = await finished('civil', (await upload('civil', [derived, stated])).json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      expect(job.result).toMatchObject({ accepted: 2, created: 2, bulk: false })
      expect(await sourceOf(makeCreditCode('51210102', 'CW1L0001'))).toBe('civil')
      expect(await imports('civil', 'success')).toBe(1)
    })

    it('the staffing office imports the public institutions it registers', async () => {
      const job = await finished('staffing', (await upload('staffing', [row('12', 'BB000001', '沈阳市和平区档案馆')])).json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      expect(await sourceOf(makeCreditCode('12210102', 'BB000001'))).toBe('staffing')
    })

    it('market regulation, the provider department, imports entities of every source', async () => {
      const rows = [row('91', 'MA000001', '沈阳汇通测试有限公司'), row('51', 'MA000002', '沈阳市和平区棋艺协会'), row('12', 'MA000003', '沈阳市和平区图书馆')]
      const job = await finished('market', (await upload('market', rows)).json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      expect(job.result).toMatchObject({ created: 3 })
    })

    for (const [who, rows, field, why] of [
      [
        'civil',
        [row('51', 'CW1L0003', '沈阳市和平区摄影协会'), row('91', 'CW1L0004', '沈阳某某有限公司')],
        'source_department',
        'a market entity in a civil file',
      ],
      ['civil', [row('51', 'CW1L0005', '沈阳市和平区摄影协会', 'staffing')], 'source_department', 'a row stated to be another department’s'],
      ['staffing', [row('51', 'BB000002', '沈阳市和平区集邮协会')], 'source_department', 'a social organisation in a staffing file'],
    ] as const) {
      it(`${who} is refused ${why}: 403 problem+json naming the row, audited, nothing imported`, async () => {
        const denied = await imports(who, 'denied')
        const response = await upload(who, rows)
        expect(response.statusCode, response.body).toBe(403)
        expect(response.headers['content-type']).toContain('application/problem+json')
        expect(response.json()).toMatchObject({ code: 'HT_FORBIDDEN', errors: [{ row: rows.length + 1, field }] })
        expect(await imports(who, 'denied')).toBe(denied + 1)
        for (const line of rows) expect(await sourceOf(line.slice(0, 18))).toBeUndefined()
      })
    }

    it('civil affairs is refused an entity that market regulation keeps, even when the row says civil', async () => {
      const response = await upload('civil', [`${marketEntity},改名后的名称,51,张三,2020-05-01,辽宁省沈阳市和平区,1,沈阳市民政局,civil`])
      expect(response.statusCode, response.body).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_FORBIDDEN', errors: [{ row: 2, field: 'credit_code' }] })
      expect(await sourceOf(marketEntity)).toBe('market')
    })

    for (const [who, code] of [
      ['police', 'HT_FORBIDDEN'],
      ['heping', 'HT_FORBIDDEN'],
    ] as const) {
      it(`${who}, keeping no legal persons, is refused, and the refusal is audited`, async () => {
        await t.context.audit.flush()
        const audited = async () =>
          Number(
            (
              await t.context.database.db
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('actor_name', '=', who)
                .where('outcome', '=', 'denied')
                .executeTakeFirstOrThrow()
            ).n,
          )
        const before = await audited()
        const response = await upload(who, [row('51', 'PL000001', '沈阳市和平区警察协会')])
        expect(response.statusCode, response.body).toBe(403)
        expect(response.json()).toMatchObject({ code })
        await t.context.audit.flush()
        expect(await audited()).toBe(before + 1)
      })
    }

    it('a write never lets a source department change another’s entity, even when the registry changed after the upload', async () => {
      const access = new EntityImportAccess(t.context.legalPerson.registry, t.context.entities, SOURCES)
      const stored = await t.context.entities.get(marketEntity)
      if (stored === undefined) throw new Error('the market entity is gone')
      const { seq: _seq, created_at: _created, updated_at: _updated, ...entity } = stored
      const claimed: Entity = { ...entity, name: '被改名的主体', source_department: 'civil' }
      const user = await t.context.identity.getUser('civil')
      const civil: Principal = {
        kind: 'user',
        id: user.id,
        name: user.username,
        displayName: user.displayName,
        department: user.department,
        roles: user.roles,
        credentialId: 'test',
      }
      const vet = access.vetFor(await access.scopeOf(civil))
      await expect(t.context.entities.applyBatch([claimed], 'test', 'civil', { ...(vet === undefined ? {} : { vet }) })).rejects.toMatchObject({
        code: 'HT_FORBIDDEN',
      })
      expect((await t.context.entities.get(marketEntity))?.name).toBe(stored.name)
    })
  })
}

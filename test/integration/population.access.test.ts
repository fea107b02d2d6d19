import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { accessMatrix } from '../support/access-matrix.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'
import { POPULATION_ENDPOINTS } from '../support/endpoints/population.js'
import { grantAccess } from '../support/exchange-setup.js'

/** Every read of the population registry, as an HTTP call, and the gate operation it is. */
const READS = ['lookup', 'search', 'profile', 'history', 'verify', 'changes', 'compare'] as const
type Read = (typeof READS)[number]
const GRANTED_ITEMS = ['resident_id', 'name', 'gender', 'birth_date', 'household_address', 'status', 'death_date', 'emigration_date']

for (const dialect of DIALECTS) {
  describe(`who may read the population registry, on ${dialect}`, () => {
    let t: TestApp
    let code: string
    let person: Record<string, string>
    const tokens: Record<string, string> = {}

    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
      t.context.start()
      code = ((await t.call('police', 'GET', '/api/v1/population/binding')).json() as { code: string }).code.replace('/', '-')
      person = (
        (await t.call('police', 'GET', `/api/v1/exchange/resources/${code}/records?filter.status=10&limit=1`)).json() as {
          items: Array<Record<string, string>>
        }
      ).items[0] as Record<string, string>
      const body = {
        items: GRANTED_ITEMS.map((key) => ({ key, masked: key === 'household_address' })),
        operations: ['lookup', 'verify', 'query', 'subscribe', 'export'],
      }
      // civil: granted everything it reads (the address masked); health: granted then revoked; stats: granted, expired.
      await grantAccess(t, 'civil', 'police', code, body)
      const revoked = await grantAccess(t, 'health', 'police', code, body)
      await t.call('police', 'POST', `/api/v1/exchange/grants/${revoked.grantId}/revoke`, { reason: '测试撤销' })
      const expired = await grantAccess(t, 'stats', 'police', code, body)
      await t.context.database.db.updateTable('grants').set({ valid_until: '2020-12-31', valid_from: '2020-01-01' }).where('id', '=', expired.grantId).execute()
      t.context.gate.forgetGrants()
      tokens.civilClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '民政低保系统', department: '210100005', roles: ['consumer'] })
      ).json().token
      tokens.qualityClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '质监系统', department: '210100008', roles: ['consumer'] })
      ).json().token
    })
    afterAll(async () => {
      await t?.close()
    })

    const read = async (who: string, operation: Read, options: { field?: 'residenceAddress' } = {}): Promise<LightMyRequestResponse> => {
      const authorization = `Bearer ${who in tokens ? tokens[who] : await t.token(who)}`
      const id = person.resident_id
      switch (operation) {
        case 'lookup':
          return t.app.inject({ method: 'GET', url: `/api/v1/population/persons/${id}`, headers: { authorization } })
        case 'search':
          return t.app.inject({
            method: 'GET',
            url: `/api/v1/population/persons?name=${encodeURIComponent(person.name as string)}`,
            headers: { authorization },
          })
        case 'profile':
          return t.app.inject({ method: 'GET', url: `/api/v1/population/persons/${id}/profile`, headers: { authorization } })
        case 'history':
          return t.app.inject({ method: 'GET', url: `/api/v1/population/persons/${id}/history`, headers: { authorization } })
        case 'verify':
          return t.app.inject({
            method: 'POST',
            url: '/api/v1/population/verify',
            headers: { authorization },
            payload: { records: [{ residentId: id, name: person.name, ...(options.field === undefined ? {} : { [options.field]: '辽宁省沈阳市' }) }] },
          })
        case 'changes':
          return t.app.inject({ method: 'GET', url: `/api/v1/exchange/resources/${code}/changes?after=0&limit=5`, headers: { authorization } })
        case 'compare': {
          const preview = await t.app.inject({
            method: 'POST',
            url: '/api/v1/population/comparisons/preview?fileName=m.csv',
            headers: { authorization, 'content-type': 'application/octet-stream' },
            payload: Buffer.from(`身份证号,姓名,地址\n${id},${person.name},x\n`),
          })
          const mapping = { residentId: '身份证号', name: '姓名' }
          const started = await t.app.inject({
            method: 'POST',
            url: '/api/v1/population/comparisons',
            headers: { authorization },
            payload: { uploadId: preview.json().uploadId, fileName: 'm.csv', mapping },
          })
          // The job audits its read when it runs: wait, so audit counts belong to one call.
          if (started.statusCode === 202) await finished(started.json().id as string)
          return started
        }
      }
    }

    const finished = async (jobId: string) => {
      for (let attempt = 0; attempt < 400; attempt++) {
        const job = await t.context.jobs.get(jobId)
        if (job !== undefined && ['succeeded', 'failed', 'cancelled'].includes(job.status)) return
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      throw new Error(`job ${jobId} did not finish`)
    }

    const auditCount = async () => {
      await t.context.audit.flush()
      const row = await t.context.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', 'like', 'data.%')
        .executeTakeFirstOrThrow()
      return Number(row.n)
    }
    const allowed = (response: LightMyRequestResponse) => response.statusCode === 200 || response.statusCode === 202

    for (const operation of READS) {
      it(`${operation}: the provider department reads its own registry`, async () => {
        const response = await read('police', operation)
        expect(allowed(response), response.body).toBe(true)
      })

      it(`${operation}: a granted consumer reads, audited before the answer`, async () => {
        const before = await auditCount()
        const response = await read('civil', operation)
        expect(allowed(response), response.body).toBe(true)
        // A profile reads the core and each granted attachment: one audit row each.
        expect(await auditCount()).toBeGreaterThanOrEqual(before + 1)
      })

      it(`${operation}: a system client of the granted department reads`, async () => {
        const response = await read('civilClient', operation)
        expect(allowed(response), response.body).toBe(true)
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
      const response = await read('civil', 'verify', { field: 'residenceAddress' })
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'residence_address' }] })
    })

    it('query: filtering on an item granted only masked is refused', async () => {
      // Filtering on a masked item would reveal its clear values one guess at a time.
      const response = await t.call('civil', 'GET', `/api/v1/exchange/resources/${code}/records?filter.household_address=${encodeURIComponent('辽宁省*')}`)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'household_address' }] })
    })

    it('a lookup returns only the granted items, masked as granted', async () => {
      const response = await read('civil', 'lookup')
      expect(Object.keys(response.json()).sort()).toEqual([...GRANTED_ITEMS].sort())
      expect(response.json().name).toBe(person.name)
      expect(response.json().household_address).not.toBe(person.household_address)
      expect(response.json().household_address).toContain('*')
    })

    it('the history shows only changes to granted items', async () => {
      await t.call('police', 'POST', '/api/v1/population/events', { events: [{ residentId: person.resident_id, type: 'move-out', date: '2026-02-01' }] })
      const own = (await read('police', 'history')).json().items as Array<{ changes: Array<{ item: string }> }>
      const granted = (await read('civil', 'history')).json().items as Array<{ changes: Array<{ item: string }> }>
      expect(own[0]?.changes.map((change) => change.item)).toContain('status')
      for (const event of granted) for (const change of event.changes) expect(GRANTED_ITEMS).toContain(change.item)
    })

    it('leaves an intact audit chain', async () => {
      await t.context.audit.flush()
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })

  describe(`who may call each population endpoint, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect, { catalog: true })
    })
    afterAll(async () => {
      await t?.close()
    })

    accessMatrix(() => t, POPULATION_ENDPOINTS)
  })
}

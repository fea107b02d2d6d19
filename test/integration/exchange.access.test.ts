import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { accessMatrix } from '../support/access-matrix.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'
import { EXCHANGE_ENDPOINTS } from '../support/endpoints/exchange.js'
import { exchangeWorld, grantAccess, type ExchangeWorld } from '../support/exchange-setup.js'

/** Every read operation of the gate, as an HTTP call. */
type Read = 'lookup' | 'verify' | 'query' | 'subscribe' | 'export'
const READS: readonly Read[] = ['lookup', 'verify', 'query', 'subscribe', 'export']

for (const dialect of DIALECTS) {
  describe(`who may read through the gate, on ${dialect}`, () => {
    let t: TestApp
    let world: ExchangeWorld
    const tokens: Record<string, string> = {}

    beforeAll(async () => {
      t = await startTestApp(dialect)
      world = await exchangeWorld(t, 5)
      // heping: granted everything (name masked); hrss: granted then revoked; stats: granted, expired.
      await grantAccess(t, 'heping', 'civil', world.allowance, {
        items: [
          { key: 'resident_id', masked: false },
          { key: 'name', masked: true },
          { key: 'allowance_amount', masked: false },
        ],
        operations: [...READS],
      })
      const revoked = await grantAccess(t, 'hrss', 'civil', world.allowance, { items: [{ key: 'resident_id', masked: false }], operations: [...READS] })
      await t.call('civil', 'POST', `/api/v1/exchange/grants/${revoked.grantId}/revoke`, { reason: '测试撤销' })
      const expired = await grantAccess(t, 'stats', 'civil', world.allowance, { items: [{ key: 'resident_id', masked: false }], operations: [...READS] })
      await t.context.database.db.updateTable('grants').set({ valid_until: '2020-12-31', valid_from: '2020-01-01' }).where('id', '=', expired.grantId).execute()
      t.context.gate.forgetGrants()
      tokens.hepingClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '和平区低保系统', department: '210102000', roles: ['consumer'] })
      ).json().token
      tokens.healthClient = (
        await t.call('sysadmin', 'POST', '/api/v1/clients', { name: '卫计委系统', department: '210100006', roles: ['consumer'] })
      ).json().token
    })
    afterAll(async () => {
      await t?.close()
    })

    const key = () => world.records[0]!.resident_id
    const read = async (who: string, operation: Read, options: { field?: string } = {}): Promise<LightMyRequestResponse> => {
      const authorization = `Bearer ${who in tokens ? tokens[who] : await t.token(who)}`
      const base = `/api/v1/exchange/resources/${world.allowance}`
      switch (operation) {
        case 'lookup':
          return t.app.inject({ method: 'GET', url: `${base}/records/${key()}`, headers: { authorization } })
        case 'verify':
          return t.app.inject({
            method: 'POST',
            url: `${base}/verify`,
            headers: { authorization },
            payload: { key: key(), fields: { [options.field ?? 'allowance_amount']: '600' } },
          })
        case 'query':
          return t.app.inject({ method: 'GET', url: `${base}/records?filter.${options.field ?? 'allowance_amount'}=600`, headers: { authorization } })
        case 'subscribe':
          return t.app.inject({ method: 'GET', url: `${base}/changes?after=0`, headers: { authorization } })
        case 'export':
          return t.app.inject({
            method: 'POST',
            url: `${base}/exports`,
            headers: { authorization },
            payload: { format: 'csv', filters: options.field === undefined ? [] : [{ key: options.field, value: 'x' }] },
          })
      }
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
      it(`${operation}: the provider reads its own data`, async () => {
        expect(allowed(await read('civil', operation))).toBe(true)
      })

      it(`${operation}: a granted consumer reads`, async () => {
        const before = await auditCount()
        expect(allowed(await read('heping', operation))).toBe(true)
        // An export is audited when its job reads; every other read before its answer leaves.
        if (operation !== 'export') expect(await auditCount()).toBe(before + 1)
      })

      it(`${operation}: a system client of the granted department reads`, async () => {
        expect(allowed(await read('hepingClient', operation))).toBe(true)
      })

      for (const [who, why] of [
        ['tax', 'an ungranted consumer'],
        ['hrss', 'a consumer whose grant was revoked'],
        ['stats', 'a consumer whose grant expired'],
        ['healthClient', 'a system client of another department'],
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

    for (const operation of ['verify', 'query', 'export'] as const) {
      it(`${operation}: an item outside the grant is refused`, async () => {
        const response = await read('heping', operation, { field: 'division_code' })
        expect(response.statusCode).toBe(403)
        expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'division_code' }] })
      })
    }

    it('a lookup returns only the granted items, masked as granted', async () => {
      const response = await read('heping', 'lookup')
      expect(Object.keys(response.json()).sort()).toEqual(['allowance_amount', 'name', 'resident_id'])
      expect(response.json().name).toMatch(/^.\*+$/)
    })

    it('leaves an intact audit chain', async () => {
      await t.context.audit.flush()
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })

  describe(`who may call each exchange endpoint, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
      await exchangeWorld(t, 3)
    })
    afterAll(async () => {
      await t?.close()
    })

    accessMatrix(() => t, EXCHANGE_ENDPOINTS)
  })
}

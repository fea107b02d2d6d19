import iconv from 'iconv-lite'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChangesSchema } from '../../src/exchange/gate/schemas.js'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { beijingDate } from '../../src/calendar/working-days.js'
import { writeTable } from '../../src/platform/files/table-file.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { allowanceEntry } from '../support/catalog-fixtures.js'
import { DIALECTS } from '../support/databases.js'
import { allowanceRecords, residentId } from '../support/exchange-fixtures.js'
import { exchangeWorld, grantAccess, publishEntry, type ExchangeWorld } from '../support/exchange-setup.js'

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

for (const dialect of DIALECTS) {
  describe(`sharing and exchange on ${dialect}`, () => {
    let t: TestApp
    let world: ExchangeWorld
    beforeAll(async () => {
      t = await startTestApp(dialect)
      world = await exchangeWorld(t)
    })
    afterAll(async () => {
      await t?.close()
    })

    const records = (username: string, query = '') => t.call(username, 'GET', `/api/v1/exchange/resources/${world.allowance}/records${query}`)

    it('grants unconditional base items on request at once, and records it', async () => {
      const response = await t.call('hrss', 'POST', '/api/v1/exchange/requests', {
        resource: world.population,
        items: [
          { key: 'resident_id', masked: false },
          { key: 'name', masked: false },
        ],
        operations: ['lookup', 'verify'],
        purpose: '社保参保登记核验',
        legalBasis: '《社会保险法》',
        validUntil: '2099-12-31',
      })
      expect(response.statusCode, response.body).toBe(201)
      expect(response.json()).toMatchObject({ status: 'approved', decidedBy: 'system:unconditional' })
      expect(response.json().grantId).toBeTruthy()
      const person = world.records[0]!
      const found = await t.call('hrss', 'GET', `/api/v1/exchange/resources/${world.population}/records/${person.resident_id}`)
      expect(found.json()).toEqual({ resident_id: person.resident_id, name: person.name })
    })

    it('makes a conditional request wait for the provider, due in 10 working days', async () => {
      const response = await t.call('heping', 'POST', '/api/v1/exchange/requests', {
        resource: world.allowance,
        items: [
          { key: 'resident_id', masked: false },
          { key: 'name', masked: true },
          { key: 'allowance_amount', masked: false },
        ],
        operations: ['lookup', 'query', 'verify', 'subscribe', 'export'],
        purpose: '低保资格复核',
        legalBasis: '《社会救助暂行办法》',
        validUntil: '2099-12-31',
      })
      expect(response.json()).toMatchObject({ status: 'pending', grantId: null, overdue: false })
      expect(response.json().deadline).toBe(await t.context.calendar.addWorkingDays(new Date(), 10))
      expect((await records('heping')).statusCode).toBe(403)
      const inbox = (await t.call('civil', 'GET', '/api/v1/notifications')).json()
      expect(inbox.items[0]).toMatchObject({ kind: 'sharing.request' })
      const incoming = (await t.call('civil', 'GET', '/api/v1/exchange/requests?direction=incoming&status=pending')).json()
      expect(incoming.items.map((r: { id: string }) => r.id)).toContain(response.json().id)

      // An approval may narrow but never widen.
      const widened = await t.call('civil', 'POST', `/api/v1/exchange/requests/${response.json().id}/approve`, {
        items: [{ key: 'division_code', masked: false }],
      })
      expect(widened.statusCode).toBe(400)
      const unmasked = await t.call('civil', 'POST', `/api/v1/exchange/requests/${response.json().id}/approve`, { items: [{ key: 'name', masked: false }] })
      expect(unmasked.json().errors[0].field).toBe('/items/0/masked')
      const approved = await t.call('civil', 'POST', `/api/v1/exchange/requests/${response.json().id}/approve`, {
        operations: ['lookup', 'query', 'verify', 'subscribe', 'export'],
        validUntil: '2098-12-31',
      })
      expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'civil' })
      const grant = (await t.call('heping', 'GET', `/api/v1/exchange/grants/${approved.json().grantId}`)).json()
      expect(grant).toMatchObject({
        effective: true,
        validUntil: '2098-12-31',
        items: [
          { key: 'resident_id', masked: false },
          { key: 'name', masked: true },
          { key: 'allowance_amount', masked: false },
        ],
      })
    })

    it('serves granted items only, masked as granted, and refuses items outside the grant', async () => {
      const first = world.records[0]!
      const one = await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${first.resident_id}`)
      expect(one.json()).toEqual({
        resident_id: first.resident_id,
        name: `${first.name[0]}${'*'.repeat([...first.name].length - 1)}`,
        allowance_amount: first.allowance_amount,
      })
      const page = (await records('heping', '?filter.allowance_amount=600&limit=5')).json()
      expect(
        page.items.every(
          (record: { allowance_amount: number; division_code?: string }) => record.allowance_amount === 600 && record.division_code === undefined,
        ),
      ).toBe(true)
      const outside = await records('heping', '?filter.division_code=210102000000')
      expect(outside.statusCode).toBe(403)
      expect(outside.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'division_code' }] })
      const maskedFilter = await records('heping', `?filter.name=${encodeURIComponent('张三')}`)
      expect(maskedFilter.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'name' }] })
      const verified = await t.call('heping', 'POST', `/api/v1/exchange/resources/${world.allowance}/verify`, {
        key: first.resident_id,
        fields: { name: first.name, allowance_amount: '999' },
      })
      expect(verified.json()).toEqual({ found: true, fields: { name: 'match', allowance_amount: 'mismatch' } })
      const missing = await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${residentId('21010219991231999')}`)
      expect(missing.statusCode).toBe(404)
    })

    it('lets the provider read its own data in clear without a grant', async () => {
      const first = world.records[0]!
      const own = await t.call('civil', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${first.resident_id}`)
      expect(own.json()).toEqual(first)
    })

    it('finds a record by a resident ID written as people write it: full-width digits, spaces, a lower-case x, 15 digits', async () => {
      const first = world.records[0]!
      const id = String(first.resident_id)
      const fullWidth = id.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
      const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14).toLowerCase()}`
      const forms = [fullWidth, spaced]
      // The 15-digit form of an ID of someone born in the 1900s: no century, no check character.
      if (id.slice(6, 8) === '19') forms.push(`${id.slice(0, 6)}${id.slice(8, 17)}`)
      for (const form of forms) {
        const found = await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${encodeURIComponent(form)}`)
        expect(found.statusCode, form).toBe(200)
        expect(found.json().resident_id).toBe(id)
      }
      const history = await t.call('civil', 'GET', `/api/v1/exchange/datasets/${world.allowance}/records/${encodeURIComponent(fullWidth)}/history`)
      expect(history.statusCode).toBe(200)
      expect(history.json().length).toBeGreaterThan(0)
      // A wrong check character is not corrected into someone else's record.
      const wrong = `${id.slice(0, 17)}${id.at(-1) === '0' ? '1' : '0'}`
      expect((await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${wrong}`)).statusCode).toBe(404)
      // The audit log names the record as stored, so a search of it by ID finds every spelling's read.
      await t.context.audit.flush()
      const reads = await t.context.database.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'data.lookup')
        .where('actor_name', '=', 'heping')
        .orderBy('seq')
        .execute()
      const details = reads.map((row) => JSON.parse(row.detail) as { key?: string; keyAsWritten?: string })
      expect(details).toContainEqual(expect.objectContaining({ key: id, keyAsWritten: fullWidth }))
      expect(details).toContainEqual(expect.objectContaining({ key: id, keyAsWritten: spaced }))
    })

    it('checks every read against the grant, also when the decision to allow is already made', async () => {
      const first = world.records[0]!
      for (let read = 0; read < 3; read += 1) {
        expect((await records('heping', '?filter.allowance_amount=600&limit=5')).statusCode).toBe(200)
        // Right after an allowed query: filters on an item the grant does not give, or gives masked, are still refused.
        const outside = await records('heping', '?filter.division_code=210102000000')
        expect(outside.statusCode).toBe(403)
        expect(outside.json()).toMatchObject({ code: 'HT_NOT_GRANTED', errors: [{ field: 'division_code' }] })
        expect((await records('heping', `?filter.name=${encodeURIComponent('张三')}`)).statusCode).toBe(403)
      }
      // And a department without a grant is refused, whatever another department was allowed.
      expect((await t.call('hrss', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${first.resident_id}`)).statusCode).toBe(403)
    })

    it('refuses a whole batch with one bad row, listing every bad row, and applies a good one once', async () => {
      const good = allowanceRecords(3, 100)
      const bad = [
        ...good,
        { ...good[0]!, resident_id: '210102199001011235' },
        { resident_id: good[1]!.resident_id, name: '', allowance_amount: 'abc' },
        { ...good[2]!, extra: 'x' },
      ]
      const refused = await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, { batchId: 'bad-1', upserts: bad })
      expect(refused.statusCode).toBe(400)
      const located = (refused.json().errors as Array<{ row: number; field: string }>).map((error) => `${error.row}:${error.field}`)
      expect(located).toEqual(expect.arrayContaining(['4:resident_id', '5:name', '5:allowance_amount', '6:extra']))
      const summary = (await t.call('civil', 'GET', `/api/v1/exchange/datasets/${world.allowance}`)).json()
      expect(summary.recordCount).toBe(world.records.length)

      const applied = (await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, { batchId: 'good-1', upserts: good })).json()
      expect(applied).toMatchObject({ upserted: 3, deleted: 0, replayed: false })
      const again = (await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, { batchId: 'good-1', upserts: good })).json()
      expect(again).toMatchObject({ ...applied, replayed: true })
      const sameData = (await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, { batchId: 'good-2', upserts: good })).json()
      expect(sameData).toMatchObject({ upserted: 0, unchanged: 3 })
      expect((await t.call('civil', 'GET', `/api/v1/exchange/datasets/${world.allowance}`)).json().recordCount).toBe(world.records.length + 3)
    })

    it('keeps record history and feeds changes with tombstones', async () => {
      const target = allowanceRecords(1, 100)[0]!
      await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, {
        batchId: 'raise',
        upserts: [{ ...target, allowance_amount: 900 }],
      })
      const removed = await t.call('civil', 'POST', `/api/v1/exchange/datasets/${world.allowance}/batches`, {
        batchId: 'remove',
        deletes: [{ resident_id: target.resident_id }],
      })
      expect(removed.json()).toMatchObject({ deleted: 1 })
      const history = (await t.call('civil', 'GET', `/api/v1/exchange/datasets/${world.allowance}/records/${target.resident_id}/history`)).json()
      expect(history.map((change: { op: string }) => change.op)).toEqual(['delete', 'upsert', 'upsert'])
      expect(history[1].data.allowance_amount).toBe(900)

      const response = await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/changes?after=0&limit=10000`)
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
      const feed = response.json()
      expect(Value.Check(ChangesSchema, feed)).toBe(true)
      expect(feed.lastSeq).toBe(feed.next)
      const tombstone = feed.changes.at(-1)
      expect(tombstone).toMatchObject({ op: 'delete', data: null, key: target.resident_id })
      expect(feed.changes[0].data.name).toMatch(/^.\*+$/)
      const later = (await t.call('heping', 'GET', `/api/v1/exchange/resources/${world.allowance}/changes?after=${feed.next}`)).json()
      expect(later.changes).toEqual([])
    })

    it('documents both change feeds with the page they send', () => {
      const spec = t.app.swagger() as {
        paths: Record<
          string,
          { get: { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, { items?: { $ref?: string } }> } }> }> } }
        >
        components: { schemas: Record<string, { properties?: object }> }
      }
      for (const path of ['/api/v1/exchange/resources/{code}/changes', '/api/v1/exchange/subscriptions/{id}/changes']) {
        const page = spec.paths[path]?.get.responses['200']?.content['application/json']?.schema
        expect(Object.keys(page?.properties ?? {}), path).toEqual(['changes', 'next', 'lastSeq'])
        expect(page?.properties.changes?.items, path).toEqual({ $ref: '#/components/schemas/Change' })
      }
      expect(Object.keys(spec.components.schemas.Change?.properties ?? {})).toEqual(['seq', 'key', 'op', 'data', 'at'])
    })

    it('imports an uploaded GBK file as a job, and rejects a bad one with a downloadable report', async () => {
      const rows = allowanceRecords(50, 500)
      const table = {
        name: 's',
        headers: ['公民身份号码', '姓名', '保障金额', 'division_code'],
        rows: rows.map((r) => [r.resident_id, r.name, String(r.allowance_amount), r.division_code]),
      }
      const file = await writeTable(table, 'csv', 'gbk')
      const upload = async (body: Buffer) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/exchange/datasets/${world.allowance}/uploads?fileName=lowincome.csv`,
          headers: { authorization: `Bearer ${await t.token('civil')}`, 'content-type': 'text/csv' },
          payload: body,
        })
      const accepted = await upload(file)
      expect(accepted.statusCode, accepted.body).toBe(202)
      t.context.worker.start()
      const job = await until(async () => {
        const current = (await t.call('civil', 'GET', `/api/v1/jobs/${accepted.json().id}`)).json()
        return current.status === 'succeeded' || current.status === 'failed' ? current : undefined
      })
      expect(job).toMatchObject({ status: 'succeeded', progress: 100, result: { status: 'applied', rows: 50, upserted: 50, encoding: 'gb18030' } })

      const broken = await writeTable({ ...table, rows: [...table.rows.slice(0, 3), ['210102199001011235', '坏', 'x', '210102000000']] }, 'csv', 'gbk')
      const rejectedJob = await upload(broken)
      const rejected = await until(async () => {
        const current = (await t.call('civil', 'GET', `/api/v1/jobs/${rejectedJob.json().id}`)).json()
        return current.status === 'succeeded' ? current : undefined
      })
      expect(rejected.result).toMatchObject({ status: 'rejected', invalidRows: 1 })
      const report = await t.call('civil', 'GET', `/api/v1/exchange/files/${rejectedJob.json().id}`)
      expect(report.statusCode).toBe(200)
      expect(report.body).toContain('resident_id')
      expect(report.body).toMatch(/^5,resident_id,/m)
      expect((await t.call('heping', 'GET', `/api/v1/exchange/files/${rejectedJob.json().id}`)).statusCode).toBe(404)
    })

    it('exports granted records through the gate, masked', async () => {
      const queued = await t.call('heping', 'POST', `/api/v1/exchange/resources/${world.allowance}/exports`, { format: 'csv', encoding: 'gbk' })
      expect(queued.statusCode).toBe(202)
      t.context.worker.start()
      const done = await until(async () => {
        const current = (await t.call('heping', 'GET', `/api/v1/jobs/${queued.json().id}`)).json()
        return ['succeeded', 'failed'].includes(current.status) ? current : undefined
      })
      expect(done).toMatchObject({ status: 'succeeded', result: { rows: expect.any(Number) } })
      const file = await t.call('heping', 'GET', `/api/v1/exchange/files/${queued.json().id}`)
      const text = iconv.decode(file.rawPayload, 'gbk')
      expect(text.split('\n')[0]).toBe('resident_id,name,allowance_amount')
      expect(text).toContain('张*')
      expect(text).not.toContain('division_code')
    })

    it('takes objections to the provider and back', async () => {
      const raised = await t.call('heping', 'POST', '/api/v1/exchange/objections', {
        resource: world.allowance,
        recordKey: world.records[1]!.resident_id,
        note: '该对象已于本月迁出本区，请核实',
      })
      expect(raised.statusCode, raised.body).toBe(201)
      expect(
        (await t.call('hrss', 'POST', '/api/v1/exchange/objections', { resource: world.allowance, recordKey: 'x', note: '没有授权的部门' })).statusCode,
      ).toBe(403)
      const incoming = (await t.call('civil', 'GET', '/api/v1/exchange/objections?direction=incoming&status=open')).json()
      expect(incoming.map((o: { id: string }) => o.id)).toContain(raised.json().id)
      expect((await t.call('heping', 'POST', `/api/v1/exchange/objections/${raised.json().id}/answer`, { answer: '自己答复' })).statusCode).toBe(403)
      const answered = await t.call('civil', 'POST', `/api/v1/exchange/objections/${raised.json().id}/answer`, { answer: '已核实并更正' })
      expect(answered.json()).toMatchObject({ status: 'answered', answeredBy: 'civil' })
    })

    it('revocation and expiry stop reads at once', async () => {
      const grants = (await t.call('heping', 'GET', '/api/v1/exchange/grants?direction=incoming')).json() as Array<{ id: string; resourceCode: string }>
      const grant = grants.find((g) => g.resourceCode === world.allowance.replace('-', '/'))!
      expect((await t.call('heping', 'POST', `/api/v1/exchange/grants/${grant.id}/revoke`, { reason: '自行撤销' })).statusCode).toBe(403)
      const revoked = await t.call('civil', 'POST', `/api/v1/exchange/grants/${grant.id}/revoke`, { reason: '用途已结束' })
      expect(revoked.json()).toMatchObject({ status: 'revoked', effective: false, revokeReason: '用途已结束' })
      const after = await records('heping')
      expect(after.statusCode).toBe(403)
      expect(after.json().code).toBe('HT_NOT_GRANTED')

      const hrssGrant = await grantAccess(t, 'hrss', 'civil', world.allowance, { items: [{ key: 'resident_id', masked: false }], operations: ['lookup'] })
      expect((await t.call('hrss', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${world.records[0]!.resident_id}`)).statusCode).toBe(200)
      await t.context.database.db.updateTable('grants').set({ valid_until: '2020-01-01' }).where('id', '=', hrssGrant.grantId).execute()
      t.context.gate.forgetGrants()
      expect((await t.call('hrss', 'GET', `/api/v1/exchange/resources/${world.allowance}/records/${world.records[0]!.resident_id}`)).statusCode).toBe(403)
    })

    it('refuses resources and items that are not shared', async () => {
      const secret = await publishEntry(
        t,
        'civil',
        allowanceEntry({ name: '不予共享测试', shareType: 'none', shareMethods: [], legalBasis: '《个人信息保护法》', shareCondition: '' }),
      )
      const asked = await t.call('heping', 'POST', '/api/v1/exchange/requests', {
        resource: secret,
        items: [{ key: 'resident_id', masked: false }],
        operations: ['lookup'],
        purpose: '测试用途',
        legalBasis: '测试依据',
        validUntil: '2099-12-31',
      })
      expect(asked.statusCode).toBe(403)
      const read = await t.call('heping', 'GET', `/api/v1/exchange/resources/${secret}/records/x`)
      expect(read.json().code).toBe('HT_NOT_GRANTED')
    })

    it('flags overdue requests to the data office once, and counts the sharing rate', async () => {
      const pending = await t.call('stats', 'POST', '/api/v1/exchange/requests', {
        resource: world.allowance,
        items: [{ key: 'allowance_amount', masked: false }],
        operations: ['query'],
        purpose: '统计分析',
        legalBasis: '《统计法》',
        validUntil: '2099-12-31',
      })
      await t.context.database.db.updateTable('sharing_requests').set({ deadline: '2020-01-02' }).where('id', '=', pending.json().id).execute()
      expect(await t.context.sharing.flagOverdue()).toBe(1)
      expect(await t.context.sharing.flagOverdue()).toBe(0)
      const inbox = (await t.call('dataoffice', 'GET', '/api/v1/notifications')).json()
      expect(inbox.items.some((n: { kind: string }) => n.kind === 'sharing.overdue')).toBe(true)
      const overdue = (await t.call('dataoffice', 'GET', '/api/v1/exchange/requests?direction=all&overdue=true')).json()
      expect(overdue.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([[pending.json().id, true]])
      expect(beijingDate() > '2020-01-02').toBe(true)

      await t.context.usage.flush()
      const stats = (await t.call('dataoffice', 'GET', '/api/v1/exchange/stats')).json()
      expect(stats.sharingRate.published).toBeGreaterThanOrEqual(3)
      expect(stats.sharingRate.shared).toBeGreaterThanOrEqual(1)
      expect(stats.sharingRate.rate).toBeCloseTo(stats.sharingRate.shared / stats.sharingRate.published, 2)
      expect(stats.requests.overdue).toBe(1)
      expect(stats.objections.answered).toBe(1)
      expect(stats.reads.total).toBeGreaterThan(0)
      const allowance = stats.byResource.find((r: { code: string }) => r.code === world.allowance.replace('-', '/'))
      expect(allowance.requests).toBeGreaterThanOrEqual(2)
      expect(allowance.averageApprovalWorkingDays).toBe(0)
    })

    it('audits every read, allowed or refused, and the chain stays intact', async () => {
      await t.context.audit.flush()
      const rows = await t.context.database.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'actor_name', 'detail'])
        .where('action', 'like', 'data.%')
        .orderBy('seq')
        .execute()
      expect(rows.some((row) => row.outcome === 'denied' && row.actor_name === 'heping')).toBe(true)
      const lookup = rows.find((row) => row.action === 'data.lookup' && row.outcome === 'success' && row.actor_name === 'heping')
      expect(JSON.parse(lookup?.detail ?? '{}')).toMatchObject({
        own: false,
        purpose: '低保资格复核',
        items: ['resident_id', 'name', 'allowance_amount'],
        masked: ['name'],
        rows: 1,
      })
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })
}

import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { checkCharacter } from '../../src/standards/resident-id.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

interface Job {
  id: string
  status: string
  result: Record<string, unknown> | null
  error: string | null
}

/** A valid resident ID for an address, a birth date (YYYYMMDD) and a sequence number. */
function residentId(address: string, date: string, sequence: number): string {
  const first17 = `${address}${date}${String(sequence).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

const HEADER = '公民身份号码,姓名,性别,民族,出生日期,户籍地行政区划,户籍地址,人员状态,死亡日期'

for (const dialect of DIALECTS) {
  describe(`the population registry, on ${dialect}`, () => {
    let t: TestApp
    let code: string
    /** A living person of the demo population. */
    let someone: Record<string, string>

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
      code = ((await t.call('police', 'GET', '/api/v1/population/binding')).json() as { code: string }).code.replace('/', '-')
      const page = (await t.call('police', 'GET', '/api/v1/exchange/resources/' + code + '/records?filter.status=10&limit=1')).json() as {
        items: Array<Record<string, string>>
      }
      someone = page.items[0] as Record<string, string>
    })
    afterAll(async () => {
      await t?.close()
    })

    it('is bound to the demo catalog entry 人口基础信息 and holds the generated population', async () => {
      expect(code).toMatch(/^\d{3}-\d{6}$/)
      const stats = (await t.call('dataoffice', 'GET', '/api/v1/population/statistics')).json() as {
        total: number
        byDistrict: Array<{ division: string; count: number }>
        pyramid: Array<{ male: number; female: number }>
      }
      expect(stats.total).toBe(6000)
      expect(stats.byDistrict.every((district) => district.division.startsWith('2101'))).toBe(true)
      expect(stats.pyramid.reduce((sum, group) => sum + group.male + group.female, 0)).toBeGreaterThan(5000)
    })

    it('the provider department looks a person up in clear; a granted consumer sees masked items', async () => {
      const own = await t.call('police', 'GET', `/api/v1/population/persons/${someone.resident_id}`)
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json()).toMatchObject({ resident_id: someone.resident_id, name: someone.name, status: '10' })
      expect(own.json()).toHaveProperty('residence_address')
      const masked = await t.call('heping', 'GET', `/api/v1/population/persons/${someone.resident_id}`)
      expect(masked.statusCode, masked.body).toBe(200)
      expect(masked.json().name).toMatch(/^.\*+$/)
      expect(masked.json()).not.toHaveProperty('residence_address')
    })

    it('answers an invalid ID with the reason, a 15-digit ID in its 18-digit form, an unknown valid ID with 404', async () => {
      const id = someone.resident_id as string
      const wrongCheck = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`
      const invalid = await t.call('police', 'GET', `/api/v1/population/persons/${wrongCheck}`)
      expect(invalid.statusCode).toBe(400)
      expect(invalid.json()).toMatchObject({ code: 'HT_VALIDATION', errors: [{ field: 'residentId' }] })
      const unknown = await t.call('police', 'GET', `/api/v1/population/persons/${residentId('210102', '18990101', 1)}`)
      expect(unknown.statusCode).toBe(404)
    })

    it('refuses a department without a grant, and audits the refusal', async () => {
      const response = await t.call('tax', 'GET', `/api/v1/population/persons/${someone.resident_id}`)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_NOT_GRANTED' })
      await t.context.audit.flush()
      const row = await t.context.database.db
        .selectFrom('audit_log')
        .select(['outcome', 'actor_name'])
        .where('action', '=', 'data.lookup')
        .where('actor_name', '=', 'tax')
        .executeTakeFirst()
      expect(row?.outcome).toBe('denied')
      // Even a request of invalid IDs only goes through the gate.
      const invalidOnly = await t.call('tax', 'POST', '/api/v1/population/verify', { records: [{ residentId: '123' }] })
      expect(invalidOnly.statusCode).toBe(403)
    })

    it('searches by name and date of birth', async () => {
      const response = await t.call(
        'police',
        'GET',
        `/api/v1/population/persons?name=${encodeURIComponent(someone.name as string)}&birthDate=${someone.birth_date}`,
      )
      expect(response.statusCode, response.body).toBe(200)
      expect((response.json() as { items: Array<{ resident_id: string }> }).items.map((item) => item.resident_id)).toContain(someone.resident_id)
    })

    it('verifies records: validity, normalisation, per-field verdicts, status flags, traditional characters', async () => {
      const living = someone
      const name = living.name as string
      const response = await t.call('heping', 'POST', '/api/v1/population/verify', {
        records: [
          { residentId: (living.resident_id as string).toLowerCase(), name, birthDate: living.birth_date },
          { residentId: living.resident_id, name: `${name}错` },
          { residentId: residentId('210102', '19800101', 11), name: '张三' },
          { residentId: '210102198001011234', name: '张三' },
          { residentId: '21010219800101' },
        ],
      })
      expect(response.statusCode, response.body).toBe(200)
      const [match, mismatch, unknown, badCheck, badLength] = response.json().results
      expect(match).toMatchObject({
        validity: 'valid',
        found: true,
        fields: { name: 'match', birthDate: 'match' },
        flags: { deceased: false, movedOut: false },
      })
      expect(mismatch).toMatchObject({ found: true, fields: { name: 'mismatch' } })
      expect(unknown).toMatchObject({ validity: 'valid', found: false })
      expect(badCheck.validity).toBe('check')
      expect(badLength).toMatchObject({ validity: 'length', found: false })
      const fifteen = `${(living.resident_id as string).slice(0, 6)}${(living.resident_id as string).slice(8, 17)}`
      if ((living.resident_id as string).slice(6, 8) === '19') {
        const converted = (await t.call('police', 'POST', '/api/v1/population/verify', { records: [{ residentId: fifteen }] })).json().results[0]
        expect(converted).toMatchObject({ validity: 'valid', normalisedId: living.resident_id, found: true })
      }
    })

    it('compares names across traditional and simplified characters and middle-dot variants', async () => {
      const id = residentId('210102', '19850315', 21)
      const file = `${HEADER}\n${id},買買提·艾力,男,维吾尔族,1985-03-15,210102001001,辽宁省沈阳市和平区南京北街1号,10,\n`
      const job = await waitForJob('police', (await send('police', '/api/v1/population/imports?fileName=one.csv', Buffer.from(file))).json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      const response = await t.call('police', 'POST', '/api/v1/population/verify', {
        records: [
          { residentId: id, name: '买买提•艾力' },
          { residentId: id, name: '买买提 ・艾力' },
        ],
      })
      expect(response.json().results.map((result: { fields: { name: string } }) => result.fields.name)).toEqual(['match', 'match'])
    })

    it('imports a GBK file: good rows upserted, bad rows rejected with reasons, the same file again changes nothing', async () => {
      const rows = [
        `${residentId('210103', '19700101', 31)},王建国,男,汉族,1970-01-01,210103001001,辽宁省沈阳市沈河区青年大街1号,正常,`,
        `${residentId('210103', '19700102', 42)},李秀英,女,01,19700102,210103001001,辽宁省沈阳市沈河区青年大街2号,10,`,
        `${residentId('210103', '19700103', 52)},赵敏,女,汉族,1970-01-03,210103001001,辽宁省沈阳市沈河区青年大街3号,,`,
        `${residentId('210103', '19700104', 62)},刘洋,男,汉族,1970-02-30,210103001001,辽宁省沈阳市沈河区青年大街4号,,`,
        `${residentId('210103', '19700105', 72)},陈静,女,火星族,1970-01-05,210103001001,辽宁省沈阳市沈河区青年大街5号,,`,
        `${residentId('210103', '19700101', 31)},王建国,男,汉族,1970-01-01,210103001001,辽宁省沈阳市沈河区青年大街1号,,`,
        `210103197001061234,孙强,男,汉族,1970-01-06,210103001001,辽宁省沈阳市沈河区青年大街6号,,`,
        `${residentId('210103', '19700107', 81)},周杰,男,汉族,1970-01-07,210103001001,辽宁省沈阳市沈河区青年大街7号,20,2020-05-01`,
      ]
      const file = iconv.encode(`${HEADER}\n${rows.join('\n')}\n`, 'gbk')
      const started = await send('police', '/api/v1/population/imports?fileName=gbk.csv', file)
      expect(started.statusCode, started.body).toBe(202)
      const job = await waitForJob('police', started.json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      expect(job.result).toMatchObject({ rows: 8, accepted: 4, rejected: 4, created: 4, encoding: 'gb18030' })
      const rejections = await t.call('police', 'GET', `/api/v1/population/imports/${job.id}/rejections?format=csv`)
      expect(rejections.statusCode).toBe(200)
      const text = rejections.body
      expect(text).toContain('gender')
      expect(text).toContain('birth_date')
      expect(text).toContain('ethnic_group')
      expect(text).toContain('与第2行身份证号码重复')
      expect(text).toContain('校验码错误')
      const xlsx = await t.app.inject({
        method: 'GET',
        url: `/api/v1/population/imports/${job.id}/rejections?format=xlsx`,
        headers: { authorization: `Bearer ${await t.token('police')}` },
      })
      expect(xlsx.statusCode).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
      expect(workbook.worksheets[0]?.rowCount).toBeGreaterThan(4)
      const again = await waitForJob(
        'police',
        (await send('police', '/api/v1/population/imports?fileName=gbk-again.csv', Buffer.concat([file, Buffer.from('\n')]))).json().id,
      )
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
      const deceased = await t.call('police', 'GET', `/api/v1/population/persons/${residentId('210103', '19700107', 81)}`)
      expect(deceased.json()).toMatchObject({ status: '20', death_date: '2020-05-01' })
    })

    it('refuses a file without the required columns and writes nothing', async () => {
      const before = (await t.context.persons.head()).recordCount
      const job = await waitForJob(
        'police',
        (
          await send('police', '/api/v1/population/imports?fileName=bad.csv', Buffer.from(`公民身份号码,姓名\n${residentId('210104', '19900101', 11)},张三\n`))
        ).json().id,
      )
      expect(job.status).toBe('failed')
      expect(job.error).toContain('gender')
      expect((await t.context.persons.head()).recordCount).toBe(before)
    })

    it('refuses a truncated file (unclosed quote) and writes nothing', async () => {
      const before = (await t.context.persons.head()).recordCount
      const file = `${HEADER}\n${residentId('210104', '19900102', 21)},张三,男,汉族,1990-01-02,210104001001,"辽宁省沈阳市大东区`
      const job = await waitForJob('police', (await send('police', '/api/v1/population/imports?fileName=cut.csv', Buffer.from(file))).json().id)
      expect(job.status).toBe('failed')
      expect((await t.context.persons.head()).recordCount).toBe(before)
    })

    it('only the registry’s provider department imports', async () => {
      const response = await send('civil', '/api/v1/population/imports?fileName=x.csv', Buffer.from(HEADER))
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'HT_FORBIDDEN' })
    })

    it('applies a death as an event with history, and reads as of an earlier day', async () => {
      const id = someone.resident_id as string
      const applied = await t.call('police', 'POST', '/api/v1/population/events', { events: [{ residentId: id, type: 'death', date: '2026-01-15' }] })
      expect(applied.statusCode, applied.body).toBe(200)
      expect(applied.json()).toMatchObject({ updated: 1 })
      const history = (await t.call('police', 'GET', `/api/v1/population/persons/${id}/history`)).json() as {
        items: Array<{ event: string; effectiveDate: string; changedBy: string; changes: Array<{ item: string; before: unknown; after: unknown }> }>
      }
      expect(history.items[0]).toMatchObject({ event: 'death', effectiveDate: '2026-01-15', changedBy: 'police' })
      expect(history.items[0]?.changes).toEqual(
        expect.arrayContaining([
          { item: 'status', before: '10', after: '20' },
          { item: 'death_date', before: null, after: '2026-01-15' },
        ]),
      )
      expect(history.items.at(-1)?.event).toBe('create')
      const now = (await t.call('police', 'GET', `/api/v1/population/persons/${id}`)).json()
      expect(now).toMatchObject({ status: '20', death_date: '2026-01-15' })
      const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
      const before = await t.call('police', 'GET', `/api/v1/population/persons/${id}?asOf=${yesterday}`)
      expect(before.statusCode).toBe(404)
      const refused = await t.call('police', 'POST', '/api/v1/population/events', {
        events: [
          { residentId: id, type: 'move-out', date: '2099-01-01' },
          { residentId: residentId('210102', '18990101', 1), type: 'death', date: '2020-01-01' },
        ],
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors.map((error: { row: number }) => error.row)).toEqual([1, 2])
      const flags = (await t.call('heping', 'POST', '/api/v1/population/verify', { records: [{ residentId: id }] })).json().results[0]
      expect(flags.flags).toMatchObject({ deceased: true })
      const cancelled = residentId('210103', '19700102', 42)
      await t.call('police', 'POST', '/api/v1/population/events', { events: [{ residentId: cancelled, type: 'cancel', date: '2026-02-01' }] })
      const cancelHistory = (await t.call('police', 'GET', `/api/v1/population/persons/${cancelled}/history`)).json().items[0]
      // A cancellation's date has no catalog item: the history shows the status change only.
      expect(cancelHistory).toMatchObject({ event: 'cancel', effectiveDate: '2026-02-01', changes: [{ item: 'status', before: '10', after: '40' }] })
    })

    it('the profile shows the core and granted attachments; ungranted ones by name only', async () => {
      const people = (await t.call('police', 'GET', `/api/v1/exchange/resources/${code}/records?filter.status=10&limit=50`)).json().items as Array<{
        resident_id: string
      }>
      const own = (await t.call('police', 'GET', `/api/v1/population/persons/${people[1]?.resident_id}/profile`)).json()
      expect(own.person.resident_id).toBe(people[1]?.resident_id)
      const heping = await t.call('heping', 'GET', `/api/v1/population/persons/${people[1]?.resident_id}/profile`)
      expect(heping.statusCode, heping.body).toBe(200)
      const attachments = heping.json().attachments as Array<{ name: string; granted: boolean; records: unknown[] }>
      expect(attachments.find((attachment) => attachment.name === '城乡低保对象信息')?.granted).toBe(true)
      const ungranted = attachments.find((attachment) => attachment.name === '居民电子健康档案')
      expect(ungranted).toMatchObject({ granted: false, records: [] })
    })

    it('a person’s records in hosted attachments are found by their resident ID', async () => {
      // The demo's first persons have a record in every demo dataset.
      const first = (await t.context.database.db.selectFrom('dataset_subjects').select('subject').limit(1).executeTakeFirstOrThrow()).subject
      const profile = (await t.call('heping', 'GET', `/api/v1/population/persons/${first}/profile`)).json()
      const allowance = (profile.attachments as Array<{ name: string; granted: boolean; records: Array<{ resident_id: string }> }>).find(
        (attachment) => attachment.name === '城乡低保对象信息',
      )
      expect(allowance?.granted).toBe(true)
      expect(allowance?.records.length).toBeGreaterThan(0)
      for (const record of allowance?.records ?? []) expect(record.resident_id).toBe(first)
    })

    it('compares a department’s file: counts, problem rows by outcome, CSV and XLSX reports', async () => {
      const people = (await t.call('police', 'GET', `/api/v1/exchange/resources/${code}/records?filter.status=10&limit=5&offset=100`)).json().items as Array<{
        resident_id: string
        name: string
      }>
      const lines = [
        '身份证号,姓名,备注',
        `${people[0]?.resident_id},${people[0]?.name},ok`,
        `${people[1]?.resident_id},${people[1]?.name},ok`,
        `${people[2]?.resident_id},不是这个人,name`,
        `${residentId('210102', '19800101', 11)},张三,unknown`,
        `12345,李四,invalid`,
        `${someone.resident_id},${someone.name},deceased`,
      ]
      const preview = await send('heping', '/api/v1/population/comparisons/preview?fileName=dibao.csv', iconv.encode(lines.join('\r\n'), 'gbk'))
      expect(preview.statusCode, preview.body).toBe(200)
      expect(preview.json()).toMatchObject({ headers: ['身份证号', '姓名', '备注'], suggested: { residentId: '身份证号', name: '姓名' } })
      const started = await t.call('heping', 'POST', '/api/v1/population/comparisons', {
        uploadId: preview.json().uploadId,
        fileName: 'dibao.csv',
        mapping: { residentId: '身份证号', name: '姓名' },
      })
      expect(started.statusCode, started.body).toBe(202)
      const job = await waitForJob('heping', started.json().id)
      expect(job.status, job.error ?? '').toBe('succeeded')
      const summary = (await t.call('heping', 'GET', `/api/v1/population/comparisons/${job.id}`)).json()
      expect(summary.counts).toMatchObject({ total: 6, ok: 2, nameMismatch: 1, notFound: 1, invalidId: 1, deceased: 1 })
      const rows = (await t.call('heping', 'GET', `/api/v1/population/comparisons/${job.id}/rows?outcome=name-mismatch`)).json()
      expect(rows).toMatchObject({ total: 1, items: [{ row: 4, outcome: 'name-mismatch' }] })
      const report = await t.call('heping', 'GET', `/api/v1/population/comparisons/${job.id}/report?format=csv`)
      expect(report.body.split('\n').filter((line) => line.trim() !== '').length).toBe(7)
      const xlsx = await t.call('heping', 'GET', `/api/v1/population/comparisons/${job.id}/report?format=xlsx`)
      expect(xlsx.headers['content-type']).toContain('spreadsheetml')
      expect((await t.call('heping', 'GET', '/api/v1/population/comparisons')).json().total).toBeGreaterThan(0)
      // Another department does not see it.
      expect((await t.call('civil', 'GET', `/api/v1/population/comparisons/${job.id}`)).statusCode).toBe(404)
    })

    it('refuses a comparison from a department without a verify grant, audited', async () => {
      const preview = await send(
        'tax',
        '/api/v1/population/comparisons/preview?fileName=x.csv',
        Buffer.from(`身份证号,姓名\n${someone.resident_id},${someone.name}\n`),
      )
      const started = await t.call('tax', 'POST', '/api/v1/population/comparisons', {
        uploadId: preview.json().uploadId,
        fileName: 'x.csv',
        mapping: { residentId: '身份证号', name: '姓名' },
      })
      expect(started.statusCode).toBe(403)
      expect(started.json()).toMatchObject({ code: 'HT_NOT_GRANTED' })
    })

    it('serves the registry’s change feed through the gate', async () => {
      const response = await t.call('police', 'GET', `/api/v1/exchange/resources/${code}/changes?after=0&limit=10`)
      expect(response.statusCode, response.body).toBe(200)
      const feed = response.json() as { changes: Array<{ seq: number; key: string; op: string }>; lastSeq: number }
      expect(feed.changes).toHaveLength(10)
      expect(feed.changes.map((change) => change.seq)).toEqual([...feed.changes.map((change) => change.seq)].sort((a, b) => a - b))
      expect(feed.lastSeq).toBeGreaterThan(6000)
    })

    it('hosted-dataset publishing is refused for the registry’s entry', async () => {
      const response = await t.call('police', 'POST', `/api/v1/exchange/datasets/${code}/batches`, { batchId: 'x', upserts: [] })
      expect(response.statusCode).toBe(409)
    })

    it('leaves an intact audit chain', async () => {
      await t.context.audit.flush()
      expect((await verifyAuditChain(t.context.database)).ok).toBe(true)
    })
  })
}

import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/databases.js'
import { AuditLog, verifyAuditChain } from './audit-log.js'

for (const dialect of DIALECTS) {
  describe(`audit log on ${dialect}`, () => {
    let testDatabase: TestDatabase
    let audit: AuditLog

    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      audit = new AuditLog(testDatabase.database)
    })
    afterEach(async () => {
      await audit.close()
      await testDatabase.drop()
    })

    const entry = (n: number) => ({
      actorType: 'user' as const,
      actorName: `user${n % 7}`,
      departmentCode: '210100003',
      action: n % 2 === 0 ? 'data.lookup' : 'auth.login',
      target: `target-${n}`,
      outcome: 'success' as const,
      detail: { n, items: ['name', '姓名'] },
    })

    it('group-commits concurrent appends into one gapless chain', async () => {
      const seqs = await Promise.all(Array.from({ length: 300 }, (_, n) => audit.append(entry(n))))
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, n) => n + 1))
      const report = await verifyAuditChain(testDatabase.database)
      expect(report).toMatchObject({ ok: true, checked: 300, lastSeq: 300 })
    })

    it('resolves an append only once its row is readable', async () => {
      const seq = await audit.append(entry(1))
      const row = await testDatabase.database.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst()
      expect(row?.target).toBe('target-1')
      expect(JSON.parse(row?.detail ?? '{}')).toEqual({ items: ['name', '姓名'], n: 1 })
    })

    it('continues the chain across writers (a restart or a second node)', async () => {
      await Promise.all([1, 2, 3].map((n) => audit.append(entry(n))))
      const second = new AuditLog(testDatabase.database)
      await Promise.all([4, 5].map((n) => second.append(entry(n))))
      await second.close()
      await audit.append(entry(6))
      expect(await verifyAuditChain(testDatabase.database)).toMatchObject({ ok: true, checked: 6 })
    })

    it('names the first altered row', async () => {
      for (let n = 0; n < 10; n++) await audit.append(entry(n))
      await sql`UPDATE audit_log SET outcome = 'failure' WHERE seq = 4`.execute(testDatabase.database.db)
      await sql`UPDATE audit_log SET target = 'rewritten' WHERE seq = 7`.execute(testDatabase.database.db)
      const report = await verifyAuditChain(testDatabase.database)
      expect(report.ok).toBe(false)
      expect(report.firstBreak).toMatchObject({ seq: 4, reason: 'hash-mismatch' })
      expect(report.checked).toBe(3)
    })

    it('notices a deleted row and a rewritten link', async () => {
      for (let n = 0; n < 6; n++) await audit.append(entry(n))
      await sql`DELETE FROM audit_log WHERE seq = 3`.execute(testDatabase.database.db)
      expect((await verifyAuditChain(testDatabase.database)).firstBreak).toMatchObject({ seq: 4, reason: 'sequence-gap' })
    })

    it('notices a row recomputed without its predecessor', async () => {
      for (let n = 0; n < 4; n++) await audit.append(entry(n))
      await sql`UPDATE audit_log SET prev_hash = ${'a'.repeat(64)} WHERE seq = 2`.execute(testDatabase.database.db)
      expect((await verifyAuditChain(testDatabase.database)).firstBreak).toMatchObject({ seq: 2, reason: 'prev-hash-mismatch' })
    })

    it('reports progress while verifying', async () => {
      for (let n = 0; n < 5; n++) await audit.append(entry(n))
      const seen: Array<[number, number]> = []
      await verifyAuditChain(testDatabase.database, (checked, total) => {
        seen.push([checked, total])
      })
      expect(seen.at(-1)).toEqual([5, 5])
    })
  })
}

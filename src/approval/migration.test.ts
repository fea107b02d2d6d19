import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/databases.js'
import { down, up } from './migration.js'
import type { ApprovalTables } from './tables.js'

for (const dialect of DIALECTS) {
  describe(`approval tables on ${dialect}`, () => {
    let testDatabase: TestDatabase
    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      await up(testDatabase.database.tables<unknown>())
    })
    afterEach(async () => {
      await testDatabase.drop()
    })

    const caseRow = (id: string, key: string) => ({
      id,
      theme: 'business-start',
      applicant_kind: 'person' as const,
      applicant_id: '11010519491231002X',
      applicant_name: '张三',
      subject_credit_code: null,
      status: 'submitted',
      stage: 0,
      idempotency_key: key,
      fingerprint: 'f'.repeat(64),
      submitted_on: '2026-03-02',
      body: '{}',
      version: 1,
      created_at: '2026-03-02T02:00:00.000Z',
      updated_at: '2026-03-02T02:00:00.000Z',
    })

    it('keep one case per applicant and idempotency key', async () => {
      const db = testDatabase.database.tables<ApprovalTables>()
      await db.insertInto('approval_cases').values(caseRow('c1', 'key-00000001')).execute()
      await expect(db.insertInto('approval_cases').values(caseRow('c2', 'key-00000001')).execute()).rejects.toThrow()
      await db.insertInto('approval_cases').values(caseRow('c3', 'key-00000002')).execute()
      expect((await db.selectFrom('approval_cases').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual(['c1', 'c3'])
    })

    it('read a department’s queue by deadline, and keep one licence per review', async () => {
      const db = testDatabase.database.tables<ApprovalTables>()
      const review = (id: string, deadline: string | null) => ({
        id,
        case_id: 'c1',
        stage: 0,
        matter: 'M-1',
        department: '210100007',
        status: 'open',
        start: '2026-03-02',
        limit_days: 5,
        ledger: '[]',
        correction: null,
        decision: null,
        opened_at: '2026-03-02T02:00:00.000Z',
        version: 1,
        updated_at: '2026-03-02T02:00:00.000Z',
        deadline,
        paused_left: deadline === null ? 3 : null,
        colour: 'none' as const,
        provisional: 0,
      })
      await db
        .insertInto('approval_reviews')
        .values([review('r1', '2026-03-12'), review('r2', '2026-03-09'), review('r3', null)])
        .execute()
      const queue = await db
        .selectFrom('approval_reviews')
        .select('id')
        .where('department', '=', '210100007')
        .where('status', '=', 'open')
        .where('deadline', 'is not', null)
        .orderBy('deadline')
        .execute()
      expect(queue.map((row) => row.id)).toEqual(['r2', 'r1'])
      const licence = (number: string) => ({
        number,
        case_id: 'c1',
        review_id: 'r1',
        matter: 'M-1',
        department: '210100007',
        holder_kind: 'organisation' as const,
        holder_id: '91210102MA0QC0G16K',
        holder_name: '某公司',
        issued_on: '2026-03-03',
        valid_until: null,
        code_hash: 'a'.repeat(64),
        key_id: 'b'.repeat(64),
        body: '{}',
        revoked_at: null,
        revocation_reason: null,
      })
      await db.insertInto('approval_licences').values(licence('21010000720260000011')).execute()
      await expect(db.insertInto('approval_licences').values(licence('21010000720260000021')).execute()).rejects.toThrow()
    })

    it('come down again', async () => {
      await down(testDatabase.database.tables<unknown>())
      await up(testDatabase.database.tables<unknown>())
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessMatrix } from '../support/access-matrix.js'
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'
import { FOUNDATION_ENDPOINTS, TARGET } from '../support/endpoints/foundation.js'

for (const dialect of DIALECTS) {
  describe(`who may and may not call each foundation endpoint, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
      await t.context.identity.createUser(
        'cli',
        { username: TARGET, displayName: '矩阵用户', department: '210100005', password: DEMO_PASSWORD, roles: ['consumer'] },
        { requestId: null, ip: null },
      )
    })
    afterAll(async () => {
      await t?.close()
    })

    accessMatrix(() => t, FOUNDATION_ENDPOINTS)

    it('records refusals in the audit log', async () => {
      await t.context.audit.flush()
      const denied = await t.context.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'access.denied')
        .where('actor_name', '=', 'sysadmin')
        .where('target', '=', 'GET /api/v1/audit')
        .execute()
      expect(denied.length).toBeGreaterThanOrEqual(1)
      expect(denied[0]?.outcome).toBe('denied')
    })
  })
}

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../src/identity/tokens.js'
import { verifyAuditChain } from '../../src/audit/audit-log.js'
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

for (const dialect of DIALECTS) {
  describe(`identity on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
    })
    afterAll(async () => {
      await t?.close()
    })

    const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })

    const auditRows = async (action: string, target: string) => {
      await t.context.audit.flush()
      return t.context.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target', '=', target).orderBy('seq').execute()
    }

    it('signs in, answers /me, and audits the login', async () => {
      const response = await login('police', DEMO_PASSWORD)
      expect(response.statusCode).toBe(200)
      const { token, user } = response.json() as { token: string; user: { username: string; department: { name: string }; roles: string[] } }
      expect(user).toMatchObject({ username: 'police', department: { name: '市公安局' } })
      expect(user.roles.sort()).toEqual(['consumer', 'steward'])
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      expect(me.json()).toMatchObject({ kind: 'user', username: 'police', department: { code: '210100003' } })
      const rows = await auditRows('auth.login', 'police')
      expect(rows.some((row) => row.outcome === 'success' && row.actor_type === 'user')).toBe(true)
    })

    it('keeps only the hash of a session token', async () => {
      const { token } = (await login('civil', DEMO_PASSWORD)).json() as { token: string }
      const stored = await t.context.database.db.selectFrom('sessions').select('token_hash').execute()
      expect(stored.some((row) => row.token_hash === hashToken(token))).toBe(true)
      expect(stored.some((row) => row.token_hash === token)).toBe(false)
    })

    it('refuses a wrong password with one message for unknown and known users', async () => {
      const wrong = await login('hrss', 'Wrong@Password1')
      const unknown = await login('nobody', 'Wrong@Password1')
      expect(wrong.statusCode).toBe(401)
      expect(unknown.statusCode).toBe(401)
      expect(wrong.json()).toMatchObject({ code: 'HT_LOGIN_FAILED' })
      expect(wrong.json().detail).toBe(unknown.json().detail)
      expect((await auditRows('auth.login', 'hrss')).at(-1)?.outcome).toBe('failure')
    })

    it('locks an account after 5 failed logins in 15 minutes, even for the right password', async () => {
      for (let n = 0; n < 5; n++) expect((await login('health', `Wrong@Pass${n}x`)).statusCode).toBe(401)
      const locked = await login('health', DEMO_PASSWORD)
      expect(locked.statusCode).toBe(423)
      expect(locked.json()).toMatchObject({ code: 'HT_ACCOUNT_LOCKED' })
      expect(typeof locked.json().lockedUntil).toBe('string')
      // Once the failures are older than the window, the account opens again.
      await sql`UPDATE login_attempts SET attempted_at = ${new Date(Date.now() - 16 * 60_000).toISOString()} WHERE username = 'health'`.execute(
        t.context.database.db,
      )
      expect((await login('health', DEMO_PASSWORD)).statusCode).toBe(200)
    })

    it('revokes the token on logout', async () => {
      const { token } = (await login('market', DEMO_PASSWORD)).json() as { token: string }
      const headers = { authorization: `Bearer ${token}` }
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204)
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })
      expect(after.statusCode).toBe(401)
      expect(after.json()).toMatchObject({ code: 'HT_TOKEN_INVALID' })
    })

    it('refuses an expired token', async () => {
      const { token } = (await login('tax', DEMO_PASSWORD)).json() as { token: string }
      await t.context.database.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('token_hash', '=', hashToken(token))
        .execute()
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      expect(response.statusCode).toBe(401)
    })

    it('lets the system administrator create an account without roles, and the security administrator give roles', async () => {
      const created = await t.call('sysadmin', 'POST', '/api/v1/users', {
        username: 'zhangsan',
        displayName: '张三',
        department: '210100005',
        password: 'Minzheng@2026',
      })
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ username: 'zhangsan', roles: [], department: { name: '市民政局' } })

      const byAdmin = await t.call('sysadmin', 'PUT', '/api/v1/users/zhangsan/roles', { roles: ['consumer'] })
      expect(byAdmin.statusCode).toBe(403)
      const bySecadmin = await t.call('secadmin', 'PUT', '/api/v1/users/zhangsan/roles', { roles: ['consumer', 'steward'] })
      expect(bySecadmin.statusCode).toBe(200)
      expect(bySecadmin.json().roles.sort()).toEqual(['consumer', 'steward'])

      const mixed = await t.call('secadmin', 'PUT', '/api/v1/users/zhangsan/roles', { roles: ['auditor', 'consumer'] })
      expect(mixed.statusCode).toBe(409)
      expect(mixed.json()).toMatchObject({ code: 'HT_SEPARATION_OF_DUTIES' })

      const self = await t.call('secadmin', 'PUT', '/api/v1/users/secadmin/roles', { roles: ['secadmin', 'consumer'] })
      expect(self.statusCode).toBe(409)

      const login2 = await login('zhangsan', 'Minzheng@2026')
      expect(login2.statusCode).toBe(200)
      const rows = await auditRows('user.roles.set', 'zhangsan')
      expect(rows).toHaveLength(1)
      expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({ before: [], after: ['consumer', 'steward'] })
    })

    it('enforces the password policy with field errors', async () => {
      const response = await t.call('sysadmin', 'POST', '/api/v1/users', { username: 'lisi', displayName: '李四', department: '210100005', password: 'short' })
      expect(response.statusCode).toBe(422)
      expect(response.json()).toMatchObject({ code: 'HT_PASSWORD_POLICY' })
      expect(response.json().errors.every((e: { field: string }) => e.field === '/password')).toBe(true)
      const users = await t.call('sysadmin', 'GET', '/api/v1/users?q=lisi')
      expect(users.json().total).toBe(0)
    })

    it('refuses a duplicate username without changing anything', async () => {
      const response = await t.call('sysadmin', 'POST', '/api/v1/users', {
        username: 'police',
        displayName: '重复',
        department: '210100005',
        password: 'Minzheng@2026',
      })
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({ code: 'HT_DUPLICATE', errors: [{ field: '/username' }] })
    })

    it('disabling an account ends its sessions', async () => {
      const token = await t.token('staffing')
      const disabled = await t.call('sysadmin', 'PATCH', '/api/v1/users/staffing', { status: 'disabled' })
      expect(disabled.json()).toMatchObject({ status: 'disabled' })
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      expect(me.statusCode).toBe(401)
      expect((await login('staffing', DEMO_PASSWORD)).statusCode).toBe(403)
      await t.call('sysadmin', 'PATCH', '/api/v1/users/staffing', { status: 'active' })
    })

    it('lists users with search, filters and paging', async () => {
      const page = await t.call('secadmin', 'GET', '/api/v1/users?limit=5&offset=0')
      expect(page.json().items).toHaveLength(5)
      expect(page.json().total).toBeGreaterThanOrEqual(18)
      const descending = await t.call('secadmin', 'GET', '/api/v1/users?sort=-username&limit=3')
      const names = descending.json().items.map((u: { username: string }) => u.username)
      expect(names).toEqual([...names].sort().reverse())
      expect(names[0]).toBe('zhangsan')
      const stewards = await t.call('secadmin', 'GET', '/api/v1/users?role=steward&department=210100003')
      expect(stewards.json().items.map((u: { username: string }) => u.username)).toEqual(['police'])
    })

    it('changes one’s own password only with the current one', async () => {
      const bad = await t.call('quality', 'PUT', '/api/v1/me/password', { currentPassword: 'nope', newPassword: 'Zhijian@2027x' })
      expect(bad.statusCode).toBe(400)
      const good = await t.call('quality', 'PUT', '/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Zhijian@2027x' })
      expect(good.statusCode).toBe(204)
      expect((await login('quality', 'Zhijian@2027x')).statusCode).toBe(200)
    })

    it('issues API client tokens once, stores them hashed, and honours revocation', async () => {
      const created = await t.call('police', 'POST', '/api/v1/clients', { name: '人口核验系统', roles: ['consumer'] })
      expect(created.statusCode).toBe(201)
      const { client, token } = created.json() as { client: { id: string; department: { code: string } }; token: string }
      expect(client.department.code).toBe('210100003')
      expect(token.startsWith('htc_')).toBe(true)
      const stored = await t.context.database.db.selectFrom('api_clients').select('token_hash').where('id', '=', client.id).executeTakeFirstOrThrow()
      expect(stored.token_hash).toBe(hashToken(token))
      expect((await t.call('police', 'GET', '/api/v1/clients')).body).not.toContain(token)

      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      expect(me.json()).toMatchObject({ kind: 'client', username: '人口核验系统', roles: ['consumer'] })

      const otherDepartment = await t.call('civil', 'DELETE', `/api/v1/clients/${client.id}`)
      expect(otherDepartment.statusCode).toBe(404)
      const forOther = await t.call('police', 'POST', '/api/v1/clients', { name: 'x', department: '210100005' })
      expect(forOther.statusCode).toBe(403)
      const adminRole = await t.call('police', 'POST', '/api/v1/clients', { name: 'x', roles: ['sysadmin'] })
      expect(adminRole.statusCode).toBe(400)

      expect((await t.call('police', 'DELETE', `/api/v1/clients/${client.id}`)).json().revokedAt).not.toBeNull()
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
      expect(after.statusCode).toBe(401)
    })

    it('lets the security administrator tighten the lockout', async () => {
      const changed = await t.call('secadmin', 'PATCH', '/api/v1/security/settings', { lockoutThreshold: 3 })
      expect(changed.json()).toMatchObject({ lockoutThreshold: 3, passwordMinLength: 10 })
      for (let n = 0; n < 3; n++) await login('stats', `Wrong@Pass${n}x`)
      expect((await login('stats', DEMO_PASSWORD)).statusCode).toBe(423)
      await t.call('secadmin', 'PATCH', '/api/v1/security/settings', { lockoutThreshold: 5 })
    })

    it('manages departments', async () => {
      const created = await t.call('sysadmin', 'POST', '/api/v1/departments', {
        code: '210100016',
        name: '市大数据局',
        shortName: '大数据局',
        nameEn: 'Municipal Big Data Bureau',
        parent: '210100000',
        kind: 'city',
        divisionCode: '210100',
      })
      expect(created.statusCode).toBe(201)
      const renamed = await t.call('sysadmin', 'PATCH', '/api/v1/departments/210100016', { shortName: '数据局' })
      expect(renamed.json()).toMatchObject({ code: '210100016', shortName: '数据局' })
      const list = await t.call('heping', 'GET', '/api/v1/departments')
      expect(list.json().length).toBe(30)
      const badDivision = await t.call('sysadmin', 'PATCH', '/api/v1/departments/210100016', { divisionCode: '219999' })
      expect(badDivision.statusCode).toBe(400)
      expect(badDivision.json()).toMatchObject({ errors: [{ field: '/divisionCode' }] })
      const duplicate = await t.call('sysadmin', 'POST', '/api/v1/departments', {
        code: '210100016',
        name: '另一个',
        shortName: 'x',
        nameEn: 'x',
        kind: 'city',
        divisionCode: null,
      })
      expect(duplicate.statusCode).toBe(409)
    })

    it('leaves an intact audit chain behind', async () => {
      await t.context.audit.flush()
      const report = await verifyAuditChain(t.context.database)
      expect(report.ok).toBe(true)
      expect(report.checked).toBeGreaterThan(20)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/identity/roles.js'
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

interface Endpoint {
  readonly method: Method
  /** The route as registered, e.g. /api/v1/users/:id. */
  readonly route: string
  /** A concrete URL to call. */
  readonly url: string
  readonly body?: unknown
  /** Roles that may call it; 'authenticated' for anyone signed in. */
  readonly allowed: readonly Role[] | 'authenticated'
  /** Call with a fresh session (the call ends or changes the caller's session). */
  readonly fresh?: boolean
}

const TARGET = 'matrixuser'

/** Every foundation endpoint and who may call it. A route missing here fails the coverage test. */
const ENDPOINTS: readonly Endpoint[] = [
  { method: 'POST', route: '/api/v1/auth/logout', url: '/api/v1/auth/logout', allowed: 'authenticated', fresh: true },
  { method: 'GET', route: '/api/v1/me', url: '/api/v1/me', allowed: 'authenticated' },
  { method: 'PUT', route: '/api/v1/me/password', url: '/api/v1/me/password', body: { currentPassword: 'not-it', newPassword: 'Another@2026x' }, allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/roles', url: '/api/v1/roles', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/users', url: '/api/v1/users', allowed: ['sysadmin', 'secadmin'] },
  { method: 'GET', route: '/api/v1/users/:id', url: `/api/v1/users/${TARGET}`, allowed: ['sysadmin', 'secadmin'] },
  { method: 'POST', route: '/api/v1/users', url: '/api/v1/users', body: { username: 'matrixnew', displayName: '新用户', department: '210100005', password: 'Matrix@2026x' }, allowed: ['sysadmin'] },
  { method: 'PATCH', route: '/api/v1/users/:id', url: `/api/v1/users/${TARGET}`, body: { displayName: '矩阵' }, allowed: ['sysadmin'] },
  { method: 'PUT', route: '/api/v1/users/:id/password', url: `/api/v1/users/${TARGET}/password`, body: { password: 'Reset@2026xy' }, allowed: ['sysadmin'] },
  { method: 'PUT', route: '/api/v1/users/:id/roles', url: `/api/v1/users/${TARGET}/roles`, body: { roles: ['consumer'] }, allowed: ['secadmin'] },
  { method: 'GET', route: '/api/v1/departments', url: '/api/v1/departments', allowed: 'authenticated' },
  { method: 'POST', route: '/api/v1/departments', url: '/api/v1/departments', body: { code: '210100099', name: '矩阵局', shortName: '矩阵局', nameEn: 'Matrix', kind: 'city', divisionCode: '210100' }, allowed: ['sysadmin'] },
  { method: 'PATCH', route: '/api/v1/departments/:id', url: '/api/v1/departments/210100015', body: { nameEn: 'Disabled Persons’ Federation of Shenyang' }, allowed: ['sysadmin'] },
  { method: 'GET', route: '/api/v1/clients', url: '/api/v1/clients', allowed: ['sysadmin', 'steward'] },
  { method: 'POST', route: '/api/v1/clients', url: '/api/v1/clients', body: { name: '矩阵系统' }, allowed: ['sysadmin', 'steward'] },
  { method: 'DELETE', route: '/api/v1/clients/:id', url: '/api/v1/clients/00000000-0000-0000-0000-000000000000', allowed: ['sysadmin', 'steward'] },
  { method: 'GET', route: '/api/v1/security/settings', url: '/api/v1/security/settings', allowed: ['secadmin'] },
  { method: 'PATCH', route: '/api/v1/security/settings', url: '/api/v1/security/settings', body: { lockoutWindowMinutes: 15 }, allowed: ['secadmin'] },
  { method: 'GET', route: '/api/v1/audit', url: '/api/v1/audit', allowed: ['auditor'] },
  { method: 'POST', route: '/api/v1/audit/verify', url: '/api/v1/audit/verify', allowed: ['auditor'] },
  { method: 'GET', route: '/api/v1/jobs', url: '/api/v1/jobs', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/jobs/:id', url: '/api/v1/jobs/00000000-0000-0000-0000-000000000000', allowed: 'authenticated' },
  { method: 'POST', route: '/api/v1/jobs/:id/cancel', url: '/api/v1/jobs/00000000-0000-0000-0000-000000000000/cancel', allowed: 'authenticated' },
]

/** One demo account per role combination. */
const CALLERS: Readonly<Record<string, readonly Role[]>> = {
  sysadmin: ['sysadmin'],
  secadmin: ['secadmin'],
  auditor: ['auditor'],
  dataoffice: ['dataoffice', 'consumer'],
  police: ['steward', 'consumer'],
  heping: ['consumer'],
  approver: ['approver', 'consumer'],
  supervisor: ['supervisor'],
}

function mayCall(endpoint: Endpoint, roles: readonly Role[]): boolean {
  return endpoint.allowed === 'authenticated' || roles.some((role) => (endpoint.allowed as readonly Role[]).includes(role))
}

for (const dialect of DIALECTS) {
  describe(`who may and may not call each foundation endpoint, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
      await t.context.identity.createUser('cli', { username: TARGET, displayName: '矩阵用户', department: '210100005', password: DEMO_PASSWORD, roles: ['consumer'] }, { requestId: null, ip: null })
    })
    afterAll(async () => {
      await t?.close()
    })

    it('covers every route under /api/v1, and only sign-in is public', () => {
      const spec = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>> }
      const operations = Object.entries(spec.paths)
        .filter(([path]) => path.startsWith('/api/v1'))
        .flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, operation]) => ({
            name: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
            public: operation.security === undefined,
          })),
        )
      expect(operations.filter((op) => op.public).map((op) => op.name)).toEqual(['POST /api/v1/auth/login'])
      const listed = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.route}`)
      expect(operations.filter((op) => !op.public).map((op) => op.name).sort()).toEqual([...listed].sort())
    })

    for (const endpoint of ENDPOINTS) {
      it(`${endpoint.method} ${endpoint.route}: anonymous gets 401`, async () => {
        const response = await t.app.inject({ method: endpoint.method, url: endpoint.url, ...(endpoint.body === undefined ? {} : { payload: endpoint.body as object }) })
        expect(response.statusCode).toBe(401)
        expect(response.headers['content-type']).toContain('application/problem+json')
      })

      for (const [username, roles] of Object.entries(CALLERS)) {
        const allowed = mayCall(endpoint, roles)
        it(`${endpoint.method} ${endpoint.route}: ${username} ${allowed ? 'may' : 'may not'}`, async () => {
          let headers: Record<string, string>
          if (endpoint.fresh === true) {
            const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } })
            headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` }
          } else {
            headers = { authorization: `Bearer ${await t.token(username)}` }
          }
          const response = await t.app.inject({ method: endpoint.method, url: endpoint.url, headers, ...(endpoint.body === undefined ? {} : { payload: endpoint.body as object }) })
          if (allowed) {
            expect([401, 403], response.body).not.toContain(response.statusCode)
            expect(response.statusCode).toBeLessThan(500)
          } else {
            expect(response.statusCode, response.body).toBe(403)
            expect(response.json()).toMatchObject({ code: 'HT_FORBIDDEN' })
          }
        })
      }
    }

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

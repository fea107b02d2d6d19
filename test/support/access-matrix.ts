import { expect, it } from 'vitest'
import type { Role } from '../../src/platform/auth/roles.js'
import { DEMO_PASSWORD, type TestApp } from './app.js'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Endpoint {
  readonly method: Method
  /** The route as registered, e.g. /api/v1/users/:id. */
  readonly route: string
  /** A concrete URL to call. */
  readonly url: string
  readonly body?: unknown
  readonly contentType?: string
  /** Roles that may call it; 'authenticated' for anyone signed in. */
  readonly allowed: readonly Role[] | 'authenticated'
  /** Call with a fresh session (the call ends or changes the caller's session). */
  readonly fresh?: boolean
  /** Callers with an allowed role whose department is not the one that keeps this: refused with 403 HT_FORBIDDEN. */
  readonly otherDepartment?: readonly string[]
}

/** One demo account per role combination. */
export const CALLERS: Readonly<Record<string, readonly Role[]>> = {
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

function payload(endpoint: Endpoint): { payload?: object; headers: Record<string, string> } {
  if (endpoint.body === undefined) return { headers: {} }
  return { payload: endpoint.body as object, headers: endpoint.contentType === undefined ? {} : { 'content-type': endpoint.contentType } }
}

/**
 * Declares, for every endpoint, that anonymous callers get 401, callers without an allowed role
 * get 403 HT_FORBIDDEN, and callers with one get past access control (no 401, no HT_FORBIDDEN;
 * the gate may still refuse them data with HT_NOT_GRANTED).
 */
export function accessMatrix(app: () => TestApp, endpoints: readonly Endpoint[]): void {
  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.route}: anonymous gets 401`, async () => {
      const response = await app().app.inject({ method: endpoint.method, url: endpoint.url, ...payload(endpoint) })
      expect(response.statusCode).toBe(401)
      expect(response.headers['content-type']).toContain('application/problem+json')
    })

    for (const [username, roles] of Object.entries(CALLERS)) {
      const allowed = mayCall(endpoint, roles) && endpoint.otherDepartment?.includes(username) !== true
      it(`${endpoint.method} ${endpoint.route}: ${username} ${allowed ? 'may' : 'may not'}${mayCall(endpoint, roles) && !allowed ? ' (another department keeps it)' : ''}`, async () => {
        const t = app()
        let token: string
        if (endpoint.fresh === true) {
          const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } })
          token = (login.json() as { token: string }).token
        } else {
          token = await t.token(username)
        }
        const request = payload(endpoint)
        const response = await t.app.inject({
          method: endpoint.method,
          url: endpoint.url,
          ...request,
          headers: { authorization: `Bearer ${token}`, ...request.headers },
        })
        if (allowed) {
          // A grant decision (HT_NOT_GRANTED) is about data, not role: the role got past access control.
          const refusedByRole = response.statusCode === 401 || (response.statusCode === 403 && (response.json() as { code?: string }).code === 'HT_FORBIDDEN')
          expect(refusedByRole, response.body).toBe(false)
          expect(response.statusCode, response.body).toBeLessThan(500)
        } else {
          expect(response.statusCode, response.body).toBe(403)
          expect(response.json()).toMatchObject({ code: 'HT_FORBIDDEN' })
        }
      })
    }
  }
}

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.js'
import { DIALECTS } from '../support/databases.js'

for (const dialect of DIALECTS) {
  describe(`bad input gets a clear problem and changes nothing, on ${dialect}`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
    })
    afterAll(async () => {
      await t?.close()
    })

    const userCount = async () => (await t.call('sysadmin', 'GET', '/api/v1/users?limit=1')).json().total as number

    const expectProblem = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status)
      expect(response.headers['content-type']).toContain('application/problem+json')
      const problem = response.json() as Record<string, unknown>
      expect(problem).toMatchObject({ status, code })
      expect(typeof problem.title).toBe('string')
      expect(typeof problem.detail).toBe('string')
      return problem as { errors?: Array<{ field: string; message: string }>; detail: string }
    }

    it('rejects unknown body fields, naming them', async () => {
      const before = await userCount()
      const response = await t.call('sysadmin', 'POST', '/api/v1/users', {
        username: 'wangwu',
        displayName: '王五',
        department: '210100005',
        password: 'Wangwu@2026x',
        roles: ['sysadmin'],
      })
      const problem = expectProblem(response, 400, 'HT_VALIDATION')
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'body:/roles' }))
      expect(await userCount()).toBe(before)
    })

    it('rejects wrong types, naming the field, without coercing', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'police', password: 12345678 } })
      const problem = expectProblem(response, 400, 'HT_VALIDATION')
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'body:/password' }))
    })

    it('names every missing required field', async () => {
      const response = await t.call('sysadmin', 'POST', '/api/v1/users', { username: 'x1' })
      const problem = expectProblem(response, 400, 'HT_VALIDATION')
      const fields = problem.errors?.map((error) => error.field) ?? []
      expect(fields).toEqual(expect.arrayContaining(['body:/displayName', 'body:/department', 'body:/password']))
    })

    it('validates query strings', async () => {
      const response = await t.call('auditor', 'GET', '/api/v1/audit?limit=100000')
      const problem = expectProblem(response, 400, 'HT_VALIDATION')
      expect(problem.errors?.[0]?.field).toBe('querystring:/limit')
    })

    it('refuses malformed JSON with 400', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "police", ',
      })
      expectProblem(response, 400, 'HT_MALFORMED_JSON')
    })

    it('refuses a body over the limit with 413', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'police', password: 'x'.repeat(t.context.config.bodyLimitBytes + 10) }),
      })
      expectProblem(response, 413, 'HT_PAYLOAD_TOO_LARGE')
    })

    it('refuses an unsupported content type with 415', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'username=police',
      })
      expectProblem(response, 415, 'HT_UNSUPPORTED_MEDIA_TYPE')
    })

    it('answers unknown routes with a 404 problem', async () => {
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }), 404, 'HT_ROUTE_NOT_FOUND')
      expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/v1/me' }), 404, 'HT_ROUTE_NOT_FOUND')
    })

    it('tells a missing token from a wrong one', async () => {
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me' }), 401, 'HT_UNAUTHENTICATED')
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer hts_forged' } }), 401, 'HT_TOKEN_INVALID')
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic cG9saWNlOng=' } }), 401, 'HT_TOKEN_INVALID')
    })

    it('refuses the wrong role with 403', async () => {
      expectProblem(await t.call('police', 'GET', '/api/v1/users'), 403, 'HT_FORBIDDEN')
    })

    it('answers unknown ids with 404', async () => {
      expectProblem(await t.call('sysadmin', 'GET', '/api/v1/users/nobody'), 404, 'HT_NOT_FOUND')
    })

    it('never leaks internals in a 500', async () => {
      await sql`DROP TABLE jobs`.execute(t.context.database.db)
      const response = await t.call('police', 'GET', '/api/v1/jobs')
      const problem = expectProblem(response, 500, 'HT_INTERNAL')
      expect(response.body).not.toMatch(/no such table|does not exist|select |sqlite|kysely|at \w+ \(/i)
      expect(problem.detail).toContain(response.headers['x-request-id'] as string)
    })
  })
}

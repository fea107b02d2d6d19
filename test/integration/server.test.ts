import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/platform/config.js'
import { startServer, type RunningServer } from '../../src/server.js'
import { DEMO_PASSWORD, TEST_ENTITIES, TEST_PERSONS } from '../support/app.js'
import { DIALECTS, TEST_POSTGRES_URL } from '../support/databases.js'

/** Starts the real server on a free port over a fresh SQLite directory or PostgreSQL schema. */
async function start(dialect: 'sqlite' | 'postgres', demo: boolean): Promise<{ server: RunningServer; cleanup: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-server-'))
  const schema = `s_${Math.random().toString(36).slice(2, 10)}`
  const env: NodeJS.ProcessEnv = { HUITONG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', HUITONG_LOG_LEVEL: 'silent' }
  if (dialect === 'postgres') {
    const pg = await import('pg')
    const client = new pg.default.Client({ connectionString: TEST_POSTGRES_URL })
    await client.connect()
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.end()
    env.HUITONG_DATABASE_URL = `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
  }
  const server = await startServer(loadConfig(env), demo ? { demoPassword: DEMO_PASSWORD, demoSize: { persons: TEST_PERSONS, entities: TEST_ENTITIES } } : {})
  return {
    server,
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  }
}

for (const dialect of DIALECTS) {
  describe(`the server on ${dialect}`, () => {
    const running: Array<{ server: RunningServer; cleanup: () => void }> = []
    afterEach(async () => {
      for (const { server, cleanup } of running.splice(0)) {
        await server.stop()
        cleanup()
      }
    })

    it('serve never creates demo accounts', async () => {
      const started = await start(dialect, false)
      running.push(started)
      const health = await fetch(new URL('healthz', started.server.url))
      expect(await health.json()).toMatchObject({ status: 'ok', database: dialect })
      const login = await fetch(new URL('api/v1/auth/login', started.server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sysadmin', password: DEMO_PASSWORD }),
      })
      expect(login.status).toBe(401)
    })

    it('demo seeds accounts, serves OpenAPI 3.1, the docs page and request ids', async () => {
      const started = await start(dialect, true)
      running.push(started)
      const { url } = started.server
      const login = await fetch(new URL('api/v1/auth/login', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dataoffice', password: DEMO_PASSWORD }),
      })
      expect(login.status).toBe(200)
      expect(login.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      const { user } = (await login.json()) as { user: { department: { name: string }; roles: string[] } }
      expect(user.department.name).toBe('市经济和信息化委')
      expect(user.roles).toContain('dataoffice')

      const spec = (await (await fetch(new URL('api/openapi.json', url))).json()) as { openapi: string; paths: Record<string, unknown> }
      expect(spec.openapi).toBe('3.1.0')
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/v1/auth/login', '/api/v1/me', '/api/v1/audit']))
      const docs = await fetch(new URL('api/docs', url))
      expect(docs.status).toBe(200)
      expect(await docs.text()).toContain('<html')
    })
  })
}

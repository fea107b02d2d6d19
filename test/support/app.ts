import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/app.js'
import { createContext, type Context } from '../../src/context.js'
import { seedDemo } from '../../src/demo/seed.js'
import type { DatabaseKind } from '../../src/platform/config.js'
import { openTestDatabase, type TestDatabase } from './databases.js'

export const DEMO_PASSWORD = 'Huitong@2026'

export interface TestApp {
  readonly app: FastifyInstance
  readonly context: Context
  readonly testDatabase: TestDatabase
  /** Logs in and returns a bearer token (cached per username). */
  token(username: string): Promise<string>
  /** `app.inject` with a bearer token for `username` (or none). */
  call(username: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

/** Persons the demo population has in tests: enough for every attachment to name someone. */
export const TEST_PERSONS = 6_000

/** Entities the demo legal-person registry has in tests. */
export const TEST_ENTITIES = 2_000

/**
 * A demo-seeded app over a fresh database of `kind`, driven with `inject` (no port opened).
 * The demo catalog is seeded only when asked for: most tests do not need its 60 entries; `env`
 * adds settings (HUITONG_WEBHOOK_ALLOW for a receiver on localhost).
 */
export async function startTestApp(kind: DatabaseKind, options: { catalog?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const testDatabase = await openTestDatabase(kind, options.env)
  const context = createContext(testDatabase.config, testDatabase.database, { worker: { pollMs: 50, leaseMs: 2000 } })
  await seedDemo(context, DEMO_PASSWORD, { catalog: options.catalog ?? false, persons: TEST_PERSONS, entities: TEST_ENTITIES })
  const app = await buildApp(context, { console: false })
  await app.ready()
  const tokens = new Map<string, string>()
  const token = async (username: string): Promise<string> => {
    const cached = tokens.get(username)
    if (cached !== undefined) return cached
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } })
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`)
    const value = (response.json() as { token: string }).token
    tokens.set(username, value)
    return value
  }
  return {
    app,
    context,
    testDatabase,
    token,
    async call(username, method, url, body) {
      const headers: Record<string, string> = username === null ? {} : { authorization: `Bearer ${await token(username)}` }
      return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) })
    },
    async close() {
      await app.close()
      await context.close()
      await testDatabase.drop()
    },
  }
}

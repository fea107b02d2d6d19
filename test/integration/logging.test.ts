import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, LOG_REDACT } from '../../src/app.js'
import { createContext, type Context } from '../../src/context.js'
import { seedDemo } from '../../src/demo/seed.js'
import { DEMO_PASSWORD } from '../support/app.js'
import { openTestDatabase, type TestDatabase } from '../support/databases.js'

describe('logs', () => {
  const lines: string[] = []
  let testDatabase: TestDatabase
  let context: Context
  let app: Awaited<ReturnType<typeof buildApp>>

  beforeAll(async () => {
    testDatabase = await openTestDatabase('sqlite')
    context = createContext(testDatabase.config, testDatabase.database)
    await seedDemo(context, DEMO_PASSWORD, { catalog: false })
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })
    const logger = pino({ level: 'trace', redact: { paths: LOG_REDACT, censor: '[redacted]' } }, sink)
    app = await buildApp(context, { logger, console: false })
  })
  afterAll(async () => {
    await app.close()
    await context.close()
    await testDatabase.drop()
  })

  it('carry the request id and never a password or token', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'police', password: DEMO_PASSWORD } })
    const { token } = login.json() as { token: string }
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'police', password: 'Secret-Wrong-1' } })
    const text = lines.join('\n')
    expect(lines.length).toBeGreaterThan(3)
    expect(text).toContain(String(me.headers['x-request-id']))
    const records = lines.map((line) => JSON.parse(line) as { reqId?: string })
    expect(records.filter((record) => record.reqId !== undefined).length).toBeGreaterThan(3)
    expect(text).not.toContain(DEMO_PASSWORD)
    expect(text).not.toContain('Secret-Wrong-1')
    expect(text).not.toContain(token)
    expect(text).not.toContain(token.slice(4, 20))
  })
})

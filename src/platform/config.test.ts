import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('defaults to SQLite in ./data on port 8080', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ database: 'sqlite', port: 8080, host: '0.0.0.0', logLevel: 'info' })
    expect(config.dataDir).toBe(path.resolve('./data'))
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('selects PostgreSQL from a postgres:// URL', () => {
    const config = loadConfig({ HUITONG_DATABASE_URL: 'postgres://app@db:5432/huitong' })
    expect(config.database).toBe('postgres')
    expect(config.databaseUrl).toBe('postgres://app@db:5432/huitong')
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HUITONG_LOG_LEVEL: 'loud' }, 'HUITONG_LOG_LEVEL'],
    [{ HUITONG_DATABASE_URL: 'mysql://x@y/z' }, 'HUITONG_DATABASE_URL'],
    [{ HUITONG_DATABASE_URL: 'not a url' }, 'HUITONG_DATABASE_URL'],
    [{ HUITONG_TOKEN_TTL_MINUTES: '1' }, 'HUITONG_TOKEN_TTL_MINUTES'],
  ])('refuses %o naming %s', (env, setting) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    try {
      loadConfig(env)
    } catch (error) {
      expect((error as ConfigError).setting).toBe(setting)
      expect((error as Error).message.startsWith(`${setting}:`)).toBe(true)
    }
  })
})

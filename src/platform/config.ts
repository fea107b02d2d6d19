import path from 'node:path'

/** Which database the platform runs on. */
export type DatabaseKind = 'sqlite' | 'postgres'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  readonly database: DatabaseKind
  /** `postgres://…` when `database` is postgres; undefined on SQLite. */
  readonly databaseUrl: string | undefined
  /** Directory holding the SQLite file and job artefacts. */
  readonly dataDir: string
  readonly port: number
  readonly host: string
  readonly logLevel: LogLevel
  /** Lifetime of a console/API session token, in minutes. */
  readonly tokenTtlMinutes: number
  /** Largest request body accepted, in bytes. */
  readonly bodyLimitBytes: number
}

/** A setting that cannot be used; start-up prints `message` and stops. */
export class ConfigError extends Error {
  constructor(readonly setting: string, message: string) {
    super(`${setting}: ${message}`)
    this.name = 'ConfigError'
  }
}

interface SettingSpec {
  readonly description: string
  readonly default: string | undefined
}

/** Every setting Huitong reads, with its description and production-safe default. */
export const SETTINGS = {
  HUITONG_DATABASE_URL: {
    description: 'postgres://user:pass@host:port/db selects PostgreSQL; unset selects embedded SQLite',
    default: undefined,
  },
  HUITONG_DATA_DIR: { description: 'directory for the SQLite file and job files', default: './data' },
  PORT: { description: 'HTTP port', default: '8080' },
  HOST: { description: 'HTTP listen address', default: '0.0.0.0' },
  HUITONG_LOG_LEVEL: { description: 'fatal | error | warn | info | debug | trace | silent', default: 'info' },
  HUITONG_TOKEN_TTL_MINUTES: { description: 'session token lifetime in minutes', default: '480' },
  HUITONG_BODY_LIMIT: { description: 'largest request body in bytes', default: String(10 * 1024 * 1024) },
} as const satisfies Record<string, SettingSpec>

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function read(env: NodeJS.ProcessEnv, name: keyof typeof SETTINGS): string | undefined {
  const value = env[name]
  if (value === undefined || value.trim() === '') return SETTINGS[name].default
  return value.trim()
}

function integer(env: NodeJS.ProcessEnv, name: keyof typeof SETTINGS, min: number, max: number): number {
  const raw = read(env, name) ?? ''
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

/**
 * Reads and validates the configuration once; the result is frozen.
 *
 * @example
 * const config = loadConfig({ PORT: '9000' }) // SQLite in ./data, port 9000
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = read(env, 'HUITONG_DATABASE_URL')
  if (databaseUrl !== undefined) {
    let url: URL
    try {
      url = new URL(databaseUrl)
    } catch {
      throw new ConfigError('HUITONG_DATABASE_URL', 'is not a URL (expected postgres://user@host:port/database)')
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError('HUITONG_DATABASE_URL', `unsupported scheme "${url.protocol}" (only postgres:// is supported)`)
    }
  }
  const logLevel = read(env, 'HUITONG_LOG_LEVEL') as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('HUITONG_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`)
  }
  const host = read(env, 'HOST') ?? '0.0.0.0'
  if (/\s/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`)

  return Object.freeze({
    database: databaseUrl === undefined ? 'sqlite' : 'postgres',
    databaseUrl,
    dataDir: path.resolve(read(env, 'HUITONG_DATA_DIR') ?? './data'),
    port: integer(env, 'PORT', 0, 65535),
    host,
    logLevel,
    tokenTtlMinutes: integer(env, 'HUITONG_TOKEN_TTL_MINUTES', 5, 60 * 24 * 30),
    bodyLimitBytes: integer(env, 'HUITONG_BODY_LIMIT', 1024, 1024 * 1024 * 1024),
  } satisfies Config)
}

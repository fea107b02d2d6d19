import { isIP } from 'node:net'
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
  /**
   * Internal webhook targets allowed after all: host names (`*.` for any subdomain) and address
   * blocks. Public addresses are allowed anyway; loopback, private, link-local, metadata and
   * other special addresses only when listed here.
   */
  readonly webhookAllow: readonly WebhookAllowEntry[]
  /** The AES-256 key sealing webhook secrets at rest; undefined: the key file in `dataDir`. */
  readonly webhookSecretKey: Buffer | undefined
  /**
   * The departments (by code) whose stewards import the legal persons of their own source
   * department (`civil`, `staffing`, `market`) besides the registry's provider department.
   */
  readonly legalPersonSources: Readonly<Record<string, string>>
}

/** One entry of HUITONG_WEBHOOK_ALLOW: a host name pattern, or an address block. */
export type WebhookAllowEntry =
  | { readonly kind: 'host'; readonly pattern: string }
  | { readonly kind: 'block'; readonly address: string; readonly prefix: number; readonly family: 'ipv4' | 'ipv6' }

/** A setting that cannot be used; start-up prints `message` and stops. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
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
  HUITONG_WEBHOOK_ALLOW: {
    description:
      'internal webhook targets allowed, comma-separated: host names (*.example for subdomains), addresses, CIDR blocks; unset: none, so loopback, private, link-local and metadata addresses are refused',
    default: undefined,
  },
  HUITONG_WEBHOOK_SECRET_KEY: {
    description:
      'base64 of 32 random bytes sealing webhook secrets at rest (AES-256-GCM), the same on every node; unset: <data dir>/webhook-secrets.key, created on first start',
    default: undefined,
  },
  HUITONG_LEGAL_PERSON_SOURCES: {
    description:
      'departments whose stewards import the legal persons of their own source, comma-separated source=department code (civil=210100005,staffing=210100011); the registry’s provider department imports every source',
    default: '',
  },
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

const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

function webhookAllow(env: NodeJS.ProcessEnv): WebhookAllowEntry[] {
  const entries = (read(env, 'HUITONG_WEBHOOK_ALLOW') ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
  return entries.map((entry): WebhookAllowEntry => {
    const [address = '', prefixText, ...rest] = entry.replace(/^\[(.*)\]$/, '$1').split('/')
    const version = isIP(address)
    if (version !== 0 && rest.length === 0) {
      const bits = version === 4 ? 32 : 128
      const prefix = prefixText === undefined ? bits : Number(prefixText)
      if (!/^\d{1,3}$/.test(prefixText ?? String(bits)) || prefix > bits)
        throw new ConfigError('HUITONG_WEBHOOK_ALLOW', `"${entry}": the prefix length must be 0 to ${bits}`)
      return { kind: 'block', address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' }
    }
    if (HOST_PATTERN.test(entry)) return { kind: 'host', pattern: entry }
    throw new ConfigError('HUITONG_WEBHOOK_ALLOW', `"${entry}" is neither a host name (*.example for subdomains), an address nor a CIDR block`)
  })
}

function webhookSecretKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const text = read(env, 'HUITONG_WEBHOOK_SECRET_KEY')
  if (text === undefined) return undefined
  const key = Buffer.from(text, 'base64')
  // The value itself is never repeated in the message: it is a secret.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text) || key.length !== 32)
    throw new ConfigError('HUITONG_WEBHOOK_SECRET_KEY', 'must be base64 of 32 bytes (openssl rand -base64 32)')
  return key
}

const LEGAL_PERSON_SOURCES = ['market', 'civil', 'staffing']

function legalPersonSources(env: NodeJS.ProcessEnv): Record<string, string> {
  const sources: Record<string, string> = {}
  for (const entry of (read(env, 'HUITONG_LEGAL_PERSON_SOURCES') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const [source = '', department = '', ...rest] = entry.split('=').map((part) => part.trim())
    if (!LEGAL_PERSON_SOURCES.includes(source) || !/^[0-9A-Za-z_-]{1,64}$/.test(department) || rest.length > 0) {
      throw new ConfigError('HUITONG_LEGAL_PERSON_SOURCES', `"${entry}" is not source=department code, the source one of ${LEGAL_PERSON_SOURCES.join(', ')}`)
    }
    if (source in sources || Object.values(sources).includes(department))
      throw new ConfigError('HUITONG_LEGAL_PERSON_SOURCES', `"${entry}" names a source or a department twice`)
    sources[source] = department
  }
  return sources
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
    webhookAllow: Object.freeze(webhookAllow(env)),
    webhookSecretKey: webhookSecretKey(env),
    legalPersonSources: Object.freeze(legalPersonSources(env)),
  } satisfies Config)
}

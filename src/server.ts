import { pino, type Logger } from 'pino'
import { buildApp, LOG_REDACT, VERSION } from './app.js'
import { createContext } from './context.js'
import { DEMO_ACCOUNTS } from './demo/departments.js'
import { seedDemo, type SeedOptions } from './demo/seed.js'
import type { Config } from './platform/config.js'
import { openDatabase, sqliteFile } from './platform/db/database.js'
import type { Tables } from './tables.js'
import { migrateToLatest } from './migrations/index.js'
import { openSecretBox } from './platform/secret-box.js'

export interface StartOptions {
  /** Seed demo departments and accounts with this password (only `huitong demo`). */
  readonly demoPassword?: string
  /** How many persons and entities the demo registries get; the defaults otherwise. */
  readonly demoSize?: Pick<SeedOptions, 'persons' | 'entities'>
}

export interface RunningServer {
  readonly url: string
  stop(): Promise<void>
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, redact: { paths: LOG_REDACT, censor: '[redacted]' } })
}

/**
 * Opens and migrates the database, optionally seeds the demo, and serves the API and the console.
 *
 * @example
 * const server = await startServer(loadConfig())
 * console.log(server.url)
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = createLogger(config)
  const database = await openDatabase<Tables>(config)
  const { applied } = await migrateToLatest(database, { secrets: openSecretBox(config) })
  if (applied.length > 0) logger.info({ applied }, 'migrations applied')
  const context = createContext(config, database, { logger })
  if (options.demoPassword !== undefined) {
    const report = await seedDemo(context, options.demoPassword, options.demoSize ?? {})
    logger.info(report, 'demo data ready')
  } else if ((await context.identity.listUsers({ limit: 1, offset: 0 })).total === 0) {
    logger.warn('no accounts yet: create the first with `huitong user create --roles sysadmin …`')
  }
  const app = await buildApp(context, { logger })
  await app.listen({ port: config.port, host: config.host })
  context.start()
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost}:${port}/`
  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await app.close()
      await context.close()
      await database.close()
    })()
    return stopping
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down')
      void stop().then(() => process.exit(0))
    })
  }
  printBanner(config, url, options.demoPassword)
  return { url, stop }
}

function printBanner(config: Config, url: string, demoPassword: string | undefined): void {
  const lines = [
    '',
    `  汇通 Huitong ${VERSION} is serving at ${url}`,
    `  API docs: ${url}api/docs    health: ${url}healthz`,
    `  Database: ${config.database === 'sqlite' ? `SQLite ${sqliteFile(config)}` : 'PostgreSQL'}`,
  ]
  if (demoPassword !== undefined) {
    const fromEnv = process.env.HUITONG_DEMO_PASSWORD !== undefined && process.env.HUITONG_DEMO_PASSWORD !== ''
    lines.push(
      '',
      `  Demo accounts (演示账号), password ${fromEnv ? 'from HUITONG_DEMO_PASSWORD' : `"${demoPassword}" (set HUITONG_DEMO_PASSWORD to change)`}:`,
      ...DEMO_ACCOUNTS.map((account) => `    ${account.username.padEnd(11)} ${account.roles.join('+').padEnd(20)} ${account.displayName}`),
    )
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

#!/usr/bin/env node
import fs from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import { Command, InvalidArgumentError } from 'commander'
import { VERSION } from './app.js'
import { createContext, type Context } from './context.js'
import { DEFAULT_DEMO_PASSWORD } from './demo/departments.js'
import { isRole, type Role } from './identity/roles.js'
import { verifyAuditChain } from './platform/audit/audit-log.js'
import { ConfigError, loadConfig, SETTINGS, type Config } from './platform/config.js'
import { openDatabase, type Database } from './platform/db/database.js'
import { migrateToLatest } from './platform/db/migrate.js'
import { AppError } from './platform/errors.js'
import { startServer } from './server.js'

const CLI_META = { requestId: null, ip: null }

function roleList(value: string): Role[] {
  const roles = value.split(',').map((role) => role.trim()).filter((role) => role !== '')
  const unknown = roles.filter((role) => !isRole(role))
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown role(s): ${unknown.join(', ')}`)
  return roles as Role[]
}

/** Runs `work` against a migrated database and closes everything afterwards. */
async function withContext<T>(work: (context: Context, database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const database = await openDatabase(config)
  try {
    await migrateToLatest(database)
    const context = createContext(config, database)
    try {
      return await work(context, database, config)
    } finally {
      await context.close()
    }
  } finally {
    await database.close()
  }
}

async function readPassword(options: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (options.passwordStdin === true) {
    const text = fs.readFileSync(0, 'utf8')
    return text.replace(/\r?\n$/, '')
  }
  if (options.password !== undefined) return options.password
  throw new InvalidArgumentError('give --password-stdin (preferred) or --password')
}

const settingsHelp = Object.entries(SETTINGS)
  .map(([name, spec]) => `  ${name.padEnd(26)} ${spec.description}${spec.default === undefined ? '' : ` (default ${spec.default})`}`)
  .join('\n')

const program = new Command()
  .name('huitong')
  .description('汇通 Huitong: a city government’s data-sharing exchange and base registries')
  .version(VERSION)
  .addHelpText('after', `\nEnvironment:\n${settingsHelp}\n  HUITONG_DEMO_PASSWORD      password of the demo accounts (huitong demo only)`)

program
  .command('serve')
  .description('serve the API and the web console (never creates demo accounts)')
  .action(async () => {
    await startServer(loadConfig())
  })

program
  .command('demo')
  .description('seed demo departments and accounts where missing, then serve (what `npm start` runs)')
  .action(async () => {
    const password = process.env.HUITONG_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD
    await startServer(loadConfig(), { demoPassword: password === '' ? DEFAULT_DEMO_PASSWORD : password })
  })

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = loadConfig()
    const database = await openDatabase(config)
    try {
      const { applied } = await migrateToLatest(database)
      console.log(applied.length === 0 ? 'schema is up to date' : `applied: ${applied.join(', ')}`)
    } finally {
      await database.close()
    }
  })

const user = program.command('user').description('manage user accounts')
user
  .command('create')
  .description('create a user account with roles (run on the server by its operator)')
  .requiredOption('-u, --username <name>', 'login name')
  .requiredOption('-n, --display-name <name>', 'display name, e.g. 张三')
  .requiredOption('-d, --department <code>', 'department code or id')
  .option('-r, --roles <roles>', 'comma-separated roles, e.g. steward,consumer', roleList, [])
  .option('--password-stdin', 'read the password from standard input')
  .option('--password <password>', 'the password (visible in shell history: prefer --password-stdin)')
  .action(async (options: { username: string; displayName: string; department: string; roles: Role[]; password?: string; passwordStdin?: boolean }) => {
    const password = await readPassword(options)
    await withContext(async (context) => {
      const created = await context.identity.createUser(
        'cli',
        { username: options.username, displayName: options.displayName, department: options.department, password, roles: options.roles },
        CLI_META,
      )
      console.log(`created ${created.username} (${created.department.name}) roles: ${created.roles.join(', ') || 'none'}`)
    })
  })

const client = program.command('client').description('manage API clients (a department’s systems)')
client
  .command('create')
  .description('create an API client and print its token once')
  .requiredOption('-n, --name <name>', 'client name, e.g. 低保审核系统')
  .requiredOption('-d, --department <code>', 'department code or id')
  .option('-r, --roles <roles>', 'consumer and/or steward', roleList, ['consumer'])
  .option('--expires <date>', 'expiry, ISO-8601 date or time')
  .action(async (options: { name: string; department: string; roles: Role[]; expires?: string }) => {
    await withContext(async (context) => {
      const expiresAt = options.expires === undefined ? null : new Date(options.expires).toISOString()
      const { client: created, token } = await context.identity.createClient(
        'cli',
        { name: options.name, department: options.department, roles: options.roles, expiresAt },
        CLI_META,
      )
      console.log(`created API client ${created.name} (${created.department.name}) id ${created.id}`)
      console.log(`token (shown once, store it safely): ${token}`)
    })
  })

const audit = program.command('audit').description('the audit log')
audit
  .command('verify')
  .description('recompute the SM3 hash chain; exits 1 naming the first broken row')
  .action(async () => {
    await withContext(async (_context, database) => {
      const bar = new SingleBar({ format: 'verifying audit chain [{bar}] {percentage}% | {value}/{total} rows', hideCursor: true }, Presets.shades_classic)
      let started = false
      const report = await verifyAuditChain(database, (checked, total) => {
        if (!started) bar.start(total, 0)
        started = true
        bar.update(checked)
      })
      bar.stop()
      if (report.ok) {
        console.log(`audit chain intact: ${report.checked} rows, last ${report.lastSeq}`)
      } else {
        console.error(`audit chain BROKEN at row ${report.firstBreak?.seq}: ${report.firstBreak?.message}`)
        process.exitCode = 1
      }
    })
  })

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`huitong: configuration error: ${error.message}`)
    process.exit(2)
  }
  if (error instanceof AppError) {
    console.error(`huitong: ${error.code}: ${error.message}${error.errors.map((e) => `\n  ${e.field}: ${e.message}`).join('')}`)
    process.exit(1)
  }
  console.error(`huitong: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

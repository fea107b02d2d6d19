#!/usr/bin/env -S node --max-semi-space-size=64
import fs from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import { Command, InvalidArgumentError } from 'commander'
import { VERSION } from './app.js'
import { createContext, type Context } from './context.js'
import { DEFAULT_DEMO_PASSWORD } from './demo/departments.js'
import { DEMO_ENTITIES, DEMO_PERSONS } from './demo/seed.js'
import { isRole, type Role } from './platform/auth/roles.js'
import { verifyAuditChain } from './audit/audit-log.js'
import { ConfigError, loadConfig, SETTINGS, type Config } from './platform/config.js'
import { openDatabase, type Database } from './platform/db/database.js'
import type { Tables } from './tables.js'
import { migrateToLatest } from './migrations/index.js'
import { openSecretBox } from './platform/secret-box.js'
import { AppError } from './platform/errors.js'
import { startServer } from './server.js'
import type { Principal } from './platform/auth/principal.js'
import { auditActor } from './audit/actor.js'
import { generatePopulation, writePopulationCsv } from './demo/generators/population.js'
import type { Person } from './population/model.js'
import { compareFile, MAPPABLE, seesClear, type ColumnMapping } from './population/comparisons.js'
import { importPersons } from './population/imports.js'
import { entityOfGenerated, generateEntities, writeEntitiesCsv } from './demo/generators/legal-person.js'
import type { ImportProgress } from './registry/imports/import-file.js'
import { progressMessage } from './registry/imports/import-jobs.js'
import type { Entity } from './legal-person/model.js'
import path from 'node:path'

const CLI_META = { requestId: null, ip: null }

function roleList(value: string): Role[] {
  const roles = value
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '')
  const unknown = roles.filter((role) => !isRole(role))
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown role(s): ${unknown.join(', ')}`)
  return roles as Role[]
}

/** Runs `work` against a migrated database and closes everything afterwards. */
async function withContext<T>(work: (context: Context, database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const database = await openDatabase<Tables>(config)
  try {
    await migrateToLatest(database, { secrets: openSecretBox(config) })
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
  .option('--persons <n>', 'persons in the demo population registry', count, DEMO_PERSONS)
  .option('--entities <n>', 'entities in the demo legal-person registry', count, DEMO_ENTITIES)
  .action(async (options: { persons: number; entities: number }) => {
    const password = process.env.HUITONG_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD
    await startServer(loadConfig(), {
      demoPassword: password === '' ? DEFAULT_DEMO_PASSWORD : password,
      demoSize: { persons: options.persons, entities: options.entities },
    })
  })

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = loadConfig()
    const database = await openDatabase<Tables>(config)
    try {
      const { applied } = await migrateToLatest(database, { secrets: openSecretBox(config) })
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

function count(value: string): number {
  const parsed = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a positive whole number')
  return parsed
}

/** A user's identity for work the operator does on their behalf from the CLI (their grants apply). */
async function actingAs(context: Context, username: string): Promise<Principal> {
  const user = await context.identity.getUser(username)
  if (user.status !== 'active') throw new InvalidArgumentError(`user ${username} is disabled`)
  return { kind: 'user', id: user.id, name: user.username, displayName: user.displayName, department: user.department, roles: user.roles, credentialId: 'cli' }
}

const generate = program.command('generate').description('generate synthetic data for demos and benchmarks')
generate
  .command('population')
  .description('a synthetic Shenyang population: realistic names, an age pyramid, districts weighted by population, valid unique resident IDs')
  .requiredOption('--count <n>', 'how many persons', count)
  .option('--seed <n>', 'the same seed gives the same persons', count, 1)
  .option('--out <file>', 'write a CSV file (the import format)')
  .option('--encoding <encoding>', 'utf-8 or gbk', 'utf-8')
  .option('--into-registry', 'write the persons straight into the population registry')
  .action(async (options: { count: number; seed: number; out?: string; encoding: string; intoRegistry?: boolean }) => {
    if ((options.out === undefined) === (options.intoRegistry !== true)) throw new InvalidArgumentError('give either --out <file> or --into-registry')
    if (options.encoding !== 'utf-8' && options.encoding !== 'gbk') throw new InvalidArgumentError('--encoding is utf-8 or gbk')
    const bar = new SingleBar(
      { format: 'generating persons [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left', hideCursor: true },
      Presets.shades_classic,
    )
    bar.start(options.count, 0)
    const started = Date.now()
    if (options.out !== undefined) {
      const result = await writePopulationCsv(options.out, {
        count: options.count,
        seed: options.seed,
        encoding: options.encoding,
        onProgress: (written) => bar.update(written),
      })
      bar.stop()
      console.log(`wrote ${result.rows} persons (${(result.bytes / 1e6).toFixed(1)} MB) to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return
    }
    await withContext(async (context) => {
      let batch: Array<{ person: Person }> = []
      let written = 0
      let created = 0
      for (const generated of generatePopulation({ count: options.count, seed: options.seed })) {
        const { death_date: deathDate, emigration_date: emigrationDate, ...rest } = generated
        batch.push({ person: { ...rest, status_date: deathDate || emigrationDate } as Person })
        if (batch.length === 20_000) {
          created += (await context.persons.applyBatch(batch, 'generate', 'cli')).created
          written += batch.length
          batch = []
          bar.update(written)
        }
      }
      if (batch.length > 0) created += (await context.persons.applyBatch(batch, 'generate', 'cli')).created
      bar.update(options.count)
      bar.stop()
      await context.audit.append({
        actorType: 'system',
        actorName: 'cli',
        ...CLI_META,
        action: 'population.generate',
        target: 'population',
        outcome: 'success',
        detail: { count: options.count, seed: options.seed, created },
      })
      context.population.forgetStatistics()
      console.log(`${created} new persons in the registry (${options.count - created} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    })
  })

generate
  .command('legal-persons')
  .description('synthetic Shenyang legal persons: realistic names, valid credit codes, industries, statuses, representatives from the generated population')
  .requiredOption('--count <n>', 'how many entities', count)
  .option('--seed <n>', 'the same seed gives the same entities', count, 1)
  .option('--population-count <n>', 'the generated population the representatives come from', count, 100_000)
  .option('--population-seed <n>', 'its seed', count, 2026)
  .option('--out <file>', 'write a CSV file (the import format)')
  .option('--encoding <encoding>', 'utf-8 or gbk', 'utf-8')
  .option('--into-registry', 'write the entities straight into the legal-person registry')
  .action(
    async (options: {
      count: number
      seed: number
      populationCount: number
      populationSeed: number
      out?: string
      encoding: string
      intoRegistry?: boolean
    }) => {
      if ((options.out === undefined) === (options.intoRegistry !== true)) throw new InvalidArgumentError('give either --out <file> or --into-registry')
      if (options.encoding !== 'utf-8' && options.encoding !== 'gbk') throw new InvalidArgumentError('--encoding is utf-8 or gbk')
      const generation = { count: options.count, seed: options.seed, populationCount: options.populationCount, populationSeed: options.populationSeed }
      const bar = new SingleBar(
        { format: 'generating entities [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left', hideCursor: true },
        Presets.shades_classic,
      )
      bar.start(options.count, 0)
      const started = Date.now()
      if (options.out !== undefined) {
        const result = await writeEntitiesCsv(options.out, { ...generation, encoding: options.encoding, onProgress: (written) => bar.update(written) })
        bar.stop()
        console.log(
          `wrote ${result.rows} entities (${(result.bytes / 1e6).toFixed(1)} MB) to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        )
        return
      }
      await withContext(async (context) => {
        let batch: Entity[] = []
        let written = 0
        let created = 0
        for (const generated of generateEntities(generation)) {
          batch.push(entityOfGenerated(generated))
          if (batch.length === 10_000) {
            created += (await context.entities.applyBatch(batch, 'generate', 'cli')).created
            written += batch.length
            batch = []
            bar.update(written)
          }
        }
        if (batch.length > 0) created += (await context.entities.applyBatch(batch, 'generate', 'cli')).created
        bar.update(options.count)
        bar.stop()
        await context.audit.append({
          actorType: 'system',
          actorName: 'cli',
          ...CLI_META,
          action: 'legal-person.generate',
          target: 'legal-person',
          outcome: 'success',
          detail: { ...generation, created },
        })
        context.legalPerson.changed()
        console.log(`${created} new entities in the registry (${options.count - created} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      })
    },
  )

const legalPersons = program.command('legal-persons').description('the legal-person base registry')
legalPersons
  .command('import')
  .description(
    'import entities from CSV (UTF-8/GBK, detected) or XLSX: checked first, then upserted by credit code in atomic batches, each change in the change record',
  )
  .argument('<file>', 'the file')
  .requiredOption(
    '--as <username>',
    'the steward the import is recorded under: of the registry’s provider department, or of the source department of every entity in the file',
  )
  .action(async (file: string, options: { as: string }) => {
    await withContext(async (context, _database, config) => {
      const principal = await actingAs(context, options.as)
      const bar = new SingleBar({ format: '{message} [{bar}] {percentage}%', hideCursor: true }, Presets.shades_classic)
      bar.start(1000, 0, { message: 'checking' })
      const started = Date.now()
      const workDir = path.join(config.dataDir, 'legal-persons', 'imports', `cli-${Date.now()}`)
      const onProgress = ({ phase, done, fraction }: ImportProgress) =>
        bar.update(Math.floor(fraction * 1000), { message: progressMessage(phase, done, { en: 'entities', zh: '户' }) })
      const report = await context.legalPersonImports.run(principal, file, { source: `cli:${path.basename(file)}`, workDir, onProgress }, 'cli')
      bar.update(1000)
      bar.stop()
      const seconds = (Date.now() - started) / 1000
      console.log(
        `${report.rows} rows in ${seconds.toFixed(1)} s (${Math.round(report.rows / seconds)} rows/s): ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`,
      )
      if (report.rejected > 0) console.log(`rejected rows with reasons: ${path.join(workDir, 'rejections.csv')}`)
    })
  })

const population = program.command('population').description('the population base registry')
population
  .command('import')
  .description('import persons from CSV (UTF-8/GBK, detected) or XLSX: checked first, then upserted by resident ID in atomic batches')
  .argument('<file>', 'the file')
  .requiredOption('--as <username>', 'the steward of the registry’s provider department the import is recorded under')
  .action(async (file: string, options: { as: string }) => {
    await withContext(async (context, _database, config) => {
      const principal = await actingAs(context, options.as)
      await context.population.ownCore(principal)
      const bar = new SingleBar({ format: '{phase} [{bar}] {percentage}% | {rows} | {eta_formatted} left', hideCursor: true }, Presets.shades_classic)
      bar.start(1000, 0, { phase: 'checking', rows: '' })
      const started = Date.now()
      const workDir = path.join(config.dataDir, 'population', 'imports', `cli-${Date.now()}`)
      const report = await importPersons(context.persons, file, {
        changedBy: principal.name,
        source: `cli:${path.basename(file)}`,
        workDir,
        onProgress: ({ phase, done, fraction }) =>
          bar.update(Math.floor(fraction * 1000), { phase: phase === 'check' ? 'checking' : 'writing ', rows: `${done} rows` }),
      })
      bar.update(1000)
      bar.stop()
      await context.audit.append({
        ...auditActor(principal, CLI_META),
        action: 'population.import',
        target: path.basename(file),
        outcome: 'success',
        detail: { ...report, via: 'cli' },
      })
      const seconds = (Date.now() - started) / 1000
      console.log(
        `${report.rows} rows in ${seconds.toFixed(1)} s (${Math.round(report.rows / seconds)} rows/s): ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`,
      )
      if (report.rejected > 0) console.log(`rejected rows with reasons: ${path.join(workDir, 'rejections.csv')}`)
    })
  })

population
  .command('compare')
  .description('compare a department’s file against the registry (比对), through the gate as the given user; writes a CSV report')
  .argument('<file>', 'the file (CSV UTF-8/GBK or XLSX)')
  .requiredOption('--as <username>', 'the user whose department and grants the comparison runs under')
  .requiredOption('--id-column <header>', 'the column holding resident IDs')
  .option('--name-column <header>', 'the column holding names')
  .option('--gender-column <header>', 'the column holding genders')
  .option('--birth-date-column <header>', 'the column holding dates of birth')
  .option('--deceased-before <date>', 'flag deaths before this day only (YYYY-MM-DD)')
  .requiredOption('--out <file>', 'the report (CSV)')
  .action(
    async (
      file: string,
      options: { as: string; idColumn: string; nameColumn?: string; genderColumn?: string; birthDateColumn?: string; deceasedBefore?: string; out: string },
    ) => {
      await withContext(async (context) => {
        const principal = await actingAs(context, options.as)
        const mapping: ColumnMapping = {
          residentId: options.idColumn,
          ...(options.nameColumn === undefined ? {} : { name: options.nameColumn }),
          ...(options.genderColumn === undefined ? {} : { gender: options.genderColumn }),
          ...(options.birthDateColumn === undefined ? {} : { birthDate: options.birthDateColumn }),
        }
        const items = MAPPABLE.filter((field) => field !== 'residentId' && mapping[field] !== undefined).map(
          (field) => ({ name: 'name', gender: 'gender', birthDate: 'birth_date' })[field as 'name'],
        )
        const code = await context.population.coreCode()
        const meta = CLI_META
        const decision = await context.gate.decide(principal, code, 'verify', items, meta, { comparison: path.basename(file), via: 'cli' })
        const bar = new SingleBar({ format: 'comparing [{bar}] {percentage}% | {rows} rows', hideCursor: true }, Presets.shades_classic)
        bar.start(1000, 0, { rows: 0 })
        const started = Date.now()
        const counts = await compareFile(context.persons, file, {
          mapping,
          deceasedBefore: options.deceasedBefore ?? null,
          seeStatus: seesClear(decision, 'status'),
          seeDates: seesClear(decision, 'death_date') && seesClear(decision, 'emigration_date'),
          reportFile: options.out,
          onProgress: async (fraction, rows) => bar.update(Math.floor(fraction * 1000), { rows }),
        })
        await context.gate.recordBulk(
          principal,
          code,
          'verify',
          decision,
          { comparison: path.basename(file), counts, via: 'cli' },
          counts.total - counts.invalidId - counts.notFound,
          meta,
        )
        bar.update(1000)
        bar.stop()
        const seconds = (Date.now() - started) / 1000
        console.log(`${counts.total} rows in ${seconds.toFixed(1)} s (${Math.round(counts.total / seconds)} rows/s)`)
        console.log(JSON.stringify(counts))
        console.log(`report: ${options.out}`)
      })
    },
  )

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

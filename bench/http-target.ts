/**
 * A server under test for `bench/http.ts`, run in its own process:
 *   bare               a minimal Fastify app answering GET / with {hello:'world'}
 *   sqlite             Huitong over SQLite in a temporary directory, demo-seeded
 *   postgres <url>     Huitong over PostgreSQL in a fresh schema, dropped on stop
 * With `--catalog=N` (sqlite and postgres) the demo catalog is replaced by N generated published
 * entries and the search index is loaded before the target reports ready, with the timings.
 * Listens on 127.0.0.1 (random port), sends {type:'ready', url} over IPC and stops on 'stop';
 * 'profile-start' and 'profile-stop' record a CPU profile of the main thread.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Fastify, { type FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../src/app.js'
import { createContext } from '../src/context.js'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase } from '../src/platform/db/database.js'
import { migrateToLatest } from '../src/platform/db/migrate.js'
import { seedGeneratedCatalog } from './support/catalog-generator.js'
import type { ProfileMessage, ReadyMessage } from './support/child-server.js'

interface Target {
  readonly app: FastifyInstance
  readonly info?: Readonly<Record<string, number>>
  close(): Promise<void>
}

async function bareTarget(): Promise<Target> {
  const app = Fastify({ logger: false })
  app.get('/', async () => ({ hello: 'world' }))
  return { app, close: async () => undefined }
}

async function huitongTarget(postgresUrl: string | undefined, catalogEntries: number | undefined): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-'))
  const config = loadConfig({
    HUITONG_DATA_DIR: dataDir,
    HUITONG_LOG_LEVEL: 'silent',
    ...(postgresUrl === undefined ? {} : { HUITONG_DATABASE_URL: postgresUrl }),
  })
  const schema = `bench_${randomBytes(6).toString('hex')}`
  const database = await openDatabase(config, postgresUrl === undefined ? {} : { schema })
  await migrateToLatest(database)
  const context = createContext(config, database)
  let info: Record<string, number> | undefined
  if (catalogEntries === undefined) await seedDemo(context, DEFAULT_DEMO_PASSWORD)
  else {
    await seedDemo(context, DEFAULT_DEMO_PASSWORD, { catalog: false })
    const seeded = await seedGeneratedCatalog(context, catalogEntries)
    // The index loads on the first search; loading it here keeps that out of the measured runs.
    const loading = performance.now()
    await context.catalog.search({ limit: 1, offset: 0 })
    info = { entries: catalogEntries, ...seeded, indexLoadMs: performance.now() - loading }
  }
  const app = await buildApp(context, { console: false })
  return {
    app,
    ...(info === undefined ? {} : { info }),
    async close() {
      await context.close()
      await database.close()
      if (postgresUrl !== undefined) {
        const client = new pg.Client({ connectionString: postgresUrl })
        await client.connect()
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
        await client.end()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const args = process.argv.slice(2)
const [kind, postgresUrl] = args.filter((arg) => !arg.startsWith('--'))
const catalogArg = args.find((arg) => arg.startsWith('--catalog='))
const catalogEntries = catalogArg === undefined ? undefined : Number(catalogArg.slice('--catalog='.length))
const target = kind === 'bare' ? await bareTarget() : await huitongTarget(kind === 'postgres' ? postgresUrl : undefined, catalogEntries)
const url = await target.app.listen({ port: 0, host: '127.0.0.1' })

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await target.app.close()
  await target.close()
  process.exit(0)
}
// Profiling is driven over IPC so a profile covers one measured run, not start-up and seeding.
let inspector: Session | undefined
async function onMessage(message: unknown): Promise<void> {
  if (message === 'stop') return stop()
  const request = message as { type?: string; file?: string }
  if (request.type === 'profile-start') {
    inspector = new Session()
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.start')
    process.send?.({ type: 'profile-started' } satisfies ProfileMessage)
  } else if (request.type === 'profile-stop' && request.file !== undefined && inspector !== undefined) {
    const { profile } = await inspector.post('Profiler.stop')
    inspector.disconnect()
    fs.writeFileSync(request.file, JSON.stringify(profile))
    process.send?.({ type: 'profile-written' } satisfies ProfileMessage)
  }
}
process.on('message', (message) => void onMessage(message))
process.on('disconnect', () => void stop())
process.send?.({ type: 'ready', url, ...(target.info === undefined ? {} : { info: target.info }) } satisfies ReadyMessage)

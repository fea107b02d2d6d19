/**
 * A server under test for `bench/http.ts`, run in its own process:
 *   bare               a minimal Fastify app answering GET / with {hello:'world'}
 *   sqlite             Huitong over SQLite in a temporary directory, demo-seeded
 *   postgres <url>     Huitong over PostgreSQL in a fresh schema, dropped on stop
 * With `--catalog=N` (sqlite and postgres) the demo catalog is replaced by N generated published
 * entries and the search index is loaded before the target reports ready, with the timings.
 * Served by `serveTarget`: ready, stop and profiling over IPC.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '../src/app.js'
import { createContext } from '../src/context.js'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase } from '../src/platform/db/database.js'
import type { Tables } from '../src/tables.js'
import { migrateToLatest } from '../src/migrations/index.js'
import { seedGeneratedCatalog } from './support/catalog-generator.js'
import { serveTarget, type Target } from './support/target-process.js'

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
  const database = await openDatabase<Tables>(config, postgresUrl === undefined ? {} : { schema })
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
await serveTarget(target)

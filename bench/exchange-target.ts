/**
 * A server under test for `bench/exchange.ts`, run in its own process over a database that
 * `exchange-setup.ts` loaded; the argument is one JSON object:
 *   {kind:'huitong', dataDir, postgres?: {url, schema}}   Huitong itself (logger off)
 *   {kind:'bare-sqlite', file, resourceId}                 bare Fastify + better-sqlite3, read-only
 *   {kind:'bare-postgres', url, schema, resourceId}        bare Fastify + pg (pool of 10, as Huitong's)
 * The bare ones answer GET /records/:key with the stored record as JSON: the least a lookup
 * service can do, with one statement prepared once. Served by `serveTarget`.
 */
import BetterSqlite3 from 'better-sqlite3'
import Fastify from 'fastify'
import pg from 'pg'
import { huitongTarget } from './support/huitong-target.js'
import { serveTarget, type Target } from './support/target-process.js'

export type ExchangeTargetSpec =
  | { readonly kind: 'huitong'; readonly dataDir: string; readonly postgres?: { readonly url: string; readonly schema: string } }
  | { readonly kind: 'bare-sqlite'; readonly file: string; readonly resourceId: string }
  | { readonly kind: 'bare-postgres'; readonly url: string; readonly schema: string; readonly resourceId: string }

const SELECT_RECORD = 'SELECT data FROM dataset_records WHERE resource_id = $1 AND record_key = $2'

function bareSqliteTarget(file: string, resourceId: string): Target {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  const select = sqlite.prepare(SELECT_RECORD.replace('$1', '?').replace('$2', '?')).pluck()
  const app = Fastify({ logger: false })
  app.get<{ Params: { key: string } }>('/records/:key', async (request, reply) => {
    const data = select.get(resourceId, request.params.key) as string | undefined
    return data === undefined ? reply.status(404).send({ error: 'not found' }) : (JSON.parse(data) as unknown)
  })
  return {
    app,
    async close() {
      sqlite.close()
    },
  }
}

function barePostgresTarget(url: string, schema: string, resourceId: string): Target {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` })
  const app = Fastify({ logger: false })
  app.get<{ Params: { key: string } }>('/records/:key', async (request, reply) => {
    // A named query is prepared once per connection.
    const { rows } = await pool.query<{ data: string }>({ name: 'record', text: SELECT_RECORD, values: [resourceId, request.params.key] })
    const data = rows[0]?.data
    return data === undefined ? reply.status(404).send({ error: 'not found' }) : (JSON.parse(data) as unknown)
  })
  return { app, close: () => pool.end() }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ExchangeTargetSpec
const target =
  spec.kind === 'huitong'
    ? await huitongTarget(spec.dataDir, spec.postgres)
    : spec.kind === 'bare-sqlite'
      ? bareSqliteTarget(spec.file, spec.resourceId)
      : barePostgresTarget(spec.url, spec.schema, spec.resourceId)
await serveTarget(target)

/**
 * A server under test for `bench/legal-persons.ts`, run in its own process over a database that
 * `legal-persons-setup.ts` loaded; the argument is one JSON object:
 *   {kind:'huitong', dataDir, postgres?: {url, schema}}   Huitong itself (logger off), started as
 *                                                          `huitong serve` starts, its name index warming
 *   {kind:'bare-sqlite', file}                             bare Fastify + better-sqlite3, read-only
 *   {kind:'bare-postgres', url, schema}                    bare Fastify + pg (pool of 10, as Huitong's)
 * The bare ones answer GET /entities/:creditCode with the stored row as JSON: the least a lookup
 * service can do, with one statement prepared once. Served by `serveTarget`.
 */
import BetterSqlite3 from 'better-sqlite3'
import Fastify from 'fastify'
import pg from 'pg'
import { huitongTarget } from './support/huitong-target.js'
import { serveTarget, type Target } from './support/target-process.js'

export type LegalPersonsTargetSpec =
  | { readonly kind: 'huitong'; readonly dataDir: string; readonly postgres?: { readonly url: string; readonly schema: string } }
  | { readonly kind: 'bare-sqlite'; readonly file: string }
  | { readonly kind: 'bare-postgres'; readonly url: string; readonly schema: string }

const SELECT_ENTITY = 'SELECT * FROM entities WHERE credit_code = $1'

function bareSqliteTarget(file: string): Target {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  const select = sqlite.prepare(SELECT_ENTITY.replace('$1', '?'))
  const app = Fastify({ logger: false })
  app.get<{ Params: { creditCode: string } }>('/entities/:creditCode', async (request, reply) => {
    const row = select.get(request.params.creditCode)
    return row === undefined ? reply.status(404).send({ error: 'not found' }) : row
  })
  return {
    app,
    async close() {
      sqlite.close()
    },
  }
}

function barePostgresTarget(url: string, schema: string): Target {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` })
  const app = Fastify({ logger: false })
  app.get<{ Params: { creditCode: string } }>('/entities/:creditCode', async (request, reply) => {
    // A named query is prepared once per connection.
    const { rows } = await pool.query({ name: 'entity', text: SELECT_ENTITY, values: [request.params.creditCode] })
    const row: unknown = rows[0]
    return row === undefined ? reply.status(404).send({ error: 'not found' }) : row
  })
  return { app, close: () => pool.end() }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LegalPersonsTargetSpec
const target =
  spec.kind === 'huitong'
    ? await huitongTarget(spec.dataDir, spec.postgres, { start: true })
    : spec.kind === 'bare-sqlite'
      ? bareSqliteTarget(spec.file)
      : barePostgresTarget(spec.url, spec.schema)
await serveTarget(target)

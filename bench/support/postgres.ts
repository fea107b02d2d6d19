import pg from 'pg'

/** PostgreSQL for benchmarks: HUITONG_BENCH_DATABASE_URL, else the local server's `test` database. */
export const BENCH_POSTGRES_URL = process.env.HUITONG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export async function postgresReachable(url: string = BENCH_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Drops a benchmark's own schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}

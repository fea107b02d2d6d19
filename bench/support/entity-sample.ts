import { sql } from 'kysely'
import type { DatabaseOf } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import { seededRandom } from './catalog-generator.js'

export interface SampledEntity {
  readonly credit_code: string
  readonly name: string
}

/**
 * `count` distinct entities of the legal-person registry, in random order, the same ones for the
 * same seed and the same table. SQLite draws rowids (entities is a rowid table filled in insertion
 * order, so this is a point read each); PostgreSQL orders by a seeded hash.
 *
 * @example
 * const keys = (await sampleEntities(database, 4000, 1)).map((entity) => entity.credit_code)
 */
export async function sampleEntities(database: DatabaseOf<Tables>, count: number, seed: number): Promise<SampledEntity[]> {
  const sqlite = database.sqlite
  if (sqlite !== undefined) {
    const { last, total } = sqlite.prepare('SELECT max(rowid) AS last, count(*) AS total FROM entities').get() as { last: number | null; total: number }
    const wanted = Math.min(count, total)
    const select = sqlite.prepare('SELECT credit_code, name FROM entities WHERE rowid = ?')
    const random = seededRandom(seed)
    const drawn = new Set<number>()
    const entities: SampledEntity[] = []
    // Each draw is a new rowid; there are at least `wanted` with a row, so the loop ends.
    while (entities.length < wanted) {
      const rowid = 1 + Math.floor(random() * (last ?? 0))
      if (drawn.has(rowid)) continue
      drawn.add(rowid)
      const entity = select.get(rowid) as SampledEntity | undefined
      if (entity !== undefined) entities.push(entity)
    }
    return entities
  }
  const { rows } = await sql<SampledEntity>`SELECT credit_code, name FROM entities ORDER BY md5(credit_code || ${String(seed)}) LIMIT ${count}`.execute(
    database.db,
  )
  return rows
}

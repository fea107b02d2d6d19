import { sql } from 'kysely'
import type { DatabaseOf } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import { seededRandom } from './catalog-generator.js'

export interface SampledPerson {
  readonly resident_id: string
  readonly name: string
}

/**
 * `count` distinct persons of the registry, in random order, the same ones for the same seed and
 * the same table. SQLite draws rowids (persons is a rowid table filled in insertion order, so
 * this is a point read each, not a scan of ten million rows); PostgreSQL orders by a seeded hash.
 *
 * @example
 * const keys = (await samplePersons(database, 4000, 1)).map((person) => person.resident_id)
 */
export async function samplePersons(database: DatabaseOf<Tables>, count: number, seed: number): Promise<SampledPerson[]> {
  const sqlite = database.sqlite
  if (sqlite !== undefined) {
    const { last, total } = sqlite.prepare('SELECT max(rowid) AS last, count(*) AS total FROM persons').get() as { last: number | null; total: number }
    const wanted = Math.min(count, total)
    const select = sqlite.prepare('SELECT resident_id, name FROM persons WHERE rowid = ?')
    const random = seededRandom(seed)
    const drawn = new Set<number>()
    const persons: SampledPerson[] = []
    // Each draw is a new rowid; rowids without a row (none, after a plain load) are skipped, and
    // there are at least `wanted` with one, so the loop ends.
    while (persons.length < wanted) {
      const rowid = 1 + Math.floor(random() * (last ?? 0))
      if (drawn.has(rowid)) continue
      drawn.add(rowid)
      const person = select.get(rowid) as SampledPerson | undefined
      if (person !== undefined) persons.push(person)
    }
    return persons
  }
  const { rows } = await sql<SampledPerson>`SELECT resident_id, name FROM persons ORDER BY md5(resident_id || ${String(seed)}) LIMIT ${count}`.execute(
    database.db,
  )
  return rows
}

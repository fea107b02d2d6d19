import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.js'
import type { ImportProgress } from '../registry/imports/import-file.js'
import { writeEntitiesCsv } from '../demo/generators/legal-person.js'
import { importEntities } from './imports.js'
import { EntityRepository } from './repository.js'

const COUNT = 2000
const INDEXES = [
  'entities_credit_code_idx',
  'entities_organisation_code_idx',
  'entities_registration_number_idx',
  'entities_representative_idx',
  'entities_seq_idx',
]

for (const dialect of DIALECTS) {
  describe(`importing entities, on ${dialect}`, () => {
    let test: TestDatabase
    let entities: EntityRepository
    let file: string
    const workDir = () => path.join(test.config.dataDir, 'work')

    beforeEach(async () => {
      test = await openTestDatabase(dialect)
      entities = new EntityRepository(test.database)
      file = path.join(test.config.dataDir, 'entities.csv')
      await writeEntitiesCsv(file, { count: COUNT, seed: 11, populationCount: 10_000, populationSeed: 3, today: new Date('2026-06-30T00:00:00Z') })
    })
    afterEach(async () => {
      await test.drop()
    })

    const indexes = async () => {
      const names =
        test.database.sqlite === undefined
          ? (
              await test.database.db
                .selectFrom('pg_indexes' as never)
                .select('indexname' as never)
                .where('tablename' as never, '=', 'entities' as never)
                .where('schemaname' as never, '=', test.schema as never)
                .execute()
            ).map((row) => (row as { indexname: string }).indexname)
          : (test.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities'").pluck().all() as string[])
      return names.filter((name) => name.startsWith('entities_')).sort()
    }

    it('loads an empty registry (in bulk on SQLite, checked on a thread) with its indexes, and the same file again changes nothing', async () => {
      const phases = new Set<ImportProgress['phase']>()
      const first = await importEntities(entities, file, {
        changedBy: 'market',
        source: 'test',
        workDir: workDir(),
        bulkFromBytes: 1,
        onProgress: (progress) => void phases.add(progress.phase),
      })
      expect(first).toMatchObject({ rows: COUNT, accepted: COUNT, rejected: 0, created: COUNT, bulk: dialect === 'sqlite' })
      expect((await entities.head()).recordCount).toBe(COUNT)
      expect(await indexes()).toEqual(INDEXES)
      expect(phases.has(dialect === 'sqlite' ? 'index' : 'check')).toBe(true)
      // Each entity once in the change feed, in sequence order, from the first sequence number on.
      const feed = await entities.changes(0, COUNT + 1)
      expect(feed.map((entity) => entity.seq)).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1))
      const again = await importEntities(entities, file, { changedBy: 'market', source: 'test', workDir: workDir(), bulkFromBytes: 1 })
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: COUNT, bulk: false })
    })

    it('a file found truncated at its end leaves the empty registry empty, indexes in place', async () => {
      fs.appendFileSync(file, '91210102MA0XXXXXX0,"沈阳某某有限公司,1100')
      await expect(importEntities(entities, file, { changedBy: 'market', source: 'test', workDir: workDir(), bulkFromBytes: 1 })).rejects.toMatchObject({
        code: 'HT_VALIDATION',
      })
      expect((await entities.head()).recordCount).toBe(0)
      expect(await entities.query([], undefined, 10, 0)).toMatchObject({ total: 0, items: [] })
      expect(await indexes()).toEqual(INDEXES)
    })

    it('resumes a normal import after its last written batch, from the staged rows', async () => {
      await importEntities(entities, file, { changedBy: 'market', source: 'test', workDir: workDir() })
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('沈阳市', '沈阳市 '))
      let saved: Parameters<NonNullable<Parameters<typeof importEntities>[2]['onBatch']>>[0] | undefined
      // The process dies right after a batch commits, before it can say so.
      const crash = importEntities(entities, file, {
        changedBy: 'market',
        source: 'test',
        workDir: workDir(),
        onBatch: (checkpoint) => {
          saved = checkpoint
          throw new Error('power cut')
        },
      })
      await expect(crash).rejects.toThrow('power cut')
      const afterCrash = await entities.head()
      expect(saved).toMatchObject({ phase: 'write', applied: COUNT })
      expect(afterCrash.lastSeq).toBeGreaterThan(COUNT)
      fs.rmSync(file)
      const resumed = await importEntities(entities, file, {
        changedBy: 'market',
        source: 'test',
        workDir: workDir(),
        ...(saved === undefined ? {} : { resume: saved }),
      })
      expect(resumed).toMatchObject({ rows: COUNT, created: 0, updated: 0 })
      expect(await entities.head()).toEqual(afterCrash)
    })
  })
}

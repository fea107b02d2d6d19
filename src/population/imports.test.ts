import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.js'
import { RowPacker } from '../registry/imports/packed-rows.js'
import { writePopulationCsv } from '../demo/generators/population.js'
import { importPersons, type ImportProgress } from './imports.js'
import { PersonRepository } from './repository.js'

const COUNT = 3000

for (const dialect of DIALECTS) {
  describe(`importing persons, on ${dialect}`, () => {
    let test: TestDatabase
    let persons: PersonRepository
    let file: string
    const workDir = () => path.join(test.config.dataDir, 'work')

    beforeEach(async () => {
      test = await openTestDatabase(dialect)
      persons = new PersonRepository(test.database)
      file = path.join(test.config.dataDir, 'persons.csv')
      await writePopulationCsv(file, { count: COUNT, seed: 11, today: new Date('2026-06-30T00:00:00Z') })
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
                .where('tablename' as never, '=', 'persons' as never)
                .where('schemaname' as never, '=', test.schema as never)
                .execute()
            ).map((row) => (row as { indexname: string }).indexname)
          : (test.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons'").pluck().all() as string[])
      return names.filter((name) => name.startsWith('persons_')).sort()
    }

    it('loads an empty registry (in bulk on SQLite) with its indexes, and the same file again changes nothing', async () => {
      const phases = new Set<ImportProgress['phase']>()
      const first = await importPersons(persons, file, {
        changedBy: 'police',
        source: 'test',
        workDir: workDir(),
        bulkFromBytes: 1,
        onProgress: (progress) => void phases.add(progress.phase),
      })
      expect(first).toMatchObject({ rows: COUNT, accepted: COUNT, rejected: 0, created: COUNT, bulk: dialect === 'sqlite' })
      expect((await persons.head()).recordCount).toBe(COUNT)
      expect(await indexes()).toEqual(['persons_compare_idx', 'persons_name_idx', 'persons_resident_id_idx', 'persons_seq_idx'])
      const again = await importPersons(persons, file, { changedBy: 'police', source: 'test', workDir: workDir(), bulkFromBytes: 1 })
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: COUNT, bulk: false })
      expect(phases.has('check') || phases.has('write')).toBe(true)
    })

    it('a file found truncated at its end leaves the empty registry empty, indexes in place', async () => {
      fs.appendFileSync(file, '11010519491231002X,"张三,1,01,1949-12-31,110105001001,北京')
      await expect(importPersons(persons, file, { changedBy: 'police', source: 'test', workDir: workDir(), bulkFromBytes: 1 })).rejects.toMatchObject({
        code: 'HT_VALIDATION',
      })
      expect((await persons.head()).recordCount).toBe(0)
      expect(await persons.query([], undefined, 10, 0)).toMatchObject({ total: 0, items: [] })
      expect(await indexes()).toEqual(['persons_compare_idx', 'persons_name_idx', 'persons_resident_id_idx', 'persons_seq_idx'])
    })

    it('a first load that crashed half way starts over from an empty registry when the job resumes', async () => {
      const bulk = persons.bulkLoad
      if (bulk === undefined) return
      // What a crash leaves: the indexes dropped, some rows in, the job's checkpoint saying 'bulk'.
      await bulk.begin()
      const packer = new RowPacker(11)
      for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1, 101)) packer.add(line.split(',').slice(0, 11))
      const rows = packer.take()
      if (rows !== undefined) await bulk.insert(rows)
      const resumed = await importPersons(persons, file, {
        changedBy: 'police',
        source: 'test',
        workDir: workDir(),
        bulkFromBytes: 1,
        resume: { phase: 'bulk' },
      })
      expect(resumed).toMatchObject({ created: COUNT, bulk: true })
      expect((await persons.head()).recordCount).toBe(COUNT)
      expect(await indexes()).toEqual(['persons_compare_idx', 'persons_name_idx', 'persons_resident_id_idx', 'persons_seq_idx'])
    })

    it('a truncated file changes nothing in a registry that holds persons', async () => {
      await importPersons(persons, file, { changedBy: 'police', source: 'test', workDir: workDir() })
      const before = await persons.head()
      const changed = fs.readFileSync(file, 'utf8').replace(/,10,/, ',20,').replace(/\n$/, '\n11010519491231002X,"张三')
      fs.writeFileSync(file, changed)
      await expect(importPersons(persons, file, { changedBy: 'police', source: 'test', workDir: workDir() })).rejects.toMatchObject({ code: 'HT_VALIDATION' })
      expect(await persons.head()).toEqual(before)
    })

    it('resumes a normal import after its last written batch, from the staged rows', async () => {
      await importPersons(persons, file, { changedBy: 'police', source: 'test', workDir: workDir() })
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('辽宁省沈阳市', '辽宁省 沈阳市 '))
      let saved: Parameters<NonNullable<Parameters<typeof importPersons>[2]['onBatch']>>[0] | undefined
      // The process dies right after a batch commits, before it can say so.
      const crash = importPersons(persons, file, {
        changedBy: 'police',
        source: 'test',
        workDir: workDir(),
        onBatch: (checkpoint) => {
          saved = checkpoint
          throw new Error('power cut')
        },
      })
      await expect(crash).rejects.toThrow('power cut')
      const afterCrash = await persons.head()
      expect(saved).toMatchObject({ phase: 'write', applied: COUNT })
      // The source file is gone: a resumed import reads the staged rows, not the file.
      fs.rmSync(file)
      const resumed = await importPersons(persons, file, {
        changedBy: 'police',
        source: 'test',
        workDir: workDir(),
        ...(saved === undefined ? {} : { resume: saved }),
      })
      expect(resumed).toMatchObject({ rows: COUNT, created: 0, updated: 0 })
      expect(await persons.head()).toEqual(afterCrash)
      expect(afterCrash.lastSeq).toBeGreaterThan(COUNT)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/databases.js'
import { PointRead } from './point-read.js'

for (const dialect of DIALECTS) {
  describe(`PointRead on ${dialect}`, () => {
    let t: TestDatabase
    let read: PointRead<{ value: string }>

    beforeAll(async () => {
      t = await openTestDatabase(dialect)
      await t.database.db.schema
        .createTable('point_read_rows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute()
      await t.database.db
        .insertInto('point_read_rows' as never)
        .values({ id: 'a', value: '甲' } as never)
        .execute()
      read = new PointRead(t.database, 'SELECT value FROM point_read_rows WHERE id = ?', 'SELECT value FROM point_read_rows WHERE id = $1')
    })
    afterAll(() => t.drop())

    it('finds a row by its key, and nothing for a key not there', async () => {
      expect(await read.get('a')).toEqual({ value: '甲' })
      expect(await read.get('b')).toBeUndefined()
    })

    it('never sees the rows of a transaction still open, which may yet roll back', async () => {
      let during: Promise<{ value: string } | undefined> | undefined
      await t.database.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('point_read_rows' as never)
            .values({ id: 'b', value: '乙' } as never)
            .execute()
          // Asked while the transaction is open: it must not answer with the uncommitted row.
          during = read.get('b')
          await new Promise((resolve) => setTimeout(resolve, 20))
          throw new Error('roll back')
        })
        .catch(() => undefined)
      expect(await during).toBeUndefined()
      expect(await read.get('b')).toBeUndefined()
    })
  })
}

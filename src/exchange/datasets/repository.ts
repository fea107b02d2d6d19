import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { PointRead } from '../../platform/db/point-read.js'
import { now } from '../../platform/ids.js'
import type { Change, DataRecord, RecordFilter } from '../gate/provider.js'
import type { DatasetTables } from './tables.js'

export interface BatchResult {
  readonly batchId: string
  readonly upserted: number
  readonly deleted: number
  /** Upserts identical to the stored record, and deletes of absent keys: nothing to record. */
  readonly unchanged: number
  /** Sequence numbers of the changes this batch made (fromSeq > toSeq when it made none). */
  readonly fromSeq: number
  readonly toSeq: number
  /** True when this batch id had already been applied and this is its stored result. */
  readonly replayed: boolean
}

const CHUNK = 500

/**
 * SQL for hosted datasets: records keyed by their primary-key values, a per-resource change log
 * whose sequence numbers order every change, and the batch ids already applied.
 *
 * SQLite batches run as one synchronous better-sqlite3 transaction with prepared statements (the
 * bulk path); PostgreSQL batches as one transaction of multi-row statements, the dataset row
 * locked so each resource's sequence numbers commit in order.
 */
export class DatasetRepository {
  readonly #record: PointRead<{ data: string }>

  readonly #db: Kysely<DatasetTables>

  constructor(private readonly database: Database) {
    this.#db = database.tables<DatasetTables>()
    this.#record = new PointRead(
      database,
      'SELECT data FROM dataset_records WHERE resource_id = ? AND record_key = ?',
      'SELECT data FROM dataset_records WHERE resource_id = $1 AND record_key = $2',
    )
  }

  /**
   * Applies a batch atomically. `subjectItems` are the resource's identifier items (resident IDs,
   * credit codes): their values are indexed so a profile finds the records naming a subject.
   */
  async applyBatch(
    resourceId: string,
    batchId: string,
    createdBy: string,
    upserts: ReadonlyArray<{ key: string; data: DataRecord }>,
    deletes: readonly string[],
    subjectItems: readonly string[] = [],
  ): Promise<BatchResult> {
    return this.database.sqlite === undefined
      ? this.#applyPostgres(resourceId, batchId, createdBy, upserts, deletes, subjectItems)
      : this.#applySqlite(resourceId, batchId, createdBy, upserts, deletes, subjectItems)
  }

  async #applySqlite(
    resourceId: string,
    batchId: string,
    createdBy: string,
    upserts: ReadonlyArray<{ key: string; data: DataRecord }>,
    deletes: readonly string[],
    subjectItems: readonly string[],
  ): Promise<BatchResult> {
    const sqlite = this.database.sqlite
    if (sqlite === undefined) throw new Error('not SQLite')
    // Holding Kysely's connection keeps any Kysely transaction from interleaving with this one.
    return this.#db.connection().execute(async () => {
      const at = now()
      const previous = sqlite.prepare('SELECT result FROM dataset_batches WHERE resource_id = ? AND batch_id = ?').get(resourceId, batchId) as
        { result: string } | undefined
      if (previous !== undefined) return { ...(JSON.parse(previous.result) as BatchResult), replayed: true }
      const select = sqlite.prepare('SELECT data FROM dataset_records WHERE resource_id = ? AND record_key = ?').pluck()
      const upsert = sqlite.prepare(
        'INSERT INTO dataset_records (resource_id, record_key, data, seq, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (resource_id, record_key) DO UPDATE SET data = excluded.data, seq = excluded.seq, updated_at = excluded.updated_at',
      )
      const remove = sqlite.prepare('DELETE FROM dataset_records WHERE resource_id = ? AND record_key = ?')
      const change = sqlite.prepare('INSERT INTO dataset_changes (resource_id, seq, record_key, op, data, batch_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      const forgetSubjects = sqlite.prepare('DELETE FROM dataset_subjects WHERE resource_id = ? AND record_key = ?')
      const addSubject = sqlite.prepare('INSERT INTO dataset_subjects (subject, resource_id, record_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      const indexSubjects = (key: string, data: DataRecord | null, existed: boolean) => {
        if (subjectItems.length === 0) return
        if (existed) forgetSubjects.run(resourceId, key)
        if (data !== null) for (const subject of subjectsOf(data, subjectItems)) addSubject.run(subject, resourceId, key)
      }
      const run = sqlite.transaction(() => {
        sqlite
          .prepare('INSERT INTO datasets (resource_id, last_seq, record_count, updated_at) VALUES (?, 0, 0, ?) ON CONFLICT (resource_id) DO NOTHING')
          .run(resourceId, at)
        const head = sqlite.prepare('SELECT last_seq, record_count FROM datasets WHERE resource_id = ?').get(resourceId) as {
          last_seq: number
          record_count: number
        }
        let seq = Number(head.last_seq)
        let count = Number(head.record_count)
        const fromSeq = seq + 1
        let upserted = 0
        let deleted = 0
        let unchanged = 0
        for (const { key, data } of upserts) {
          const text = JSON.stringify(data)
          const existing = select.get(resourceId, key) as string | undefined
          if (existing === text) {
            unchanged += 1
            continue
          }
          seq += 1
          upsert.run(resourceId, key, text, seq, at)
          change.run(resourceId, seq, key, 'upsert', text, batchId, at)
          indexSubjects(key, data, existing !== undefined)
          if (existing === undefined) count += 1
          upserted += 1
        }
        for (const key of deletes) {
          if (remove.run(resourceId, key).changes === 0) {
            unchanged += 1
            continue
          }
          seq += 1
          change.run(resourceId, seq, key, 'delete', null, batchId, at)
          indexSubjects(key, null, true)
          count -= 1
          deleted += 1
        }
        sqlite.prepare('UPDATE datasets SET last_seq = ?, record_count = ?, updated_at = ? WHERE resource_id = ?').run(seq, count, at, resourceId)
        const result: BatchResult = { batchId, upserted, deleted, unchanged, fromSeq, toSeq: seq, replayed: false }
        sqlite
          .prepare('INSERT INTO dataset_batches (resource_id, batch_id, result, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(resourceId, batchId, JSON.stringify(result), createdBy, at)
        return result
      })
      return run.immediate()
    })
  }

  async #applyPostgres(
    resourceId: string,
    batchId: string,
    createdBy: string,
    upserts: ReadonlyArray<{ key: string; data: DataRecord }>,
    deletes: readonly string[],
    subjectItems: readonly string[],
  ): Promise<BatchResult> {
    return this.#db.transaction().execute(async (trx) => {
      const at = now()
      await trx
        .insertInto('datasets')
        .values({ resource_id: resourceId, last_seq: 0, record_count: 0, updated_at: at })
        .onConflict((oc) => oc.column('resource_id').doNothing())
        .execute()
      const head = await trx
        .selectFrom('datasets')
        .select(['last_seq', 'record_count'])
        .where('resource_id', '=', resourceId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      const previous = await trx
        .selectFrom('dataset_batches')
        .select('result')
        .where('resource_id', '=', resourceId)
        .where('batch_id', '=', batchId)
        .executeTakeFirst()
      if (previous !== undefined) return { ...(JSON.parse(previous.result) as BatchResult), replayed: true }
      let seq = Number(head.last_seq)
      let count = Number(head.record_count)
      const fromSeq = seq + 1
      let upserted = 0
      let deleted = 0
      let unchanged = 0
      for (let start = 0; start < upserts.length; start += CHUNK) {
        const chunk = upserts.slice(start, start + CHUNK)
        const existing = new Map(
          (
            await trx
              .selectFrom('dataset_records')
              .select(['record_key', 'data'])
              .where('resource_id', '=', resourceId)
              .where(
                'record_key',
                'in',
                chunk.map((row) => row.key),
              )
              .execute()
          ).map((row) => [row.record_key, row.data]),
        )
        const rows: Array<{ resource_id: string; record_key: string; data: string; seq: number; updated_at: string }> = []
        for (const { key, data } of chunk) {
          const text = JSON.stringify(data)
          const before = existing.get(key)
          if (before === text) {
            unchanged += 1
            continue
          }
          seq += 1
          if (before === undefined) count += 1
          existing.set(key, text)
          rows.push({ resource_id: resourceId, record_key: key, data: text, seq, updated_at: at })
          upserted += 1
        }
        if (rows.length === 0) continue
        await trx
          .insertInto('dataset_records')
          .values(rows)
          .onConflict((oc) =>
            oc
              .columns(['resource_id', 'record_key'])
              .doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), seq: eb.ref('excluded.seq'), updated_at: eb.ref('excluded.updated_at') })),
          )
          .execute()
        await trx
          .insertInto('dataset_changes')
          .values(
            rows.map((row) => ({
              resource_id: resourceId,
              seq: row.seq,
              record_key: row.record_key,
              op: 'upsert' as const,
              data: row.data,
              batch_id: batchId,
              at,
            })),
          )
          .execute()
        if (subjectItems.length > 0) {
          await trx
            .deleteFrom('dataset_subjects')
            .where('resource_id', '=', resourceId)
            .where(
              'record_key',
              'in',
              rows.map((row) => row.record_key),
            )
            .execute()
          const subjects = rows.flatMap((row) =>
            subjectsOf(JSON.parse(row.data) as DataRecord, subjectItems).map((subject) => ({ subject, resource_id: resourceId, record_key: row.record_key })),
          )
          if (subjects.length > 0)
            await trx
              .insertInto('dataset_subjects')
              .values(subjects)
              .onConflict((oc) => oc.doNothing())
              .execute()
        }
      }
      for (let start = 0; start < deletes.length; start += CHUNK) {
        const chunk = deletes.slice(start, start + CHUNK)
        const removed = await trx
          .deleteFrom('dataset_records')
          .where('resource_id', '=', resourceId)
          .where('record_key', 'in', chunk)
          .returning('record_key')
          .execute()
        unchanged += chunk.length - removed.length
        if (removed.length === 0) continue
        const changes = removed.map((row) => {
          seq += 1
          return { resource_id: resourceId, seq, record_key: row.record_key, op: 'delete' as const, data: null, batch_id: batchId, at }
        })
        await trx.insertInto('dataset_changes').values(changes).execute()
        if (subjectItems.length > 0)
          await trx
            .deleteFrom('dataset_subjects')
            .where('resource_id', '=', resourceId)
            .where(
              'record_key',
              'in',
              removed.map((row) => row.record_key),
            )
            .execute()
        count -= removed.length
        deleted += removed.length
      }
      await trx.updateTable('datasets').set({ last_seq: seq, record_count: count, updated_at: at }).where('resource_id', '=', resourceId).execute()
      const result: BatchResult = { batchId, upserted, deleted, unchanged, fromSeq, toSeq: seq, replayed: false }
      await trx
        .insertInto('dataset_batches')
        .values({ resource_id: resourceId, batch_id: batchId, result: JSON.stringify(result), created_by: createdBy, created_at: at })
        .execute()
      return result
    })
  }

  /** The hot path of every lookup of a hosted record (see {@link PointRead}). */
  async getRecord(resourceId: string, key: string): Promise<DataRecord | undefined> {
    const row = await this.#record.get(resourceId, key)
    return row === undefined ? undefined : (JSON.parse(row.data) as DataRecord)
  }

  /** A record as it stood before `until` (an ISO instant): its last change before then, unless that was a deletion. */
  async getRecordAsOf(resourceId: string, key: string, until: string): Promise<DataRecord | undefined> {
    const row = await this.#db
      .selectFrom('dataset_changes')
      .select(['op', 'data'])
      .where('resource_id', '=', resourceId)
      .where('record_key', '=', key)
      .where('at', '<', until)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row === undefined || row.data === null ? undefined : (JSON.parse(row.data) as DataRecord)
  }

  /** Records of a resource naming `subject` in one of their identifier items. */
  async bySubject(resourceId: string, subject: string, limit = 200): Promise<DataRecord[]> {
    const rows = await this.#db
      .selectFrom('dataset_subjects as s')
      .innerJoin('dataset_records as r', (join) => join.onRef('r.resource_id', '=', 's.resource_id').onRef('r.record_key', '=', 's.record_key'))
      .select('r.data')
      .where('s.subject', '=', subject)
      .where('s.resource_id', '=', resourceId)
      .orderBy('s.record_key')
      .limit(limit)
      .execute()
    return rows.map((row) => JSON.parse(row.data) as DataRecord)
  }

  /** An item's value inside the stored JSON, as text, in this dialect. */
  #field(key: string): RawBuilder<string> {
    return this.database.kind === 'postgres' ? sql<string>`(data::jsonb ->> ${key})` : sql<string>`CAST(json_extract(data, ${`$.${key}`}) AS TEXT)`
  }

  async query(
    resourceId: string,
    filters: readonly RecordFilter[],
    sort: { key: string; direction: 'asc' | 'desc' } | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: DataRecord[]; total: number }> {
    let query = this.#db.selectFrom('dataset_records').where('resource_id', '=', resourceId)
    for (const filter of filters) {
      query = filter.value.endsWith('*')
        ? query.where(this.#field(filter.key), 'like', `${filter.value.slice(0, -1).replace(/[%_]/g, '')}%`)
        : query.where(this.#field(filter.key), '=', filter.value)
    }
    const ordered = sort === undefined ? query.orderBy('record_key') : query.orderBy(this.#field(sort.key), sort.direction).orderBy('record_key')
    const [rows, count] = await Promise.all([
      ordered.select('data').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map((row) => JSON.parse(row.data) as DataRecord), total: Number(count.total) }
  }

  async changes(resourceId: string, after: number, limit: number): Promise<Change[]> {
    const rows = await this.#db
      .selectFrom('dataset_changes')
      .select(['seq', 'record_key', 'op', 'data', 'at'])
      .where('resource_id', '=', resourceId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit)
      .execute()
    return rows.map((row) => ({
      seq: Number(row.seq),
      key: row.record_key,
      op: row.op,
      data: row.data === null ? null : (JSON.parse(row.data) as DataRecord),
      at: row.at,
    }))
  }

  async history(resourceId: string, key: string, limit = 100): Promise<Change[]> {
    const rows = await this.#db
      .selectFrom('dataset_changes')
      .select(['seq', 'record_key', 'op', 'data', 'at'])
      .where('resource_id', '=', resourceId)
      .where('record_key', '=', key)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute()
    return rows.map((row) => ({
      seq: Number(row.seq),
      key: row.record_key,
      op: row.op,
      data: row.data === null ? null : (JSON.parse(row.data) as DataRecord),
      at: row.at,
    }))
  }

  async head(resourceId: string): Promise<{ lastSeq: number; recordCount: number; updatedAt: string | null }> {
    const row = await this.#db.selectFrom('datasets').selectAll().where('resource_id', '=', resourceId).executeTakeFirst()
    return { lastSeq: Number(row?.last_seq ?? 0), recordCount: Number(row?.record_count ?? 0), updatedAt: row?.updated_at ?? null }
  }
}

/** The distinct identifier values a record names. */
function subjectsOf(data: DataRecord, subjectItems: readonly string[]): string[] {
  const subjects = new Set<string>()
  for (const item of subjectItems) {
    const value = data[item]
    if (typeof value === 'string' && value !== '') subjects.add(value)
  }
  return [...subjects]
}

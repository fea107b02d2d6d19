import { sql, type Kysely } from 'kysely'
import type { RegistryTables } from '../registry/tables.js'
import { beijingDate } from '../calendar/working-days.js'
import type { Database } from '../platform/db/database.js'
import { PointRead } from '../platform/db/point-read.js'
import { SqliteBulkLoad, type BulkTable } from '../registry/imports/bulk-load.js'
import { now } from '../platform/ids.js'
import { diffEntity, ENTITY_FIELDS, ENTITY_STATUSES, eventOf, LEGAL_PERSON_REGISTRY, type Entity, type EntityChange, type EntityField } from './model.js'
import type { LegalPersonTables } from './tables.js'

/**
 * The legal-person registry's tables, and the registry heads (sequence and count per registry) it keeps
 * in the registry kernel's table: allowed by name in the rule file until the kernel owns the write
 * path.
 */
type LegalPersonRegistryTables = LegalPersonTables & Pick<RegistryTables, 'registry_heads'>

export interface StoredEntity extends Entity {
  readonly seq: number
  readonly created_at: string
  readonly updated_at: string
}

export interface EntityApplyResult {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly fromSeq: number
  readonly toSeq: number
}

export interface EntityFilter {
  readonly field: EntityField
  readonly value: string
  readonly prefix?: boolean
}

export interface EntityHistoryEntry {
  readonly seq: number
  readonly creditCode: string
  readonly event: string
  readonly changes: readonly EntityChange[]
  readonly effectiveDate: string
  readonly source: string
  readonly changedBy: string
  readonly at: string
}

/** A check of every entity a batch writes, against the stored one (undefined for a new entity); throwing rolls the batch back. */
export type EntityVet = (incoming: Entity, stored: Entity | undefined) => void

const COLUMNS = ENTITY_FIELDS.join(', ')
const CHUNK = 1000
/** The entities table as a first load writes it, with its indexes as the migration creates them. */
const ENTITIES_TABLE: BulkTable = {
  registry: LEGAL_PERSON_REGISTRY,
  table: 'entities',
  historyTable: 'entity_history',
  fields: ENTITY_FIELDS,
  indexes: [
    { name: 'entities_credit_code_idx', on: 'credit_code', unique: true },
    { name: 'entities_representative_idx', on: 'representative_id' },
    { name: 'entities_registration_number_idx', on: 'registration_number' },
    { name: 'entities_organisation_code_idx', on: 'substr(credit_code, 9, 9)' },
    { name: 'entities_seq_idx', on: 'seq', inOrder: true },
  ],
}
/** Statuses of an entity still in business: 存续, 在业. */
const ACTIVE = [ENTITY_STATUSES.existing, ENTITY_STATUSES.operating]

function entityOf(row: Record<string, unknown>): StoredEntity {
  const entity: Record<string, unknown> = {}
  for (const field of ENTITY_FIELDS) entity[field] = String(row[field] ?? '')
  return { ...(entity as unknown as Entity), seq: Number(row.seq), created_at: String(row.created_at), updated_at: String(row.updated_at) }
}

/**
 * SQL for the legal-person registry: entities keyed by credit code, their change history, and
 * the registry's sequence counter (the change feed reads entities by `seq`). Each batch is one
 * transaction; an update writes one history entry with every changed field, so the change record
 * (变更记录) and the feed the subscribers read are the same events.
 */
export class EntityRepository {
  /** The first load into an empty registry, on SQLite; undefined on PostgreSQL. */
  readonly bulkLoad: SqliteBulkLoad | undefined

  /** The hot path of every lookup. */
  readonly #byKey: PointRead<Record<string, unknown>>

  readonly #db: Kysely<LegalPersonRegistryTables>

  constructor(private readonly database: Database) {
    this.#db = database.tables<LegalPersonRegistryTables>()
    this.#byKey = new PointRead(
      database,
      `SELECT ${COLUMNS}, seq, created_at, updated_at FROM entities WHERE credit_code = ?`,
      `SELECT ${COLUMNS}, seq, created_at, updated_at FROM entities WHERE credit_code = $1`,
    )
    this.bulkLoad = database.sqlite === undefined ? undefined : new SqliteBulkLoad(database, ENTITIES_TABLE)
  }

  /** Creates any missing entities index: at start, in case a first load was interrupted. */
  async buildIndexes(): Promise<void> {
    await this.bulkLoad?.buildIndexes()
  }

  /**
   * Writes entities, one transaction. With `fields`, an existing entity changes only in those
   * fields (an import file without a column leaves that field as it is); new ones are written whole.
   * With `vet`, every entity is checked against the stored one inside the transaction.
   */
  async applyBatch(
    entities: readonly Entity[],
    source: string,
    changedBy: string,
    options: { fields?: readonly EntityField[]; effectiveDate?: string; vet?: EntityVet } = {},
  ): Promise<EntityApplyResult> {
    const kept = options.fields === undefined ? [] : ENTITY_FIELDS.filter((field) => !options.fields?.includes(field))
    const merge = (before: Entity, incoming: Entity): Entity => {
      if (kept.length === 0) return incoming
      const merged: Record<string, string> = { ...incoming }
      for (const field of kept) merged[field] = before[field]
      return merged as unknown as Entity
    }
    const { effectiveDate, vet } = options
    if (this.database.sqlite !== undefined) return this.#applySqlite(entities, source, changedBy, merge, effectiveDate, vet)
    return this.#db.transaction().execute(async (trx) => {
      const at = now()
      const today = beijingDate(at)
      await trx
        .insertInto('registry_heads')
        .values({ registry: LEGAL_PERSON_REGISTRY, last_seq: 0, record_count: 0, updated_at: at })
        .onConflict((oc) => oc.column('registry').doNothing())
        .execute()
      const head = await (
        this.database.kind === 'postgres'
          ? trx.selectFrom('registry_heads').select(['last_seq', 'record_count']).where('registry', '=', LEGAL_PERSON_REGISTRY).forUpdate()
          : trx.selectFrom('registry_heads').select(['last_seq', 'record_count']).where('registry', '=', LEGAL_PERSON_REGISTRY)
      ).executeTakeFirstOrThrow()
      let seq = Number(head.last_seq)
      let count = Number(head.record_count)
      const fromSeq = seq + 1
      let created = 0
      let updated = 0
      let unchanged = 0
      for (let start = 0; start < entities.length; start += CHUNK) {
        const chunk = entities.slice(start, start + CHUNK)
        const rows = await trx
          .selectFrom('entities')
          .select(ENTITY_FIELDS)
          .where(
            'credit_code',
            'in',
            chunk.map((entity) => entity.credit_code),
          )
          .execute()
        const existing = new Map<string, Entity>(rows.map((row) => [row.credit_code, entityOf({ ...row, seq: 0 })]))
        const inserts: Array<LegalPersonTables['entities']> = []
        const histories: Array<LegalPersonTables['entity_history']> = []
        for (const entity of chunk) {
          const before = existing.get(entity.credit_code)
          vet?.(entity, before)
          if (before === undefined) {
            seq += 1
            count += 1
            created += 1
            inserts.push({ ...entity, seq, created_at: at, updated_at: at })
            existing.set(entity.credit_code, entity)
            continue
          }
          const after = merge(before, entity)
          const changes = diffEntity(before, after)
          if (changes.length === 0) {
            unchanged += 1
            continue
          }
          seq += 1
          updated += 1
          existing.set(entity.credit_code, after)
          const { credit_code: code, ...rest } = after
          await trx
            .updateTable('entities')
            .set({ ...rest, seq, updated_at: at })
            .where('credit_code', '=', code)
            .execute()
          const statusChange = changes.some((change) => change.field === 'registration_status') && after.status_date !== ''
          histories.push({
            seq,
            credit_code: code,
            event: eventOf(changes),
            changes: JSON.stringify(changes),
            effective_date: effectiveDate ?? (statusChange ? entity.status_date : today),
            source,
            changed_by: changedBy,
            at,
          })
        }
        for (let offset = 0; offset < inserts.length; offset += 200)
          await trx
            .insertInto('entities')
            .values(inserts.slice(offset, offset + 200))
            .execute()
        if (histories.length > 0) await trx.insertInto('entity_history').values(histories).execute()
      }
      await trx
        .updateTable('registry_heads')
        .set({ last_seq: seq, record_count: count, updated_at: at })
        .where('registry', '=', LEGAL_PERSON_REGISTRY)
        .execute()
      return { created, updated, unchanged, fromSeq, toSeq: seq }
    })
  }

  /** The SQLite bulk path: one synchronous transaction with statements prepared once. */
  async #applySqlite(
    entities: readonly Entity[],
    source: string,
    changedBy: string,
    merge: (before: Entity, incoming: Entity) => Entity,
    effectiveDate: string | undefined,
    vet: EntityVet | undefined,
  ): Promise<EntityApplyResult> {
    const sqlite = this.database.sqlite
    if (sqlite === undefined) throw new Error('not SQLite')
    return this.#db.connection().execute(async () => {
      const at = now()
      const today = beijingDate(at)
      const insert = sqlite.prepare(
        `INSERT INTO entities (${COLUMNS}, seq, created_at, updated_at) VALUES (${ENTITY_FIELDS.map(() => '?').join(', ')}, ?, ?, ?) ON CONFLICT (credit_code) DO NOTHING`,
      )
      const select = sqlite.prepare(`SELECT ${COLUMNS} FROM entities WHERE credit_code = ?`)
      const update = sqlite.prepare(
        `UPDATE entities SET ${ENTITY_FIELDS.slice(1)
          .map((field) => `${field} = ?`)
          .join(', ')}, seq = ?, updated_at = ? WHERE credit_code = ?`,
      )
      const history = sqlite.prepare(
        'INSERT INTO entity_history (seq, credit_code, event, changes, effective_date, source, changed_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      const run = sqlite.transaction((): EntityApplyResult => {
        sqlite
          .prepare('INSERT INTO registry_heads (registry, last_seq, record_count, updated_at) VALUES (?, 0, 0, ?) ON CONFLICT (registry) DO NOTHING')
          .run(LEGAL_PERSON_REGISTRY, at)
        const head = sqlite.prepare('SELECT last_seq, record_count FROM registry_heads WHERE registry = ?').get(LEGAL_PERSON_REGISTRY) as {
          last_seq: number
          record_count: number
        }
        let seq = Number(head.last_seq)
        let count = Number(head.record_count)
        const fromSeq = seq + 1
        let created = 0
        let updated = 0
        let unchanged = 0
        for (const entity of entities) {
          if (insert.run(...ENTITY_FIELDS.map((field) => entity[field]), seq + 1, at, at).changes === 1) {
            vet?.(entity, undefined)
            seq += 1
            count += 1
            created += 1
            continue
          }
          const before = entityOf({ ...(select.get(entity.credit_code) as Record<string, unknown>), seq: 0 })
          vet?.(entity, before)
          const after = merge(before, entity)
          const changes = diffEntity(before, after)
          if (changes.length === 0) {
            unchanged += 1
            continue
          }
          seq += 1
          updated += 1
          update.run(...ENTITY_FIELDS.slice(1).map((field) => after[field]), seq, at, entity.credit_code)
          const statusChange = changes.some((change) => change.field === 'registration_status') && after.status_date !== ''
          history.run(
            seq,
            entity.credit_code,
            eventOf(changes),
            JSON.stringify(changes),
            effectiveDate ?? (statusChange ? after.status_date : today),
            source,
            changedBy,
            at,
          )
        }
        sqlite.prepare('UPDATE registry_heads SET last_seq = ?, record_count = ?, updated_at = ? WHERE registry = ?').run(seq, count, at, LEGAL_PERSON_REGISTRY)
        return { created, updated, unchanged, fromSeq, toSeq: seq }
      })
      return run.immediate()
    })
  }

  async get(creditCode: string): Promise<StoredEntity | undefined> {
    const row = await this.#byKey.get(creditCode)
    return row === undefined ? undefined : entityOf(row)
  }

  /** The credit code an old identifier stands for: a 15-digit registration number or a 9-character organisation code. */
  async resolveLegacy(code: string): Promise<string | undefined> {
    const query = this.#db.selectFrom('entities').select('credit_code')
    const row = await (
      code.length === 15 ? query.where('registration_number', '=', code) : query.where(sql<string>`substr(credit_code, 9, 9)`, '=', code)
    ).executeTakeFirst()
    return row?.credit_code
  }

  async getMany(codes: readonly string[]): Promise<StoredEntity[]> {
    const found: StoredEntity[] = []
    for (let start = 0; start < codes.length; start += CHUNK) {
      const rows = await this.#db
        .selectFrom('entities')
        .selectAll()
        .where('credit_code', 'in', codes.slice(start, start + CHUNK))
        .execute()
      found.push(...rows.map((row) => entityOf(row as unknown as Record<string, unknown>)))
    }
    const order = new Map(codes.map((code, index) => [code, index]))
    return found.sort((a, b) => (order.get(a.credit_code) ?? 0) - (order.get(b.credit_code) ?? 0))
  }

  /** The source department of each of these entities that the registry holds, for an importer held to one source. */
  async sourcesOf(codes: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>()
    for (let start = 0; start < codes.length; start += CHUNK) {
      const rows = await this.#db
        .selectFrom('entities')
        .select(['credit_code', 'source_department'])
        .where('credit_code', 'in', codes.slice(start, start + CHUNK))
        .execute()
      for (const row of rows) found.set(row.credit_code, row.source_department)
    }
    return found
  }

  /** The entities a person represents. */
  async byRepresentative(residentId: string, limit = 200): Promise<StoredEntity[]> {
    const rows = await this.#db.selectFrom('entities').selectAll().where('representative_id', '=', residentId).orderBy('credit_code').limit(limit).execute()
    return rows.map((row) => entityOf(row as unknown as Record<string, unknown>))
  }

  async query(
    filters: readonly EntityFilter[],
    sort: { field: EntityField; direction: 'asc' | 'desc' } | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: StoredEntity[]; total: number }> {
    let query = this.#db.selectFrom('entities')
    for (const filter of filters) {
      query =
        filter.prefix === true ? query.where(filter.field, 'like', `${filter.value.replace(/[%_\\]/g, '')}%`) : query.where(filter.field, '=', filter.value)
    }
    const ordered = sort === undefined ? query.orderBy('credit_code') : query.orderBy(sort.field, sort.direction).orderBy('credit_code')
    const [rows, total] = await Promise.all([
      ordered.selectAll().limit(limit).offset(offset).execute(),
      filters.length === 0
        ? this.head().then((head) => head.recordCount)
        : query
            .select((eb) => eb.fn.countAll<number>().as('total'))
            .executeTakeFirstOrThrow()
            .then((row) => Number(row.total)),
    ])
    return { items: rows.map((row) => entityOf(row as unknown as Record<string, unknown>)), total }
  }

  /** Entities changed after `after`, in change order: the registry's change feed. */
  async changes(after: number, limit: number): Promise<StoredEntity[]> {
    const rows = await this.#db.selectFrom('entities').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute()
    return rows.map((row) => entityOf(row as unknown as Record<string, unknown>))
  }

  /** Every entity's code, name and former names, a page at a time, for the name index. */
  async *names(pageSize = 20_000): AsyncGenerator<Array<{ credit_code: string; name: string; former_name: string }>> {
    for (let after = ''; ;) {
      const rows = await this.#db
        .selectFrom('entities')
        .select(['credit_code', 'name', 'former_name'])
        .where('credit_code', '>', after)
        .orderBy('credit_code')
        .limit(pageSize)
        .execute()
      if (rows.length === 0) return
      yield rows
      after = rows.at(-1)?.credit_code ?? after
    }
  }

  async history(creditCode: string, limit = 500): Promise<EntityHistoryEntry[]> {
    const rows = await this.#db.selectFrom('entity_history').selectAll().where('credit_code', '=', creditCode).orderBy('seq', 'desc').limit(limit).execute()
    return rows.map((row) => ({
      seq: Number(row.seq),
      creditCode: row.credit_code,
      event: row.event,
      changes: JSON.parse(row.changes) as EntityChange[],
      effectiveDate: row.effective_date,
      source: row.source,
      changedBy: row.changed_by,
      at: row.at,
    }))
  }

  async head(): Promise<{ lastSeq: number; recordCount: number }> {
    const row = await this.#db.selectFrom('registry_heads').selectAll().where('registry', '=', LEGAL_PERSON_REGISTRY).executeTakeFirst()
    return { lastSeq: Number(row?.last_seq ?? 0), recordCount: Number(row?.record_count ?? 0) }
  }

  /** Counts for the statistics page: industries and districts of active entities; status, establishment year and source of all. */
  async counts() {
    const year = sql<string>`substr(established_on, 1, 4)`
    const [byIndustry, byStatus, byDistrict, byYear, bySource] = await Promise.all([
      this.#db
        .selectFrom('entities')
        .select(['industry_code', (eb) => eb.fn.countAll<number>().as('count')])
        .where('registration_status', 'in', ACTIVE)
        .groupBy('industry_code')
        .execute(),
      this.#db
        .selectFrom('entities')
        .select(['registration_status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('registration_status')
        .execute(),
      this.#db
        .selectFrom('entities')
        .select(['division_code', (eb) => eb.fn.countAll<number>().as('count')])
        .where('registration_status', 'in', ACTIVE)
        .groupBy('division_code')
        .execute(),
      this.#db
        .selectFrom('entities')
        .select([year.as('year'), (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(year)
        .execute(),
      this.#db
        .selectFrom('entities')
        .select(['source_department', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('source_department')
        .execute(),
    ])
    return {
      byIndustry: byIndustry.map((row) => ({ code: row.industry_code, count: Number(row.count) })),
      byStatus: byStatus.map((row) => ({ status: row.registration_status, count: Number(row.count) })),
      byDistrict: byDistrict.map((row) => ({ division: row.division_code, count: Number(row.count) })),
      byYear: byYear.map((row) => ({ year: Number(row.year), count: Number(row.count) })).sort((a, b) => a.year - b.year),
      bySource: bySource.map((row) => ({ source: row.source_department, count: Number(row.count) })),
    }
  }
}

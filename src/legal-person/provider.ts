import { AppError } from '../platform/errors.js'
import { type Change, type RecordFilter } from '../exchange/gate/provider.js'
import {
  recordAsOf,
  sameValue,
  type FieldVerdict,
  type HistoryEvent,
  type Provider,
  type ProviderDescription,
  type ProviderQuery,
  type VerifyResult,
} from '../exchange/gate/provider.js'
import { type DataRecord } from '../exchange/gate/provider.js'
import { beijingDate, endOfChinaDay } from '../calendar/working-days.js'
import { samePersonName } from '../standards/person-name.js'
import { normaliseDate } from '../standards/written-date.js'
import { entityRecord, ENTITY_STATUSES, type EntityField } from './model.js'
import type { EntityNameSearch } from './name-search.js'
import type { EntityFilter, EntityRepository } from './repository.js'

/** Catalog items a query may filter or sort on directly. */
const QUERYABLE: ReadonlySet<string> = new Set([
  'credit_code',
  'entity_type',
  'registration_status',
  'division_code',
  'industry_code',
  'source_department',
  'established_on',
  'representative_id',
])

function sameItem(item: string, submitted: string, stored: unknown): boolean {
  if (typeof stored !== 'string') return false
  switch (item) {
    case 'name':
      return samePersonName(submitted, stored)
    case 'legal_representative':
      return samePersonName(submitted, stored)
    case 'established_on':
    case 'status_date':
      return normaliseDate(submitted.trim()) === stored
    default:
      return sameValue(submitted, stored)
  }
}

/**
 * The legal-person registry as a provider. A filter on `name` is a name search (substring, words
 * in any order, pinyin), served by the in-memory name index, which reads former names only for a
 * caller who sees `former_name` in clear; other filters are exact or prefix.
 * Subjects are credit codes, and resident IDs of representatives: a person's profile lists the
 * entities they represent.
 */
export class LegalPersonProvider implements Provider {
  constructor(
    private readonly description: ProviderDescription,
    private readonly entities: EntityRepository,
    private readonly names: EntityNameSearch,
  ) {}

  describe(): ProviderDescription {
    return this.description
  }

  async lookup(key: string, options: { readonly asOf?: string } = {}): Promise<DataRecord | undefined> {
    const entity = await this.entities.get(key)
    if (entity === undefined) return undefined
    if (options.asOf === undefined) return entityRecord(entity)
    const then = recordAsOf(entity, await this.entities.history(key, 10_000), endOfChinaDay(options.asOf))
    return then === undefined ? undefined : entityRecord(then)
  }

  async verify(key: string, fields: Readonly<Record<string, string>>): Promise<VerifyResult> {
    const entity = await this.entities.get(key)
    const record = entity === undefined ? undefined : entityRecord(entity)
    const verdicts: Record<string, FieldVerdict> = {}
    for (const [item, value] of Object.entries(fields)) {
      const stored = record?.[item]
      verdicts[item] = stored === null || stored === undefined ? 'absent' : sameItem(item, value, stored) ? 'match' : 'mismatch'
    }
    if (entity === undefined) return { found: false, fields: verdicts }
    const status = entity.registration_status
    return {
      found: true,
      fields: verdicts,
      flags: {
        item: 'registration_status',
        values: {
          active: status === ENTITY_STATUSES.existing || status === ENTITY_STATUSES.operating,
          revoked: status === ENTITY_STATUSES.revoked,
          deregistered: status === ENTITY_STATUSES.deregistered,
          movedOut: status === ENTITY_STATUSES.movedOut,
        },
      },
    }
  }

  async query(query: ProviderQuery): Promise<{ items: DataRecord[]; total: number }> {
    const nameFilter = query.filters.find((filter) => filter.key === 'name')
    const filters: EntityFilter[] = query.filters
      .filter((filter) => filter.key !== 'name')
      .map((filter: RecordFilter) => {
        if (!QUERYABLE.has(filter.key))
          throw new AppError('HT_VALIDATION', `The legal-person registry cannot filter on ${filter.key} (该信息项不支持筛选)`, [
            { field: filter.key, message: `filterable: name, ${[...QUERYABLE].join(', ')}` },
          ])
        return filter.value.endsWith('*')
          ? { field: filter.key as EntityField, value: filter.value.slice(0, -1), prefix: true }
          : { field: filter.key as EntityField, value: filter.value }
      })
    if (nameFilter !== undefined) {
      if (filters.length > 0 || query.sort !== undefined)
        throw new AppError('HT_VALIDATION', 'A name search ranks by relevance and takes no other filter or sort (名称检索不与其他条件组合)', [
          { field: 'name', message: 'search alone' },
        ])
      // Former names only for a caller who sees them: finding an entity by one reveals it.
      const found = await this.names.search(nameFilter.value.replace(/\*$/, ''), {
        limit: query.limit,
        offset: query.offset,
        formerNames: query.clearItems?.has('former_name') ?? false,
      })
      const entities = await this.entities.getMany(found.codes)
      return { items: entities.map(entityRecord), total: found.total }
    }
    let sort: { field: EntityField; direction: 'asc' | 'desc' } | undefined
    if (query.sort !== undefined) {
      if (!QUERYABLE.has(query.sort.key))
        throw new AppError('HT_VALIDATION', `The legal-person registry cannot sort on ${query.sort.key} (该信息项不支持排序)`, [
          { field: query.sort.key, message: 'not sortable' },
        ])
      sort = { field: query.sort.key as EntityField, direction: query.sort.direction }
    }
    const page = await this.entities.query(filters, sort, query.limit, query.offset)
    return { items: page.items.map(entityRecord), total: page.total }
  }

  async changes(after: number, limit: number): Promise<{ changes: Change[]; lastSeq: number }> {
    const [entities, lastSeq] = await Promise.all([this.entities.changes(after, limit), this.lastSeq()])
    return {
      changes: entities.map((entity) => ({
        seq: entity.seq,
        key: entity.credit_code,
        op: 'upsert' as const,
        data: entityRecord(entity),
        at: entity.updated_at,
      })),
      lastSeq,
    }
  }

  async lastSeq(): Promise<number> {
    return (await this.entities.head()).lastSeq
  }

  async bySubject(subject: string): Promise<DataRecord[]> {
    const entity = await this.entities.get(subject)
    if (entity !== undefined) return [entityRecord(entity)]
    return (await this.entities.byRepresentative(subject)).map(entityRecord)
  }

  async history(key: string): Promise<HistoryEvent[]> {
    const [entity, entries] = await Promise.all([this.entities.get(key), this.entities.history(key)])
    if (entity === undefined) return []
    const events: HistoryEvent[] = entries.map((entry) => ({
      seq: entry.seq,
      event: entry.event,
      effectiveDate: entry.effectiveDate,
      at: entry.at,
      changedBy: entry.changedBy,
      source: entry.source,
      changes: entry.changes.map((change) => ({
        item: change.field,
        before: change.before === '' ? null : change.before,
        after: change.after === '' ? null : change.after,
      })),
    }))
    events.push({
      seq: 0,
      event: 'create',
      effectiveDate: entity.established_on || beijingDate(entity.created_at),
      at: entity.created_at,
      changedBy: '',
      source: '',
      changes: [],
    })
    return events
  }
}

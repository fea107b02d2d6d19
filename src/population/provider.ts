import { beijingDate, endOfChinaDay } from '../calendar/working-days.js'
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
import { findEthnicGroup } from '../standards/ethnic-group.js'
import { samePersonName } from '../standards/person-name.js'
import { itemChanges, PERSON_STATUSES, personRecord, type Person, type PersonField } from './model.js'
import { normaliseDate } from '../standards/written-date.js'
import type { PersonFilter, PersonRepository } from './repository.js'

/** Catalog items a query may filter or sort on, and the registry field each reads. */
const QUERYABLE: Readonly<Record<string, PersonField>> = {
  resident_id: 'resident_id',
  name: 'name',
  gender: 'gender',
  ethnic_group: 'ethnic_group',
  birth_date: 'birth_date',
  household_division: 'household_division',
  status: 'status',
}

const GENDER_WORDS: Readonly<Record<string, string>> = { 男: '1', 女: '2', 男性: '1', 女性: '2' }

/** Compares one submitted value with the registry's, each in its own normal form. */
export function sameItem(item: string, submitted: string, stored: unknown): boolean {
  if (typeof stored !== 'string') return false
  switch (item) {
    case 'name':
      return samePersonName(submitted, stored)
    case 'former_name':
      return stored.split('；').some((name) => samePersonName(submitted, name))
    case 'gender':
      return (GENDER_WORDS[submitted.trim()] ?? submitted.trim()) === stored
    case 'ethnic_group':
      return (
        (findEthnicGroup(submitted.trim().padStart(2, '0'))?.code ?? '') === stored ||
        findEthnicGroup(stored)?.name === submitted.trim() ||
        findEthnicGroup(stored)?.name === `${submitted.trim()}族`
      )
    case 'birth_date':
    case 'death_date':
    case 'emigration_date':
      return normaliseDate(submitted.trim()) === stored
    default:
      return sameValue(submitted, stored)
  }
}

/**
 * The population registry as a provider: the gate, change feeds and webhooks serve it like any
 * resource. Lookup by resident ID (also as of a past day), verification with normalised names,
 * queries on indexed fields, the change feed by sequence number, and each person's history.
 */
export class PopulationProvider implements Provider {
  constructor(
    private readonly description: ProviderDescription,
    private readonly persons: PersonRepository,
  ) {}

  describe(): ProviderDescription {
    return this.description
  }

  async lookup(key: string, options: { readonly asOf?: string } = {}): Promise<DataRecord | undefined> {
    const person = await this.persons.get(key)
    if (person === undefined) return undefined
    if (options.asOf === undefined) return personRecord(person)
    const until = endOfChinaDay(options.asOf)
    const then = recordAsOf(person, await this.persons.history(key, 10_000), until)
    return then === undefined ? undefined : personRecord(then)
  }

  async verify(key: string, fields: Readonly<Record<string, string>>): Promise<VerifyResult> {
    const person = await this.persons.get(key)
    return verdictsFor(person, fields)
  }

  async query(query: ProviderQuery): Promise<{ items: DataRecord[]; total: number }> {
    const filters: PersonFilter[] = query.filters.map((filter: RecordFilter) => {
      const field = QUERYABLE[filter.key]
      if (field === undefined)
        throw new AppError('HT_VALIDATION', `The population registry cannot filter on ${filter.key} (该信息项不支持筛选)`, [
          { field: filter.key, message: `filterable: ${Object.keys(QUERYABLE).join(', ')}` },
        ])
      return filter.value.endsWith('*') ? { field, value: filter.value.slice(0, -1), prefix: true } : { field, value: filter.value }
    })
    let sort: { field: PersonField; direction: 'asc' | 'desc' } | undefined
    if (query.sort !== undefined) {
      const field = QUERYABLE[query.sort.key]
      if (field === undefined)
        throw new AppError('HT_VALIDATION', `The population registry cannot sort on ${query.sort.key} (该信息项不支持排序)`, [
          { field: query.sort.key, message: 'not sortable' },
        ])
      sort = { field, direction: query.sort.direction }
    }
    const page = await this.persons.query(filters, sort, query.limit, query.offset)
    return { items: page.items.map(personRecord), total: page.total }
  }

  async changes(after: number, limit: number): Promise<{ changes: Change[]; lastSeq: number }> {
    const [persons, lastSeq] = await Promise.all([this.persons.changes(after, limit), this.lastSeq()])
    return {
      changes: persons.map((person) => ({
        seq: person.seq,
        key: person.resident_id,
        op: 'upsert' as const,
        data: personRecord(person),
        at: person.updated_at,
      })),
      lastSeq,
    }
  }

  async lastSeq(): Promise<number> {
    return (await this.persons.head()).lastSeq
  }

  async bySubject(subject: string): Promise<DataRecord[]> {
    const person = await this.persons.get(subject)
    return person === undefined ? [] : [personRecord(person)]
  }

  async history(key: string): Promise<HistoryEvent[]> {
    const [person, entries] = await Promise.all([this.persons.get(key), this.persons.history(key)])
    if (person === undefined) return []
    const events: HistoryEvent[] = entries.map((entry) => ({
      seq: entry.seq,
      event: entry.event,
      effectiveDate: entry.effectiveDate,
      at: entry.at,
      changedBy: entry.changedBy,
      source: entry.source,
      changes: itemChanges(entry.changes, person.status),
    }))
    events.push({ seq: 0, event: 'create', effectiveDate: beijingDate(person.created_at), at: person.created_at, changedBy: '', source: '', changes: [] })
    return events
  }
}

/**
 * Per-field verdicts for one person, and the status flags (deceased, moved out, cancelled).
 * Shared by the verification API and batch comparison, so both judge alike.
 */
export function verdictsFor(person: Person | undefined, fields: Readonly<Record<string, string>>): VerifyResult {
  const record = person === undefined ? undefined : personRecord(person)
  const verdicts: Record<string, FieldVerdict> = {}
  for (const [item, value] of Object.entries(fields)) {
    const stored = record?.[item]
    verdicts[item] = stored === null || stored === undefined ? 'absent' : sameItem(item, value, stored) ? 'match' : 'mismatch'
  }
  if (person === undefined) return { found: false, fields: verdicts }
  return {
    found: true,
    fields: verdicts,
    flags: {
      item: 'status',
      values: {
        deceased: person.status === PERSON_STATUSES.deceased,
        movedOut: person.status === PERSON_STATUSES.movedOut,
        cancelled: person.status === PERSON_STATUSES.cancelled,
      },
    },
  }
}

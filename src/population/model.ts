import { type DataRecord } from '../exchange/gate/provider.js'

/**
 * The core person record (人口基础信息) as the registry keeps it: one row per resident ID, every
 * value text ('' where there is none), codes per the national standards.
 */
export interface Person {
  readonly resident_id: string
  readonly name: string
  /** Former names, separated by '；'. */
  readonly former_name: string
  /** GB/T 2261.1: '1' male, '2' female. */
  readonly gender: string
  /** GB 3304 two-digit code. */
  readonly ethnic_group: string
  /** YYYY-MM-DD */
  readonly birth_date: string
  /** 12-digit statistical division code of the household registration (户籍地). */
  readonly household_division: string
  readonly household_address: string
  readonly residence_address: string
  readonly status: PersonStatus
  /** The day the status took effect (death, moving out, cancellation); '' while normal. */
  readonly status_date: string
}

export type PersonField = keyof Person

/** The registry's fields in storage order. */
export const PERSON_FIELDS: readonly PersonField[] = [
  'resident_id',
  'name',
  'former_name',
  'gender',
  'ethnic_group',
  'birth_date',
  'household_division',
  'household_address',
  'residence_address',
  'status',
  'status_date',
]

/** Status codes of the catalog entry: 10 normal, 20 deceased, 30 moved out, 40 cancelled. */
export const PERSON_STATUSES = { normal: '10', deceased: '20', movedOut: '30', cancelled: '40' } as const
export type PersonStatus = (typeof PERSON_STATUSES)[keyof typeof PERSON_STATUSES]

export const STATUS_LABELS: Readonly<Record<PersonStatus, { zh: string; en: string }>> = {
  '10': { zh: '正常', en: 'Normal' },
  '20': { zh: '死亡', en: 'Deceased' },
  '30': { zh: '迁出', en: 'Moved out' },
  '40': { zh: '注销', en: 'Cancelled' },
}

/** The name of the population registry in registry bindings and the change sequence. */
export const POPULATION_REGISTRY = 'population'

/**
 * The items a person record offers to the gate, keyed as in the catalog entry 人口基础信息.
 * The status date appears as the death date or the emigration date, as the entry names them.
 */
export function personRecord(person: Person): DataRecord {
  return {
    resident_id: person.resident_id,
    name: person.name,
    former_name: orNull(person.former_name),
    gender: person.gender,
    ethnic_group: person.ethnic_group,
    birth_date: person.birth_date,
    household_division: person.household_division,
    household_address: orNull(person.household_address),
    residence_address: orNull(person.residence_address),
    status: person.status,
    death_date: person.status === PERSON_STATUSES.deceased ? person.status_date : null,
    emigration_date: person.status === PERSON_STATUSES.movedOut ? person.status_date : null,
  }
}

/** The catalog item that shows a status's date: the date of death or of moving out; a cancellation's date has none. */
function dateItemOf(status: string): string | undefined {
  if (status === PERSON_STATUSES.deceased) return 'death_date'
  if (status === PERSON_STATUSES.movedOut) return 'emigration_date'
  return undefined
}

/**
 * One entry's field changes as catalog items. The status date shows as the death date or the
 * emigration date of the status it belongs to: before the change, the old status's; after, the
 * new one's (a restoration clears the old date; a cancellation's date has no item).
 */
export function itemChanges(changes: readonly FieldChange[], currentStatus: string): Array<{ item: string; before: string | null; after: string | null }> {
  const status = changes.find((change) => change.field === 'status')
  const statusBefore = status?.before ?? currentStatus
  const statusAfter = status?.after ?? currentStatus
  const items: Array<{ item: string; before: string | null; after: string | null }> = []
  for (const change of changes) {
    if (change.field !== 'status_date') {
      items.push({ item: change.field, before: orNull(change.before), after: orNull(change.after) })
      continue
    }
    const beforeItem = dateItemOf(statusBefore)
    const afterItem = dateItemOf(statusAfter)
    if (beforeItem !== undefined && beforeItem === afterItem) items.push({ item: beforeItem, before: orNull(change.before), after: orNull(change.after) })
    else {
      if (beforeItem !== undefined && change.before !== '') items.push({ item: beforeItem, before: change.before, after: null })
      if (afterItem !== undefined && change.after !== '') items.push({ item: afterItem, before: null, after: change.after })
    }
  }
  return items
}

function orNull(value: string): string | null {
  return value === '' ? null : value
}

/** One change to one field, as the history keeps it. */
export interface FieldChange {
  readonly field: PersonField
  readonly before: string
  readonly after: string
}

export type PersonEvent = 'create' | 'update' | 'death' | 'move-out' | 'cancel' | 'restore'

/** One entry of a person's history: what changed, when it took effect, who changed it and how. */
export interface HistoryEntry {
  readonly seq: number
  readonly residentId: string
  readonly event: PersonEvent
  readonly changes: readonly FieldChange[]
  /** The day the change took effect (e.g. the date of death); the recording day otherwise. */
  readonly effectiveDate: string
  /** Where it came from: an import job, an event batch. */
  readonly source: string
  readonly changedBy: string
  readonly at: string
}

/** The event a set of field changes amounts to: a status change names it, anything else is an update. */
export function eventOf(changes: readonly FieldChange[]): PersonEvent {
  const status = changes.find((change) => change.field === 'status')
  if (status === undefined) return 'update'
  if (status.after === PERSON_STATUSES.deceased) return 'death'
  if (status.after === PERSON_STATUSES.movedOut) return 'move-out'
  if (status.after === PERSON_STATUSES.cancelled) return 'cancel'
  return 'restore'
}

/** The field changes from one version of a person to another. */
export function diffPerson(before: Person, after: Person): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of PERSON_FIELDS) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] })
  }
  return changes
}

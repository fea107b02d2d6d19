import { type DataRecord } from '../exchange/gate/provider.js'

/**
 * The core entity record (法人基础信息) as the registry keeps it: one row per unified social
 * credit code, every value text ('' where there is none), keyed as the catalog entry's items.
 */
export interface Entity {
  readonly credit_code: string
  /** The legacy 15-digit business registration number (工商注册号), where known. */
  readonly registration_number: string
  readonly name: string
  /** Former names, separated by '；'. */
  readonly former_name: string
  readonly entity_type: string
  readonly legal_representative: string
  /** The representative's resident ID: links the entity to the population registry. */
  readonly representative_id: string
  /** 万元, decimal text. */
  readonly registered_capital: string
  /** ISO 4217, CNY by default. */
  readonly currency: string
  readonly established_on: string
  /** The end of the business term; '' for an unlimited term (长期). */
  readonly business_term_to: string
  readonly domicile: string
  /** 6-digit county-level division code of the registered address. */
  readonly division_code: string
  /** GB/T 4754-2017 division (大类), 2 digits. */
  readonly industry_code: string
  readonly business_scope: string
  readonly registration_status: EntityStatus
  /** The day the status took effect (revocation, deregistration, moving out); '' while active. */
  readonly status_date: string
  readonly registration_authority: string
  /** Who keeps the record: market regulation, civil affairs, or the staffing office (编委办). */
  readonly source_department: SourceDepartment
}

export type EntityField = keyof Entity

export const ENTITY_FIELDS: readonly EntityField[] = [
  'credit_code',
  'registration_number',
  'name',
  'former_name',
  'entity_type',
  'legal_representative',
  'representative_id',
  'registered_capital',
  'currency',
  'established_on',
  'business_term_to',
  'domicile',
  'division_code',
  'industry_code',
  'business_scope',
  'registration_status',
  'status_date',
  'registration_authority',
  'source_department',
]

/** Registration status (登记状态): 1 存续, 2 在业, 3 吊销, 4 注销, 5 迁出. */
export const ENTITY_STATUSES = { existing: '1', operating: '2', revoked: '3', deregistered: '4', movedOut: '5' } as const
export type EntityStatus = (typeof ENTITY_STATUSES)[keyof typeof ENTITY_STATUSES]

export const ENTITY_STATUS_LABELS: Readonly<Record<EntityStatus, { zh: string; en: string }>> = {
  '1': { zh: '存续', en: 'Existing' },
  '2': { zh: '在业', en: 'Operating' },
  '3': { zh: '吊销', en: 'Licence revoked' },
  '4': { zh: '注销', en: 'Deregistered' },
  '5': { zh: '迁出', en: 'Moved out' },
}

export const SOURCE_DEPARTMENTS = ['market', 'civil', 'staffing'] as const
export type SourceDepartment = (typeof SOURCE_DEPARTMENTS)[number]

/** The source department a credit code's registering authority (its first character) points to. */
export function sourceOfCreditCode(code: string): SourceDepartment | undefined {
  switch (code.charAt(0)) {
    case '9':
      return 'market'
    case '5':
      return 'civil'
    case '1':
      return 'staffing'
    default:
      return undefined
  }
}

/** The name of the legal-person registry in registry bindings and sequence heads. */
export const LEGAL_PERSON_REGISTRY = 'legal-person'

/** The items an entity offers to the gate: every field, '' as null. */
export function entityRecord(entity: Entity): DataRecord {
  const record: DataRecord = {}
  for (const field of ENTITY_FIELDS) record[field] = entity[field] === '' ? null : entity[field]
  return record
}

/** One change to one field, as the change history (变更记录) keeps it. */
export interface EntityChange {
  readonly field: EntityField
  readonly before: string
  readonly after: string
}

export type EntityEvent = 'update' | 'rename' | 'representative' | 'status'

/** What a set of field changes amounts to, for the change timeline. */
export function eventOf(changes: readonly EntityChange[]): EntityEvent {
  if (changes.some((change) => change.field === 'registration_status')) return 'status'
  if (changes.some((change) => change.field === 'name')) return 'rename'
  if (changes.some((change) => change.field === 'legal_representative' || change.field === 'representative_id')) return 'representative'
  return 'update'
}

export function diffEntity(before: Entity, after: Entity): EntityChange[] {
  const changes: EntityChange[] = []
  for (const field of ENTITY_FIELDS) if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] })
  return changes
}

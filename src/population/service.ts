import type { AttachmentFinder } from '../registry/attachments.js'
import type { AccessGate } from '../exchange/gate/gate.js'
import type { BoundRegistry } from '../registry/bound-registry.js'
import type { VerifyResult } from '../exchange/gate/provider.js'
import { type DataRecord } from '../exchange/gate/provider.js'
import type { Principal } from '../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { beijingDate } from '../calendar/working-days.js'
import { AppError, type FieldProblem } from '../platform/errors.js'
import { findDivision } from '../standards/division-code.js'
import { parseResidentId, type ResidentIdError } from '../standards/resident-id.js'
import { PERSON_STATUSES, POPULATION_REGISTRY, type Person, type PersonStatus } from './model.js'
import { normaliseDate } from '../standards/written-date.js'
import type { ApplyResult, PersonRepository } from './repository.js'
import type { Publisher } from '../platform/events.js'
import type { RegistryEvents } from '../registry/events.js'

/** How long the statistics and the list of attachment resources are reused. */
const CACHE_MS = 60_000

/** Fields the verification API compares, by their API name, and the catalog item each is. */
export const VERIFY_FIELDS = {
  name: 'name',
  formerName: 'former_name',
  gender: 'gender',
  birthDate: 'birth_date',
  ethnicGroup: 'ethnic_group',
  householdDivision: 'household_division',
  householdAddress: 'household_address',
  residenceAddress: 'residence_address',
} as const
export type VerifyField = keyof typeof VERIFY_FIELDS

export type VerifyInput = { readonly residentId: string } & Partial<Record<VerifyField, string>>

export interface VerifyOutcome {
  /** The ID as submitted. */
  readonly residentId: string
  /** `valid`, or why the ID is not a valid GB 11643 number. */
  readonly validity: 'valid' | ResidentIdError
  readonly message?: string
  /** The normalised 18-character ID, when it differs from the submitted text (15-digit conversion, full-width digits, a lower-case x). */
  readonly normalisedId?: string
  readonly found: boolean
  readonly fields: Partial<Record<VerifyField, 'match' | 'mismatch' | 'absent'>>
  /** Present only when the caller may see the status item. */
  readonly flags?: { readonly deceased: boolean; readonly movedOut: boolean; readonly cancelled: boolean }
}

export interface PersonEventInput {
  readonly residentId: string
  readonly type: 'death' | 'move-out' | 'cancel' | 'restore'
  /** The day it took effect, YYYY-MM-DD. */
  readonly date: string
}

const EVENT_STATUS: Readonly<Record<PersonEventInput['type'], PersonStatus>> = {
  death: PERSON_STATUSES.deceased,
  'move-out': PERSON_STATUSES.movedOut,
  cancel: PERSON_STATUSES.cancelled,
  restore: PERSON_STATUSES.normal,
}

/**
 * The population registry's rules: who keeps it (the provider department's stewards), how it is
 * read (always through the gate, against the catalog entry it is bound to), verification of
 * submitted records, profiles (core plus granted attachments), events and statistics.
 */
export class PopulationService {
  #statistics: { value: unknown; until: number } | undefined

  constructor(
    private readonly persons: PersonRepository,
    private readonly registry: BoundRegistry,
    private readonly gate: AccessGate,
    private readonly attachments: AttachmentFinder,
    private readonly audit: AuditLog,
    private readonly events: Publisher<RegistryEvents>,
  ) {}

  /** The catalog code of the entry the registry serves. */
  coreCode(): Promise<string> {
    return this.registry.coreCode()
  }

  bind(principal: Principal, code: string, meta: RequestMeta) {
    return this.registry.bind(principal, code, meta)
  }

  /** The entry's code, if the caller is one of its provider department's stewards. */
  ownCore(principal: Principal): Promise<string> {
    return this.registry.ownCore(principal)
  }

  /** A resident ID in its normal form, or a validation error saying why it is not one. */
  normalise(residentId: string, field = 'residentId'): string {
    const parsed = parseResidentId(residentId)
    if (!parsed.valid) throw new AppError('HT_VALIDATION', `Invalid resident ID: ${parsed.message}`, [{ field, message: parsed.message }])
    return parsed.id
  }

  async lookup(principal: Principal, residentId: string, meta: RequestMeta, options: { asOf?: string; purpose?: string } = {}): Promise<DataRecord> {
    const id = this.normalise(residentId)
    if (options.asOf !== undefined && normaliseDate(options.asOf) !== options.asOf)
      throw new AppError('HT_VALIDATION', 'asOf is a date, YYYY-MM-DD', [{ field: 'asOf', message: 'YYYY-MM-DD' }])
    return this.gate.lookup(principal, await this.coreCode(), id, meta, options.purpose, options.asOf === undefined ? {} : { asOf: options.asOf })
  }

  /** Search by name (and date of birth): a query through the gate on the indexed name. */
  async search(principal: Principal, input: { name: string; birthDate?: string; limit: number; offset: number }, meta: RequestMeta) {
    const filters = [{ key: 'name', value: input.name.trim() }]
    if (input.birthDate !== undefined) {
      const date = normaliseDate(input.birthDate)
      if (date === undefined) throw new AppError('HT_VALIDATION', 'birthDate is a date, YYYY-MM-DD', [{ field: 'birthDate', message: 'YYYY-MM-DD' }])
      filters.push({ key: 'birth_date', value: date })
    }
    return this.gate.query(principal, await this.coreCode(), { filters, limit: input.limit, offset: input.offset }, meta)
  }

  /**
   * Verifies submitted records: for each, whether the ID is valid (and its normal form), whether
   * the registry knows it, and per submitted field match / mismatch / absent. One gate decision
   * and one audit row for the whole request; invalid IDs are answered without a read.
   */
  async verify(principal: Principal, records: readonly VerifyInput[], meta: RequestMeta): Promise<VerifyOutcome[]> {
    const code = await this.coreCode()
    const parsed = records.map((record) => ({ record, id: parseResidentId(record.residentId) }))
    const valid = parsed.flatMap(({ record, id }) => (id.valid ? [{ key: id.id, fields: itemFields(record) }] : []))
    // Through the gate even when every ID is invalid: a caller without a grant is refused either way.
    const results = await this.gate.verifyMany(principal, code, valid, meta, { invalid: parsed.length - valid.length })
    let next = 0
    return parsed.map(({ record, id }): VerifyOutcome => {
      if (!id.valid) return { residentId: record.residentId, validity: id.reason, message: id.message, found: false, fields: {} }
      const result = results[next++] as VerifyResult
      return {
        residentId: record.residentId,
        validity: 'valid',
        ...(id.id === record.residentId ? {} : { normalisedId: id.id }),
        found: result.found,
        fields: apiFields(result.fields),
        ...(result.flags === undefined ? {} : { flags: result.flags.values as VerifyOutcome['flags'] & object }),
      }
    })
  }

  /**
   * The person profile (一人一档): the core record and every attachment the caller may read,
   * each read through the gate and audited; attachments the caller has no grant for are listed
   * by name only, so the caller knows what to request.
   */
  async profile(principal: Principal, residentId: string, meta: RequestMeta) {
    const id = this.normalise(residentId)
    const code = await this.coreCode()
    const person = await this.gate.lookup(principal, code, id, meta, 'profile (一人一档)')
    return { residentId: id, person, attachments: await this.attachments.find(principal, 'residentId', id, code, meta) }
  }

  async history(principal: Principal, residentId: string, meta: RequestMeta) {
    return this.gate.history(principal, await this.coreCode(), this.normalise(residentId), meta)
  }

  /**
   * Applies deaths, moves out of the city, cancellations and restorations as events: each a
   * status change with its effective date, recorded in the person's history. All or nothing.
   */
  async applyEvents(principal: Principal, events: readonly PersonEventInput[], meta: RequestMeta): Promise<ApplyResult> {
    const code = await this.ownCore(principal)
    const today = beijingDate()
    const problems: FieldProblem[] = []
    const ids = events.map((event, index) => {
      const parsed = parseResidentId(event.residentId)
      if (!parsed.valid) problems.push({ row: index + 1, field: 'residentId', message: parsed.message })
      if (normaliseDate(event.date) !== event.date) problems.push({ row: index + 1, field: 'date', message: 'is a date, YYYY-MM-DD (日期格式应为YYYY-MM-DD)' })
      else if (event.date > today) problems.push({ row: index + 1, field: 'date', message: 'is in the future (日期晚于当前日期)' })
      return parsed.valid ? parsed.id : ''
    })
    const existing = await this.persons.getMany(ids.filter((id) => id !== ''))
    ids.forEach((id, index) => {
      if (id !== '' && !existing.has(id)) problems.push({ row: index + 1, field: 'residentId', message: 'is not in the registry (人口库中无此人)' })
      const person = existing.get(id)
      const date = events[index]?.date ?? ''
      if (person !== undefined && date < person.birth_date)
        problems.push({ row: index + 1, field: 'date', message: 'is before the date of birth (日期早于出生日期)' })
    })
    if (new Set(ids).size !== ids.length) problems.push({ field: 'residentId', message: 'one person appears twice in the batch (同一批次中人员重复)' })
    if (problems.length > 0) throw new AppError('HT_VALIDATION', `${problems.length} problem(s); nothing was applied (未应用任何事件)`, problems)
    const writes = events.map((event, index) => {
      const person = existing.get(ids[index] ?? '') as Person
      const status = EVENT_STATUS[event.type]
      return { person: { ...person, status, status_date: status === PERSON_STATUSES.normal ? '' : event.date }, effectiveDate: event.date }
    })
    const result = await this.persons.applyBatch(writes, 'events', principal.name)
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'population.events',
      target: code,
      outcome: 'success',
      detail: { events: events.length, ...result },
    })
    this.forgetStatistics()
    return result
  }

  /** Population statistics (normal status): by district, gender, age group, ethnic group, status. Aggregates only. */
  async statistics() {
    if (this.#statistics !== undefined && this.#statistics.until > Date.now()) return this.#statistics.value as ReturnType<typeof summarise>
    const value = summarise(await this.persons.counts(), (await this.persons.head()).recordCount, beijingDate())
    this.#statistics = { value, until: Date.now() + CACHE_MS }
    return value
  }

  /** After persons changed: statistics are counted again, change deliveries start. */
  forgetStatistics(): void {
    this.#statistics = undefined
    this.events.emit('registry.changed', { registry: POPULATION_REGISTRY })
  }
}

function itemFields(record: VerifyInput): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [field, item] of Object.entries(VERIFY_FIELDS)) {
    const value = record[field as VerifyField]
    if (value !== undefined) fields[item] = value
  }
  return fields
}

function apiFields(verdicts: Readonly<Record<string, 'match' | 'mismatch' | 'absent'>>): VerifyOutcome['fields'] {
  const fields: Partial<Record<VerifyField, 'match' | 'mismatch' | 'absent'>> = {}
  for (const [field, item] of Object.entries(VERIFY_FIELDS)) {
    const verdict = verdicts[item]
    if (verdict !== undefined) fields[field as VerifyField] = verdict
  }
  return fields
}

/** Five-year age groups, 0–4 … 95–99 and 100+. */
const AGE_GROUPS = 21

function summarise(counts: Awaited<ReturnType<PersonRepository['counts']>>, total: number, today: string) {
  const year = Number(today.slice(0, 4))
  const pyramid = Array.from({ length: AGE_GROUPS }, (_, index) => ({
    group: index === AGE_GROUPS - 1 ? '100+' : `${index * 5}-${index * 5 + 4}`,
    male: 0,
    female: 0,
  }))
  for (const row of counts.byBirthYear) {
    const group = pyramid[Math.min(AGE_GROUPS - 1, Math.max(0, Math.floor((year - row.year) / 5)))]
    if (group === undefined) continue
    if (row.gender === '1') group.male += row.count
    else if (row.gender === '2') group.female += row.count
  }
  return {
    total,
    living: counts.byStatus.find((row) => row.status === PERSON_STATUSES.normal)?.count ?? 0,
    byDistrict: counts.byDistrict
      .map((row) => ({ division: row.division, name: findDivision(row.division)?.name ?? row.division, count: row.count }))
      .sort((a, b) => a.division.localeCompare(b.division)),
    byGender: counts.byGender,
    byStatus: counts.byStatus,
    byEthnicGroup: [...counts.byEthnicGroup].sort((a, b) => b.count - a.count),
    pyramid,
  }
}

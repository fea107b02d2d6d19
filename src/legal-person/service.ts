import type { AttachmentFinder } from '../registry/attachments.js'
import type { BoundRegistry } from '../registry/bound-registry.js'
import type { AccessGate } from '../exchange/gate/gate.js'
import { type DataRecord } from '../exchange/gate/provider.js'
import type { Principal } from '../platform/auth/principal.js'
import type { RequestMeta } from '../audit/actor.js'
import { AppError } from '../platform/errors.js'
import { normaliseDate } from '../standards/written-date.js'
import { parseCreditCode, type CreditCodeError } from '../standards/credit-code.js'
import { findDivision } from '../standards/division-code.js'
import { findIndustry } from '../standards/industry.js'
import { parseRegistrationNumber } from '../standards/registration-number.js'
import { ENTITY_STATUS_LABELS, LEGAL_PERSON_REGISTRY, type EntityStatus } from './model.js'
import type { EntityRepository } from './repository.js'
import type { Publisher } from '../platform/events.js'
import type { RegistryEvents } from '../registry/events.js'

const CACHE_MS = 60_000

/** Fields the verification API compares, by their API name, and the catalog item each is. */
export const ENTITY_VERIFY_FIELDS = {
  name: 'name',
  legalRepresentative: 'legal_representative',
  representativeId: 'representative_id',
  establishedOn: 'established_on',
  domicile: 'domicile',
} as const
export type EntityVerifyField = keyof typeof ENTITY_VERIFY_FIELDS

export type EntityVerifyInput = { readonly creditCode: string } & Partial<Record<EntityVerifyField, string>>

export interface EntityVerifyOutcome {
  readonly creditCode: string
  readonly validity: 'valid' | CreditCodeError
  readonly message?: string
  readonly normalisedCode?: string
  readonly found: boolean
  readonly fields: Partial<Record<EntityVerifyField, 'match' | 'mismatch' | 'absent'>>
  readonly flags?: Readonly<Record<string, boolean>>
}

/**
 * The legal-person registry's rules: reads through the gate against the bound catalog entry,
 * old identifiers resolved to credit codes, name search, verification, entity profiles (core plus
 * granted attachments), the change history and statistics.
 */
export class LegalPersonService {
  #statistics: { value: unknown; until: number } | undefined

  constructor(
    private readonly entities: EntityRepository,
    readonly registry: BoundRegistry,
    private readonly gate: AccessGate,
    private readonly attachments: AttachmentFinder,
    private readonly events: Publisher<RegistryEvents>,
  ) {}

  /**
   * A credit code in its normal form; a legacy 15-digit registration number or 9-character
   * organisation code is resolved to the credit code it maps to, where the registry knows it.
   */
  async normalise(input: string, field = 'creditCode'): Promise<string> {
    const text = input.trim().toUpperCase().replace(/-/g, '')
    if (/^\d{15}$/.test(text)) {
      const number = parseRegistrationNumber(text)
      if (!number.valid) throw new AppError('HT_VALIDATION', `Invalid registration number: ${number.message}`, [{ field, message: number.message }])
      const code = await this.entities.resolveLegacy(text)
      if (code === undefined) throw new AppError('HT_NOT_FOUND', 'No entity with this registration number (未找到该注册号对应的主体)')
      return code
    }
    if (/^[0-9A-Z]{9}$/.test(text)) {
      const code = await this.entities.resolveLegacy(text)
      if (code === undefined) throw new AppError('HT_NOT_FOUND', 'No entity with this organisation code (未找到该组织机构代码对应的主体)')
      return code
    }
    const parsed = parseCreditCode(input)
    if (!parsed.valid) throw new AppError('HT_VALIDATION', `Invalid credit code: ${parsed.message}`, [{ field, message: parsed.message }])
    return parsed.code
  }

  async lookup(principal: Principal, code: string, meta: RequestMeta, options: { asOf?: string; purpose?: string } = {}): Promise<DataRecord> {
    const creditCode = await this.normalise(code)
    if (options.asOf !== undefined && normaliseDate(options.asOf) !== options.asOf)
      throw new AppError('HT_VALIDATION', 'asOf is a date, YYYY-MM-DD', [{ field: 'asOf', message: 'YYYY-MM-DD' }])
    return this.gate.lookup(
      principal,
      await this.registry.coreCode(),
      creditCode,
      meta,
      options.purpose,
      options.asOf === undefined ? {} : { asOf: options.asOf },
    )
  }

  /** Name search (substring, words in any order, pinyin, credit-code prefix), ranked, through the gate. */
  async search(principal: Principal, input: { q: string; limit: number; offset: number }, meta: RequestMeta) {
    if (input.q.trim() === '') throw new AppError('HT_VALIDATION', 'q is what to search for (请输入检索词)', [{ field: 'q', message: 'empty' }])
    return this.gate.query(
      principal,
      await this.registry.coreCode(),
      { filters: [{ key: 'name', value: input.q.trim() }], limit: input.limit, offset: input.offset },
      meta,
    )
  }

  /**
   * Verifies submitted entities: whether each code is valid (or why not), whether the registry
   * knows it, and per submitted field match / mismatch / absent. One decision, one audit row.
   */
  async verify(principal: Principal, records: readonly EntityVerifyInput[], meta: RequestMeta): Promise<EntityVerifyOutcome[]> {
    const code = await this.registry.coreCode()
    const parsed = records.map((record) => ({ record, code: parseCreditCode(record.creditCode) }))
    const valid = parsed.flatMap(({ record, code: parsedCode }) => (parsedCode.valid ? [{ key: parsedCode.code, fields: itemFields(record) }] : []))
    const results = await this.gate.verifyMany(principal, code, valid, meta, { invalid: parsed.length - valid.length })
    let next = 0
    return parsed.map(({ record, code: parsedCode }): EntityVerifyOutcome => {
      if (!parsedCode.valid) return { creditCode: record.creditCode, validity: parsedCode.reason, message: parsedCode.message, found: false, fields: {} }
      const result = results[next++]
      if (result === undefined) throw new Error('verifyMany answered fewer results than asked')
      const fields: EntityVerifyOutcome['fields'] = {}
      for (const [field, item] of Object.entries(ENTITY_VERIFY_FIELDS)) {
        const verdict = result.fields[item]
        if (verdict !== undefined) fields[field as EntityVerifyField] = verdict
      }
      return {
        creditCode: record.creditCode,
        validity: 'valid',
        ...(parsedCode.code === record.creditCode ? {} : { normalisedCode: parsedCode.code }),
        found: result.found,
        fields,
        ...(result.flags === undefined ? {} : { flags: result.flags.values }),
      }
    })
  }

  /** The entity profile (一企一档): the core and every attachment the caller may read. */
  async profile(principal: Principal, code: string, meta: RequestMeta) {
    const creditCode = await this.normalise(code)
    const core = await this.registry.coreCode()
    const entity = await this.gate.lookup(principal, core, creditCode, meta, 'profile (一企一档)')
    return { creditCode, entity, attachments: await this.attachments.find(principal, 'creditCode', creditCode, core, meta) }
  }

  async history(principal: Principal, code: string, meta: RequestMeta) {
    return this.gate.history(principal, await this.registry.coreCode(), await this.normalise(code), meta)
  }

  /** Statistics: by industry section, status, district, year of establishment, source. Aggregates only. */
  async statistics() {
    if (this.#statistics !== undefined && this.#statistics.until > Date.now()) return this.#statistics.value as Awaited<ReturnType<LegalPersonService['count']>>
    const value = await this.count()
    this.#statistics = { value, until: Date.now() + CACHE_MS }
    return value
  }

  async count() {
    const [counts, head] = await Promise.all([this.entities.counts(), this.entities.head()])
    const sections = new Map<string, { section: string; name: string; count: number }>()
    for (const row of counts.byIndustry) {
      const industry = row.code === '' ? undefined : findIndustry(row.code)
      const key = industry?.section.code ?? '-'
      const current = sections.get(key) ?? { section: key, name: industry?.section.name ?? '未分类', count: 0 }
      current.count += row.count
      sections.set(key, current)
    }
    return {
      total: head.recordCount,
      byIndustry: [...sections.values()].sort((a, b) => b.count - a.count),
      byStatus: counts.byStatus.map((row) => ({ ...row, name: ENTITY_STATUS_LABELS[row.status as EntityStatus]?.zh ?? row.status })),
      byDistrict: counts.byDistrict
        .map((row) => ({ ...row, name: findDivision(row.division)?.name ?? row.division }))
        .sort((a, b) => a.division.localeCompare(b.division)),
      byYear: counts.byYear,
      bySource: counts.bySource,
    }
  }

  /** After entities changed: statistics are counted again, change deliveries start. */
  changed(): void {
    this.#statistics = undefined
    this.events.emit('registry.changed', { registry: LEGAL_PERSON_REGISTRY })
  }
}

function itemFields(record: EntityVerifyInput): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [field, item] of Object.entries(ENTITY_VERIFY_FIELDS)) {
    const value = record[field as EntityVerifyField]
    if (value !== undefined) fields[item] = value
  }
  return fields
}

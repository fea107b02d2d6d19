import type { CatalogItem, IdentifierKind } from '../../catalog/model.js'
import type { CatalogReader } from '../../catalog/reader.js'
import type { Principal } from '../../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { beijingDate } from '../../calendar/working-days.js'
import { AppError } from '../../platform/errors.js'
import { type Change, type RecordFilter } from './provider.js'
import { maskerFor, maskValue, type Masker } from './masking.js'
import type { Grant, Operation } from './model.js'
import type { ProviderDirectory } from './provider-directory.js'
import type { HistoryEvent, Provider, ProviderDescription, VerifyResult } from './provider.js'
import { type DataRecord } from './provider.js'
import type { UsageCounter } from './usage.js'

/** Where the gate reads the grants a consumer department holds on a resource (the sharing room). */
export interface GrantSource {
  effectiveGrants(resourceId: string, consumerDepartmentId: string, today: string): Promise<Grant[]>
}

/** How long a node keeps a resource's description and a consumer's grants before reading them again. */
const CACHE_MS = 5_000

/** An item the caller may see, and how. */
interface VisibleItem {
  readonly item: CatalogItem
  readonly masker: Masker | undefined
}

/** Whether visible items include an identifier of `kind` in clear. */
function linksSubjects(items: ReadonlyMap<string, VisibleItem>, kind: IdentifierKind): boolean {
  for (const { item, masker } of items.values()) if (item.identifierKind === kind && masker === undefined) return true
  return false
}

/** What the gate decided for one read. */
export interface Decision {
  readonly provider: Provider
  readonly description: ProviderDescription
  /** The caller's department is the provider: everything, in clear. */
  readonly own: boolean
  readonly grant: Grant | undefined
  readonly items: ReadonlyMap<string, VisibleItem>
  /** The visible items' keys, and those of them masked, for the audit row. */
  readonly itemKeys: readonly string[]
  readonly maskedKeys: readonly string[]
}

/** What a consumer may see of a resource under one operation: worked out once per cache period. */
type View = Pick<Decision, 'grant' | 'items' | 'itemKeys' | 'maskedKeys'>

interface Cached<T> {
  readonly value: T
  readonly until: number
}

/**
 * The access gate: the one function every cross-department read passes through. It decides from
 * the grants (resource, items, operation, validity, revocation, rate limit), projects and masks
 * the items, and writes the audit row — allowed or refused — before any data leaves.
 *
 * Providers return whole records; nothing but the gate hands them to a caller.
 */
export class AccessGate {
  readonly #descriptions = new Map<string, Cached<ProviderDescription | undefined>>()
  readonly #grants = new Map<string, Cached<Grant[]>>()
  readonly #views = new Map<string, Cached<View | undefined>>()
  /**
   * Reads allowed, by resource, department and operation: decided once, then reused until the
   * first of the cached facts they rest on expires (or a grant changes here). The checks of each
   * read (the items it names, the rate) still run every time.
   */
  readonly #decisions = new Map<string, Cached<Decision> & { readonly bindings: number }>()
  readonly #rates = new Map<string, { minute: number; count: number }>()

  constructor(
    private readonly catalog: CatalogReader,
    private readonly grants: GrantSource,
    private readonly providers: ProviderDirectory,
    private readonly audit: AuditLog,
    private readonly usage: UsageCounter,
  ) {}

  /** Forgets cached grants (on revocation here) so the next read sees the change at once. */
  forgetGrants(): void {
    this.#grants.clear()
    this.#views.clear()
    this.#decisions.clear()
  }

  /** The published resource a code names, as its provider describes it; undefined when there is none. */
  async describe(code: string): Promise<ProviderDescription | undefined> {
    return (await this.#description(code)).value
  }

  /** The description with the time it holds until. */
  async #description(code: string): Promise<Cached<ProviderDescription | undefined>> {
    const cached = this.#descriptions.get(code)
    if (cached !== undefined && cached.until > Date.now()) return cached
    const resource = await this.catalog.findResource(code)
    let description: ProviderDescription | undefined
    if (resource !== undefined && resource.status === 'published' && resource.publishedVersion !== null) {
      const version = await this.catalog.getVersion(resource.id, resource.publishedVersion)
      if (version !== undefined) {
        description = {
          resourceId: resource.id,
          code: resource.code,
          name: version.content.name,
          providerDepartmentId: resource.department.id,
          shareType: version.content.shareType,
          items: version.content.items,
          keyItems: version.content.items.filter((item) => item.primaryKey).map((item) => item.key),
        }
      }
    }
    const entry = { value: description, until: Date.now() + CACHE_MS }
    this.#descriptions.set(code, entry)
    return entry
  }

  async #effectiveGrants(resourceId: string, consumerId: string): Promise<Grant[]> {
    const key = `${resourceId}|${consumerId}`
    const cached = this.#grants.get(key)
    if (cached !== undefined && cached.until > Date.now()) return cached.value
    const grants = await this.grants.effectiveGrants(resourceId, consumerId, beijingDate())
    this.#grants.set(key, { value: grants, until: Date.now() + CACHE_MS })
    return grants
  }

  /**
   * Decides whether `principal` may perform `operation` on `code` touching `fields`, or refuses
   * (after auditing the refusal). Own department: everything. Otherwise an effective grant that
   * covers the operation and every field named.
   */
  async decide(
    principal: Principal,
    code: string,
    operation: Operation,
    fields: readonly string[],
    meta: RequestMeta,
    summary: Record<string, unknown>,
  ): Promise<Decision> {
    const refuse = async (error: AppError, reason: string): Promise<never> => {
      await this.audit.append({ ...auditActor(principal, meta), action: `data.${operation}`, target: code, outcome: 'denied', detail: { ...summary, reason } })
      throw error
    }
    const key = `${code}|${principal.department.id}|${operation}`
    const cached = this.#decisions.get(key)
    const decision =
      cached !== undefined && cached.until > Date.now() && cached.bindings === this.providers.bindingsGeneration
        ? cached.value
        : await this.#decideAfresh(principal, code, operation, key, refuse)
    if (decision.own) return decision
    const outside = fields.filter((field) => !decision.items.has(field))
    if (outside.length > 0) {
      return refuse(
        new AppError(
          'HT_NOT_GRANTED',
          `Outside your grant: ${outside.join(', ')} (超出授权范围的信息项)`,
          outside.map((field) => ({ field, message: 'not granted' })),
        ),
        `items outside the grant: ${outside.join(', ')}`,
      )
    }
    const { grant } = decision
    if (grant !== undefined && grant.rateLimit > 0) {
      const minute = Math.floor(Date.now() / 60_000)
      const rate = this.#rates.get(grant.id)
      const count = rate?.minute === minute ? rate.count + 1 : 1
      this.#rates.set(grant.id, { minute, count })
      if (count > grant.rateLimit) return refuse(new AppError('HT_RATE_LIMITED', `More than ${grant.rateLimit} reads a minute under this grant`), 'rate limit')
    }
    return decision
  }

  /** Own department: everything. Otherwise an effective grant covering the operation. Kept in {@link AccessGate.#decisions}. */
  async #decideAfresh(
    principal: Principal,
    code: string,
    operation: Operation,
    key: string,
    refuse: (error: AppError, reason: string) => Promise<never>,
  ): Promise<Decision> {
    // What the decision rests on, each with the time it holds until: the decision holds until the first.
    const bindings = this.providers.bindingsGeneration
    const bindingsUntil = this.providers.bindingsUntil
    const { value: description, until: describedUntil } = await this.#description(code)
    if (description === undefined) return refuse(new AppError('HT_NOT_FOUND', `No published resource ${code}`), 'no such resource')
    const provider = await this.providers.providerFor(description)
    let until = Math.min(describedUntil, bindingsUntil)
    let decision: Decision
    if (description.providerDepartmentId === principal.department.id) {
      const items = new Map(description.items.map((item) => [item.key, { item, masker: undefined }]))
      decision = { provider, description, own: true, grant: undefined, items, itemKeys: [...items.keys()], maskedKeys: [] }
    } else {
      if (description.shareType === 'none') return refuse(new AppError('HT_NOT_GRANTED', `${description.name} is not shared (不予共享)`), 'resource not shared')
      const { value: view, until: viewedUntil } = await this.#viewEntry(description, principal.department.id, operation)
      if (view === undefined) {
        return refuse(
          new AppError('HT_NOT_GRANTED', `Your department has no grant to ${operation} ${description.name}; request access first (未获授权)`),
          'no grant for this operation',
        )
      }
      until = Math.min(until, viewedUntil)
      decision = { provider, description, own: false, ...view }
    }
    this.#decisions.set(key, { value: decision, until, bindings })
    return decision
  }

  /**
   * Whether the caller could perform `operation` on `code` now: own department, or an effective
   * grant (with `subjectKind`, one that shows an identifier item of that kind in clear, as finding
   * records by subject needs). It reads no data, so it writes no audit row; a profile uses it to
   * list what it may show.
   */
  async mayRead(principal: Principal, code: string, operation: Operation, subjectKind?: IdentifierKind): Promise<boolean> {
    const description = await this.describe(code)
    if (description === undefined) return false
    if (description.providerDepartmentId === principal.department.id) return true
    if (description.shareType === 'none') return false
    const view = await this.#view(description, principal.department.id, operation)
    return view !== undefined && (subjectKind === undefined || linksSubjects(view.items, subjectKind))
  }

  /** The grants covering `operation`, merged: an item is visible in clear if any grant gives it in clear. */
  async #view(description: ProviderDescription, consumerId: string, operation: Operation): Promise<View | undefined> {
    return (await this.#viewEntry(description, consumerId, operation)).value
  }

  /** The view with the time it holds until. */
  async #viewEntry(description: ProviderDescription, consumerId: string, operation: Operation): Promise<Cached<View | undefined>> {
    const key = `${description.resourceId}|${consumerId}|${operation}`
    const cached = this.#views.get(key)
    if (cached !== undefined && cached.until > Date.now()) return cached
    const grants = (await this.#effectiveGrants(description.resourceId, consumerId)).filter((grant) => grant.operations.includes(operation))
    let view: View | undefined
    if (grants.length > 0) {
      const items = new Map<string, VisibleItem>()
      for (const grant of grants) {
        for (const granted of grant.items) {
          const item = description.items.find((candidate) => candidate.key === granted.key)
          if (item === undefined) continue
          const current = items.get(item.key)
          if (current === undefined || (current.masker !== undefined && !granted.masked))
            items.set(item.key, { item, masker: granted.masked ? maskerFor(item) : undefined })
        }
      }
      view = {
        grant: grants[0],
        items,
        itemKeys: [...items.keys()],
        maskedKeys: [...items].filter(([, visible]) => visible.masker !== undefined).map(([itemKey]) => itemKey),
      }
    }
    const entry = { value: view, until: Date.now() + CACHE_MS }
    this.#views.set(key, entry)
    return entry
  }

  /** The granted items of a record, masked where granted masked. */
  project(decision: Decision, record: DataRecord): DataRecord {
    const result: DataRecord = {}
    for (const [key, { masker }] of decision.items) {
      const value = record[key] ?? null
      result[key] = masker === undefined ? value : (maskValue(masker, value) as string | null)
    }
    return result
  }

  /** A record key as the caller may see it: masked unless every key item is visible in clear. */
  presentKey(decision: Decision, key: string): string {
    const clear = decision.description.keyItems.every((item) => decision.items.get(item)?.masker === undefined && decision.items.has(item))
    return clear ? key : '*'.repeat(Math.min(key.length, 12))
  }

  async #audited<T>(
    principal: Principal,
    code: string,
    operation: Operation,
    meta: RequestMeta,
    summary: Record<string, unknown>,
    decision: Decision,
    rows: number,
    result: T,
  ): Promise<T> {
    await this.audit.append({
      ...auditActor(principal, meta),
      action: `data.${operation}`,
      target: code,
      outcome: 'success',
      detail: {
        ...summary,
        own: decision.own,
        grantId: decision.grant?.id ?? null,
        purpose: decision.grant?.purpose ?? null,
        items: decision.itemKeys,
        masked: decision.maskedKeys,
        rows,
      },
    })
    if (!decision.own) this.usage.count(decision.description.resourceId, principal.department.id, operation, rows)
    return result
  }

  /** One record by key, through the gate; with `asOf`, as the provider held it at the end of that day. */
  async lookup(
    principal: Principal,
    code: string,
    key: string,
    meta: RequestMeta,
    statedPurpose?: string,
    options: { asOf?: string } = {},
  ): Promise<DataRecord> {
    const summary = { key, statedPurpose: statedPurpose ?? null, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) }
    const decision = await this.decide(principal, code, 'lookup', [], meta, summary)
    const stored = decision.provider.storedKey?.(key) ?? key
    // The audit row names the record as stored, and the caller's spelling beside it where it differs.
    const read = stored === key ? summary : { ...summary, key: stored, keyAsWritten: key }
    const record = await decision.provider.lookup(stored, options)
    if (record === undefined) {
      await this.#audited(principal, code, 'lookup', meta, { ...read, found: false }, decision, 0, undefined)
      throw new AppError('HT_NOT_FOUND', `No record ${key} in ${decision.description.name}`)
    }
    return this.#audited(principal, code, 'lookup', meta, read, decision, 1, this.project(decision, record))
  }

  /** Compares submitted values with the record without revealing it: per field match / mismatch / absent. */
  async verify(principal: Principal, code: string, key: string, fields: Readonly<Record<string, string>>, meta: RequestMeta): Promise<VerifyResult> {
    const [result] = await this.verifyMany(principal, code, [{ key, fields }], meta)
    if (result === undefined) throw new Error('verifyMany answered nothing')
    return result
  }

  /**
   * Verifies several records in one decision and one audit row (keys listed). Flags a provider
   * derives from an item (deceased, moved out) reach only a caller who sees that item in clear.
   */
  async verifyMany(
    principal: Principal,
    code: string,
    entries: ReadonlyArray<{ key: string; fields: Readonly<Record<string, string>> }>,
    meta: RequestMeta,
    extra: Record<string, unknown> = {},
  ): Promise<VerifyResult[]> {
    const fields = [...new Set(entries.flatMap((entry) => Object.keys(entry.fields)))]
    const summary = entries.length === 1 ? { key: entries[0]?.key, fields, ...extra } : { keys: entries.map((entry) => entry.key), fields, ...extra }
    const decision = await this.decide(principal, code, 'verify', fields, meta, summary)
    const stored = entries.map((entry) => decision.provider.storedKey?.(entry.key) ?? entry.key)
    const read = stored.every((key, index) => key === entries[index]?.key)
      ? summary
      : entries.length === 1
        ? { ...summary, key: stored[0], keyAsWritten: entries[0]?.key }
        : { ...summary, keys: stored, keysAsWritten: entries.map((entry) => entry.key) }
    const results: VerifyResult[] = []
    for (const [index, entry] of entries.entries()) {
      const result = await decision.provider.verify(stored[index] ?? entry.key, entry.fields)
      results.push(this.#visibleFlags(decision, result))
    }
    return this.#audited(principal, code, 'verify', meta, read, decision, results.filter((result) => result.found).length, results)
  }

  #visibleFlags(decision: Decision, result: VerifyResult): VerifyResult {
    if (result.flags === undefined) return result
    const visible = decision.items.get(result.flags.item)
    if (visible !== undefined && visible.masker === undefined) return result
    return { found: result.found, fields: result.fields }
  }

  /**
   * For bulk work a job does after one decision (a batch comparison): records the read with its
   * row count. The job calls it before its results become available.
   */
  async recordBulk(
    principal: Principal,
    code: string,
    operation: Operation,
    decision: Decision,
    summary: Record<string, unknown>,
    rows: number,
    meta: RequestMeta,
  ): Promise<void> {
    await this.#audited(principal, code, operation, meta, summary, decision, rows, undefined)
  }

  /**
   * A profile's attachment: the records of `code` that name `subject` in an identifier item of
   * `kind`. Finding records by a subject reveals the link, so the caller must see such an item in
   * clear; otherwise the read is refused (and audited).
   */
  async bySubject(
    principal: Principal,
    code: string,
    subject: string,
    kind: IdentifierKind,
    meta: RequestMeta,
  ): Promise<{ decision: Decision; records: DataRecord[] }> {
    const summary = { subject, profile: true }
    const decision = await this.decide(principal, code, 'lookup', [], meta, summary)
    if (!decision.own && !linksSubjects(decision.items, kind)) {
      await this.audit.append({
        ...auditActor(principal, meta),
        action: 'data.lookup',
        target: code,
        outcome: 'denied',
        detail: { ...summary, reason: `no ${kind} item granted in clear` },
      })
      throw new AppError(
        'HT_NOT_GRANTED',
        `Your grant shows no ${kind} item of ${decision.description.name} in clear, so records cannot be found by one (未获授权按该标识查询)`,
      )
    }
    const records = await decision.provider.bySubject(subject)
    return this.#audited(principal, code, 'lookup', meta, summary, decision, records.length, {
      decision,
      records: records.map((record) => this.project(decision, record)),
    })
  }

  /** A record's history: only changes to visible items, their values masked as granted. */
  async history(principal: Principal, code: string, key: string, meta: RequestMeta): Promise<HistoryEvent[]> {
    const summary = { key, history: true }
    const decision = await this.decide(principal, code, 'lookup', [], meta, summary)
    const stored = decision.provider.storedKey?.(key) ?? key
    const events = await decision.provider.history(stored)
    const visible = events
      .map((event) => ({
        ...event,
        changes: event.changes
          .filter((change) => decision.items.has(change.item))
          .map((change) => {
            const masker = decision.items.get(change.item)?.masker
            return masker === undefined
              ? change
              : { item: change.item, before: maskValue(masker, change.before as string | null), after: maskValue(masker, change.after as string | null) }
          }),
      }))
      .filter((event) => event.changes.length > 0 || event.event === 'create')
    return this.#audited(
      principal,
      code,
      'lookup',
      meta,
      stored === key ? summary : { ...summary, key: stored, keyAsWritten: key },
      decision,
      visible.length,
      visible,
    )
  }

  /** Records matching filters on granted items, projected and masked, a page at a time. */
  async query(
    principal: Principal,
    code: string,
    query: { filters: readonly RecordFilter[]; sort?: { key: string; direction: 'asc' | 'desc' }; limit: number; offset: number },
    meta: RequestMeta,
    operation: 'query' | 'export' = 'query',
  ): Promise<{ items: DataRecord[]; total: number }> {
    const fields = [...query.filters.map((filter) => filter.key), ...(query.sort === undefined ? [] : [query.sort.key])]
    const summary = { filters: query.filters, sort: query.sort ?? null, limit: query.limit, offset: query.offset }
    const decision = await this.decide(principal, code, operation, fields, meta, summary)
    const masked = fields.filter((field) => decision.items.get(field)?.masker !== undefined)
    if (masked.length > 0) {
      // Filtering on a masked item would reveal its clear values one guess at a time.
      await this.audit.append({
        ...auditActor(principal, meta),
        action: `data.${operation}`,
        target: code,
        outcome: 'denied',
        detail: { ...summary, reason: `filter on masked items: ${masked.join(', ')}` },
      })
      throw new AppError(
        'HT_NOT_GRANTED',
        `Items granted only masked cannot be filtered or sorted on: ${masked.join(', ')}`,
        masked.map((field) => ({ field, message: 'granted masked' })),
      )
    }
    const clearItems = new Set([...decision.items].flatMap(([key, { masker }]) => (masker === undefined ? [key] : [])))
    const page = await decision.provider.query({ ...query, clearItems })
    return this.#audited(principal, code, operation, meta, summary, decision, page.items.length, {
      items: page.items.map((record) => this.project(decision, record)),
      total: page.total,
    })
  }

  /** Changes after a sequence number, projected and masked; deletions as tombstones. */
  async changes(
    principal: Principal,
    code: string,
    after: number,
    limit: number,
    meta: RequestMeta,
  ): Promise<{ changes: Array<Omit<Change, 'data'> & { data: DataRecord | null }>; next: number; lastSeq: number }> {
    const summary = { after, limit }
    const decision = await this.decide(principal, code, 'subscribe', [], meta, summary)
    const { changes, lastSeq } = await decision.provider.changes(after, limit)
    const visible = changes.map((change) => ({
      ...change,
      key: this.presentKey(decision, change.key),
      data: change.data === null ? null : this.project(decision, change.data),
    }))
    const next = changes.at(-1)?.seq ?? after
    return this.#audited(principal, code, 'subscribe', meta, { ...summary, next }, decision, changes.length, { changes: visible, next, lastSeq })
  }
}

import type { CatalogItem } from '../../catalog/model.js'

/** A record as stored: item key → value (text, number, boolean or null). */
export type DataRecord = Record<string, string | number | boolean | null>

export interface Change {
  readonly seq: number
  readonly key: string
  readonly op: 'upsert' | 'delete'
  readonly data: DataRecord | null
  readonly at: string
}

export interface RecordFilter {
  readonly key: string
  /** Equal to, or starting with when it ends in `*`. */
  readonly value: string
}

/** What a provider serves: the resource and its items. */
export interface ProviderDescription {
  readonly resourceId: string
  readonly code: string
  readonly name: string
  readonly providerDepartmentId: string
  readonly shareType: 'unconditional' | 'conditional' | 'none'
  readonly items: readonly CatalogItem[]
  /** The items whose values, joined by `|`, make a record's key. */
  readonly keyItems: readonly string[]
}

export interface ProviderQuery {
  readonly filters: readonly RecordFilter[]
  readonly sort?: { readonly key: string; readonly direction: 'asc' | 'desc' }
  readonly limit: number
  readonly offset: number
  /**
   * The items the caller sees in clear, as the gate decided. A provider whose search matches on
   * more than the items filtered (the legal-person name search also reads former names) matches
   * only on these: finding a record by an item tells its value.
   */
  readonly clearItems?: ReadonlySet<string>
}

/** Per field: the submitted value agrees with the record, differs, or the record has none. */
export type FieldVerdict = 'match' | 'mismatch' | 'absent'

export interface VerifyResult {
  readonly found: boolean
  readonly fields: Record<string, FieldVerdict>
  /**
   * Facts about the record beyond the submitted fields (a person deceased or moved out), derived
   * from one item: the gate passes them on only to a caller who may see that item in clear.
   */
  readonly flags?: { readonly item: string; readonly values: Readonly<Record<string, boolean>> }
}

/** One change to a record, for its history timeline: which item, before and after. */
export interface HistoryChange {
  readonly item: string
  readonly before: unknown
  readonly after: unknown
}

export interface HistoryEvent {
  readonly seq: number
  readonly event: string
  readonly effectiveDate: string
  readonly at: string
  readonly changedBy: string
  readonly source: string
  readonly changes: readonly HistoryChange[]
}

/**
 * The one interface every data source implements — hosted datasets now, the base registries
 * later — so the gate, the change feeds, the webhooks and the console treat all resources alike.
 * Providers return whole records; the gate projects and masks them.
 */
export interface Provider {
  describe(): ProviderDescription
  /** A key as a caller wrote it, in the form the provider stores (full-width digits folded, …); the gate audits that form. */
  storedKey?(key: string): string
  /** One record by key; with `asOf` (YYYY-MM-DD), the record as the provider held it at the end of that day. */
  lookup(key: string, options?: { readonly asOf?: string }): Promise<DataRecord | undefined>
  verify(key: string, fields: Readonly<Record<string, string>>): Promise<VerifyResult>
  query(query: ProviderQuery): Promise<{ items: DataRecord[]; total: number }>
  changes(after: number, limit: number): Promise<{ changes: Change[]; lastSeq: number }>
  /** The sequence number of the newest change; 0 before the first. */
  lastSeq(): Promise<number>
  /** Records that name a subject (a resident ID, a credit code) in an identifier item: a profile's attachments. */
  bySubject(subject: string): Promise<DataRecord[]>
  /** A record's changes, newest first. */
  history(key: string): Promise<HistoryEvent[]>
}

/** Compares a submitted value with a stored one, ignoring case, width and surrounding spaces. */
export function sameValue(submitted: string, stored: unknown): boolean {
  if (stored === null || stored === undefined) return false
  const normalise = (text: string) => text.normalize('NFKC').trim().toUpperCase()
  return normalise(submitted) === normalise(String(stored))
}

/**
 * A registry record as it stood before `until` (an ISO instant): undefined if created later;
 * otherwise the current record with the changes recorded since undone, newest first.
 *
 * @example
 * recordAsOf(person, history, endOfChinaDay('2025-12-31'))
 */
export function recordAsOf<T extends { readonly created_at: string }>(
  current: T,
  history: ReadonlyArray<{ readonly at: string; readonly changes: ReadonlyArray<{ readonly field: string; readonly before: string }> }>,
  until: string,
): T | undefined {
  if (current.created_at >= until) return undefined
  const fields: Record<string, unknown> = { ...current }
  for (const entry of history) {
    if (entry.at < until) break
    for (const change of entry.changes) fields[change.field] = change.before
  }
  return fields as T
}

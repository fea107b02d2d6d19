import type { CatalogItem } from '../catalog/model.js'
import type { Change, RecordFilter } from './dataset-repository.js'
import type { DataRecord } from './record-validation.js'

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
}

/** Per field: the submitted value agrees with the record, differs, or the record has none. */
export type FieldVerdict = 'match' | 'mismatch' | 'absent'

/**
 * The one interface every data source implements — hosted datasets now, the base registries
 * later — so the gate, the change feeds, the webhooks and the console treat all resources alike.
 * Providers return whole records; the gate projects and masks them.
 */
export interface Provider {
  describe(): ProviderDescription
  lookup(key: string): Promise<DataRecord | undefined>
  verify(key: string, fields: Readonly<Record<string, string>>): Promise<{ found: boolean; fields: Record<string, FieldVerdict> }>
  query(query: ProviderQuery): Promise<{ items: DataRecord[]; total: number }>
  changes(after: number, limit: number): Promise<{ changes: Change[]; lastSeq: number }>
}

/** Compares a submitted value with a stored one, ignoring case, width and surrounding spaces. */
export function sameValue(submitted: string, stored: unknown): boolean {
  if (stored === null || stored === undefined) return false
  const normalise = (text: string) => text.normalize('NFKC').trim().toUpperCase()
  return normalise(submitted) === normalise(String(stored))
}

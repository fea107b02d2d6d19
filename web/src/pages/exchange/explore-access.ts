import type { CatalogItem } from '../../api/catalog'
import { OPERATIONS, type DataRecord, type Grant, type Operation } from '../../api/exchange'

/** An item the caller may read, and whether it comes masked. */
export interface VisibleItem {
  readonly item: CatalogItem
  readonly masked: boolean
}

/** What the caller may read of one resource: the items and operations its grants allow. */
export interface Access {
  readonly own: boolean
  readonly items: readonly VisibleItem[]
  readonly operations: ReadonlySet<Operation>
  readonly keyItems: readonly CatalogItem[]
}

/**
 * The union of the effective grants, as the gate computes it: an item is in clear if any grant
 * gives it in clear. The provider's own department reads everything in clear.
 */
export function accessOf(items: readonly CatalogItem[], grants: readonly Grant[], own: boolean): Access | undefined {
  const keyItems = items.filter((item) => item.primaryKey)
  if (own) return { own, items: items.map((item) => ({ item, masked: false })), operations: new Set(OPERATIONS), keyItems }
  const effective = grants.filter((grant) => grant.effective)
  if (effective.length === 0) return undefined
  const masked = new Map<string, boolean>()
  for (const grant of effective) for (const granted of grant.items) masked.set(granted.key, (masked.get(granted.key) ?? true) && granted.masked)
  return {
    own,
    items: items.filter((item) => masked.has(item.key)).map((item) => ({ item, masked: masked.get(item.key) === true })),
    operations: new Set(effective.flatMap((grant) => grant.operations)),
    keyItems,
  }
}

/** A record's key as the API takes it: the key items' values joined by |. */
export function recordKeyOf(record: DataRecord, keyItems: readonly CatalogItem[]): string {
  return keyItems.map((item) => String(record[item.key] ?? '')).join('|')
}

/** A value as shown in a table: as it came (masked values included), empty for none. */
export function display(value: DataRecord[string] | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

import type { CatalogItem, ResourceContent } from './model.js'

export interface FieldChange {
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

export interface ItemChange {
  readonly key: string
  readonly name: string
  readonly changes: FieldChange[]
}

/** What changed between two versions of a resource. */
export interface ResourceDiff {
  readonly fields: FieldChange[]
  readonly itemsAdded: CatalogItem[]
  readonly itemsRemoved: CatalogItem[]
  readonly itemsChanged: ItemChange[]
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function changedFields<T extends object>(before: T, after: T, skip: ReadonlyArray<keyof T> = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as Array<keyof T>
  return keys
    .filter((key) => !skip.includes(key) && !same(before[key], after[key]))
    .map((key) => ({ field: String(key), before: before[key] ?? null, after: after[key] ?? null }))
}

/**
 * The differences between two versions: changed fields, and items added, removed or changed
 * (matched by field key).
 *
 * @example
 * diffContent(v1, v2).itemsAdded.map((item) => item.key) // ['phone']
 */
export function diffContent(before: ResourceContent, after: ResourceContent): ResourceDiff {
  const beforeItems = new Map(before.items.map((item) => [item.key, item]))
  const afterItems = new Map(after.items.map((item) => [item.key, item]))
  const itemsChanged: ItemChange[] = []
  for (const [key, item] of afterItems) {
    const old = beforeItems.get(key)
    if (old === undefined) continue
    const changes = changedFields(old, item)
    if (changes.length > 0) itemsChanged.push({ key, name: item.name, changes })
  }
  return {
    fields: changedFields(before, after, ['items']),
    itemsAdded: [...afterItems.values()].filter((item) => !beforeItems.has(item.key)),
    itemsRemoved: [...beforeItems.values()].filter((item) => !afterItems.has(item.key)),
    itemsChanged,
  }
}

import { pinyin } from 'pinyin-pro'
import type { Classification, FormatClass, ShareType, UpdateCycle } from './model.js'
import type { CatalogRepository, IndexedResource } from './repository.js'
import { GramDictionary } from './search-grams.js'
import { normalise, parseQuery, searchFields, TermMatcher, type SearchFields } from './search-terms.js'

/** A published resource as searched: its facets, display fields and normalised search text. */
export interface SearchDocument {
  readonly code: string
  readonly name: string
  readonly abstract: string
  readonly department: { readonly id: string; readonly code: string; readonly name: string }
  readonly classification: Classification
  readonly category: string | null
  readonly formatClass: FormatClass
  readonly formatType: string
  readonly shareType: ShareType
  readonly open: boolean
  readonly updateCycle: UpdateCycle
  readonly tags: readonly string[]
  readonly itemCount: number
  readonly version: number
  readonly publishedAt: string
  readonly updatedAt: string
}

interface Entry extends SearchFields {
  readonly document: SearchDocument
  readonly nameSortKey: string
}

export const FACETS = ['department', 'classification', 'category', 'shareType', 'open', 'formatClass', 'updateCycle'] as const
export type Facet = (typeof FACETS)[number]

export type SearchSort = 'relevance' | 'published' | '-published' | 'name' | '-name' | 'code' | '-code' | 'department' | '-department'

export interface SearchQuery {
  readonly q?: string
  readonly filters?: Partial<Record<Facet, readonly string[]>>
  readonly sort?: SearchSort
  readonly limit: number
  readonly offset: number
}

export interface FacetCount {
  readonly value: string
  readonly count: number
}

export interface SearchResult {
  readonly items: SearchDocument[]
  readonly total: number
  readonly facets: Record<Facet, FacetCount[]>
}

function pinyinOf(text: string): { full: string; initials: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
  return { full: syllables.join(''), initials: syllables.map((syllable) => syllable[0] ?? '').join('') }
}

function facetValue(document: SearchDocument, facet: Facet): string {
  switch (facet) {
    case 'department':
      return document.department.code
    case 'open':
      return document.open ? 'true' : 'false'
    case 'category':
      return document.category ?? ''
    default:
      return document[facet]
  }
}

function toEntry(indexed: IndexedResource, grams: GramDictionary): Entry | undefined {
  const { resource, version } = indexed
  if (resource.status !== 'published' || version === undefined) return undefined
  const { content } = version
  const document: SearchDocument = {
    code: resource.code,
    name: content.name,
    abstract: content.abstract,
    department: resource.department,
    classification: content.classification,
    category: content.category,
    formatClass: content.formatClass,
    formatType: content.formatType,
    shareType: content.shareType,
    open: content.open,
    updateCycle: content.updateCycle,
    tags: content.tags,
    itemCount: content.items.length,
    version: version.version,
    publishedAt: version.publishedAt ?? version.updatedAt,
    updatedAt: resource.updatedAt,
  }
  const { full, initials } = pinyinOf(`${content.name} ${content.tags.join(' ')}`)
  const texts = {
    name: normalise(content.name),
    tags: normalise(content.tags.join(' ')),
    abstract: normalise(content.abstract),
    rest: normalise([resource.code, resource.department.name, content.formatType, ...content.items.map((item) => `${item.name} ${item.key}`)].join(' ')),
    pinyinFull: full,
    pinyinInitials: initials,
  }
  return { ...searchFields(texts, grams), document, nameSortKey: pinyinOf(content.name).full }
}

type Order = Exclude<SearchSort, 'relevance'>
type SortKey = 'published' | 'name' | 'code' | 'department'

const SORT_KEYS: Record<SortKey, (entry: Entry) => string> = {
  published: (entry) => entry.document.publishedAt,
  name: (entry) => entry.nameSortKey,
  code: (entry) => entry.document.code,
  department: (entry) => entry.document.department.code,
}

/** Each order's keys, most significant first, ascending (1) or descending (-1); equal entries keep the index's order. */
const ORDERS: Record<Order, ReadonlyArray<readonly [SortKey, 1 | -1]>> = {
  published: [['published', 1]],
  '-published': [['published', -1]],
  name: [['name', 1]],
  '-name': [['name', -1]],
  code: [['code', 1]],
  '-code': [['code', -1]],
  department: [
    ['department', 1],
    ['name', 1],
  ],
  '-department': [
    ['department', -1],
    ['name', 1],
  ],
}

/** Each value's place in localeCompare order, so that sorting compares numbers; values localeCompare holds equal share one. */
function ranks(values: readonly string[]): { readonly of: Int32Array; readonly count: number } {
  const sorted = [...new Set(values)].sort((a, b) => a.localeCompare(b))
  const rankOf = new Map<string, number>()
  let rank = 0
  sorted.forEach((value, i) => {
    if (i > 0 && (sorted[i - 1] as string).localeCompare(value) !== 0) rank += 1
    rankOf.set(value, rank)
  })
  return { of: Int32Array.from(values, (value) => rankOf.get(value) ?? 0), count: rank + 1 }
}

/** Every order as the positions of the entries in it, sorted once per load. */
function sortOrders(entries: readonly Entry[]): Record<Order, Int32Array> {
  const keyRanks = new Map((Object.keys(SORT_KEYS) as SortKey[]).map((key) => [key, ranks(entries.map(SORT_KEYS[key]))]))
  const orders = {} as Record<Order, Int32Array>
  for (const order of Object.keys(ORDERS) as Order[]) {
    const keys = ORDERS[order].map(([key, direction]) => ({ ranks: keyRanks.get(key) ?? { of: new Int32Array(entries.length), count: 1 }, direction }))
    // One number per entry, its ranks then its position, sorts as the keys and then the position
    // do; the product of the rank counts and the entry count stays far below 2^53.
    const sortKeys = Float64Array.from(entries.keys(), (position) => {
      let sortKey = 0
      for (const {
        ranks: { of, count },
        direction,
      } of keys) {
        const rank = of[position] as number
        sortKey = sortKey * count + (direction === 1 ? rank : count - 1 - rank)
      }
      return sortKey * entries.length + position
    }).sort()
    orders[order] = Int32Array.from(sortKeys, (sortKey) => sortKey % entries.length)
  }
  return orders
}

/** What Array.prototype.slice makes of a start or end index into a list of `length`. */
function sliceIndex(index: number, length: number): number {
  const integer = Math.trunc(index) || 0
  return integer < 0 ? Math.max(length + integer, 0) : Math.min(integer, length)
}

/**
 * Every entry's facet values as numbers (slots), one per facet and value across all facets, so
 * that counting is adding one in an Int32Array.
 */
class FacetSlots {
  /** `of[entry * FACETS.length + facet]` is the slot of the entry's value of that facet. */
  readonly of: Int32Array
  readonly #facets: number[] = []
  readonly #values: string[] = []
  readonly #slots = FACETS.map(() => new Map<string, number>())

  constructor(entries: readonly Entry[]) {
    this.of = new Int32Array(entries.length * FACETS.length)
    entries.forEach((entry, index) => {
      FACETS.forEach((facet, f) => {
        this.of[index * FACETS.length + f] = this.#slot(f, facetValue(entry.document, facet))
      })
    })
  }

  get count(): number {
    return this.#values.length
  }

  #slot(facet: number, value: string): number {
    const slots = this.#slots[facet] as Map<string, number>
    let slot = slots.get(value)
    if (slot === undefined) {
      slot = this.#values.push(value) - 1
      this.#facets.push(facet)
      slots.set(value, slot)
    }
    return slot
  }

  /** 1 for the slots of a facet's values that a filter lets through, 0 for all others. */
  allowed(facet: number, filter: readonly string[]): Uint8Array {
    const allowed = new Uint8Array(this.#values.length)
    for (const value of filter) {
      const slot = this.#slots[facet]?.get(value)
      if (slot !== undefined) allowed[slot] = 1
    }
    return allowed
  }

  /** Counts by slot as each facet's values with their counts, most first; the empty value is no value. */
  facets(counts: Int32Array): Record<Facet, FacetCount[]> {
    const lists = FACETS.map((): FacetCount[] => [])
    this.#values.forEach((value, slot) => {
      const count = counts[slot] as number
      if (value !== '' && count > 0) lists[this.#facets[slot] as number]?.push({ value, count })
    })
    const facets = {} as Record<Facet, FacetCount[]>
    FACETS.forEach((facet, f) => {
      facets[facet] = (lists[f] as FacetCount[]).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    })
    return facets
  }
}

interface ActiveFilter {
  readonly facet: number
  readonly allowed: Uint8Array
}

function increment(counts: Int32Array, at: number): void {
  counts[at] = (counts[at] as number) + 1
}

/** Pages up to this end are picked best-first in one pass; pages further down group all matches by score. */
const TOP_PICK_LIMIT = 256

/**
 * The entries of one load and what a search needs over them, built once per load: the term
 * matcher, the facet slots and every sort order.
 */
class LoadedEntries {
  readonly #entries: readonly Entry[]
  readonly #terms: TermMatcher
  readonly #slots: FacetSlots
  readonly #orders: Record<Order, Int32Array>
  /** Facet counts over all entries: what every search without terms or filters shows. */
  readonly #allCounts: Int32Array
  // Scratch of the search in progress (searches are synchronous, so there is one at a time): an
  // entry marked with its generation matches the query and the filters and has this score.
  readonly #marks: Int32Array
  readonly #scores: Float64Array
  #generation = 0

  constructor(entries: readonly Entry[], grams: GramDictionary) {
    this.#entries = entries
    this.#terms = new TermMatcher(entries, grams)
    this.#slots = new FacetSlots(entries)
    this.#orders = sortOrders(entries)
    this.#allCounts = new Int32Array(this.#slots.count)
    for (const slot of this.#slots.of) increment(this.#allCounts, slot)
    this.#marks = new Int32Array(entries.length)
    this.#scores = new Float64Array(entries.length)
  }

  search(query: SearchQuery): SearchResult {
    const terms = parseQuery(query.q ?? '')
    const filters: ActiveFilter[] = []
    FACETS.forEach((facet, f) => {
      const values = query.filters?.[facet]
      if (values !== undefined && values.length > 0) filters.push({ facet: f, allowed: this.#slots.allowed(f, values) })
    })
    const sort = query.sort ?? (terms.length > 0 ? 'relevance' : '-published')
    // Relevance is by score, then newest first; without terms every score is 0.
    const order = this.#orders[sort === 'relevance' ? '-published' : sort]
    const byScore = sort === 'relevance' && terms.length > 0
    const pageOf = (total: number) => ({ start: sliceIndex(query.offset, total), end: sliceIndex(query.offset + query.limit, total) })

    if (terms.length === 0 && filters.length === 0) {
      const { start, end } = pageOf(this.#entries.length)
      return { items: this.#documents(order.subarray(start, Math.max(start, end))), total: this.#entries.length, facets: this.#slots.facets(this.#allCounts) }
    }

    const generation = this.#nextGeneration()
    const counts = new Int32Array(this.#slots.count)
    const slots = this.#slots.of
    const width = FACETS.length
    let total = 0
    // Facet counts are disjunctive: an entry that fails only one facet's filter counts for that facet.
    const visit = (index: number): void => {
      const base = index * width
      let failures = 0
      let failed = 0
      for (const filter of filters) {
        if (filter.allowed[slots[base + filter.facet] as number] === 0) {
          failures += 1
          failed = filter.facet
        }
      }
      if (failures === 0) {
        for (let f = 0; f < width; f += 1) increment(counts, slots[base + f] as number)
        this.#marks[index] = generation
        total += 1
      } else if (failures === 1) increment(counts, slots[base + failed] as number)
    }
    if (terms.length === 0) {
      for (let index = 0; index < this.#entries.length; index += 1) visit(index)
    } else {
      const { entries, scores } = this.#terms.match(terms)
      entries.forEach((index, i) => {
        this.#scores[index] = scores[i] as number
        visit(index)
      })
    }

    const { start, end } = pageOf(total)
    const marked = (index: number) => this.#marks[index] === generation
    let page: ArrayLike<number> = []
    if (start < end) {
      if (!byScore) page = orderPage(order, marked, start, end)
      else if (end <= TOP_PICK_LIMIT) page = topPick(order, marked, this.#scores, end).slice(start)
      else page = scoreGroupPage(order, marked, this.#scores, start, end)
    }
    return { items: this.#documents(page), total, facets: this.#slots.facets(counts) }
  }

  #documents(indexes: ArrayLike<number>): SearchDocument[] {
    return Array.from(indexes, (index) => (this.#entries[index] as Entry).document)
  }

  #nextGeneration(): number {
    if (this.#generation === 0x7fffffff) {
      this.#marks.fill(0)
      this.#generation = 0
    }
    this.#generation += 1
    return this.#generation
  }
}

/** The marked entries of an order from `start` to `end`. */
function orderPage(order: Int32Array, marked: (index: number) => boolean, start: number, end: number): number[] {
  const page: number[] = []
  let position = 0
  for (const index of order) {
    if (!marked(index)) continue
    if (position >= start) page.push(index)
    position += 1
    if (position === end) break
  }
  return page
}

/** The `count` best marked entries, by score then in the order given (newest first), kept sorted as they come. */
function topPick(newestFirst: Int32Array, marked: (index: number) => boolean, scores: Float64Array, count: number): number[] {
  const best: number[] = []
  const bestScores: number[] = []
  for (const index of newestFirst) {
    if (!marked(index)) continue
    const score = scores[index] as number
    if (best.length === count && score <= (bestScores[count - 1] as number)) continue
    // After every entry of the same score or better: those came first, so they stay first.
    let low = 0
    let high = best.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((bestScores[middle] as number) >= score) low = middle + 1
      else high = middle
    }
    best.splice(low, 0, index)
    bestScores.splice(low, 0, score)
    if (best.length > count) {
      best.pop()
      bestScores.pop()
    }
  }
  return best
}

/** The marked entries from `start` to `end` by score, then in the order given (newest first), grouping all by score. */
function scoreGroupPage(newestFirst: Int32Array, marked: (index: number) => boolean, scores: Float64Array, start: number, end: number): number[] {
  const byScore = new Map<number, number[]>()
  for (const index of newestFirst) {
    if (!marked(index)) continue
    const score = scores[index] as number
    const group = byScore.get(score)
    if (group === undefined) byScore.set(score, [index])
    else group.push(index)
  }
  const page: number[] = []
  let position = 0
  for (const score of [...byScore.keys()].sort((a, b) => b - a)) {
    const group = byScore.get(score) ?? []
    if (position + group.length > start) page.push(...group.slice(Math.max(start - position, 0), end - position))
    position += group.length
    if (position >= end) break
  }
  return page
}

/** Where the index loads from: the catalog's revision and the resources changed after one. */
export type CatalogChanges = Pick<CatalogRepository, 'currentRevision' | 'changedSince'>

/**
 * The in-memory search index over published resources: Chinese substring and word matching,
 * pinyin (full and initials), facet filters with counts, sorting and paging.
 *
 * Every node keeps its own copy and, before each search, compares the catalog's revision in the
 * database with its own and loads what changed, so all API nodes on one database answer alike.
 * Each load that changes something rebuilds the structures searches use (gram index, facet
 * numbers, sort orders), so a search costs about the matches it finds, not the catalog's size.
 *
 * @example
 * const index = new CatalogSearchIndex(repository)
 * const { items, facets } = await index.search({ q: 'rkjc', limit: 20, offset: 0 })
 */
export class CatalogSearchIndex {
  readonly #entries = new Map<string, Entry>()
  readonly #grams = new GramDictionary()
  #loaded = new LoadedEntries([], this.#grams)
  #revision = -1
  #syncing: Promise<void> | undefined

  constructor(private readonly repository: CatalogChanges) {}

  get size(): number {
    return this.#entries.size
  }

  /** Brings the index up to the database's revision. */
  async sync(): Promise<void> {
    this.#syncing ??= this.#load().finally(() => {
      this.#syncing = undefined
    })
    await this.#syncing
  }

  async #load(): Promise<void> {
    const revision = await this.repository.currentRevision()
    if (revision <= this.#revision) return
    const changed = await this.repository.changedSince(this.#revision)
    for (const indexed of changed) {
      const entry = toEntry(indexed, this.#grams)
      if (entry === undefined) this.#entries.delete(indexed.resource.code)
      else this.#entries.set(indexed.resource.code, entry)
    }
    // The map's order is the order among equals that every sort keeps.
    if (changed.length > 0) this.#loaded = new LoadedEntries([...this.#entries.values()], this.#grams)
    this.#revision = revision
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.sync()
    return this.searchLoaded(query)
  }

  /** Searches what is loaded, without looking for changes (the benchmark's in-process figure). */
  searchLoaded(query: SearchQuery): SearchResult {
    return this.#loaded.search(query)
  }

  /** Names to offer as the user types: the best matches by name, pinyin or initials. */
  async suggest(q: string, limit = 8): Promise<Array<{ code: string; name: string; department: string }>> {
    const { items } = await this.search({ q, sort: 'relevance', limit: limit * 3, offset: 0 })
    const seen = new Set<string>()
    return items
      .filter((item) => !seen.has(item.name) && seen.add(item.name))
      .slice(0, limit)
      .map((item) => ({ code: item.code, name: item.name, department: item.department.name }))
  }

  /** All loaded documents, for statistics and the DCAT export. */
  async all(): Promise<SearchDocument[]> {
    await this.sync()
    return [...this.#entries.values()].map((entry) => entry.document)
  }
}

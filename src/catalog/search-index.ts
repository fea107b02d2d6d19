import { pinyin } from 'pinyin-pro'
import type { Classification, FormatClass, ShareType, UpdateCycle } from './model.js'
import type { CatalogRepository, IndexedResource } from './repository.js'

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

interface Entry {
  readonly document: SearchDocument
  readonly name: string
  readonly tags: string
  readonly abstract: string
  readonly rest: string
  /** Full pinyin of name and tags, syllables run together: 'renkoujichuxinxi'. */
  readonly pinyinFull: string
  /** Pinyin initials of name and tags: 'rkjcxx'. */
  readonly pinyinInitials: string
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

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })
const CJK = /[\u3400-\u9fff]/
const SEPARATORS = /[\s,，、;；/|]+/

/** NFKC folds full-width letters and digits; lower case for Latin. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
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

/** A query term and the words Intl.Segmenter finds in it, for Chinese phrases typed without spaces. */
interface Term {
  readonly text: string
  readonly words: readonly string[]
  readonly latin: boolean
}

function parseQuery(q: string): Term[] {
  return normalise(q)
    .split(SEPARATORS)
    .filter((text) => text !== '')
    .map((text) => ({
      text,
      latin: /^[a-z]+$/.test(text),
      words: CJK.test(text)
        ? [...segmenter.segment(text)].filter((segment) => segment.isWordLike === true).map((segment) => segment.segment)
        : [text],
    }))
}

/** How well an entry matches one term; 0 when it does not. The best field counts, not the sum. */
function termScore(entry: Entry, term: Term): number {
  const { text } = term
  let score = 0
  if (entry.name.includes(text)) {
    // A name the term covers more of ranks higher: 人口 is more of 人口基础信息 than of 人口普查汇总资料.
    score = (entry.name.startsWith(text) ? 16 : 10) + (4 * text.length) / entry.name.length
  } else if (entry.tags.includes(text)) score = 5
  else if (entry.abstract.includes(text)) score = 2
  else if (entry.rest.includes(text)) score = 1
  if (term.latin) {
    if (entry.pinyinInitials.includes(text)) score = Math.max(score, entry.pinyinInitials.startsWith(text) ? 9 : 6)
    if (text.length >= 2 && entry.pinyinFull.includes(text)) score = Math.max(score, entry.pinyinFull.startsWith(text) ? 9 : 6)
  }
  if (score === 0 && term.words.length > 1) {
    // 人口信息 finds 人口基础信息: every word of the phrase appears, not necessarily together.
    const all = `${entry.name} ${entry.tags} ${entry.abstract} ${entry.rest}`
    if (term.words.every((word) => all.includes(word))) score = term.words.every((word) => entry.name.includes(word)) ? 6 : 1
  }
  return score
}

const COMPARATORS: Record<Exclude<SearchSort, 'relevance'>, (a: Entry, b: Entry) => number> = {
  published: (a, b) => a.document.publishedAt.localeCompare(b.document.publishedAt),
  '-published': (a, b) => b.document.publishedAt.localeCompare(a.document.publishedAt),
  name: (a, b) => a.nameSortKey.localeCompare(b.nameSortKey),
  '-name': (a, b) => b.nameSortKey.localeCompare(a.nameSortKey),
  code: (a, b) => a.document.code.localeCompare(b.document.code),
  '-code': (a, b) => b.document.code.localeCompare(a.document.code),
  department: (a, b) => a.document.department.code.localeCompare(b.document.department.code) || a.nameSortKey.localeCompare(b.nameSortKey),
  '-department': (a, b) => b.document.department.code.localeCompare(a.document.department.code) || a.nameSortKey.localeCompare(b.nameSortKey),
}

function toEntry(indexed: IndexedResource): Entry | undefined {
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
  return {
    document,
    name: normalise(content.name),
    tags: normalise(content.tags.join(' ')),
    abstract: normalise(content.abstract),
    rest: normalise(
      [resource.code, resource.department.name, content.formatType, ...content.items.map((item) => `${item.name} ${item.key}`)].join(' '),
    ),
    pinyinFull: full,
    pinyinInitials: initials,
    nameSortKey: pinyinOf(content.name).full,
  }
}

/**
 * The in-memory search index over published resources: Chinese substring and word matching,
 * pinyin (full and initials), facet filters with counts, sorting and paging.
 *
 * Every node keeps its own copy and, before each search, compares the catalog's revision in the
 * database with its own and loads what changed, so all API nodes on one database answer alike.
 *
 * @example
 * const index = new CatalogSearchIndex(repository)
 * const { items, facets } = await index.search({ q: 'rkjc', limit: 20, offset: 0 })
 */
export class CatalogSearchIndex {
  readonly #entries = new Map<string, Entry>()
  #revision = -1
  #syncing: Promise<void> | undefined

  constructor(private readonly repository: CatalogRepository) {}

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
      const entry = toEntry(indexed)
      if (entry === undefined) this.#entries.delete(indexed.resource.code)
      else this.#entries.set(indexed.resource.code, entry)
    }
    this.#revision = revision
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.sync()
    return this.searchLoaded(query)
  }

  /** Searches what is loaded, without looking for changes (the benchmark's in-process figure). */
  searchLoaded(query: SearchQuery): SearchResult {
    const terms = parseQuery(query.q ?? '')
    const scored: Array<{ entry: Entry; score: number }> = []
    for (const entry of this.#entries.values()) {
      let score = 0
      for (const term of terms) {
        const s = termScore(entry, term)
        if (s === 0) {
          score = -1
          break
        }
        score += s
      }
      if (score >= 0) scored.push({ entry, score })
    }
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values !== undefined && values.length > 0) as Array<[Facet, readonly string[]]>
    const passes = (entry: Entry, except?: Facet) =>
      filters.every(([facet, values]) => facet === except || values.includes(facetValue(entry.document, facet)))

    const facets = {} as Record<Facet, FacetCount[]>
    for (const facet of FACETS) {
      const counts = new Map<string, number>()
      for (const { entry } of scored) {
        if (!passes(entry, facet)) continue
        const value = facetValue(entry.document, facet)
        if (value === '') continue
        counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      facets[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    }

    const matched = scored.filter(({ entry }) => passes(entry))
    const sort = query.sort ?? (terms.length > 0 ? 'relevance' : '-published')
    if (sort === 'relevance') {
      matched.sort((a, b) => b.score - a.score || COMPARATORS['-published'](a.entry, b.entry))
    } else {
      const compare = COMPARATORS[sort]
      matched.sort((a, b) => compare(a.entry, b.entry))
    }
    return {
      items: matched.slice(query.offset, query.offset + query.limit).map(({ entry }) => entry.document),
      total: matched.length,
      facets,
    }
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

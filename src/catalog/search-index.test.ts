import { pinyin } from 'pinyin-pro'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateCatalog, seededRandom } from '../../bench/support/catalog-generator.js'
import { CATALOG_QUERIES } from '../../bench/support/catalog-queries.js'
import { DEMO_DEPARTMENTS } from '../demo/departments.js'
import type { ResourceContent } from './model.js'
import type { IndexedResource } from './repository.js'
import { CatalogSearchIndex, FACETS, type CatalogChanges, type Facet, type FacetCount, type SearchQuery, type SearchSort } from './search-index.js'

// The reference: the index as it was before it was made fast, one straightforward pass per search.
// The index under test must answer every query exactly as it does, down to the order of ties.

interface ReferenceEntry {
  readonly code: string
  readonly document: { name: string; publishedAt: string; department: { code: string } } & Record<string, unknown>
  readonly name: string
  readonly tags: string
  readonly abstract: string
  readonly rest: string
  readonly pinyinFull: string
  readonly pinyinInitials: string
  readonly nameSortKey: string
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase()
const syllablesOf = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

function referenceEntry({ resource, version }: IndexedResource): ReferenceEntry | undefined {
  if (resource.status !== 'published' || version === undefined) return undefined
  const { content } = version
  const syllables = syllablesOf(`${content.name} ${content.tags.join(' ')}`)
  return {
    code: resource.code,
    document: {
      ...content,
      code: resource.code,
      department: resource.department,
      publishedAt: version.publishedAt ?? version.updatedAt,
      open: content.open ? 'true' : 'false',
    },
    name: normalise(content.name),
    tags: normalise(content.tags.join(' ')),
    abstract: normalise(content.abstract),
    rest: normalise([resource.code, resource.department.name, content.formatType, ...content.items.map((item) => `${item.name} ${item.key}`)].join(' ')),
    pinyinFull: syllables.join(''),
    pinyinInitials: syllables.map((syllable) => syllable[0] ?? '').join(''),
    nameSortKey: syllablesOf(content.name).join(''),
  }
}

function referenceFacetValue(entry: ReferenceEntry, facet: Facet): string {
  if (facet === 'department') return entry.document.department.code
  return (entry.document[facet] as string | null) ?? ''
}

function referenceScore(entry: ReferenceEntry, text: string): number {
  const latin = /^[a-z]+$/.test(text)
  const words = /[\u3400-\u9fff]/.test(text) ? [...segmenter.segment(text)].filter((s) => s.isWordLike === true).map((s) => s.segment) : [text]
  let score = 0
  if (entry.name.includes(text)) score = (entry.name.startsWith(text) ? 16 : 10) + (4 * text.length) / entry.name.length
  else if (entry.tags.includes(text)) score = 5
  else if (entry.abstract.includes(text)) score = 2
  else if (entry.rest.includes(text)) score = 1
  if (latin) {
    if (entry.pinyinInitials.includes(text)) score = Math.max(score, entry.pinyinInitials.startsWith(text) ? 9 : 6)
    if (text.length >= 2 && entry.pinyinFull.includes(text)) score = Math.max(score, entry.pinyinFull.startsWith(text) ? 9 : 6)
  }
  if (score === 0 && words.length > 1) {
    const all = `${entry.name} ${entry.tags} ${entry.abstract} ${entry.rest}`
    if (words.every((word) => all.includes(word))) score = words.every((word) => entry.name.includes(word)) ? 6 : 1
  }
  return score
}

const byPublished = (a: ReferenceEntry, b: ReferenceEntry) => b.document.publishedAt.localeCompare(a.document.publishedAt)
const REFERENCE_ORDERS: Record<Exclude<SearchSort, 'relevance'>, (a: ReferenceEntry, b: ReferenceEntry) => number> = {
  published: (a, b) => -byPublished(a, b),
  '-published': byPublished,
  name: (a, b) => a.nameSortKey.localeCompare(b.nameSortKey),
  '-name': (a, b) => b.nameSortKey.localeCompare(a.nameSortKey),
  code: (a, b) => a.code.localeCompare(b.code),
  '-code': (a, b) => b.code.localeCompare(a.code),
  department: (a, b) => a.document.department.code.localeCompare(b.document.department.code) || a.nameSortKey.localeCompare(b.nameSortKey),
  '-department': (a, b) => b.document.department.code.localeCompare(a.document.department.code) || a.nameSortKey.localeCompare(b.nameSortKey),
}

/** What a search found, by code, for readable failures. */
interface Found {
  readonly codes: string[]
  readonly total: number
  readonly facets: Record<string, FacetCount[]>
}

function referenceSearch(entries: readonly ReferenceEntry[], query: SearchQuery): Found {
  const terms = normalise(query.q ?? '')
    .split(/[\s,，、;；/|]+/)
    .filter((text) => text !== '')
  const scored = entries.flatMap((entry) => {
    const scores = terms.map((term) => referenceScore(entry, term))
    return scores.includes(0) ? [] : [{ entry, score: scores.reduce((sum, score) => sum + score, 0) }]
  })
  const filters = FACETS.flatMap((facet) => {
    const values = query.filters?.[facet] ?? []
    return values.length > 0 ? [{ facet, values }] : []
  })
  const passes = (entry: ReferenceEntry, except?: Facet) =>
    filters.every(({ facet, values }) => facet === except || values.includes(referenceFacetValue(entry, facet)))
  const facets: Record<string, FacetCount[]> = {}
  for (const facet of FACETS) {
    const counts = new Map<string, number>()
    for (const { entry } of scored.filter(({ entry }) => passes(entry, facet))) {
      const value = referenceFacetValue(entry, facet)
      if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    facets[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  const matched = scored.filter(({ entry }) => passes(entry))
  const sort = query.sort ?? (terms.length > 0 ? 'relevance' : '-published')
  if (sort === 'relevance') matched.sort((a, b) => b.score - a.score || byPublished(a.entry, b.entry))
  else matched.sort((a, b) => REFERENCE_ORDERS[sort](a.entry, b.entry))
  return { codes: matched.slice(query.offset, query.offset + query.limit).map(({ entry }) => entry.code), total: matched.length, facets }
}

/** A catalog in memory: each change takes the next revision, as the repository's transactions do. */
class MemoryCatalog implements CatalogChanges {
  readonly #rows = new Map<string, { revision: number; indexed: IndexedResource }>()
  #revision = 0

  put(indexed: readonly IndexedResource[]): void {
    this.#revision += 1
    for (const row of indexed) this.#rows.set(row.resource.code, { revision: this.#revision, indexed: row })
  }

  async currentRevision(): Promise<number> {
    return this.#revision
  }

  async changedSince(revision: number): Promise<IndexedResource[]> {
    return [...this.#rows.values()].filter((row) => row.revision > revision).map((row) => row.indexed)
  }
}

/** The reference's copy of the index, loaded from the catalog by the same rule as the index. */
class ReferenceIndex {
  readonly #entries = new Map<string, ReferenceEntry>()
  #revision = -1

  constructor(private readonly catalog: CatalogChanges) {}

  async sync(): Promise<void> {
    const revision = await this.catalog.currentRevision()
    for (const indexed of await this.catalog.changedSince(this.#revision)) {
      const entry = referenceEntry(indexed)
      if (entry === undefined) this.#entries.delete(indexed.resource.code)
      else this.#entries.set(indexed.resource.code, entry)
    }
    this.#revision = revision
  }

  get entries(): ReferenceEntry[] {
    return [...this.#entries.values()]
  }
}

const departments = DEMO_DEPARTMENTS.filter((department) => department.parent !== null)

function indexed(
  code: string,
  departmentCode: string,
  content: ResourceContent,
  publishedAt: string,
  status: 'published' | 'retired' = 'published',
): IndexedResource {
  const department = DEMO_DEPARTMENTS.find((candidate) => candidate.code === departmentCode) ?? (departments[0] as (typeof departments)[number])
  return {
    resource: {
      id: `id-${code}`,
      code,
      department: { id: `dept-${department.code}`, code: department.code, name: department.name },
      status,
      workingStatus: null,
      publishedVersion: 1,
      latestVersion: 1,
      name: content.name,
      createdBy: 'test',
      createdAt: publishedAt,
      updatedAt: publishedAt,
    },
    version: {
      id: `version-${code}`,
      version: 1,
      status: 'published',
      content,
      createdBy: 'test',
      createdAt: publishedAt,
      updatedAt: publishedAt,
      submittedAt: null,
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      publishedAt,
    },
  }
}

const generated = generateCatalog(1500, 7)
const codeOf = (i: number) => `${(generated[i] as (typeof generated)[number]).department}/${String(i).padStart(6, '0')}`
const resources = generated.map((entry, i) => indexed(codeOf(i), entry.department, entry.content, entry.publishedAt))
// Ties the sorts must break as before: one publishing moment, one name, full-width and Latin text.
const base = (generated[0] as (typeof generated)[number]).content
const ties = Array.from({ length: 12 }, (_, i) =>
  indexed(
    `TIE/${String(i).padStart(3, '0')}`,
    (departments[i % 3] as (typeof departments)[number]).code,
    {
      ...base,
      name: i % 2 === 0 ? '人口户籍信息' : 'ＧＤＰ总量统计数据',
      tags: i % 3 === 0 ? ['GDP', '人口', '户籍人口'] : i % 3 === 1 ? ['户籍', 'ab', 'ba'] : ['甲乙', '乙丙'],
      category: null,
    },
    '2020-01-01T00:00:00.000Z',
  ),
)

const queries: SearchQuery[] = [
  ...CATALOG_QUERIES.map(({ query }) => query),
  ...[
    '人',
    '局',
    '信',
    'g',
    'gdp',
    'GDP总量',
    'ｇｄｐ',
    '人口户籍',
    '户籍人口',
    '沈阳市人口信息',
    '人口，信息',
    '人口/户籍|数据',
    'rk',
    'renkoujichu',
    'id_card',
    '企业 qy',
    'zzzz',
    'aba',
    '甲乙丙',
    '乙丙甲',
    'rkjc户籍',
    'renkou户籍',
    '户籍rk',
    '采集人口',
    '维护企业',
    '登记维护',
    '人口负责',
    '数据相关',
    '身份号码',
    '号码身份',
    '代码名称',
    '姓名号码',
    '日期登记',
    '人口 不存在',
    '的',
  ].map((q) => ({
    q,
    limit: 20,
    offset: 0,
  })),
  ...(['relevance', 'published', '-published', 'name', '-name', 'code', '-code', 'department', '-department'] as const).flatMap((sort) => [
    { q: '信息', sort, limit: 25, offset: 10 },
    { sort, limit: 30, offset: 1480 },
    { sort, limit: 20, offset: 40, filters: { open: ['true'] } },
    { q: '人口', sort, limit: 200, offset: 0, filters: { classification: ['base', 'theme'] } },
  ]),
  { filters: { category: [''] }, limit: 20, offset: 0 },
  { filters: { category: ['', 'nope'], open: ['false'] }, limit: 20, offset: 0 },
  { filters: { shareType: ['nope'] }, limit: 20, offset: 0 },
  {
    q: '数据',
    filters: { shareType: ['none', 'conditional'], open: ['false'], updateCycle: ['monthly', 'yearly'], formatClass: ['数据库'] },
    limit: 20,
    offset: 3,
  },
  { q: '信息', limit: 25, offset: 300 },
  { q: '人口户籍', limit: 8, offset: 0 },
  { q: 'gdp', limit: 5, offset: 10_000 },
  { q: '人口', limit: 10, offset: -15 },
  { limit: Number.MAX_SAFE_INTEGER, offset: 0, sort: 'code' },
  { q: '信息', limit: Number.MAX_SAFE_INTEGER, offset: 0 },
]

function found(index: CatalogSearchIndex, query: SearchQuery): Found {
  const { items, total, facets } = index.searchLoaded(query)
  return { codes: items.map((item) => item.code), total, facets }
}

describe('catalog search index', () => {
  const catalog = new MemoryCatalog()
  const index = new CatalogSearchIndex(catalog)
  const reference = new ReferenceIndex(catalog)
  const sync = () => Promise.all([index.sync(), reference.sync()])
  const expectSameAsReference = () => {
    const { entries } = reference
    expect(index.size).toBe(entries.length)
    for (const query of queries) expect(found(index, query), JSON.stringify(query)).toEqual(referenceSearch(entries, query))
  }

  beforeAll(async () => {
    catalog.put(resources.slice(0, 1000))
    catalog.put([...resources.slice(1000), ...ties])
    await sync()
  })

  it('answers every query as the straightforward search does', () => {
    expect(found(index, { q: '人口', limit: 1, offset: 0 }).total).toBeGreaterThan(0)
    expectSameAsReference()
  })

  it('answers the same after entries change, leave and come back', async () => {
    const random = seededRandom(11)
    const changed = resources.filter(() => random() < 0.05)
    catalog.put(
      changed.map((row) => ({
        ...row,
        version: row.version === undefined ? undefined : { ...row.version, content: { ...row.version.content, name: `${row.version.content.name}更新` } },
      })),
    )
    catalog.put(resources.slice(0, 40).map((row) => ({ ...row, resource: { ...row.resource, status: 'retired' } })))
    await sync()
    expectSameAsReference()
    catalog.put(resources.slice(20, 30))
    catalog.put(resources.slice(100, 106).map((row) => ({ ...row, resource: { ...row.resource, status: 'retired' } })))
    catalog.put(resources.slice(100, 103))
    await sync()
    expectSameAsReference()
  })

  it('finds an entry by a phrase whose words stand apart in it', async () => {
    const { items } = index.searchLoaded({ q: '户籍人口', limit: 5, offset: 0 })
    expect(items.map((item) => item.name)).toContain('人口户籍信息')
  })
})

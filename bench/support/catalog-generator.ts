/**
 * Deterministic catalog entries for the search benchmark, composed from the demo catalog's own
 * vocabulary, and their insertion as published resources straight through CatalogRepository.
 */
import { performance } from 'node:perf_hooks'
import {
  BASE_KINDS,
  classificationCode,
  FORMAT_CLASSES,
  FORMAT_TYPES,
  SHARE_METHODS,
  THEMES,
  UPDATE_CYCLE_LABELS,
  UPDATE_CYCLES,
  type CatalogItem,
  type Classification,
  type ResourceContent,
  type ShareType,
} from '../../src/catalog/model.js'
import { CatalogRepository } from '../../src/catalog/repository.js'
import { catalogRuleProblems } from '../../src/catalog/rules.js'
import { normaliseContent } from '../../src/catalog/service.js'
import type { Context } from '../../src/context.js'
import { DEMO_RESOURCES, type DemoResource } from '../../src/demo/catalog-resources.js'
import { DEMO_DEPARTMENTS } from '../../src/demo/departments.js'

/** One generated entry, its provider department's code and the moment it was published. */
export interface GeneratedResource {
  readonly department: string
  readonly content: ResourceContent
  readonly publishedAt: string
}

/** mulberry32: a small seeded PRNG, so every run and every process generates the same catalog. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NAME_SUFFIXES = ['信息', '登记信息', '统计数据', '基础信息', '名录', '台账', '监测数据', '办理信息', '汇总数据', '明细信息', '服务信息', '档案'] as const
const SHARE_CONDITIONS = ['仅限履行法定职责使用，需经提供部门审核同意', '需签订数据共享协议，按最小必要原则使用', '仅提供核验接口，不提供批量数据'] as const
const LEGAL_BASES = ['《中华人民共和国个人信息保护法》第二十八条', '《中华人民共和国税收征收管理法》第八条', '《中华人民共和国统计法》第三十九条'] as const
/** Roughly how the city's catalog is split: base registries are few, department resources most. */
const CLASSIFICATION_WEIGHTS: ReadonlyArray<readonly [Classification, number]> = [
  ['base', 0.1],
  ['theme', 0.3],
  ['department', 0.6],
]
const SHARE_TYPE_WEIGHTS: ReadonlyArray<readonly [ShareType, number]> = [
  ['unconditional', 0.45],
  ['conditional', 0.4],
  ['none', 0.15],
]
const PUBLISHED_FROM = Date.parse('2017-01-01T00:00:00Z')
const PUBLISHED_SPAN_MS = 9 * 365 * 24 * 3600 * 1000

/** A subject word and the demo entry it comes from, whose abstract and items the entry borrows. */
interface Subject {
  readonly word: string
  readonly template: DemoResource
}

function subjects(): Subject[] {
  const seen = new Set<string>()
  const list: Subject[] = []
  for (const template of DEMO_RESOURCES) {
    // Tags like 人口 and 养老服务, plus the name's stem (人口基础信息 → 人口基础).
    const stem = template.content.name.replace(/（.*）$/, '').replace(/(信息|数据|资料|档案|规定)$/, '')
    for (const word of [...template.content.tags, stem]) {
      if (/^[A-Z]+$/.test(word) || seen.has(word)) continue
      seen.add(word)
      list.push({ word, template })
    }
  }
  return list
}

/** Every demo item once, by key: the pool the entries draw their extra items from. */
function itemPool(): CatalogItem[] {
  const byKey = new Map<string, CatalogItem>()
  for (const { content } of DEMO_RESOURCES) for (const item of content.items) if (!byKey.has(item.key)) byKey.set(item.key, item)
  return [...byKey.values()]
}

/**
 * `count` catalog entries, the same for the same seed: names composed of a district, a subject
 * word from the demo catalog and a suffix; every classification, share type, format class and
 * update cycle; spread over the demo departments. Each entry is checked against the catalog's
 * rules, so a generator change that breaks one fails here rather than skews the figures.
 *
 * @example
 * const entries = generateCatalog(10_000) // entries[0].content.name: e.g. '浑南区养老服务台账'
 */
export function generateCatalog(count: number, seed = 2026): GeneratedResource[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const weighted = <T>(weights: ReadonlyArray<readonly [T, number]>): T => {
    let r = random()
    for (const [value, weight] of weights) {
      r -= weight
      if (r < 0) return value
    }
    return (weights[weights.length - 1] as readonly [T, number])[0]
  }
  const subjectList = subjects()
  const pool = itemPool()
  const providers = DEMO_DEPARTMENTS.filter((department) => department.parent !== null)
  const districts = DEMO_DEPARTMENTS.filter((department) => department.kind === 'district')
  const names = new Set<string>()
  const entries: GeneratedResource[] = []

  for (let index = 0; index < count; index += 1) {
    const department = pick(providers)
    const subject = pick(subjectList)
    // District departments name their own district; city departments often name one they cover.
    const place = department.kind === 'district' ? department.shortName : random() < 0.5 ? pick(districts).shortName : random() < 0.3 ? '全市' : ''
    let name = `${place}${subject.word}${pick(NAME_SUFFIXES)}`
    if (names.has(`${department.code}|${name}`)) name = `${name}（${2015 + Math.floor(random() * 11)}年）`
    for (let n = 2; names.has(`${department.code}|${name}`); n += 1) name = `${name.replace(/（[^）]*）$/, '')}（第${n}批）`
    names.add(`${department.code}|${name}`)

    const classification = weighted(CLASSIFICATION_WEIGHTS)
    const category = classification === 'base' ? pick(BASE_KINDS).code : classification === 'theme' ? pick(THEMES).code : null
    // Base registries are shared: their base items always are, so the resource cannot be closed.
    const shareType = classification === 'base' ? (random() < 0.6 ? 'unconditional' : 'conditional') : weighted(SHARE_TYPE_WEIGHTS)
    const formatClass = pick(FORMAT_CLASSES)
    const updateCycle = pick(UPDATE_CYCLES)
    const shareMethods = shareType === 'none' ? [] : SHARE_METHODS.filter((_, i) => i === 0 || random() < 0.35)

    const itemCount = 3 + Math.floor(random() * 10)
    const candidates = [...subject.template.content.items, ...Array.from({ length: itemCount }, () => pick(pool))]
    const keys = new Set<string>()
    const items: CatalogItem[] = []
    for (const source of candidates) {
      if (items.length === itemCount) break
      if (keys.has(source.key)) continue
      keys.add(source.key)
      const first = items.length === 0
      const baseItem = classification === 'base' && items.length < 3
      items.push({
        ...source,
        // The first item keys the records; base items are shared unconditionally whatever the resource's type.
        primaryKey: first,
        required: first || baseItem || source.required,
        baseItem,
        shareType: baseItem && shareType !== 'unconditional' ? 'unconditional' : null,
      })
    }

    const [firstSentence] = subject.template.content.abstract.split('。')
    const published = PUBLISHED_FROM + Math.floor(random() * PUBLISHED_SPAN_MS)
    const content = normaliseContent({
      name,
      abstract: `${place}${subject.word}相关${name.endsWith('数据') ? '数据' : '信息'}，由${department.name}负责采集和维护，${UPDATE_CYCLE_LABELS[updateCycle].zh}更新。${firstSentence ?? ''}。`,
      classification,
      category,
      formatClass,
      formatType: pick(FORMAT_TYPES[formatClass]),
      shareType,
      shareCondition: shareType === 'conditional' ? pick(SHARE_CONDITIONS) : '',
      legalBasis: shareType === 'none' ? pick(LEGAL_BASES) : '',
      shareMethods,
      open: shareType === 'unconditional' && random() < 0.4,
      updateCycle,
      publishDate: new Date(published - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      secrecy: 'non-secret',
      tags: [subject.word, ...subject.template.content.tags.filter(() => random() < 0.5), ...(random() < 0.3 ? [pick(subjectList).word] : [])],
      items,
    })
    const problems = catalogRuleProblems(content)
    if (problems.length > 0) throw new Error(`generated entry ${index} (${name}) breaks the catalog rules: ${JSON.stringify(problems)}`)
    entries.push({ department: department.code, content, publishedAt: new Date(published).toISOString() })
  }
  return entries
}

/**
 * Inserts entries as published resources (version 1, reviewed and published), in transactions of
 * `batch` entries. Each transaction takes one catalog revision for all its entries: the search
 * index loads everything stamped after its own revision, so one stamp per batch is enough.
 */
export async function insertPublished(
  repository: CatalogRepository,
  departmentIds: ReadonlyMap<string, string>,
  entries: readonly GeneratedResource[],
  batch = 1000,
): Promise<void> {
  for (let start = 0; start < entries.length; start += batch) {
    await repository.transaction(async (trx) => {
      const revision = await trx.bumpRevision()
      // nextSequence scans the classification's codes; within one transaction counting on is the same answer.
      const sequences = new Map<string, number>()
      for (const entry of entries.slice(start, start + batch)) {
        const { content } = entry
        const departmentId = departmentIds.get(entry.department)
        if (departmentId === undefined) throw new Error(`department ${entry.department} is not seeded`)
        const head = classificationCode(content.classification, content.category, entry.department)
        const sequence = sequences.get(head) ?? (await trx.nextSequence(head))
        sequences.set(head, sequence + 1)
        const code = `${head}/${String(sequence).padStart(6, '0')}`
        const id = await trx.insertResource({
          code,
          classificationCode: head,
          sequence,
          departmentId,
          name: content.name,
          createdBy: 'bench-generator',
          revision,
        })
        await trx.insertVersion(id, 1, content, 'bench-generator')
        await trx.updateVersion(id, 1, { status: 'published', reviewed_by: 'bench-generator', reviewed_at: entry.publishedAt, published_at: entry.publishedAt })
        await trx.updateResource(id, { status: 'published', working_status: null, published_version: 1, index_revision: revision })
      }
    })
  }
}

/**
 * Generates `count` entries and inserts them as published into a context's database, whose demo
 * departments must be seeded; returns how long each step took.
 *
 * @example
 * await seedDemo(context, DEFAULT_DEMO_PASSWORD, { catalog: false })
 * const { generateMs, insertMs } = await seedGeneratedCatalog(context, 10_000)
 */
export async function seedGeneratedCatalog(context: Context, count: number): Promise<{ generateMs: number; insertMs: number }> {
  const departments = new Map((await context.identity.listDepartments()).map((department) => [department.code, department.id]))
  const generating = performance.now()
  const entries = generateCatalog(count)
  const inserting = performance.now()
  await insertPublished(new CatalogRepository(context.database), departments, entries)
  return { generateMs: inserting - generating, insertMs: performance.now() - inserting }
}

import { pinyin } from 'pinyin-pro'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../bench/support/catalog-generator.js'
import { EntityNameIndex, EntityNameRecords, MATCH_LIMIT, type NameEntry } from './name-index.js'
import { normaliseName, parseNameQuery, PinyinReadings, regionPrefixLength, type CharClass } from './name-terms.js'

const ALL = { limit: Number.MAX_SAFE_INTEGER, offset: 0, formerNames: true }
const CURRENT_ONLY = { ...ALL, formerNames: false }

function entry(code: string, name: string, formerNames: string[] = []): NameEntry {
  return { code, name, formerNames }
}

// Codes end in a letter per entity, so that the tables below read as names.
const A = entry('91210100MA0XXXXXXA', '沈阳华信机械制造有限公司', ['沈阳华信机械厂'])
const B = entry('91210100MA0XXXXXXB', '华信科技有限公司')
const C = entry('91210102MA0XXXXXXC', '沈阳市和平区张记面馆')
const D = entry('51210000MJ0XXXXXXD', '辽宁省软件行业协会', ['辽宁省计算机软件协会'])
const E = entry('91210100MA0XXXXXXE', '沈阳汇兴机械有限公司')
const F = entry('91210100MA0XXXXXXF', '中国银行股份有限公司沈阳分行')
const G = entry('91210100MA0XXXXXXG', '瀋陽長城電子有限公司')
const H = entry('91210100MA0XXXXXXH', '沈阳ＡＢＣ科技有限公司')
const I = entry('91210100MA0XXXXXXI', '辽宁机械华信贸易有限公司')
const J = entry('91210100MA0XXXXXXJ', '华信')
const K = entry('92210102MA0XXXXXXK', '沈阳市沈河区老华信饭店', ['沈阳市沈河区华信饭店'])
const L = entry('91210100MA0XXXXXXL', '安邦城建有限公司')
const REGISTRY = [A, B, C, D, E, F, G, H, I, J, K, L]

const codesOf = (...entries: NameEntry[]) => entries.map((e) => e.code)

describe('EntityNameIndex', () => {
  const index = EntityNameIndex.build(REGISTRY)

  it.each([
    // Any piece of a name, ranked: the name itself, its start (also after 沈阳), anywhere; then by length.
    ['华信', [J, B, A, K, I]],
    ['张记', [C]],
    ['软件', [D]],
    ['面', [C]],
    // Words in any order; contiguous first.
    ['机械 华信', [I, A]],
    ['华信机械', [A, I]],
    ['面馆 和平区', [C]],
    ['华信 面馆', []],
    // Former names.
    ['华信机械厂', [A]],
    ['计算机软件', [D]],
    // Pinyin, full and initials.
    ['huaxin', [J, B, K, A, I]],
    ['huaxinjixie', [A]],
    ['HuaXin JiXie', [A]],
    ['hxjx', [E, A]],
    ['yinhang', [F]],
    ['changcheng', [G]],
    ['zhangji', [C]],
    // Credit codes: the code itself, or its start.
    ['51210000MJ0XXXXXXD', [D]],
    ['91210102', [C]],
    ['92', [K]],
    // Traditional, full-width and lower-case input, and names stored that way.
    ['長城電子', [G]],
    ['沈阳长城', [G]],
    ['ＡＢＣ', [H, L]],
    ['abc', [H, L]],
    ['華信機械', [A, I]],
    // Nothing.
    ['华信重工', []],
    ['xyzxyz', []],
    ['', []],
    ['   ', []],
    ['\u3000', []],
  ])('%j finds %#', (query, expected) => {
    expect(index.search(query, ALL)).toEqual({ codes: codesOf(...expected), total: expected.length })
  })

  it('holds every entity once', () => {
    expect(index.size).toBe(REGISTRY.length)
    expect(EntityNameIndex.build([...REGISTRY, { ...A, name: '沈阳华信重工有限公司' }]).size).toBe(REGISTRY.length)
  })

  it('loses nothing at the ends of long lists narrowed by others', () => {
    // Every text holds every gram of the queries, so each list narrows the others whole.
    const many = Array.from({ length: 300 }, (_, i) => entry(`9121010000000${String(i).padStart(5, '0')}`, `沈阳华信机械第${i}分公司`))
    const narrowed = EntityNameIndex.build(many)
    narrowed.upsert(entry('91210100000009999', '华信机械新公司'))
    for (const query of ['华信机械', '机械 华信', 'hxjx', 'huaxinjixie']) expect(narrowed.search(query, ALL).total, query).toBe(301)
  })

  it('keeps the later of two entries with one code', () => {
    const twice = EntityNameIndex.build([A, { ...A, name: '沈阳华信重工有限公司', formerNames: [] }])
    expect(twice.search('重工', ALL).codes).toEqual([A.code])
    expect(twice.search('机械', ALL).codes).toEqual([])
  })

  describe('ranking', () => {
    const exact = entry('91210100MA0RRRRR01', '华信机械')
    const formerExact = entry('91210100MA0RRRRR02', '沈阳远大重工有限公司', ['华信机械'])
    const prefixes = [
      entry('91210100MA0RRRRR05', '华信机械电子有限公司'),
      entry('91210100MA0RRRRR04', '华信机械设备有限公司'),
      entry('91210100MA0RRRRR03', '华信机械五金有限公司'),
    ]
    const prefixAfterRegion = entry('91210100MA0RRRRR06', '沈阳华信机械制造有限公司')
    const formerPrefix = entry('91210100MA0RRRRR07', '沈阳东方商贸有限公司', ['华信机械厂'])
    const substring = entry('91210100MA0RRRRR08', '沈阳市和平区华信机械厂')
    const words = entry('91210100MA0RRRRR09', '沈阳华信重型机械有限公司')
    const formerWords = entry('91210100MA0RRRRR10', '沈阳北方物流有限公司', ['华信重型机械厂'])
    // Given in an order that is none of the orders expected.
    const ranked = EntityNameIndex.build([words, formerWords, substring, formerPrefix, prefixAfterRegion, ...prefixes, formerExact, exact])

    it('puts the name itself first, then its start, any piece, all words; a former name below the name; then shorter, then by code', () => {
      expect(ranked.search('华信机械', ALL).codes).toEqual(
        codesOf(
          exact,
          formerExact,
          prefixes[2] as NameEntry,
          prefixes[1] as NameEntry,
          prefixes[0] as NameEntry,
          prefixAfterRegion,
          formerPrefix,
          substring,
          words,
          formerWords,
        ),
      )
    })

    it('puts pinyin last', () => {
      expect(index.search('abc', ALL).codes).toEqual(codesOf(H, L))
    })

    it('ranks the code itself first, then codes starting with it', () => {
      const codes = EntityNameIndex.build([entry('9121', '甲'), entry('912101', '乙'), entry('91', '丙丙')])
      expect(codes.search('91', ALL).codes).toEqual(['91', '9121', '912101'])
    })

    it('does not let a common legal form swamp a name', () => {
      // 有限公司 is in most names; the query's other word decides.
      expect(index.search('华信有限公司', ALL).codes).toEqual(codesOf(B, A, I))
    })
  })

  describe('paging', () => {
    const all = index.search('有限公司', ALL)

    it('counts every match on every page', () => {
      expect(all.total).toBe(8)
      const pages = [0, 3, 6].map((offset) => index.search('有限公司', { limit: 3, offset, formerNames: true }))
      expect(pages.map((page) => page.total)).toEqual([8, 8, 8])
      expect(pages.flatMap((page) => page.codes)).toEqual(all.codes)
    })

    it.each([
      [{ limit: 0, offset: 0 }, []],
      [{ limit: 5, offset: 8 }, []],
      [{ limit: 5, offset: 100 }, []],
      [{ limit: 3, offset: -4 }, [0, 1, 2]],
      [{ limit: 2.7, offset: 1.2 }, [1, 2]],
    ])('pages %j', (options, positions) => {
      expect(index.search('有限公司', { ...options, formerNames: true })).toEqual({ codes: positions.map((at) => all.codes[at]), total: 8 })
    })
  })

  describe('former names', () => {
    it.each([
      ['华信机械厂', []],
      ['计算机软件', []],
      ['机械 华信', [I, A]],
      ['华信', [J, B, A, K, I]],
      ['hxjx', [E, A]],
    ])('without them, %j finds %#: only by current names', (query, expected) => {
      expect(index.search(query, CURRENT_ONLY)).toEqual({ codes: codesOf(...expected), total: expected.length })
    })

    it('ranks an entity by its current name alone', () => {
      // K's current name holds 华信 after 沈河区老; its former name, after 沈河区.
      const renamed = EntityNameIndex.build([entry('91210100MA0XXXXXX1', '老华信商店', ['华信商店']), entry('91210100MA0XXXXXX2', '华信商店有限公司')])
      expect(renamed.search('华信商店', ALL).codes).toEqual(['91210100MA0XXXXXX1', '91210100MA0XXXXXX2'])
      expect(renamed.search('华信商店', CURRENT_ONLY).codes).toEqual(['91210100MA0XXXXXX2', '91210100MA0XXXXXX1'])
    })
  })

  describe('handing over', () => {
    it('answers alike once taken over from its parts, and changes as before', () => {
      const { parts, transfer } = EntityNameIndex.build(REGISTRY).parts()
      expect(transfer.length).toBeGreaterThan(10)
      const taken = EntityNameIndex.fromParts(structuredClone(parts, { transfer }))
      for (const query of ['华信', 'hxjx', 'huaxin', '有限公司', '9121', '机械', '计算机软件'])
        expect(taken.search(query, ALL), query).toEqual(index.search(query, ALL))
      taken.upsert({ code: A.code, name: '沈阳华信重工有限公司', formerNames: [] })
      expect(taken.search('重工', ALL).codes).toEqual([A.code])
      expect(taken.search('xinmiao', ALL).codes).toEqual([])
    })

    it('hands over only a fresh build', () => {
      const changed = EntityNameIndex.build(REGISTRY)
      changed.upsert(entry('91210100MA0XXXXXXM', '华信商贸有限公司'))
      expect(() => changed.parts()).toThrow(/fresh build/)
    })
  })

  describe('building', () => {
    it('builds step by step, each step short, the same index as at once', () => {
      const records = new EntityNameRecords()
      for (const e of REGISTRY) records.add(e)
      const steps = EntityNameIndex.building(records)
      let count = 0
      let step = steps.next()
      for (; step.done !== true; step = steps.next()) count += 1
      expect(count).toBeGreaterThan(3)
      for (const query of ['华信', 'hxjx', '有限公司', '9121']) expect(step.value.search(query, ALL), query).toEqual(index.search(query, ALL))
    })

    it('limits matches to MATCH_LIMIT unless told otherwise', () => {
      expect(MATCH_LIMIT).toBe(10_000)
      const limited = EntityNameIndex.build(REGISTRY, { matchLimit: 3 })
      expect(limited.search('有限公司', ALL)).toEqual({ codes: index.search('有限公司', { ...ALL, limit: 3 }).codes, total: 3 })
      expect(limited.search('有限公司', { ...ALL, offset: 2 }).codes).toEqual(index.search('有限公司', { ...ALL, offset: 2, limit: 1 }).codes)
      expect(limited.search('有限公司', { ...ALL, offset: 3 })).toEqual({ codes: [], total: 3 })
    })
  })

  describe('changes', () => {
    it('finds an upserted entity by its new name and former names, and no longer by its old name', () => {
      const changing = EntityNameIndex.build(REGISTRY)
      changing.upsert({ code: A.code, name: '沈阳华信重工有限公司', formerNames: ['沈阳华信机械制造有限公司'] })
      expect(changing.size).toBe(REGISTRY.length)
      expect(changing.search('重工', ALL).codes).toEqual([A.code])
      expect(changing.search('华信机械厂', ALL).codes).toEqual([])
      // Now a former name: below I, which holds 机械华信 in its current name.
      expect(changing.search('机械 华信', ALL).codes).toEqual(codesOf(I, A))
      expect(changing.search('hxzg', ALL).codes).toEqual([A.code])
    })

    it('adds a new entity, in its place among the others', () => {
      const growing = EntityNameIndex.build(REGISTRY)
      const added = entry('91210100MA0XXXXXXM', '华信商贸有限公司')
      growing.upsert(added)
      expect(growing.size).toBe(REGISTRY.length + 1)
      expect(growing.search('华信', ALL).codes).toEqual(codesOf(J, B, added, A, K, I))
      expect(growing.search('hxsm', ALL).codes).toEqual([added.code])
      expect(growing.search('91210100MA0XXXXXXM', ALL).codes).toEqual([added.code])
    })

    it('indexes characters no name had before', () => {
      const growing = EntityNameIndex.build(REGISTRY)
      const added = entry('91210100MA0XXXXXXN', '沈阳鑫淼犇商贸有限公司')
      growing.upsert(added)
      expect(growing.search('淼犇', ALL).codes).toEqual([added.code])
      expect(growing.search('xinmiao', ALL).codes).toEqual([added.code])
    })

    it('leaves the index as it was when an upsert changes nothing', () => {
      const same = EntityNameIndex.build(REGISTRY)
      same.upsert({ ...B, formerNames: [] })
      expect(same.search('华信', ALL).codes).toEqual(codesOf(J, B, A, K, I))
    })

    it('forgets a removed entity, and takes it back', () => {
      const shrinking = EntityNameIndex.build(REGISTRY)
      shrinking.remove(B.code)
      shrinking.remove(B.code)
      shrinking.remove('no such code')
      expect(shrinking.size).toBe(REGISTRY.length - 1)
      expect(shrinking.search('华信', ALL).codes).toEqual(codesOf(J, A, K, I))
      expect(shrinking.search(B.code, ALL).codes).toEqual([])
      shrinking.upsert(B)
      expect(shrinking.search('华信', ALL).codes).toEqual(codesOf(J, B, A, K, I))
    })

    it('counts the upserts that changed something since the build', () => {
      const changed = EntityNameIndex.build(REGISTRY)
      changed.upsert({ code: A.code, name: '沈阳华信重工有限公司', formerNames: [] })
      changed.upsert(B)
      changed.remove(E.code)
      changed.upsert(entry('91210100MA0XXXXXXM', '华信商贸有限公司'))
      expect(changed.changesSinceBuild).toBe(2)
    })
  })
})

// A registry generated at random, and a search done the slow, obvious way to check the index by.

const DISTRICTS = [
  '沈阳市和平区',
  '沈阳市沈河区',
  '沈阳市皇姑区',
  '沈阳市铁西区',
  '沈阳市大东区',
  '沈阳市浑南区',
  '沈阳',
  '沈阳市',
  '辽宁省',
  '辽宁',
  '和平区',
  '',
]
const COMMON_BRANDS = [
  '华信',
  '鑫源',
  '恒通',
  '金诚',
  '宏达',
  '永盛',
  '东方',
  '天成',
  '盛世',
  '瑞丰',
  '兴隆',
  '广源',
  '中科',
  '北方',
  '长城',
  '新星',
  '博远',
  '德润',
  '嘉禾',
  '银行',
]
const BRAND_CHARS = [
  ...'安邦宝诚达鼎丰富光广海汉和恒宏华辉汇佳嘉金锦京聚凯康坤蓝乐力利隆龙美铭明鹏奇启泉荣瑞润森晟盛顺泰腾天通万伟祥鑫欣新兴旭亚扬耀益银永友宇裕远源跃云泽正致智中众卓梓長華東',
]
const INDUSTRIES = [
  '科技',
  '网络科技',
  '信息科技',
  '生物科技',
  '机械制造',
  '商贸',
  '餐饮管理',
  '建筑工程',
  '房地产开发',
  '物流',
  '信息技术',
  '食品',
  '医药',
  '装饰工程',
  '广告传媒',
  '电子',
  '汽车销售',
  '农业发展',
  '文化传播',
  '环保科技',
  '机械设备',
  '五金',
  '服装',
  '教育咨询',
  '物业管理',
  '劳务',
  '化工',
  '钢结构',
  '电气',
  '能源',
]
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 0.55],
  ['有限责任公司', 0.15],
  ['股份有限公司', 0.05],
  ['经营部', 0.05],
  ['中心', 0.05],
  ['协会', 0.05],
  ['合作社', 0.04],
  ['店', 0.06],
]
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗']
const SHOPS = ['面馆', '饭店', '超市', '理发店', '修理部', '烧烤']
const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CODE_HEADS = ['91', '91', '91', '91', '92', '93', '51', '52', '12']
const DIVISIONS = ['210102', '210103', '210104', '210105', '210106', '210112', '210113', '210114']

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function generatedName(random: Random, district: string): string {
  if (random() < 0.08) return `${district}${pick(random, SURNAMES)}记${pick(random, SHOPS)}`
  const brand = random() < 0.3 ? pick(random, COMMON_BRANDS) : pick(random, BRAND_CHARS) + pick(random, BRAND_CHARS)
  let r = random()
  const suffix = SUFFIXES.find(([, weight]) => (r -= weight) < 0)?.[0] ?? '有限公司'
  return `${district}${brand}${pick(random, INDUSTRIES)}${suffix}`
}

/**
 * Legal persons as the registry holds them: district, a brand (three in ten from a few common
 * ones), an industry word and a legal form; three in ten with former names. Codes are distinct.
 */
function* generateEntries(count: number, seed: number, codeOffset = 0): Generator<NameEntry> {
  const random = seededRandom(seed)
  for (let i = 0; i < count; i += 1) {
    const district = pick(random, DISTRICTS)
    const r = random()
    const formerNames = r < 0.25 ? [generatedName(random, district)] : r < 0.3 ? [generatedName(random, district), generatedName(random, district)] : []
    let organisation = ''
    for (let n = i + codeOffset, k = 0; k < 9; k += 1, n = Math.floor(n / 31)) organisation = CODE_CHARACTERS[n % 31] + organisation
    const code = `${pick(random, CODE_HEADS)}${pick(random, DIVISIONS)}${organisation}${pick(random, [...CODE_CHARACTERS])}`
    yield { code, name: generatedName(random, district), formerNames }
  }
}

const syllablesOf = (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: true })

/** A query of each kind, drawn from the registry's own words and names. */
function sampleQueries(random: Random, entries: readonly NameEntry[]): Record<string, () => string> {
  const brand = () => (random() < 0.5 ? pick(random, COMMON_BRANDS) : pick(random, BRAND_CHARS) + pick(random, BRAND_CHARS))
  const fourCharacterWords = INDUSTRIES.filter((word) => word.length === 4)
  return {
    'two-character brand': brand,
    'four-character word': () => pick(random, fourCharacterWords),
    'two words': () => `${pick(random, INDUSTRIES)} ${brand()}`,
    pinyin: () => syllablesOf(random() < 0.5 ? brand() : brand() + pick(random, fourCharacterWords)).join(''),
    initials: () =>
      syllablesOf(brand() + pick(random, fourCharacterWords))
        .map((syllable) => syllable[0])
        .join(''),
    'full name': () => pick(random, entries).name,
    '科技 (very common)': () => '科技',
    'code prefix': () => pick(random, entries).code.slice(0, 8),
  }
}

/** An entry's texts normalised, the name first, each once: worked out once per entry, as the reference reads them for every query. */
const normalisedTexts = new WeakMap<NameEntry, string[]>()
function textsOf(entry: NameEntry): string[] {
  let texts = normalisedTexts.get(entry)
  if (texts === undefined) {
    texts = [...new Set([entry.name, ...entry.formerNames].map(normaliseName))].filter((text, i) => i === 0 || text !== '')
    normalisedTexts.set(entry, texts)
  }
  return texts
}

/** Every entity matching the query, best first, by going through them all. */
function referenceSearch(entries: ReadonlyMap<string, NameEntry>, readings: PinyinReadings, query: string, formerNames: boolean): string[] {
  const parsed = parseNameQuery(query)
  if (parsed === undefined) return []
  const spellings =
    parsed.letters === undefined ? [] : readings.spellings(parsed.letters).map((spelling) => spelling.classes.map((chars: CharClass) => new Set(chars)))
  const spells = (text: string) =>
    spellings.some((spelling) =>
      [...text].some((_, start) => start + spelling.length <= text.length && spelling.every((chars, k) => chars.has(text.charCodeAt(start + k)))),
    )
  const ranked: Array<{ code: string; rank: number; length: number }> = []
  for (const entry of entries.values()) {
    const { code } = entry
    const texts = formerNames ? textsOf(entry) : textsOf(entry).slice(0, 1)
    let best = Number.POSITIVE_INFINITY
    if (parsed.code !== undefined && code.startsWith(parsed.code)) best = code === parsed.code ? 0 : 2
    texts.forEach((text, i) => {
      const region = regionPrefixLength(text)
      let match = Number.POSITIVE_INFINITY
      if (text === parsed.text) match = 0
      else if (text.startsWith(parsed.text) || (region > 0 && text.startsWith(parsed.text, region))) match = 1
      else if (text.includes(parsed.text)) match = 2
      else if (parsed.words.length > 0 && parsed.words.every((word) => text.includes(word))) match = 3
      else if (spells(text)) match = 4
      best = Math.min(best, match * 2 + (i > 0 ? 1 : 0))
    })
    if (Number.isFinite(best)) ranked.push({ code, rank: best, length: (texts[0] as string).length })
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.length - b.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map(({ code }) => code)
}

describe('EntityNameIndex against a search through every entity', () => {
  const entries = new Map([...generateEntries(3000, 7)].map((e) => [e.code, e]))
  const readings = new PinyinReadings()
  const learn = (e: NameEntry) => {
    for (const text of [e.name, ...e.formerNames]) for (const char of normaliseName(text)) readings.learn(char.charCodeAt(0))
  }
  entries.forEach(learn)
  // The generated entries are in no order; the same in code order take the build's other way.
  // Small match limits make common queries stop part way, as at a million entities.
  const sorted = [...entries.values()].sort((a, b) => (a.code < b.code ? -1 : 1))
  let indexes = [
    { matchLimit: MATCH_LIMIT, index: EntityNameIndex.build(entries.values()) },
    { matchLimit: 25, index: EntityNameIndex.build(sorted, { matchLimit: 25 }) },
    { matchLimit: 7, index: EntityNameIndex.build(entries.values(), { matchLimit: 7 }) },
  ]
  const random = seededRandom(11)
  const kinds = sampleQueries(random, [...entries.values()])
  const queries = [
    ...Object.values(kinds).flatMap((make) => Array.from({ length: 12 }, make)),
    ...[
      '华',
      '記',
      '有限公司',
      '股份',
      '沈阳',
      '辽宁省',
      'hua',
      'hu',
      'zg',
      '9',
      '91',
      '12210',
      '科技 有限',
      '瀋陽',
      'ＡＢＣ',
      '和平区王记',
      '老',
      'sy',
      'yxgs',
      'hxkj',
    ],
  ]
  const check = () => {
    for (const formerNames of [true, false]) {
      for (const query of queries) {
        const expected = referenceSearch(entries, readings, query, formerNames)
        for (const { matchLimit, index } of indexes) {
          const found = expected.slice(0, matchLimit)
          const total = found.length
          const label = `${query}${formerNames ? '' : ' (current names)'}, limit ${matchLimit}`
          expect(index.search(query, { ...ALL, formerNames }), label).toEqual({ codes: found, total })
          // Short pages are picked, not sorted whole: each must be its slice of the whole.
          for (const offset of [0, 5, 40])
            expect(index.search(query, { limit: 7, offset, formerNames }), `${label} from ${offset}`).toEqual({ codes: found.slice(offset, offset + 7), total })
        }
      }
    }
  }

  it('finds what the reference finds, in its order, after a build', check)

  it('and after upserts and removals', () => {
    const changes = [...generateEntries(400, 8, 1_000_000)]
    const codes = [...entries.keys()]
    const upsert = (entry: NameEntry) => {
      entries.set(entry.code, entry)
      learn(entry)
      for (const { index } of indexes) index.upsert(entry)
    }
    changes.forEach((change, i) => {
      // Renames, new entities and removals in turn.
      if (i % 3 === 0) upsert({ ...change, code: pick(random, codes) })
      else if (i % 3 === 1) upsert(change)
      else {
        const code = pick(random, codes)
        entries.delete(code)
        for (const { index } of indexes) index.remove(code)
      }
    })
    for (const { index } of indexes) expect(index.size).toBe(entries.size)
    check()
  })

  it('and built afresh on the changed registry, handed over from its parts', () => {
    indexes = indexes.map(({ matchLimit }) => ({
      matchLimit,
      index: EntityNameIndex.fromParts(EntityNameIndex.build(entries.values(), { matchLimit }).parts().parts),
    }))
    for (const { index } of indexes) expect(index.size).toBe(entries.size)
    check()
  })
})

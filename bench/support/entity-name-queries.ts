/**
 * The name-search mix of the `legal-persons` benchmark, made from entities sampled from the
 * registry so every query is something a searcher could type for a real name: the brand of a
 * company, brand and trade, the two in reverse order, the brand in pinyin, initials, a common
 * word, a full name and the start of a credit code.
 */
import { pinyin } from 'pinyin-pro'
import type { SampledEntity } from './entity-sample.js'

export interface NameQueryCase {
  readonly type: NameQueryType
  readonly q: string
}

export const NAME_QUERY_TYPES = [
  'brand (2 chars)',
  'brand + trade (4 chars)',
  'two words',
  'full pinyin',
  'initials',
  'common word',
  'full name',
  'code prefix (8)',
  'code prefix (12)',
] as const
export type NameQueryType = (typeof NAME_QUERY_TYPES)[number]

/**
 * Words many names hold (科技 about one name in sixteen): a search that matches tens of thousands
 * at a million and must still rank them.
 */
const COMMON_WORDS = ['科技', '服务', '文化', '贸易', '商贸', '建筑', '餐饮', '物流']

// The generator's company names: 沈阳 + brand + trade + form, or brand + （沈阳） + trade + form.
// The brand is two characters, or a place word whose first two are taken.
const COMPANY =
  /^(?:沈阳(?!市)(\p{Script=Han}{2})(\p{Script=Han}{2,})|(\p{Script=Han}{2})[（(]沈阳[）)](\p{Script=Han}{2,}))(?:股份有限公司|有限责任公司|有限公司)$/u

const syllables = (text: string): string[] => pinyin(text, { toneType: 'none', type: 'array', v: true })
const initials = (text: string): string[] => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', v: true })

/**
 * Up to `perType` queries of each type, each company's brand used once; sampled entities that
 * are not companies of the usual shape still give full names and code prefixes.
 *
 * @example
 * nameQueryMix([{ credit_code: '91210115MA8JDUGE8Y', name: '沈阳旭辉节能科技有限公司' }], 1)
 * // brand 旭辉, brand + trade 旭辉节能, two words 节能 旭辉, full pinyin xuhui, initials xhjn, …
 */
export function nameQueryMix(entities: readonly SampledEntity[], perType: number): NameQueryCase[] {
  const byType = new Map<NameQueryType, string[]>(NAME_QUERY_TYPES.map((type) => [type, []]))
  const add = (type: NameQueryType, q: string): void => {
    const queries = byType.get(type) ?? []
    if (queries.length < perType && !queries.includes(q)) queries.push(q)
  }
  const brands = new Set<string>()
  for (const entity of entities) {
    add('full name', entity.name)
    add('code prefix (8)', entity.credit_code.slice(0, 8))
    add('code prefix (12)', entity.credit_code.slice(0, 12))
    const match = COMPANY.exec(entity.name)
    const brand = match?.[1] ?? match?.[3]
    const trade = (match?.[2] ?? match?.[4])?.slice(0, 2)
    if (brand === undefined || trade === undefined || brands.has(brand)) continue
    brands.add(brand)
    add('brand (2 chars)', brand)
    add('brand + trade (4 chars)', brand + trade)
    add('two words', `${trade} ${brand}`)
    add('full pinyin', syllables(brand).join(''))
    add('initials', initials(brand + trade).join(''))
  }
  for (const word of COMMON_WORDS) add('common word', word)
  // Interleaved, so a mix cut short or cycled still holds every type.
  const mix: NameQueryCase[] = []
  for (let i = 0; i < perType; i += 1) {
    for (const type of NAME_QUERY_TYPES) {
      const q = byType.get(type)?.[i % Math.max(1, byType.get(type)?.length ?? 0)]
      if (q !== undefined) mix.push({ type, q })
    }
  }
  return mix
}

import type { CatalogItem } from '../catalog/model.js'
import { makeCreditCode } from '../standards/credit-code.js'
import { checkCharacter } from '../standards/resident-id.js'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗']
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '玉兰',
]
const DISTRICTS = [
  ['210102', '和平区'],
  ['210103', '沈河区'],
  ['210104', '大东区'],
  ['210105', '皇姑区'],
  ['210106', '铁西区'],
  ['210111', '苏家屯区'],
  ['210112', '浑南区'],
  ['210113', '沈北新区'],
  ['210114', '于洪区'],
] as const
const STREETS = ['南京北街', '青年大街', '北陵大街', '建设大路', '文化路', '长江街', '黄河大街', '中山路', '三好街', '太原街']
const CODE_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A person of the demo population, for records that name people who exist in the registry. */
export interface DemoPerson {
  readonly resident_id: string
  readonly name: string
}

/**
 * Plausible records for any catalog entry, from its items alone: valid resident IDs, credit
 * codes and Shenyang division codes where items hold them, Chinese names, addresses, amounts and
 * dates elsewhere. Keys are unique; the same seed gives the same records.
 *
 * @example
 * demoRecords(entry.items, 200, 7)[0] // { resident_id: '210102…', name: '王伟', … }
 */
/** An entity of the demo legal-person registry, for records that name entities that exist. */
export interface DemoEntity {
  readonly credit_code: string
  readonly name: string
}

export function demoRecords(
  items: readonly CatalogItem[],
  count: number,
  seed: number,
  people: readonly DemoPerson[] = [],
  entities: readonly DemoEntity[] = [],
): Array<Record<string, string | number | boolean | null>> {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  return Array.from({ length: count }, (_, index) => {
    const [division, district] = pick(DISTRICTS)
    const year = 1940 + Math.floor(next() * 65)
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0')
    const sequence = String((index * 7 + seed) % 1000).padStart(3, '0')
    const first17 = `${division}${year}${month}${day}${sequence}`
    const record: Record<string, string | number | boolean | null> = {}
    // With a population, record i names person i (and the next ones for further ID items), so
    // the first persons have an attachment in every demo dataset.
    let personIndex = index
    let named: DemoPerson | undefined
    const entity = entities.length > 0 ? entities[index % entities.length] : undefined
    for (const item of items) {
      const text = `${item.name} ${item.key}`
      let value: string | number | boolean | null
      if (item.identifierKind === 'residentId' && people.length > 0) {
        const person = people[personIndex % people.length] as DemoPerson
        personIndex += 1
        named ??= person
        value = person.resident_id
      } else if (item.identifierKind === 'residentId') value = `${first17}${checkCharacter(first17)}`
      else if (item.identifierKind === 'creditCode' && entity !== undefined) value = entity.credit_code
      else if (entity !== undefined && /企业名称|单位名称|纳税人名称|行政相对人名称|entity_name|taxpayer_name|party_name/.test(text)) value = entity.name
      else if (item.identifierKind === 'creditCode') {
        const body = Array.from({ length: 7 }, () => pick([...CODE_BODY.slice(0, 10)])).join('') + String(index % 10)
        value = makeCreditCode(`91${division}`, body)
      } else if (item.identifierKind === 'divisionCode') value = item.length !== null && item.length < 12 ? division : `${division}000000`
      else if (item.type === 'D') value = `${year}-${month}-${day}`
      else if (item.type === 'T') value = `2025-${month}-${day}T09:30:00.000Z`
      else if (item.type === 'L') value = next() < 0.5
      else if (item.type === 'I') value = Math.floor(next() * 100)
      else if (item.type === 'N' || item.type === 'Y' || item.type === 'F') value = Math.round(next() * 200_000) / 100
      else if (/姓名|(^| )name( |$)|法定代表人$/.test(text)) value = named?.name ?? `${pick(SURNAMES)}${pick(GIVEN)}`
      else if (/地址|住址|住所|address/.test(text)) value = `辽宁省沈阳市${district}${pick(STREETS)}${1 + Math.floor(next() * 300)}号`
      else if (/信用等级|(^| )rating( |$)/.test(text)) value = pick(['A', 'A', 'B', 'B', 'B', 'M', 'C', 'D'])
      else if (/电话|手机|phone|mobile/.test(text)) value = `139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`
      else if (item.type === 'B') value = null
      else value = item.primaryKey ? `${item.key.toUpperCase().slice(0, 4)}${String(index + 1).padStart(6, '0')}` : `${item.name}${1 + (index % 9)}`
      if (typeof value === 'string' && item.length !== null && [...value].length > item.length) value = [...value].slice(0, item.length).join('')
      record[item.key] = value
    }
    return record
  })
}

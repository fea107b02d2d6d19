import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GeneratedPerson, generatePopulation } from './population.js'
import { parseCreditCode } from '../../standards/credit-code.js'
import { findDivision } from '../../standards/division-code.js'
import { findIndustry } from '../../standards/industry.js'
import { parseRegistrationNumber } from '../../standards/registration-number.js'
import { parseResidentId } from '../../standards/resident-id.js'
import { mapEntityColumns, parseEntityRow } from '../../legal-person/entity-input.js'
import {
  ENTITY_COLUMNS,
  ENTITY_STATUSES,
  ENTITY_TYPES,
  type GenerateEntitiesOptions,
  type GeneratedEntity,
  entityOfGenerated,
  generateEntities,
  writeEntitiesCsv,
} from './legal-person.js'
import { sourceOfCreditCode } from '../../legal-person/model.js'

const TODAY = new Date('2024-06-30T12:00:00+08:00')
const TODAY_DATE = '2024-06-30'
const SAMPLE_SIZE = 50_000
const OPTIONS: GenerateEntitiesOptions = { count: SAMPLE_SIZE, seed: 20240630, populationCount: 300_000, populationSeed: 42, today: TODAY }
// Smaller runs draw on a smaller population: the representatives' pool fills faster.
const SMALL: GenerateEntitiesOptions = { ...OPTIONS, populationCount: 30_000 }
const AUTHORITY_SUFFIX = { market: '市场监督管理局', civil: '民政局', staffing: '机构编制委员会办公室' } as const
const FOUNDER_LED = new Set(['1130', '1151', '1222', '4540', '9100', '9600', '51', '52', '53'])

function take(count: number, seed: number, today = TODAY): GeneratedEntity[] {
  return [...generateEntities({ ...SMALL, count, seed, today })]
}

function typeOf(code: string) {
  const type = ENTITY_TYPES.find((candidate) => candidate.code === code)
  if (type === undefined) throw new Error(`unknown entity type ${code}`)
  return type
}

function share(sample: readonly GeneratedEntity[], test: (entity: GeneratedEntity) => boolean): number {
  return sample.filter(test).length / sample.length
}

describe('synthetic legal persons', () => {
  let sample: GeneratedEntity[]
  let population: Map<string, GeneratedPerson>

  beforeAll(() => {
    sample = [...generateEntities(OPTIONS)]
    population = new Map()
    for (const person of generatePopulation({ count: OPTIONS.populationCount, seed: OPTIONS.populationSeed, today: TODAY }))
      population.set(person.resident_id, person)
  })

  it('is deterministic: the same options give the same entities, another seed others', () => {
    const first = take(1000, 7)
    expect(take(1000, 7)).toEqual(first)
    const other = take(1000, 8)
    expect(other).not.toEqual(first)
    const firstCodes = new Set(first.map((entity) => entity.credit_code))
    expect(other.filter((entity) => firstCodes.has(entity.credit_code)).length).toBeLessThan(10)
  })

  it('gives every entity a valid credit code, unique, agreeing with its type, division and source', () => {
    const wrong = sample.filter((entity) => {
      const code = parseCreditCode(entity.credit_code)
      const type = typeOf(entity.entity_type)
      return (
        !code.valid ||
        code.code !== entity.credit_code ||
        entity.credit_code.slice(0, 2) !== type.creditCodePrefix ||
        code.entityType === undefined ||
        code.divisionCode !== entity.division_code ||
        type.department !== entity.source_department ||
        sourceOfCreditCode(entity.credit_code) !== entity.source_department
      )
    })
    expect(wrong).toEqual([])
    expect(new Set(sample.map((entity) => entity.credit_code)).size).toBe(SAMPLE_SIZE)
    expect(new Set(sample.map((entity) => entity.credit_code.slice(8, 17))).size).toBe(SAMPLE_SIZE)
  })

  it('uses the new organisation code ranges after the reform and old ones before', () => {
    const wrong = sample.filter((entity) => {
      const body = entity.credit_code.slice(8, 10)
      const reform = entity.source_department === 'market' ? '2015-10-01' : '2016-01-01'
      const isNew = /^M[ABJ]$/.test(body)
      if (entity.entity_type === '9600') return body !== 'MA'
      if (entity.established_on >= reform) return body !== { market: 'MA', civil: 'MJ', staffing: 'MB' }[entity.source_department]
      return isNew || !/^\d{2}$/.test(body)
    })
    expect(wrong).toEqual([])
  })

  it('gives market entities founded before the reform a valid registration number of their district, unique', () => {
    const wrong = sample.filter((entity) => {
      const expected = entity.source_department === 'market' && entity.established_on < '2015-10-01'
      if (!expected) return entity.registration_number !== ''
      const number = parseRegistrationNumber(entity.registration_number)
      const kind = entity.entity_type === '9600' ? 'individual' : entity.entity_type.startsWith('5') ? 'foreign' : 'domestic'
      return !number.valid || number.authorityCode !== entity.division_code || number.kind !== kind
    })
    expect(wrong).toEqual([])
    const numbers = sample.map((entity) => entity.registration_number).filter((number) => number !== '')
    expect(numbers.length).toBeGreaterThan(SAMPLE_SIZE * 0.2)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('registers each entity with the office of its district that matches the first character of its code', () => {
    const wrong = sample.filter((entity) => {
      const district = findDivision(entity.division_code)?.name ?? '?'
      const office = `${district.endsWith('区') ? '沈阳市' : ''}${district}${AUTHORITY_SUFFIX[entity.source_department]}`
      return entity.registration_authority !== office || !/^2101\d{2}$/.test(entity.division_code) || !entity.domicile.startsWith(`辽宁省沈阳市${district}`)
    })
    expect(wrong).toEqual([])
    expect(new Set(sample.map((entity) => entity.division_code)).size).toBe(13)
    expect(sample.find((entity) => entity.registration_authority === '沈阳市和平区市场监督管理局')).toBeDefined()
    expect(sample.find((entity) => entity.registration_authority === '新民市民政局')).toBeDefined()
    expect(sample.find((entity) => entity.registration_authority === '沈阳市铁西区机构编制委员会办公室')).toBeDefined()
  })

  it('mixes the types and departments in roughly the intended shares', () => {
    const bySource = (source: string) => share(sample, (entity) => entity.source_department === source)
    expect(bySource('market')).toBeGreaterThan(0.92)
    expect(bySource('market')).toBeLessThan(0.96)
    expect(bySource('civil')).toBeGreaterThan(0.03)
    expect(bySource('civil')).toBeLessThan(0.05)
    expect(bySource('staffing')).toBeGreaterThan(0.015)
    expect(bySource('staffing')).toBeLessThan(0.025)
    const individual = share(sample, (entity) => entity.entity_type === '9600')
    expect(individual).toBeGreaterThan(0.35)
    expect(individual).toBeLessThan(0.47)
    const types = new Set(sample.map((entity) => entity.entity_type))
    expect([...types].sort()).toEqual(ENTITY_TYPES.map((type) => type.code).sort())
  })

  it('names every entity uniquely, in Chinese, after its kind', () => {
    expect(new Set(sample.map((entity) => entity.name)).size).toBe(SAMPLE_SIZE)
    const wrong = sample.filter((entity) => {
      if (!/^[\p{Script=Han}（）]+$/u.test(entity.name)) return true
      switch (entity.entity_type) {
        case '1222':
          return !entity.name.endsWith('股份有限公司')
        case '1110':
        case '1130':
        case '1151':
        case '5110':
        case '5150':
          return !/有限(责任)?公司$/.test(entity.name) || entity.name.endsWith('股份有限公司')
        case '9100':
          return !entity.name.endsWith('专业合作社')
        case '9600':
          return !/^(沈阳市)?\p{Script=Han}+(区|县|市)/u.test(entity.name) || /公司$/.test(entity.name)
        case '51':
          return !/(会|学会)$/.test(entity.name)
        case '53':
          return !entity.name.endsWith('基金会')
        default:
          return false
      }
    })
    expect(wrong).toEqual([])
    expect(sample.some((entity) => /^沈阳\p{Script=Han}+科技有限公司$/u.test(entity.name))).toBe(true)
    expect(sample.some((entity) => /^沈阳市和平区\p{Script=Han}+有限公司$/u.test(entity.name))).toBe(true)
    expect(sample.some((entity) => /^\p{Script=Han}+（沈阳）\p{Script=Han}+有限公司$/u.test(entity.name))).toBe(true)
    expect(sample.some((entity) => /^和平区\p{Script=Han}记\p{Script=Han}+$/u.test(entity.name))).toBe(true)
    expect(sample.some((entity) => /^沈阳市\p{Script=Han}+区\p{Script=Han}+协会$/u.test(entity.name))).toBe(true)
    expect(sample.some((entity) => /^沈阳市\p{Script=Han}+区\p{Script=Han}+中心$/u.test(entity.name) && entity.entity_type === '12')).toBe(true)
  })

  it('gives about one in twenty a former name, never the current one', () => {
    const withFormer = sample.filter((entity) => entity.former_name !== '')
    expect(withFormer.length / SAMPLE_SIZE).toBeGreaterThan(0.03)
    expect(withFormer.length / SAMPLE_SIZE).toBeLessThan(0.07)
    expect(withFormer.filter((entity) => entity.former_name === entity.name)).toEqual([])
    expect(withFormer.filter((entity) => entity.entity_type === '11' || entity.entity_type === '12')).toEqual([])
  })

  it('draws representatives from the living adults of the population named in the options', () => {
    const wrong = sample.filter((entity) => {
      const person = population.get(entity.representative_id)
      const id = parseResidentId(entity.representative_id, { today: TODAY })
      const age = Number(TODAY_DATE.slice(0, 4)) - Number(person?.birth_date.slice(0, 4)) - ((person?.birth_date.slice(5) ?? '') > TODAY_DATE.slice(5) ? 1 : 0)
      return !id.valid || person === undefined || person.name !== entity.legal_representative || person.status !== '10' || age < 22 || age > 75
    })
    expect(wrong).toEqual([])
    const representatives = new Set(sample.map((entity) => entity.representative_id))
    expect(representatives.size).toBeGreaterThan(SAMPLE_SIZE * 0.7)
  })

  it('has founders who were adults when they founded', () => {
    const wrong = sample.filter((entity) => {
      if (!FOUNDER_LED.has(entity.entity_type)) return false
      const birth = population.get(entity.representative_id)?.birth_date ?? '9999-99-99'
      return `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}` > entity.established_on
    })
    expect(wrong).toEqual([])
  })

  it('keeps dates consistent with each other and with today', () => {
    const wrong = sample.filter((entity) => {
      const date = /^\d{4}-\d{2}-\d{2}$/
      const active = entity.status === '1' || entity.status === '2'
      return (
        !date.test(entity.established_on) ||
        entity.established_on < '1949-01-01' ||
        entity.established_on > TODAY_DATE ||
        (entity.business_term_to !== '' && (!date.test(entity.business_term_to) || entity.business_term_to <= entity.established_on)) ||
        (active && entity.business_term_to !== '' && entity.business_term_to < TODAY_DATE) ||
        (active
          ? entity.status_date !== ''
          : !date.test(entity.status_date) ||
            entity.status_date <= entity.established_on ||
            entity.status_date > TODAY_DATE ||
            entity.status_date < '2016-01-01')
      )
    })
    expect(wrong).toEqual([])
    // Establishments rise from 1990 to the 2020s; old state and collective enterprises stop in 1997.
    const decade = (from: string, to: string) => share(sample, (entity) => entity.established_on >= from && entity.established_on < to)
    expect(decade('1990', '2000')).toBeLessThan(decade('2000', '2010'))
    expect(decade('2000', '2010')).toBeLessThan(decade('2010', '2020'))
    expect(decade('2020', '2025')).toBeGreaterThan(0.25)
    expect(sample.filter((entity) => (entity.entity_type === '3100' || entity.entity_type === '3200') && entity.established_on >= '1998')).toEqual([])
    expect(sample.filter((entity) => entity.entity_type === '9100' && entity.established_on < '2007-07-01')).toEqual([])
  })

  it('never dates anything after a today that falls early in a year', () => {
    const today = new Date('2025-01-03T09:00:00+08:00')
    const entities = take(5000, 3, today)
    expect(entities.every((entity) => entity.established_on <= '2025-01-03' && entity.status_date <= '2025-01-03')).toBe(true)
  })

  it('uses GB/T 4754-2017 divisions, weighted to trade, business services, technology and construction', () => {
    const counts = new Map<string, number>()
    for (const entity of sample) counts.set(entity.industry_code, (counts.get(entity.industry_code) ?? 0) + 1)
    for (const code of counts.keys()) expect(findIndustry(code)?.division?.code, code).toBe(code)
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([code]) => code)
    expect(top).toEqual(expect.arrayContaining(['52', '62', '51', '72']))
    for (const code of ['65', '34', '47', '50']) expect(counts.get(code) ?? 0, code).toBeGreaterThan(SAMPLE_SIZE * 0.003)
    const sectionOf = (entity: GeneratedEntity) => findIndustry(entity.industry_code)?.section.code
    expect(sample.filter((entity) => entity.entity_type === '9100' && sectionOf(entity) !== 'A')).toEqual([])
    expect(sample.filter((entity) => (entity.entity_type === '51' || entity.entity_type === '53') && entity.industry_code !== '95')).toEqual([])
    expect(sample.filter((entity) => entity.entity_type === '11' && sectionOf(entity) !== 'S')).toEqual([])
  })

  it('writes a business scope from the industry, in the standard wording since 2021', () => {
    const wrong = sample.filter((entity) => (entity.business_scope === '') !== (entity.entity_type === '11'))
    expect(wrong).toEqual([])
    const companies = sample.filter((entity) => entity.entity_type === '1130')
    expect(companies.filter((entity) => entity.established_on >= '2021-03-01' && !entity.business_scope.includes('一般项目：'))).toEqual([])
    expect(companies.filter((entity) => entity.established_on < '2021-03-01' && entity.business_scope.includes('一般项目：'))).toEqual([])
    const software = companies.find((entity) => entity.industry_code === '65')
    expect(software?.business_scope).toMatch(/软件|信息|数据|计算机|物联网/)
  })

  it('states capital in 万元 with two decimals, in US dollars only for foreign-invested companies', () => {
    expect(sample.filter((entity) => !/^\d+\.\d{2}$/.test(entity.registered_capital))).toEqual([])
    expect(sample.filter((entity) => entity.currency !== 'CNY' && entity.currency !== 'USD')).toEqual([])
    expect(sample.filter((entity) => entity.currency === 'USD' && !['5110', '5150'].includes(entity.entity_type))).toEqual([])
    const individuals = sample.filter((entity) => entity.entity_type === '9600')
    expect(share(individuals, (entity) => entity.registered_capital === '0.00')).toBeGreaterThan(0.4)
    expect(share(sample, (entity) => entity.currency === 'CNY')).toBeGreaterThan(0.98)
  })

  it('keeps statuses in plausible shares', () => {
    const byStatus = (status: string) => share(sample, (entity) => entity.status === status)
    expect(ENTITY_STATUSES.map((status) => `${status.code}${status.name}`)).toEqual(['1存续', '2在业', '3吊销', '4注销', '5迁出'])
    expect(byStatus('1') + byStatus('2')).toBeGreaterThan(0.86)
    expect(byStatus('1')).toBeGreaterThan(byStatus('2'))
    expect(byStatus('4')).toBeGreaterThan(0.045)
    expect(byStatus('4')).toBeLessThan(0.08)
    expect(byStatus('3')).toBeGreaterThan(0.02)
    expect(byStatus('3')).toBeLessThan(0.045)
    expect(byStatus('5')).toBeGreaterThan(0.005)
    expect(byStatus('5')).toBeLessThan(0.018)
  })

  it('hands the registry its own record', () => {
    const generated = sample[0] as GeneratedEntity
    const entity = entityOfGenerated(generated)
    expect(entity.registration_status).toBe(generated.status)
    expect(entity).not.toHaveProperty('status')
    expect({ ...entity, status: entity.registration_status, registration_status: undefined }).toEqual({ ...generated, registration_status: undefined })
  })

  it('turns further agencies into companies once a city has no more of them, names still unique', () => {
    const names = new Set<string>()
    let agencies = 0
    let count = 0
    for (const entity of generateEntities({ ...SMALL, count: 200_000, seed: 5 })) {
      names.add(entity.name)
      if (entity.entity_type === '11') agencies++
      count++
    }
    expect(names.size).toBe(count)
    // 40 in 10 000 would be 800; the 13 districts have some 660 agencies to name.
    expect(agencies).toBeGreaterThan(600)
    expect(agencies).toBeLessThan(700)
  })

  it('refuses options it cannot honour', () => {
    expect(() => generateEntities({ ...OPTIONS, count: -1 })).toThrow(RangeError)
    expect(() => generateEntities({ ...OPTIONS, count: 1.5 })).toThrow(RangeError)
    expect(() => generateEntities({ ...OPTIONS, populationCount: 0 })).toThrow(RangeError)
    expect(() => generateEntities({ ...OPTIONS, seed: Number.NaN })).toThrow(RangeError)
    expect(() => generateEntities({ ...OPTIONS, today: new Date('nonsense') })).toThrow(RangeError)
    expect(() => generateEntities({ ...OPTIONS, today: new Date('1999-01-01') })).toThrow(RangeError)
  })
})

describe('legal-person CSV', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'huitong-entities-'))
  })

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it.each(['utf-8', 'gbk'] as const)('round-trips 1 000 rows in %s', async (encoding) => {
    const file = path.join(directory, `entities-${encoding}.csv`)
    const progress: number[] = []
    const options = { ...SMALL, count: 1000, seed: 11 }
    const result = await writeEntitiesCsv(file, { ...options, encoding, onProgress: (written) => progress.push(written) })

    const bytes = await readFile(file)
    expect(result).toEqual({ rows: 1000, bytes: bytes.length })
    expect(progress.at(-1)).toBe(1000)
    const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    const [header, ...rows] = parse(text) as string[][]
    expect(header).toEqual(ENTITY_COLUMNS.map((column) => column.name))
    expect(rows).toEqual(take(1000, 11).map((entity) => ENTITY_COLUMNS.map((column) => entity[column.key])))
  })

  it('writes rows that the registry import accepts as they are', async () => {
    const file = path.join(directory, 'import.csv')
    await writeEntitiesCsv(file, { ...SMALL, count: 2000, seed: 12 })
    const [header = [], ...rows] = parse(await readFile(file, 'utf8')) as string[][]
    const { columns, missing, ignored } = mapEntityColumns(header)
    expect({ missing, ignored }).toEqual({ missing: [], ignored: [] })
    const generated = take(2000, 12)
    rows.forEach((row, index) => {
      const parsed = parseEntityRow(row, columns, TODAY_DATE)
      expect(parsed.problems).toBeUndefined()
      expect(parsed.entity).toEqual(entityOfGenerated(generated[index] as GeneratedEntity))
    })
  })

  it('can head the columns with the field keys', async () => {
    const file = path.join(directory, 'keys.csv')
    await writeEntitiesCsv(file, { ...SMALL, count: 3, header: 'key' })
    const [header, ...rows] = parse(await readFile(file, 'utf8')) as string[][]
    expect(header).toEqual(ENTITY_COLUMNS.map((column) => column.key))
    expect(rows).toHaveLength(3)
  })

  it('writes the whole file or none of it', async () => {
    const file = path.join(directory, 'stopped.csv')
    const stop = (written: number) => {
      if (written >= 2000) throw new Error('stopped')
    }
    await expect(writeEntitiesCsv(file, { ...SMALL, count: 5000, onProgress: stop })).rejects.toThrow('stopped')
    expect((await readdir(directory)).filter((name) => name.startsWith('stopped'))).toEqual([])
    await expect(writeEntitiesCsv(path.join(directory, 'missing', 'entities.csv'), { ...SMALL, count: 10 })).rejects.toThrow(/ENOENT/)
  })
})

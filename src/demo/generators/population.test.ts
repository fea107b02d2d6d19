import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findDivision } from '../../standards/division-code.js'
import { findEthnicGroup } from '../../standards/ethnic-group.js'
import { parseResidentId } from '../../standards/resident-id.js'
import { type GeneratedPerson, POPULATION_COLUMNS, generatePopulation, writePopulationCsv } from './population.js'

const TODAY = new Date('2024-06-30T12:00:00+08:00')
const TODAY_DATE = '2024-06-30'
const SAMPLE_SIZE = 50_000

function take(count: number, seed: number, today = TODAY): GeneratedPerson[] {
  return [...generatePopulation({ count, seed, today })]
}

describe('synthetic population', () => {
  let sample: GeneratedPerson[]

  beforeAll(() => {
    sample = take(SAMPLE_SIZE, 20240630)
  })

  it('is deterministic: the same seed gives the same persons, another seed others', () => {
    const first = take(1000, 7)
    expect(take(1000, 7)).toEqual(first)
    const other = take(1000, 8)
    expect(other).not.toEqual(first)
    expect(other.filter((person, index) => person.resident_id === first[index]?.resident_id).length).toBeLessThan(10)
  })

  it('gives every person a valid resident ID, unique, agreeing with gender and birth date', () => {
    const wrong = sample.filter((person) => {
      const id = parseResidentId(person.resident_id, { today: TODAY })
      return !id.valid || id.id !== person.resident_id || id.gender !== (person.gender === '1' ? 'male' : 'female') || id.birthDate !== person.birth_date
    })
    expect(wrong).toEqual([])
    expect(new Set(sample.map((person) => person.resident_id)).size).toBe(SAMPLE_SIZE)
  })

  it('mostly uses the household county as the ID address code, and sometimes a retired or outside one', () => {
    const own = sample.filter((person) => person.resident_id.slice(0, 6) === person.household_division.slice(0, 6)).length
    expect(own / SAMPLE_SIZE).toBeGreaterThan(0.94)
    expect(own / SAMPLE_SIZE).toBeLessThan(0.99)
    const retired = sample.filter((person) => {
      const id = parseResidentId(person.resident_id, { today: TODAY })
      return id.valid && id.addressRetired
    })
    expect(retired.length).toBeGreaterThan(0)
    for (const person of retired) {
      const code = person.resident_id.slice(0, 6)
      expect(['210121', '210122']).toContain(code)
      expect(person.birth_date < (code === '210122' ? '2016-04-01' : '1993-01-01')).toBe(true)
    }
  })

  it('draws birth dates no later than today, with an ageing pyramid', () => {
    expect(sample.every((person) => /^\d{4}-\d{2}-\d{2}$/.test(person.birth_date) && person.birth_date <= TODAY_DATE)).toBe(true)
    const share = (low: number, high: number) =>
      sample.filter((person) => {
        const age = 2024 - Number(person.birth_date.slice(0, 4))
        return age >= low && age <= high
      }).length / SAMPLE_SIZE
    expect(share(0, 17)).toBeGreaterThan(0.1)
    expect(share(0, 17)).toBeLessThan(0.17)
    expect(share(60, 200)).toBeGreaterThan(0.25)
    expect(share(60, 200)).toBeLessThan(0.36)
    expect(share(0, 4)).toBeLessThan(share(55, 59))
  })

  it('never puts a birth after a today that falls early in a year', () => {
    const today = new Date('2025-01-03T09:00:00+08:00')
    const persons = take(20_000, 3, today)
    expect(persons.every((person) => person.birth_date <= '2025-01-03')).toBe(true)
    expect(persons.every((person) => parseResidentId(person.resident_id, { today }).valid)).toBe(true)
  })

  it('uses GB/T 3304 codes, mostly Han, then Manchu', () => {
    const counts = new Map<string, number>()
    for (const person of sample) counts.set(person.ethnic_group, (counts.get(person.ethnic_group) ?? 0) + 1)
    for (const code of counts.keys()) expect(findEthnicGroup(code), code).toBeDefined()
    const han = (counts.get('01') ?? 0) / SAMPLE_SIZE
    const manchu = (counts.get('11') ?? 0) / SAMPLE_SIZE
    expect(han).toBeGreaterThan(0.88)
    expect(han).toBeLessThan(0.94)
    expect(manchu).toBeGreaterThan(0.03)
    expect(manchu).toBeLessThan(0.07)
    for (const code of ['02', '03', '10', '38']) expect(counts.get(code) ?? 0, code).toBeGreaterThan(0)
  })

  it('writes names in Chinese characters, the middle dot only for Uyghur-style names', () => {
    const wrong = sample.filter(
      (person) =>
        !/^\p{Script=Han}+(\u00B7\p{Script=Han}+)?$/u.test(person.name) ||
        person.name.includes('\u00B7') !== (person.ethnic_group === '05') ||
        (person.former_name !== '' && (person.former_name === person.name || person.former_name[0] !== person.name[0])),
    )
    expect(wrong).toEqual([])
    const withFormer = sample.filter((person) => person.former_name !== '').length / SAMPLE_SIZE
    expect(withFormer).toBeGreaterThan(0.01)
    expect(withFormer).toBeLessThan(0.06)
    expect(new Set(sample.map((person) => person.name)).size).toBeGreaterThan(SAMPLE_SIZE / 10)
  })

  it('places households in communities and villages of Shenyang, addresses naming them', () => {
    const wrong = sample.filter((person) => {
      const district = findDivision(person.household_division)?.name ?? '?'
      return (
        !/^2101\d{8}$/.test(person.household_division) ||
        !person.household_address.startsWith(`辽宁省沈阳市${district}`) ||
        !/(村|社区)\p{Script=Han}*\d+号/u.test(person.household_address) ||
        !person.residence_address.startsWith('辽宁省沈阳市')
      )
    })
    expect(wrong).toEqual([])
    const districts = new Set(sample.map((person) => person.household_division.slice(0, 6)))
    expect(districts.size).toBe(13)
    const sameAddress = sample.filter((person) => person.residence_address === person.household_address).length / SAMPLE_SIZE
    expect(sameAddress).toBeGreaterThan(0.7)
    expect(sameAddress).toBeLessThan(0.9)
  })

  it('keeps status and dates consistent, with roughly the expected shares', () => {
    const wrong = sample.filter((person) => {
      const deathDateFits = person.status === '20' ? person.death_date > person.birth_date && person.death_date <= TODAY_DATE : person.death_date === ''
      const emigrationDateFits =
        person.status === '30' ? person.emigration_date >= person.birth_date && person.emigration_date <= TODAY_DATE : person.emigration_date === ''
      return !deathDateFits || !emigrationDateFits
    })
    expect(wrong).toEqual([])
    const counts = { '10': 0, '20': 0, '30': 0, '40': 0 }
    for (const person of sample) counts[person.status]++
    expect(counts['20'] / SAMPLE_SIZE).toBeGreaterThan(0.005)
    expect(counts['20'] / SAMPLE_SIZE).toBeLessThan(0.03)
    expect(counts['30'] / SAMPLE_SIZE).toBeGreaterThan(0.01)
    expect(counts['30'] / SAMPLE_SIZE).toBeLessThan(0.03)
    expect(counts['40']).toBeGreaterThan(0)
    expect(counts['40'] / SAMPLE_SIZE).toBeLessThan(0.005)
  })

  it('refuses a count it cannot honour', () => {
    expect(() => generatePopulation({ count: -1, seed: 1 })).toThrow(RangeError)
    expect(() => generatePopulation({ count: 1.5, seed: 1 })).toThrow(RangeError)
    expect(() => generatePopulation({ count: 1, seed: 1, today: new Date('nonsense') })).toThrow(RangeError)
  })
})

describe('population CSV', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'huitong-population-'))
  })

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it.each(['utf-8', 'gbk'] as const)('round-trips 1 000 rows in %s', async (encoding) => {
    const file = path.join(directory, `population-${encoding}.csv`)
    const progress: number[] = []
    const options = { count: 1000, seed: 11, today: TODAY }
    const result = await writePopulationCsv(file, { ...options, encoding, onProgress: (written) => progress.push(written) })

    const bytes = await readFile(file)
    expect(result).toEqual({ rows: 1000, bytes: bytes.length })
    expect(progress.at(-1)).toBe(1000)
    const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    const [header, ...rows] = parse(text) as string[][]
    expect(header).toEqual(POPULATION_COLUMNS.map((column) => column.name))
    const expected = take(1000, 11).map((person) => POPULATION_COLUMNS.map((column) => person[column.key]))
    expect(rows).toEqual(expected)
  })

  it('can head the columns with the field keys', async () => {
    const file = path.join(directory, 'keys.csv')
    await writePopulationCsv(file, { count: 3, seed: 1, today: TODAY, header: 'key' })
    const [header, ...rows] = parse(await readFile(file, 'utf8')) as string[][]
    expect(header).toEqual(POPULATION_COLUMNS.map((column) => column.key))
    expect(rows).toHaveLength(3)
  })

  it('writes the whole file or none of it', async () => {
    const file = path.join(directory, 'stopped.csv')
    const stop = (written: number) => {
      if (written >= 2000) throw new Error('stopped')
    }
    await expect(writePopulationCsv(file, { count: 5000, seed: 1, today: TODAY, onProgress: stop })).rejects.toThrow('stopped')
    expect((await readdir(directory)).filter((name) => name.startsWith('stopped'))).toEqual([])
    await expect(writePopulationCsv(path.join(directory, 'missing', 'population.csv'), { count: 10, seed: 1, today: TODAY })).rejects.toThrow(/ENOENT/)
  })
})

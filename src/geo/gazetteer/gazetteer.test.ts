import { describe, expect, it } from 'vitest'
import { generateEntities } from '../../demo/generators/legal-person.js'
import { generatePopulation } from '../../demo/generators/population.js'
import { generateGeoDemo } from '../../demo/generators/geo/generator.js'
import { DivisionHistory } from '../divisions/history.js'
import { addressVillageName, divisionNameForms, normaliseAddress, readGroup, readHouseNumber } from './address-text.js'
import { Gazetteer } from './gazetteer.js'
import { sfc32 } from '../../demo/synthetic.js'
import type { LonLat } from '../divisions/model.js'
import { NearestIndex } from '../spatial/nearest-index.js'
import { MATCH_QUALITIES, type MatchQuality } from './model.js'

const history = DivisionHistory.load({ below: ['2101'] })
const demo = generateGeoDemo(history, { seed: 7, buildings: 200 })
const gazetteer = new Gazetteer(demo.gazetteer)
const TODAY = new Date('2025-06-30T12:00:00+08:00')

const atLeast = (quality: MatchQuality, floor: MatchQuality): boolean => MATCH_QUALITIES.indexOf(quality) <= MATCH_QUALITIES.indexOf(floor)

describe('address text', () => {
  it.each([
    [' 遼寧瀋陽和平南京北街１００號 ', '辽宁沈阳和平南京北街100号'],
    ['沈阳市 和平区 南京北街 100#', '沈阳市和平区南京北街100号'],
    ['南京北街100－2号', '南京北街100-2号'],
  ])('normalises %j to %j', (input, output) => {
    expect(normaliseAddress(input)).toBe(output)
  })

  it.each([
    ['辽宁省', 'province', ['辽宁省', '辽宁']],
    ['沈阳市', 'prefecture', ['沈阳市', '沈阳']],
    ['沈北新区', 'county', ['沈北新区', '沈北']],
    ['和平区', 'county', ['和平区', '和平']],
    ['义县', 'county', ['义县']],
    ['南湖街道', 'township', ['南湖街道', '南湖']],
    ['三好街社区居民委员会', 'village', ['三好街社区居民委员会', '三好街社区']],
    ['方巾牛村民委员会', 'village', ['方巾牛村民委员会', '方巾牛村']],
  ] as const)('%s (%s) is written %j', (name, level, forms) => {
    expect(divisionNameForms(name, level)).toEqual(forms)
  })

  it.each([
    ['前进村民委员会', '前进村'],
    ['高楼子社区村民委员会', '高楼子社区'],
    ['三好街社区居委会', '三好街社区'],
    ['五里河街居民委员会', '五里河街社区'],
  ])('%s is written %s', (name, written) => {
    expect(addressVillageName(name)).toBe(written)
  })

  it.each([
    ['100号3-4-1', { number: '100', end: 4 }],
    ['100-2号', { number: '100-2', end: 6 }],
    ['007号', { number: '7', end: 4 }],
    ['12号楼', undefined],
    ['号', undefined],
  ])('reads the house number in %j', (text, expected) => {
    expect(readHouseNumber(text)).toEqual(expected)
  })

  it('reads a village group, and a number where it is asked to', () => {
    expect(readGroup('三组45号')).toEqual({ group: '三组', end: 2 })
    expect(readGroup('组45号')).toBeUndefined()
    expect(readHouseNumber('南京北街100号3-4-1', 4)).toEqual({ number: '100', end: 8 })
    expect(readHouseNumber('南京北街100号', 3)).toBeUndefined()
  })
})

describe('address standardisation', () => {
  it.each([
    ['沈阳市和平区南京北街100号', '辽宁省沈阳市和平区南京北街100号', 'house-number'],
    ['辽宁沈阳和平南京北街100号', '辽宁省沈阳市和平区南京北街100号', 'house-number'],
    ['遼寧瀋陽和平南京北街１００號', '辽宁省沈阳市和平区南京北街100号', 'house-number'],
    ['南京北街100号', '辽宁省沈阳市和平区南京北街100号', 'house-number'],
    ['和平区南京北街100号2单元', '辽宁省沈阳市和平区南京北街100号', 'house-number'],
    ['沈阳和平北大街5号', '辽宁省沈阳市和平区和平北大街5号', 'house-number'],
    ['辽宁省沈阳市和平区南京北街999号', '辽宁省沈阳市和平区南京北街999号', 'interpolated'],
    ['沈阳市和平区南京北街', '辽宁省沈阳市和平区南京北街', 'road'],
    ['辽宁省沈阳市康平县胜利街道', '辽宁省沈阳市康平县胜利街道', 'township'],
    ['沈阳市和平区', '辽宁省沈阳市和平区', 'county'],
    ['北京市朝阳区建国路1号', '北京市朝阳区', 'county'],
    ['辽宁省', '辽宁省', 'province'],
  ] as const)('%s → %s (%s)', (input, standard, quality) => {
    const result = gazetteer.standardise(input)
    expect(result.standard).toBe(standard)
    expect(result.quality).toBe(quality)
    if (quality !== 'province' && !input.startsWith('北京')) expect(result.point).not.toBeNull()
  })

  it('gives the 12-digit code of the house’s community and the house’s point', () => {
    const result = gazetteer.standardise('沈阳市和平区南京北街100号')
    const house = demo.gazetteer.addressPoints.find((point) => point.id === result.addressPointId)
    expect(house?.number).toBe('100')
    expect(result.divisionCode).toBe(house?.divisionCode)
    expect(result.point).toEqual(house?.point)
    expect(result.components).toMatchObject({ province: '辽宁省', prefecture: '沈阳市', county: '和平区', road: '南京北街', number: '100' })
  })

  it('keeps the detail after the house number apart', () => {
    expect(gazetteer.standardise('和平区南京北街100号3-4-1').components.detail).toBe('3-4-1')
  })

  it('finds a renamed road and a renamed district by their former names, and says so', () => {
    const result = gazetteer.standardise('沈阳市东陵区东陵大街5号')
    expect(result.standard).toBe('辽宁省沈阳市浑南区浑南中路5号')
    expect(result.quality).toBe('house-number')
    expect(result.notes).toEqual(['东陵区 is now 浑南区', '东陵大街 is now 浑南中路 (since 2015-01-01)'])
  })

  it('does not take a road of another district, and says why', () => {
    const result = gazetteer.standardise('沈阳市康平县南京北街100号')
    expect(result.standard).toBe('辽宁省沈阳市康平县')
    expect(result.quality).toBe('county')
    expect(result.notes).toEqual(['南京北街 is not in 康平县'])
  })

  it('picks among roads of one name the one the address’s district has, or notes the ambiguity', () => {
    expect(gazetteer.standardise('沈阳市法库县人民路1号').divisionCode?.slice(0, 6)).toBe('210124')
    const unstated = gazetteer.standardise('人民路1号')
    expect(unstated.quality).toBe('house-number')
    expect(unstated.notes).toEqual(['人民路 is in 4 counties; the address names none'])
  })

  it('reads a village address with its group', () => {
    const village = history.childrenAt('210181106000', '2025-01-01').find((version) => version.code.charAt(9) >= '2')
    expect(village).toBeDefined()
    const name = addressVillageName(village?.name ?? '')
    const result = gazetteer.standardise(`辽宁省沈阳市新民市大民屯镇${name}三组45号`)
    expect(result).toMatchObject({ quality: 'village', divisionCode: village?.code, standard: `辽宁省沈阳市新民市大民屯镇${name}三组45号` })
    expect(result.components).toMatchObject({ group: '三组', number: '45' })
  })

  it('matches nothing in text that names no place', () => {
    expect(gazetteer.standardise('不知道')).toMatchObject({ quality: 'none', standard: null, divisionCode: null, point: null })
    expect(gazetteer.standardise('')).toMatchObject({ quality: 'none', standard: null })
  })

  it('geocodes every generated person’s household address to the person’s community', () => {
    const misses: string[] = []
    for (const person of generatePopulation({ count: 2_000, seed: 11, today: TODAY })) {
      const result = gazetteer.standardise(person.household_address)
      // A township may have two communities written alike (大潘社区, 大潘居委会): the result then says so.
      const alike = result.notes.some((note) => note.includes('divisions there')) && result.divisionCode?.slice(0, 9) === person.household_division.slice(0, 9)
      if ((result.divisionCode !== person.household_division && !alike) || result.point === null || !atLeast(result.quality, 'village')) {
        misses.push(`${person.household_address} → ${result.divisionCode} ${result.quality}`)
      }
    }
    expect(misses).toEqual([])
  })

  it('geocodes every generated entity’s domicile in its district, urban ones to the house number', () => {
    const misses: string[] = []
    let houses = 0
    for (const entity of generateEntities({ count: 2_000, seed: 12, populationCount: 20_000, populationSeed: 42, today: TODAY })) {
      const result = gazetteer.standardise(entity.domicile)
      const rural = /(村|社区)$/.test(entity.domicile)
      if (result.divisionCode?.slice(0, 6) !== entity.division_code || result.point === null || !atLeast(result.quality, rural ? 'village' : 'house-number')) {
        misses.push(`${entity.domicile} → ${result.divisionCode} ${result.quality}`)
      }
      if (result.quality === 'house-number') houses++
    }
    expect(misses).toEqual([])
    expect(houses).toBeGreaterThan(1_000)
  })
})

describe('reverse geocoding', () => {
  it('names every level and the nearest house for a point beside a house', () => {
    const house = demo.gazetteer.addressPoints.find((point) => point.id === 'road-210102-南京北街-100')
    expect(house).toBeDefined()
    const point = house?.point ?? [0, 0]
    const result = gazetteer.reverse([point[0] + 0.00005, point[1]])
    expect(result.divisions.map((division) => [division.level, division.method])).toEqual([
      ['province', 'boundary'],
      ['prefecture', 'boundary'],
      ['county', 'boundary'],
      ['township', 'nearest-point'],
      ['village', 'nearest-point'],
    ])
    expect(result.divisions.slice(0, 3).map((division) => division.name)).toEqual(['辽宁省', '沈阳市', '和平区'])
    expect(result.address).toMatchObject({ standard: '辽宁省沈阳市和平区南京北街100号', addressPointId: house?.id })
    expect(result.address?.distanceMetres).toBeGreaterThan(3)
    expect(result.address?.distanceMetres).toBeLessThan(5)
  })

  it('puts every house in the district of its road', () => {
    const wrong = demo.gazetteer.addressPoints
      .filter((_, index) => index % 97 === 0)
      .filter((house) => gazetteer.reverse(house.point).divisions.find((division) => division.level === 'county')?.code !== house.placeId.slice(5, 11))
    expect(wrong).toEqual([])
  })

  it('names no division outside the boundaries', () => {
    expect(gazetteer.reverse([116.4, 39.9])).toEqual({ point: [116.4, 39.9], divisions: [] })
  })

  it('names the nearest house within the distance asked, as a search of every house would', () => {
    const houses = demo.gazetteer.addressPoints
    const random = sfc32(3)
    for (let i = 0; i < 300; i++) {
      const point: LonLat = [123.2 + random() * 0.5, 41.6 + random() * 0.4]
      const bestMetres = Math.min(...houses.map((house) => NearestIndex.metres(point, house.point)))
      const found = gazetteer.reverse(point, { maxAddressDistanceMetres: 300 }).address
      if (bestMetres > 300) expect(found).toBeUndefined()
      else expect(Math.abs((found?.distanceMetres ?? Infinity) - bestMetres)).toBeLessThan(0.5)
    }
  })
})

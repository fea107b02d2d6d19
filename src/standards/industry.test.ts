import { describe, expect, it } from 'vitest'
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, findIndustry, industrySection } from './industry.js'

// The division ranges of each section in GB/T 4754-2017.
const SECTION_RANGES: ReadonlyArray<readonly [string, string, number, number]> = [
  ['A', '农、林、牧、渔业', 1, 5],
  ['B', '采矿业', 6, 12],
  ['C', '制造业', 13, 43],
  ['D', '电力、热力、燃气及水生产和供应业', 44, 46],
  ['E', '建筑业', 47, 50],
  ['F', '批发和零售业', 51, 52],
  ['G', '交通运输、仓储和邮政业', 53, 60],
  ['H', '住宿和餐饮业', 61, 62],
  ['I', '信息传输、软件和信息技术服务业', 63, 65],
  ['J', '金融业', 66, 69],
  ['K', '房地产业', 70, 70],
  ['L', '租赁和商务服务业', 71, 72],
  ['M', '科学研究和技术服务业', 73, 75],
  ['N', '水利、环境和公共设施管理业', 76, 79],
  ['O', '居民服务、修理和其他服务业', 80, 82],
  ['P', '教育', 83, 83],
  ['Q', '卫生和社会工作', 84, 85],
  ['R', '文化、体育和娱乐业', 86, 90],
  ['S', '公共管理、社会保障和社会组织', 91, 96],
  ['T', '国际组织', 97, 97],
]

describe('GB/T 4754-2017 sections and divisions', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97, in order', () => {
    expect(INDUSTRY_SECTIONS.map((section) => section.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    expect(INDUSTRY_DIVISIONS.map((division) => division.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')))
    expect(new Set(INDUSTRY_DIVISIONS.map((division) => division.name)).size).toBe(97)
  })

  it.each(SECTION_RANGES)('section %s %s holds divisions %i–%i', (code, name, first, last) => {
    expect(INDUSTRY_SECTIONS.find((section) => section.code === code)?.name).toBe(name)
    const codes = INDUSTRY_DIVISIONS.filter((division) => division.section === code).map((division) => Number(division.code))
    expect(codes).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i))
  })

  it.each([
    ['01', '农业', 'A'],
    ['05', '农、林、牧、渔专业及辅助性活动', 'A'],
    ['11', '开采专业及辅助性活动', 'B'],
    ['13', '农副食品加工业', 'C'],
    ['25', '石油、煤炭及其他燃料加工业', 'C'],
    ['36', '汽车制造业', 'C'],
    ['37', '铁路、船舶、航空航天和其他运输设备制造业', 'C'],
    ['39', '计算机、通信和其他电子设备制造业', 'C'],
    ['43', '金属制品、机械和设备修理业', 'C'],
    ['44', '电力、热力生产和供应业', 'D'],
    ['50', '建筑装饰、装修和其他建筑业', 'E'],
    ['52', '零售业', 'F'],
    ['58', '多式联运和运输代理业', 'G'],
    ['59', '装卸搬运和仓储业', 'G'],
    ['62', '餐饮业', 'H'],
    ['63', '电信、广播电视和卫星传输服务', 'I'],
    ['65', '软件和信息技术服务业', 'I'],
    ['69', '其他金融业', 'J'],
    ['72', '商务服务业', 'L'],
    ['79', '土地管理业', 'N'],
    ['87', '广播、电视、电影和录音制作业', 'R'],
    ['95', '群众团体、社会团体和其他成员组织', 'S'],
    ['96', '基层群众自治组织及其他组织', 'S'],
    ['97', '国际组织', 'T'],
  ])('division %s is %s in section %s', (code, name, section) => {
    expect(INDUSTRY_DIVISIONS.find((division) => division.code === code)).toEqual({ code, name, section })
    expect(industrySection(code)?.code).toBe(section)
  })
})

describe('findIndustry', () => {
  it.each([
    ['A', 'A', undefined],
    ['t', 'T', undefined],
    ['01', 'A', '01'],
    ['04', 'A', '04'],
    ['39', 'C', '39'],
    ['651', 'I', '65'],
    ['6510', 'I', '65'],
    ['C39', 'C', '39'],
    ['c3911', 'C', '39'],
    ['I6510', 'I', '65'],
    [' Ｉ６５ ', 'I', '65'],
    ['5212', 'F', '52'],
    ['97', 'T', '97'],
  ])('finds %j in section %s, division %s', (input, section, division) => {
    const match = findIndustry(input)
    expect(match?.section.code).toBe(section)
    expect(match?.division?.code).toBe(division)
  })

  it('names what it finds', () => {
    expect(findIndustry('I6510')).toEqual({
      section: { code: 'I', name: '信息传输、软件和信息技术服务业' },
      division: { code: '65', name: '软件和信息技术服务业' },
    })
    expect(findIndustry('P')).toEqual({ section: { code: 'P', name: '教育' } })
  })

  it.each(['', 'U', 'Z', '00', '98', '99', '1', '65101', 'C65', 'I39', 'AB', '6-5', 'I 6 5 1 0 x'])('finds nothing for %j', (input) => {
    expect(findIndustry(input)).toBeUndefined()
  })

  it('answers industrySection only for digits', () => {
    expect(industrySection('6510')).toEqual({ code: 'I', name: '信息传输、软件和信息技术服务业' })
    expect(industrySection('I65')).toBeUndefined()
    expect(industrySection('98')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { SHARE_TYPES, UPDATE_CYCLES } from '../catalog/model.js'
import { catalogRuleProblems } from '../catalog/rules.js'
import { DEMO_RESOURCES } from './catalog-resources.js'
import { DEMO_DEPARTMENTS } from './departments.js'

describe('demo catalog resources', () => {
  it('keeps every catalog rule', () => {
    const broken = DEMO_RESOURCES.map(({ department, content }) => ({
      resource: `${department} ${content.name}`,
      problems: catalogRuleProblems(content),
    })).filter((entry) => entry.problems.length > 0)
    expect(broken).toEqual([])
  })

  it('holds at least 48 resources', () => {
    expect(DEMO_RESOURCES.length).toBeGreaterThanOrEqual(48)
  })

  it('holds the four base registries’ core resources', () => {
    const find = (department: string, name: string) => DEMO_RESOURCES.find((entry) => entry.department === department && entry.content.name === name)?.content
    const population = find('210100003', '人口基础信息')
    expect(population).toMatchObject({ classification: 'base', category: '01', shareType: 'unconditional' })
    expect(population?.items.find((item) => item.primaryKey)).toMatchObject({
      key: 'resident_id',
      type: 'C',
      length: 18,
      identifierKind: 'residentId',
      baseItem: true,
      sensitive: true,
    })
    const legalPerson = find('210100007', '法人基础信息')
    expect(legalPerson).toMatchObject({ classification: 'base', category: '02' })
    expect(legalPerson?.items.find((item) => item.primaryKey)).toMatchObject({ key: 'credit_code', identifierKind: 'creditCode' })
    const geo = find('210100012', '自然资源和空间地理基础信息')
    expect(geo).toMatchObject({ classification: 'base', category: '03', formatClass: '服务接口' })
    expect(geo?.items.find((item) => item.primaryKey)).toMatchObject({ identifierKind: 'divisionCode' })
    expect(find('210100013', '宏观经济基础数据')).toMatchObject({ classification: 'department', shareType: 'unconditional', open: true })
  })

  it('represents every share type, with at least four resources not shared', () => {
    const count = (shareType: string) => DEMO_RESOURCES.filter((entry) => entry.content.shareType === shareType).length
    for (const shareType of SHARE_TYPES) expect(count(shareType), shareType).toBeGreaterThan(0)
    expect(count('none')).toBeGreaterThanOrEqual(4)
  })

  it('uses every update cycle and a few electronic documents', () => {
    const cycles = new Set(DEMO_RESOURCES.map((entry) => entry.content.updateCycle))
    expect([...cycles].sort()).toEqual([...UPDATE_CYCLES].sort())
    expect(DEMO_RESOURCES.filter((entry) => entry.content.formatClass === '电子文件').length).toBeGreaterThanOrEqual(2)
  })

  it('is provided by seeded departments, with names unique per department', () => {
    const codes = new Set(DEMO_DEPARTMENTS.map((department) => department.code))
    const unknown = DEMO_RESOURCES.filter((entry) => !codes.has(entry.department)).map((entry) => `${entry.department} ${entry.content.name}`)
    expect(unknown).toEqual([])
    const names = DEMO_RESOURCES.map((entry) => `${entry.department}/${entry.content.name}`)
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([])
  })

  it('spreads over at least 12 provider departments', () => {
    expect(new Set(DEMO_RESOURCES.map((entry) => entry.department)).size).toBeGreaterThanOrEqual(12)
  })

  it('registers only non-secret resources with valid publish dates and no related codes', () => {
    for (const { content } of DEMO_RESOURCES) {
      expect(content.secrecy, content.name).toBe('non-secret')
      expect(content.relatedCodes, content.name).toEqual([])
      const published = content.publishDate ?? ''
      expect(published >= '2015-01-01' && published <= '2026-12-31', content.name).toBe(true)
    }
  })
})

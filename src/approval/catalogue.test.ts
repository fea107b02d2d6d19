import { describe, expect, it } from 'vitest'
import { BUSINESS_START, CONSTRUCTION_PROJECT, DEMO_MATTERS, DEMO_THEMES, demoMatters, PROPOSED_DEPARTMENTS } from '../demo/approval-catalogue.js'
import { DEMO_DEPARTMENTS } from '../demo/departments.js'
import { AppError } from '../platform/errors.js'
import { checkMatter, matterProblems, type Matter } from './matter.js'
import { checkTheme, reviewLimit, singleMatterTheme, stageMaterials, themeForm, themeProblems } from './theme.js'

const matters = demoMatters()
const registration = matters.get('210100007-XK-0001') as Matter

describe('the demo catalogue', () => {
  it('declares sound matters of known departments and sound themes', () => {
    const departments = new Set([...DEMO_DEPARTMENTS, ...PROPOSED_DEPARTMENTS].map((department) => department.code))
    for (const matter of DEMO_MATTERS) {
      expect(matterProblems(matter), matter.code).toEqual([])
      expect(departments.has(matter.department), matter.code).toBe(true)
    }
    for (const theme of DEMO_THEMES) expect(themeProblems(theme, matters), theme.code).toEqual([])
    expect(CONSTRUCTION_PROJECT.stages.map((stage) => stage.name)).toEqual(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'])
  })

  it('asks each material once per stage and each form field once per theme', () => {
    const opening = stageMaterials(BUSINESS_START, 1, matters)
    expect(opening.find((material) => material.code === 'business-licence')?.matters).toEqual(['210100003-QT-0001', '210100009-QT-0001', '210100004-GG-0001'])
    const keys = themeForm(CONSTRUCTION_PROJECT, matters).map((field) => field.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain('project-name')
  })
})

describe('checking a matter', () => {
  it.each<[string, Partial<Matter>, string]>([
    ['a promised limit over the statutory one', { promisedLimit: 5, statutoryLimit: 3 }, '/promisedLimit'],
    ['a limit that is not whole working days', { statutoryLimit: 2.5 }, '/statutoryLimit'],
    ['no legal basis', { legalBasis: [] }, '/legalBasis'],
    ['a department that is not a code', { department: 'market' }, '/department'],
    ['a lower-case code', { code: 'abc-1' }, '/code'],
    [
      'a core material that is optional',
      { materials: [{ code: 'x', name: 'x', required: false, core: true, source: { kind: 'upload' } }] },
      '/materials/0/core',
    ],
    [
      'a gate material with upload limits',
      { materials: [{ code: 'x', name: 'x', required: true, core: true, source: { kind: 'gate', resource: '人口基础信息', key: 'applicant' }, maxBytes: 10 }] },
      '/materials/0/source',
    ],
    [
      'an unknown upload type',
      { materials: [{ code: 'x', name: 'x', required: true, core: true, source: { kind: 'upload' }, types: ['docx' as 'pdf'] }] },
      '/materials/0/types',
    ],
    ['a choice without options', { fields: [{ key: 'x', label: 'x', type: 'choice', required: true }] }, '/fields/0/options'],
    ['a public service issuing a licence', { kind: 'public-service' }, '/result/kind'],
  ])('names %s', (_, change, field) => {
    expect(matterProblems({ ...registration, ...change }).map((problem) => problem.field)).toContain(field)
    expect(() => checkMatter({ ...registration, ...change })).toThrow(AppError)
  })

  it('names a material declared twice', () => {
    const twice = { ...registration, materials: [...registration.materials, registration.materials[0] as Matter['materials'][number]] }
    expect(matterProblems(twice)).toEqual([expect.objectContaining({ field: `/materials/${registration.materials.length}/code` })])
  })
})

describe('checking a theme', () => {
  it('names unknown matters, duplicates, and conflicting fields or materials', () => {
    const clash: Matter = {
      ...(matters.get('210100003-QT-0001') as Matter),
      code: 'CLASH-1',
      fields: [{ key: 'company-name', label: '名称', type: 'number', required: true }],
    }
    const withClash = new Map([...matters, [clash.code, clash]])
    const theme = {
      ...BUSINESS_START,
      stages: [
        ...BUSINESS_START.stages,
        { code: 'more', name: '更多', limit: 1, matters: ['NOPE-1', '210100007-XK-0001', 'CLASH-1'], onRefusal: 'stops-matter' as const },
      ],
    }
    const problems = themeProblems(theme, withClash)
    expect(problems.map((problem) => problem.field)).toEqual(['/stages/2/matters/0', '/stages/2/matters/1', '/stages'])
    expect(problems[2]?.message).toContain('company-name')
    expect(() => checkTheme(theme, withClash)).toThrow(AppError)
  })

  it('requires the first stage to accept the theme’s applicants', () => {
    const theme = { ...BUSINESS_START, applicants: ['organisation' as const] }
    expect(themeProblems(theme, matters).map((problem) => problem.field)).toEqual(['/stages/0/matters/0'])
  })

  it('gives a single matter a theme of its own, and reviews the lesser of the limits', () => {
    const single = singleMatterTheme(registration)
    expect(themeProblems(single, matters)).toEqual([])
    expect(single.stages[0]).toMatchObject({ limit: 1, matters: [registration.code] })
    expect(reviewLimit({ ...single.stages[0]!, limit: 20 }, { ...registration, promisedLimit: 7 })).toBe(7)
  })
})

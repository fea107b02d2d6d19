import { describe, expect, it } from 'vitest'
import { allowanceEntry, populationEntry } from '../../test/support/catalog-fixtures.js'
import { diffContent } from './diff.js'
import type { ResourceContentInput } from './model.js'
import { catalogRuleProblems } from './rules.js'
import { normaliseContent } from './service.js'

const fields = (input: ResourceContentInput) => catalogRuleProblems(normaliseContent(input)).map((problem) => problem.field)

describe('catalog rules', () => {
  it('accepts well-formed entries', () => {
    expect(fields(populationEntry())).toEqual([])
    expect(fields(allowanceEntry())).toEqual([])
  })

  it.each<[string, ResourceContentInput, string]>([
    ['a conditional entry without its condition', allowanceEntry({ shareCondition: ' ' }), '/shareCondition'],
    ['an unshared entry without its legal basis', allowanceEntry({ shareType: 'none', shareMethods: [] }), '/legalBasis'],
    ['a shared entry without a share method', allowanceEntry({ shareMethods: [] }), '/shareMethods'],
    ['a secret entry', allowanceEntry({ secrecy: 'secret' }), '/secrecy'],
    ['a base entry with an unknown kind', populationEntry({ category: '09' }), '/category'],
    ['a theme entry with an unknown theme', allowanceEntry({ category: '99' }), '/category'],
    ['a department entry with a category', allowanceEntry({ classification: 'department', category: '02' }), '/category'],
    ['a related code that is no catalog code', allowanceEntry({ relatedCodes: ['abc'] }), '/relatedCodes/0'],
    ['a bad publish date', allowanceEntry({ publishDate: '2025-13-45' }), '/publishDate'],
    ['no items', allowanceEntry({ items: [] }), '/items'],
    ['a record resource without a primary key', allowanceEntry({ items: [{ name: '姓名', key: 'name', type: 'C', length: 50 }] }), '/items'],
    [
      'a repeated key',
      allowanceEntry({
        items: [
          { name: 'a', key: 'id', type: 'I', length: 10, primaryKey: true, required: true },
          { name: 'b', key: 'id', type: 'C', length: 2 },
        ],
      }),
      '/items/1/key',
    ],
    [
      'a key with capitals',
      allowanceEntry({ items: [{ name: 'a', key: 'ResidentId', type: 'C', length: 18, primaryKey: true, required: true }] }),
      '/items/0/key',
    ],
    ['a sized type without length', allowanceEntry({ items: [{ name: 'a', key: 'a', type: 'N', primaryKey: true, required: true }] }), '/items/0/length'],
    ['an optional primary key', allowanceEntry({ items: [{ name: 'a', key: 'a', type: 'C', length: 5, primaryKey: true }] }), '/items/0/required'],
    [
      'an identifier that is not text',
      allowanceEntry({ items: [{ name: 'a', key: 'a', type: 'N', length: 18, primaryKey: true, required: true, identifierKind: 'residentId' }] }),
      '/items/0/type',
    ],
    [
      'a base item outside a base resource',
      allowanceEntry({ items: [{ name: 'a', key: 'a', type: 'C', length: 5, primaryKey: true, required: true, baseItem: true }] }),
      '/items/0/baseItem',
    ],
    [
      'a base item shared conditionally',
      populationEntry({ items: [{ name: 'a', key: 'a', type: 'C', length: 5, primaryKey: true, required: true, baseItem: true, shareType: 'conditional' }] }),
      '/items/0/shareType',
    ],
    [
      'a base resource without base items',
      populationEntry({ items: [{ name: 'a', key: 'a', type: 'C', length: 5, primaryKey: true, required: true }] }),
      '/items',
    ],
    [
      'a shared item in an unshared resource',
      allowanceEntry({
        shareType: 'none',
        legalBasis: '法律',
        shareMethods: [],
        items: [{ name: 'a', key: 'a', type: 'C', length: 5, primaryKey: true, required: true, shareType: 'unconditional' }],
      }),
      '/items/0/shareType',
    ],
  ])('refuses %s', (_case, input, field) => {
    expect(fields(input)).toContain(field)
  })

  it('lets documents go without a primary key', () => {
    expect(fields(allowanceEntry({ formatClass: '电子文件', formatType: 'PDF', items: [{ name: '正文', key: 'body', type: 'M' }] }))).toEqual([])
  })
})

describe('version diff', () => {
  it('names changed fields and items added, removed and changed', () => {
    const before = normaliseContent(allowanceEntry())
    const after = normaliseContent(
      allowanceEntry({
        updateCycle: 'weekly',
        items: [
          { name: '公民身份号码', key: 'resident_id', type: 'C', length: 18, required: true, primaryKey: true, sensitive: true, identifierKind: 'residentId' },
          { name: '姓名', key: 'name', type: 'C', length: 100, required: true, sensitive: true },
          { name: '联系电话', key: 'phone', type: 'C', length: 20, sensitive: true },
        ],
      }),
    )
    const diff = diffContent(before, after)
    expect(diff.fields).toEqual([{ field: 'updateCycle', before: 'monthly', after: 'weekly' }])
    expect(diff.itemsAdded.map((item) => item.key)).toEqual(['phone'])
    expect(diff.itemsRemoved.map((item) => item.key)).toEqual(['allowance_amount', 'division_code'])
    expect(diff.itemsChanged).toEqual([{ key: 'name', name: '姓名', changes: [{ field: 'length', before: 50, after: 100 }] }])
  })
})

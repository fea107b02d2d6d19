import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../catalog/model.js'
import { checkCharacter } from '../standards/resident-id.js'
import { recordKey, validateRecord } from './record-validation.js'

const item = (key: string, type: CatalogItem['type'], extra: Partial<CatalogItem> = {}): CatalogItem => ({
  name: key,
  key,
  type,
  length: null,
  required: false,
  primaryKey: false,
  sensitive: false,
  identifierKind: null,
  baseItem: false,
  shareType: null,
  description: '',
  ...extra,
})

const ITEMS = [
  item('resident_id', 'C', { length: 18, required: true, primaryKey: true, identifierKind: 'residentId' }),
  item('name', 'C', { length: 4, required: true }),
  item('amount', 'Y', { length: 10 }),
  item('count', 'I', { length: 5 }),
  item('born', 'D'),
  item('at', 'T'),
  item('active', 'L'),
  item('division', 'C', { length: 12, identifierKind: 'divisionCode' }),
]
const ID = `21010219900307123${checkCharacter('21010219900307123')}`

describe('record validation', () => {
  it('accepts and normalises a good record', () => {
    const { record, problems } = validateRecord(ITEMS, { resident_id: ` ${ID.toLowerCase()} `, name: '张三', amount: '1234.57', count: 3, born: '1990-03-07', at: '2026-11-26 09:30', active: '是', division: '210102000000' }, 1)
    expect(problems).toEqual([])
    expect(record).toMatchObject({ resident_id: ID, amount: 1234.57, count: 3, active: true, at: expect.stringMatching(/^2026-11-26T/) })
    expect(recordKey([ITEMS[0]!], record)).toBe(ID)
  })

  it.each([
    [{ resident_id: '210102199003071230' }, 'resident_id'],
    [{ name: '' }, 'name'],
    [{ name: '欧阳娜娜子' }, 'name'],
    [{ amount: '12.345' }, 'amount'],
    [{ amount: 'abc' }, 'amount'],
    [{ count: '2.5' }, 'count'],
    [{ count: '123456' }, 'count'],
    [{ born: '1990-02-30' }, 'born'],
    [{ at: 'yesterday' }, 'at'],
    [{ active: 'maybe' }, 'active'],
    [{ division: '999999' }, 'division'],
    [{ unknown: 1 }, 'unknown'],
  ])('refuses %o naming %s', (change, field) => {
    const { problems } = validateRecord(ITEMS, { resident_id: ID, name: '张三', ...change }, 7)
    expect(problems.map((problem) => [problem.row, problem.field])).toContainEqual([7, field])
  })
})

import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../../catalog/model.js'
import { checkCharacter } from '../../standards/resident-id.js'
import { recordKey, storedKey, validateRecord } from './record-validation.js'

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
    const { record, problems } = validateRecord(
      ITEMS,
      {
        resident_id: ` ${ID.toLowerCase()} `,
        name: '张三',
        amount: '1234.57',
        count: 3,
        born: '1990-03-07',
        at: '2026-11-26 09:30',
        active: '是',
        division: '210102000000',
      },
      1,
    )
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

  it('measures a resident ID in its stored form: spaces and full-width digits do not make it too long', () => {
    const spaced = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`
    const fullWidth = ID.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
    for (const written of [spaced, fullWidth]) expect(validateRecord(ITEMS, { resident_id: written, name: '张三' }, 1).record.resident_id).toBe(ID)
  })
})

describe('storedKey', () => {
  const code = item('code', 'C', { length: 18, primaryKey: true, identifierKind: 'creditCode' })
  const year = item('year', 'I', { length: 4, primaryKey: true })
  it.each([
    [[ITEMS[0]!], ID.toLowerCase(), ID],
    [[ITEMS[0]!], ` ${ID.slice(0, 6)} ${ID.slice(6)} `, ID],
    [[ITEMS[0]!], ID.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)), ID],
    [[ITEMS[0]!], `${ID.slice(0, 6)}${ID.slice(8, 17)}`, ID],
    [[code, year], '91110000600037341l|2025', '91110000600037341L|2025'],
    [[code, year], '91110000600037341L|2,025', '91110000600037341L|2025'],
  ])('finds %o under %s as %s', (keys, written, stored) => {
    expect(storedKey(keys, written)).toBe(stored)
  })

  it.each([
    ['a wrong check character', `${ID.slice(0, 17)}${ID.at(-1) === '0' ? '1' : '0'}`],
    ['too few parts', '91110000600037341L'],
    ['not a number', '91110000600037341L|year'],
  ])('leaves a key with %s as written', (_what, written) => {
    const keys = written.startsWith('9') ? [code, year] : [ITEMS[0]!]
    expect(storedKey(keys, written)).toBe(written)
  })
})

/**
 * Deterministic low-income allowance records (the test fixture's 城乡低保对象信息) in any number,
 * each with its own valid resident ID, so the process that loads them and the process that looks
 * them up agree on the keys without passing a million of them around.
 */
import { checkCharacter } from '../../src/standards/resident-id.js'

/** Shenyang's districts and county-level units (GB/T 2260), the address codes of the IDs. */
const DISTRICTS = ['210102', '210103', '210104', '210105', '210106', '210111', '210112', '210113', '210114', '210115', '210123', '210124', '210181'] as const
/** Birth dates run over this many days from 1940-01-01 (a prime, so they spread across districts). */
const BIRTH_DAYS = 23_011
const FIRST_BIRTH_DAY = Date.UTC(1940, 0, 1)
const DAY_MS = 86_400_000
/** The third sequence-digit position carries the repeat number, so at most ten repeats per day. */
const MAX_RECORDS = DISTRICTS.length * BIRTH_DAYS * 10
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '欧阳']
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟']

// A type alias, not an interface, so it fits DatasetService's Record<string, unknown> rows.
export type AllowanceRecord = {
  readonly resident_id: string
  readonly name: string
  readonly allowance_amount: number
  readonly division_code: string
}

/**
 * The record numbered `n`: distinct numbers give distinct resident IDs (district, birth date and
 * sequence are a one-to-one function of `n`), every one passing GB 11643's checks.
 *
 * @example
 * allowanceRecord(0).resident_id // '210102194001010004'
 */
export function allowanceRecord(n: number): AllowanceRecord {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_RECORDS) throw new Error(`record number ${n} outside 0…${MAX_RECORDS - 1}`)
  const district = DISTRICTS[n % DISTRICTS.length] ?? '210102'
  const rest = Math.floor(n / DISTRICTS.length)
  const day = rest % BIRTH_DAYS
  const repeat = Math.floor(rest / BIRTH_DAYS)
  const birth = new Date(FIRST_BIRTH_DAY + day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '')
  const sequence = `${repeat}${String(day % 100).padStart(2, '0')}`
  const first17 = `${district}${birth}${sequence}`
  return {
    resident_id: `${first17}${checkCharacter(first17)}`,
    name: `${SURNAMES[n % SURNAMES.length] ?? '王'}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] ?? '伟'}`,
    allowance_amount: 600 + (n % 37) * 12.5,
    division_code: `${district}000000`,
  }
}

/** Records numbered `start` to `start + count - 1`. */
export function allowanceRecords(start: number, count: number): AllowanceRecord[] {
  return Array.from({ length: count }, (_, index) => allowanceRecord(start + index))
}

/**
 * `count` distinct resident IDs of the first `total` records, chosen by a seeded PRNG (mulberry32)
 * so every run and every process picks the same ones.
 */
export function sampleResidentIds(total: number, count: number, seed = 0x5eed): string[] {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const chosen = new Set<number>()
  const wanted = Math.min(count, total)
  while (chosen.size < wanted) chosen.add(Math.floor(next() * total))
  return [...chosen].map((n) => allowanceRecord(n).resident_id)
}

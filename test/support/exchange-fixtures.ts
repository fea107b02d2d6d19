import { checkCharacter } from '../../src/standards/resident-id.js'

/** A valid 18-digit resident ID from its first 17 digits. */
export function residentId(first17: string): string {
  return `${first17}${checkCharacter(first17)}`
}

/** Low-income allowance records of civil affairs, with valid IDs in Heping and Shenhe districts. */
export function allowanceRecords(count: number, offset = 0) {
  return Array.from({ length: count }, (_, index) => {
    const n = index + offset
    const district = n % 2 === 0 ? '210102' : '210103'
    return {
      resident_id: residentId(
        `${district}19${String(50 + (n % 40)).padStart(2, '0')}0${(n % 9) + 1}1${n % 10}${String(n % 1000).padStart(3, '0')}`.slice(0, 17),
      ),
      name: ['张三', '李四', '王五', '赵六', '欧阳娜娜'][n % 5] ?? '张三',
      allowance_amount: 600 + (n % 7) * 50,
      division_code: `${district}000000`,
    }
  })
}

/** Sex codes (性别代码), GB/T 2261.1-2003. */
export interface Gender {
  readonly code: string
  readonly name: string
}

/** Every code of the standard, in its order. */
export const GENDERS: readonly Gender[] = [
  { code: '0', name: '未知的性别' },
  { code: '1', name: '男性' },
  { code: '2', name: '女性' },
  { code: '9', name: '未说明的性别' },
]

const BY_CODE = new Map(GENDERS.map((gender) => [gender.code, gender]))

/**
 * The sex with a GB/T 2261.1 code, or undefined.
 *
 * @example
 * findGender('2') // { code: '2', name: '女性' }
 * findGender('3') // undefined
 */
export function findGender(code: string): Gender | undefined {
  return BY_CODE.get(code.trim())
}

/**
 * The GB/T 2261.1 code for the sex a resident ID records (its sequence number is odd for men).
 *
 * @example
 * genderCodeOf('female') // '2'
 */
export function genderCodeOf(gender: 'male' | 'female'): string {
  return gender === 'male' ? '1' : '2'
}

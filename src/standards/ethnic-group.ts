/**
 * Ethnic groups (民族) and their codes, GB/T 3304-1991: the 56 groups in the standard's order
 * (01 汉族 … 56 基诺族), plus 97 其他 and 98 外国血统中国籍人士.
 */
export interface EthnicGroup {
  readonly code: string
  readonly name: string
}

const NAMES = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
]

/** Every code of the standard, in its order. */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  ...NAMES.map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name: `${name}族` })),
  { code: '97', name: '其他' },
  { code: '98', name: '外国血统中国籍人士' },
]

const BY_CODE = new Map(ETHNIC_GROUPS.map((group) => [group.code, group]))

/**
 * The ethnic group with a 2-digit GB/T 3304 code, or undefined.
 *
 * @example
 * findEthnicGroup('10') // { code: '10', name: '朝鲜族' }
 * findEthnicGroup('57') // undefined
 */
export function findEthnicGroup(code: string): EthnicGroup | undefined {
  return BY_CODE.get(code.trim())
}

import { toHalfWidth } from './half-width.js'

/**
 * Industrial classification for national economic activities (国民经济行业分类, GB/T 4754-2017):
 * 20 sections (门类, A–T), 97 divisions (大类, 01–97), then groups (中类, 3 digits) and classes
 * (小类, 4 digits) whose first two digits are their division. This module knows the sections and
 * the divisions; a group or class code is answered with its division.
 */

export interface IndustrySection {
  /** A–T. */
  readonly code: string
  readonly name: string
}

export interface IndustryDivision {
  /** 01–97. */
  readonly code: string
  readonly name: string
  /** The section letter. */
  readonly section: string
}

export interface IndustryMatch {
  readonly section: IndustrySection
  /** Undefined when only a section letter was asked for. */
  readonly division?: { readonly code: string; readonly name: string }
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'C', name: '制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
]

// The divisions of each section, in code order: the codes run on without gaps from 01 to 97.
const DIVISION_NAMES: Readonly<Record<string, readonly string[]>> = {
  A: ['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动'],
  B: ['煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业', '开采专业及辅助性活动', '其他采矿业'],
  C: [
    '农副食品加工业',
    '食品制造业',
    '酒、饮料和精制茶制造业',
    '烟草制品业',
    '纺织业',
    '纺织服装、服饰业',
    '皮革、毛皮、羽毛及其制品和制鞋业',
    '木材加工和木、竹、藤、棕、草制品业',
    '家具制造业',
    '造纸和纸制品业',
    '印刷和记录媒介复制业',
    '文教、工美、体育和娱乐用品制造业',
    '石油、煤炭及其他燃料加工业',
    '化学原料和化学制品制造业',
    '医药制造业',
    '化学纤维制造业',
    '橡胶和塑料制品业',
    '非金属矿物制品业',
    '黑色金属冶炼和压延加工业',
    '有色金属冶炼和压延加工业',
    '金属制品业',
    '通用设备制造业',
    '专用设备制造业',
    '汽车制造业',
    '铁路、船舶、航空航天和其他运输设备制造业',
    '电气机械和器材制造业',
    '计算机、通信和其他电子设备制造业',
    '仪器仪表制造业',
    '其他制造业',
    '废弃资源综合利用业',
    '金属制品、机械和设备修理业',
  ],
  D: ['电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业'],
  E: ['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业'],
  F: ['批发业', '零售业'],
  G: ['铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业', '装卸搬运和仓储业', '邮政业'],
  H: ['住宿业', '餐饮业'],
  I: ['电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业'],
  J: ['货币金融服务', '资本市场服务', '保险业', '其他金融业'],
  K: ['房地产业'],
  L: ['租赁业', '商务服务业'],
  M: ['研究和试验发展', '专业技术服务业', '科技推广和应用服务业'],
  N: ['水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业'],
  O: ['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业'],
  P: ['教育'],
  Q: ['卫生', '社会工作'],
  R: ['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业'],
  S: ['中国共产党机关', '国家机构', '人民政协、民主党派', '社会保障', '群众团体、社会团体和其他成员组织', '基层群众自治组织及其他组织'],
  T: ['国际组织'],
}

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = INDUSTRY_SECTIONS.flatMap((section) =>
  (DIVISION_NAMES[section.code] ?? []).map((name) => ({ name, section: section.code })),
).map((division, index) => ({ code: String(index + 1).padStart(2, '0'), ...division }))

const SECTIONS_BY_CODE = new Map(INDUSTRY_SECTIONS.map((section) => [section.code, section]))
const DIVISIONS_BY_CODE = new Map(INDUSTRY_DIVISIONS.map((division) => [division.code, division]))

/**
 * Finds a section or division from a section letter ('I'), a division ('65'), a group or class
 * ('651', '6510': answered with their division) or a letter and digits ('I65', 'I6510'; the
 * letter must be the division's section). Spaces and full-width characters are tolerated.
 * Digits beyond the division are not checked against the groups and classes of the standard.
 *
 * @example
 * findIndustry('I6510')
 * // { section: { code: 'I', name: '信息传输、软件和信息技术服务业' }, division: { code: '65', name: '软件和信息技术服务业' } }
 * findIndustry('C') // { section: { code: 'C', name: '制造业' } }
 * findIndustry('C65') // undefined: 65 is in section I
 */
export function findIndustry(code: string): IndustryMatch | undefined {
  const match = /^([A-T])?(\d{2,4})?$/.exec(toHalfWidth(code).replace(/\s/g, '').toUpperCase())
  if (match === null) return undefined
  const [, letter, digits] = match
  if (digits === undefined) {
    const section = letter === undefined ? undefined : SECTIONS_BY_CODE.get(letter)
    return section === undefined ? undefined : { section }
  }
  const division = DIVISIONS_BY_CODE.get(digits.slice(0, 2))
  if (division === undefined || (letter !== undefined && letter !== division.section)) return undefined
  const section = SECTIONS_BY_CODE.get(division.section) as IndustrySection
  return { section, division: { code: division.code, name: division.name } }
}

/**
 * The section of a division (or of a group or class, by its first two digits), or undefined.
 *
 * @example
 * industrySection('39') // { code: 'C', name: '制造业' }
 */
export function industrySection(divisionCode: string): IndustrySection | undefined {
  const trimmed = toHalfWidth(divisionCode).trim()
  if (!/^\d{2,4}$/.test(trimmed)) return undefined
  return findIndustry(trimmed)?.section
}

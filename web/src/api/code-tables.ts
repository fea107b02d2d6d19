/**
 * Code tables and vocabularies, generated from src/standards and src/catalog/model.ts
 * by scripts/openapi.ts (npm run api:types). Do not edit; change the server instead.
 */

/** Ethnic groups (民族) and their codes, GB/T 3304-1991, in the standard's order. */
export const ETHNIC_GROUPS: ReadonlyArray<{ readonly code: string; readonly name: string }> = [
  { code: '01', name: '汉族' },
  { code: '02', name: '蒙古族' },
  { code: '03', name: '回族' },
  { code: '04', name: '藏族' },
  { code: '05', name: '维吾尔族' },
  { code: '06', name: '苗族' },
  { code: '07', name: '彝族' },
  { code: '08', name: '壮族' },
  { code: '09', name: '布依族' },
  { code: '10', name: '朝鲜族' },
  { code: '11', name: '满族' },
  { code: '12', name: '侗族' },
  { code: '13', name: '瑶族' },
  { code: '14', name: '白族' },
  { code: '15', name: '土家族' },
  { code: '16', name: '哈尼族' },
  { code: '17', name: '哈萨克族' },
  { code: '18', name: '傣族' },
  { code: '19', name: '黎族' },
  { code: '20', name: '傈僳族' },
  { code: '21', name: '佤族' },
  { code: '22', name: '畲族' },
  { code: '23', name: '高山族' },
  { code: '24', name: '拉祜族' },
  { code: '25', name: '水族' },
  { code: '26', name: '东乡族' },
  { code: '27', name: '纳西族' },
  { code: '28', name: '景颇族' },
  { code: '29', name: '柯尔克孜族' },
  { code: '30', name: '土族' },
  { code: '31', name: '达斡尔族' },
  { code: '32', name: '仫佬族' },
  { code: '33', name: '羌族' },
  { code: '34', name: '布朗族' },
  { code: '35', name: '撒拉族' },
  { code: '36', name: '毛南族' },
  { code: '37', name: '仡佬族' },
  { code: '38', name: '锡伯族' },
  { code: '39', name: '阿昌族' },
  { code: '40', name: '普米族' },
  { code: '41', name: '塔吉克族' },
  { code: '42', name: '怒族' },
  { code: '43', name: '乌孜别克族' },
  { code: '44', name: '俄罗斯族' },
  { code: '45', name: '鄂温克族' },
  { code: '46', name: '德昂族' },
  { code: '47', name: '保安族' },
  { code: '48', name: '裕固族' },
  { code: '49', name: '京族' },
  { code: '50', name: '塔塔尔族' },
  { code: '51', name: '独龙族' },
  { code: '52', name: '鄂伦春族' },
  { code: '53', name: '赫哲族' },
  { code: '54', name: '门巴族' },
  { code: '55', name: '珞巴族' },
  { code: '56', name: '基诺族' },
  { code: '97', name: '其他' },
  { code: '98', name: '外国血统中国籍人士' },
]

/** The sections (门类, A–T) of GB/T 4754-2017. */
export const INDUSTRY_SECTIONS: ReadonlyArray<{ readonly code: string; readonly name: string }> = [
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

/** The divisions (大类, 01–97) of GB/T 4754-2017, with the letter of their section. */
export const INDUSTRY_DIVISIONS: ReadonlyArray<{ readonly code: string; readonly name: string; readonly section: string }> = [
  { code: '01', name: '农业', section: 'A' },
  { code: '02', name: '林业', section: 'A' },
  { code: '03', name: '畜牧业', section: 'A' },
  { code: '04', name: '渔业', section: 'A' },
  { code: '05', name: '农、林、牧、渔专业及辅助性活动', section: 'A' },
  { code: '06', name: '煤炭开采和洗选业', section: 'B' },
  { code: '07', name: '石油和天然气开采业', section: 'B' },
  { code: '08', name: '黑色金属矿采选业', section: 'B' },
  { code: '09', name: '有色金属矿采选业', section: 'B' },
  { code: '10', name: '非金属矿采选业', section: 'B' },
  { code: '11', name: '开采专业及辅助性活动', section: 'B' },
  { code: '12', name: '其他采矿业', section: 'B' },
  { code: '13', name: '农副食品加工业', section: 'C' },
  { code: '14', name: '食品制造业', section: 'C' },
  { code: '15', name: '酒、饮料和精制茶制造业', section: 'C' },
  { code: '16', name: '烟草制品业', section: 'C' },
  { code: '17', name: '纺织业', section: 'C' },
  { code: '18', name: '纺织服装、服饰业', section: 'C' },
  { code: '19', name: '皮革、毛皮、羽毛及其制品和制鞋业', section: 'C' },
  { code: '20', name: '木材加工和木、竹、藤、棕、草制品业', section: 'C' },
  { code: '21', name: '家具制造业', section: 'C' },
  { code: '22', name: '造纸和纸制品业', section: 'C' },
  { code: '23', name: '印刷和记录媒介复制业', section: 'C' },
  { code: '24', name: '文教、工美、体育和娱乐用品制造业', section: 'C' },
  { code: '25', name: '石油、煤炭及其他燃料加工业', section: 'C' },
  { code: '26', name: '化学原料和化学制品制造业', section: 'C' },
  { code: '27', name: '医药制造业', section: 'C' },
  { code: '28', name: '化学纤维制造业', section: 'C' },
  { code: '29', name: '橡胶和塑料制品业', section: 'C' },
  { code: '30', name: '非金属矿物制品业', section: 'C' },
  { code: '31', name: '黑色金属冶炼和压延加工业', section: 'C' },
  { code: '32', name: '有色金属冶炼和压延加工业', section: 'C' },
  { code: '33', name: '金属制品业', section: 'C' },
  { code: '34', name: '通用设备制造业', section: 'C' },
  { code: '35', name: '专用设备制造业', section: 'C' },
  { code: '36', name: '汽车制造业', section: 'C' },
  { code: '37', name: '铁路、船舶、航空航天和其他运输设备制造业', section: 'C' },
  { code: '38', name: '电气机械和器材制造业', section: 'C' },
  { code: '39', name: '计算机、通信和其他电子设备制造业', section: 'C' },
  { code: '40', name: '仪器仪表制造业', section: 'C' },
  { code: '41', name: '其他制造业', section: 'C' },
  { code: '42', name: '废弃资源综合利用业', section: 'C' },
  { code: '43', name: '金属制品、机械和设备修理业', section: 'C' },
  { code: '44', name: '电力、热力生产和供应业', section: 'D' },
  { code: '45', name: '燃气生产和供应业', section: 'D' },
  { code: '46', name: '水的生产和供应业', section: 'D' },
  { code: '47', name: '房屋建筑业', section: 'E' },
  { code: '48', name: '土木工程建筑业', section: 'E' },
  { code: '49', name: '建筑安装业', section: 'E' },
  { code: '50', name: '建筑装饰、装修和其他建筑业', section: 'E' },
  { code: '51', name: '批发业', section: 'F' },
  { code: '52', name: '零售业', section: 'F' },
  { code: '53', name: '铁路运输业', section: 'G' },
  { code: '54', name: '道路运输业', section: 'G' },
  { code: '55', name: '水上运输业', section: 'G' },
  { code: '56', name: '航空运输业', section: 'G' },
  { code: '57', name: '管道运输业', section: 'G' },
  { code: '58', name: '多式联运和运输代理业', section: 'G' },
  { code: '59', name: '装卸搬运和仓储业', section: 'G' },
  { code: '60', name: '邮政业', section: 'G' },
  { code: '61', name: '住宿业', section: 'H' },
  { code: '62', name: '餐饮业', section: 'H' },
  { code: '63', name: '电信、广播电视和卫星传输服务', section: 'I' },
  { code: '64', name: '互联网和相关服务', section: 'I' },
  { code: '65', name: '软件和信息技术服务业', section: 'I' },
  { code: '66', name: '货币金融服务', section: 'J' },
  { code: '67', name: '资本市场服务', section: 'J' },
  { code: '68', name: '保险业', section: 'J' },
  { code: '69', name: '其他金融业', section: 'J' },
  { code: '70', name: '房地产业', section: 'K' },
  { code: '71', name: '租赁业', section: 'L' },
  { code: '72', name: '商务服务业', section: 'L' },
  { code: '73', name: '研究和试验发展', section: 'M' },
  { code: '74', name: '专业技术服务业', section: 'M' },
  { code: '75', name: '科技推广和应用服务业', section: 'M' },
  { code: '76', name: '水利管理业', section: 'N' },
  { code: '77', name: '生态保护和环境治理业', section: 'N' },
  { code: '78', name: '公共设施管理业', section: 'N' },
  { code: '79', name: '土地管理业', section: 'N' },
  { code: '80', name: '居民服务业', section: 'O' },
  { code: '81', name: '机动车、电子产品和日用产品修理业', section: 'O' },
  { code: '82', name: '其他服务业', section: 'O' },
  { code: '83', name: '教育', section: 'P' },
  { code: '84', name: '卫生', section: 'Q' },
  { code: '85', name: '社会工作', section: 'Q' },
  { code: '86', name: '新闻和出版业', section: 'R' },
  { code: '87', name: '广播、电视、电影和录音制作业', section: 'R' },
  { code: '88', name: '文化艺术业', section: 'R' },
  { code: '89', name: '体育', section: 'R' },
  { code: '90', name: '娱乐业', section: 'R' },
  { code: '91', name: '中国共产党机关', section: 'S' },
  { code: '92', name: '国家机构', section: 'S' },
  { code: '93', name: '人民政协、民主党派', section: 'S' },
  { code: '94', name: '社会保障', section: 'S' },
  { code: '95', name: '群众团体、社会团体和其他成员组织', section: 'S' },
  { code: '96', name: '基层群众自治组织及其他组织', section: 'S' },
  { code: '97', name: '国际组织', section: 'T' },
]

/** 基础 / 主题 / 部门 信息资源, with the digit that starts their catalog codes. */
export const CLASSIFICATION_LABELS = {
  base: { zh: '基础信息资源', en: 'Base information resource', code: '1' },
  theme: { zh: '主题信息资源', en: 'Theme information resource', code: '2' },
  department: { zh: '部门信息资源', en: 'Department information resource', code: '3' },
} as const

/** The five kinds of base information resources, with their two-digit codes. */
export const BASE_KINDS = [
  { code: '01', zh: '人口', en: 'Population' },
  { code: '02', zh: '法人', en: 'Legal persons' },
  { code: '03', zh: '自然资源和空间地理', en: 'Natural resources and geography' },
  { code: '04', zh: '社会信用', en: 'Social credit' },
  { code: '05', zh: '电子证照', en: 'Electronic licences' },
] as const

/** Themes named by the compilation guide, with their two-digit codes. */
export const THEMES = [
  { code: '01', zh: '健康保障', en: 'Health' },
  { code: '02', zh: '社会保障', en: 'Social security' },
  { code: '03', zh: '食品药品安全', en: 'Food and drug safety' },
  { code: '04', zh: '安全生产', en: 'Work safety' },
  { code: '05', zh: '价格监管', en: 'Price supervision' },
  { code: '06', zh: '能源安全', en: 'Energy security' },
  { code: '07', zh: '信用体系', en: 'Credit system' },
  { code: '08', zh: '城乡建设', en: 'Urban and rural construction' },
  { code: '09', zh: '社区治理', en: 'Community governance' },
  { code: '10', zh: '生态环保', en: 'Ecology and environment' },
  { code: '11', zh: '应急维稳', en: 'Emergency and stability' },
] as const

/** The English names of the format classes (格式分类). */
export const FORMAT_CLASS_LABELS = {
  电子文件: 'Electronic document',
  电子表格: 'Spreadsheet',
  数据库: 'Database',
  图形图像: 'Image',
  流媒体: 'Streaming media',
  自描述格式: 'Self-describing format',
  服务接口: 'Service interface',
} as const

/** Common format types per class, offered as suggestions; other types are allowed. */
export const FORMAT_TYPES = {
  电子文件: ['OFD', 'PDF', 'WPS', 'DOC', 'DOCX', 'TXT'],
  电子表格: ['XLSX', 'XLS', 'ET', 'CSV'],
  数据库: ['DM', 'KingbaseES', 'PostgreSQL', 'MySQL', 'Oracle', 'SQL Server'],
  图形图像: ['JPG', 'PNG', 'TIFF', 'SHP', 'GeoTIFF'],
  流媒体: ['MP4', 'FLV', 'MPG'],
  自描述格式: ['JSON', 'XML', 'GeoJSON'],
  服务接口: ['REST', 'OGC API', 'WebService'],
} as const

/** Resources in these format classes hold records, so they need a primary key. */
export const RECORD_FORMAT_CLASSES: readonly string[] = ['电子表格', '数据库', '自描述格式', '服务接口']

/** 信息项数据类型. */
export const ITEM_TYPE_LABELS = {
  C: { zh: '字符型', en: 'Character' },
  N: { zh: '数值型', en: 'Numeric' },
  Y: { zh: '货币型', en: 'Currency' },
  D: { zh: '日期型', en: 'Date' },
  T: { zh: '日期时间型', en: 'Date-time' },
  L: { zh: '逻辑型', en: 'Logical' },
  M: { zh: '备注型', en: 'Memo' },
  B: { zh: '二进制', en: 'Binary' },
  I: { zh: '整型', en: 'Integer' },
  F: { zh: '浮点型', en: 'Float' },
} as const

/** Item types whose values have a length worth stating. */
export const SIZED_ITEM_TYPES: readonly string[] = ['C', 'N', 'Y', 'I', 'F']

/** The platform's identifiers an item may hold. */
export const IDENTIFIER_KIND_LABELS = {
  residentId: { zh: '居民身份证号码', en: 'Resident ID number' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  divisionCode: { zh: '行政区划代码', en: 'Division code' },
} as const

/** 共享类型 (国发〔2016〕51号). */
export const SHARE_TYPE_LABELS = {
  unconditional: { zh: '无条件共享', en: 'Unconditional' },
  conditional: { zh: '有条件共享', en: 'Conditional' },
  none: { zh: '不予共享', en: 'Not shared' },
} as const

/** 共享方式. */
export const SHARE_METHOD_LABELS = { api: { zh: '接口', en: 'API' }, file: { zh: '文件', en: 'File' }, database: { zh: '数据库', en: 'Database' } } as const

/** 更新周期, with their DCAT frequencies. */
export const UPDATE_CYCLE_LABELS = {
  realtime: { zh: '实时', en: 'Real time', dcat: 'CONT' },
  daily: { zh: '每日', en: 'Daily', dcat: 'DAILY' },
  weekly: { zh: '每周', en: 'Weekly', dcat: 'WEEKLY' },
  monthly: { zh: '每月', en: 'Monthly', dcat: 'MONTHLY' },
  quarterly: { zh: '每季度', en: 'Quarterly', dcat: 'QUARTERLY' },
  semiannual: { zh: '每半年', en: 'Semi-annual', dcat: 'ANNUAL_2' },
  annual: { zh: '每年', en: 'Annual', dcat: 'ANNUAL' },
} as const

/** The statuses of a catalog entry version. */
export const STATUS_LABELS = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '历史版本', en: 'Superseded' },
  retired: { zh: '已停用', en: 'Retired' },
} as const

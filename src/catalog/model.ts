/**
 * The catalog entry (政务信息资源目录), after the national compilation guide (政务信息资源目录编制指南,
 * 2017): classification, name, code, provider, abstract, format, items, sharing and openness,
 * update cycle, publish date and related resources.
 */

/** 基础 / 主题 / 部门 信息资源. */
export const CLASSIFICATIONS = ['base', 'theme', 'department'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, { zh: string; en: string; code: string }>> = {
  base: { zh: '基础信息资源', en: 'Base information resource', code: '1' },
  theme: { zh: '主题信息资源', en: 'Theme information resource', code: '2' },
  department: { zh: '部门信息资源', en: 'Department information resource', code: '3' },
}

/** The five kinds of base information resources, with their two-digit codes. */
export const BASE_KINDS = [
  { code: '01', zh: '人口', en: 'Population' },
  { code: '02', zh: '法人', en: 'Legal persons' },
  { code: '03', zh: '自然资源和空间地理', en: 'Natural resources and geography' },
  { code: '04', zh: '社会信用', en: 'Social credit' },
  { code: '05', zh: '电子证照', en: 'Electronic licences' },
] as const

/** Themes named by the guide, with their two-digit codes. */
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

/** 格式分类. */
export const FORMAT_CLASSES = ['电子文件', '电子表格', '数据库', '图形图像', '流媒体', '自描述格式', '服务接口'] as const
export type FormatClass = (typeof FORMAT_CLASSES)[number]

export const FORMAT_CLASS_LABELS: Readonly<Record<FormatClass, string>> = {
  电子文件: 'Electronic document',
  电子表格: 'Spreadsheet',
  数据库: 'Database',
  图形图像: 'Image',
  流媒体: 'Streaming media',
  自描述格式: 'Self-describing format',
  服务接口: 'Service interface',
}

/** Common format types per class, offered as suggestions; other types are allowed. */
export const FORMAT_TYPES: Readonly<Record<FormatClass, readonly string[]>> = {
  电子文件: ['OFD', 'PDF', 'WPS', 'DOC', 'DOCX', 'TXT'],
  电子表格: ['XLSX', 'XLS', 'ET', 'CSV'],
  数据库: ['DM', 'KingbaseES', 'PostgreSQL', 'MySQL', 'Oracle', 'SQL Server'],
  图形图像: ['JPG', 'PNG', 'TIFF', 'SHP', 'GeoTIFF'],
  流媒体: ['MP4', 'FLV', 'MPG'],
  自描述格式: ['JSON', 'XML', 'GeoJSON'],
  服务接口: ['REST', 'OGC API', 'WebService'],
}

/** Resources in these format classes hold records, so they need a primary key. */
export const RECORD_FORMAT_CLASSES: readonly FormatClass[] = ['电子表格', '数据库', '自描述格式', '服务接口']

/** 信息项数据类型: 字符型 C, 数值型 N, 货币型 Y, 日期型 D, 日期时间型 T, 逻辑型 L, 备注型 M, 二进制 B, 整型 I, 浮点型 F. */
export const ITEM_TYPES = ['C', 'N', 'Y', 'D', 'T', 'L', 'M', 'B', 'I', 'F'] as const
export type ItemType = (typeof ITEM_TYPES)[number]

export const ITEM_TYPE_LABELS: Readonly<Record<ItemType, { zh: string; en: string }>> = {
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
}

/** Types whose values have a length worth stating. */
export const SIZED_ITEM_TYPES: readonly ItemType[] = ['C', 'N', 'Y', 'I', 'F']

/** Items that hold one of the platform's identifiers, validated by the standards module. */
export const IDENTIFIER_KINDS = ['residentId', 'creditCode', 'divisionCode'] as const
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number]

export const IDENTIFIER_KIND_LABELS: Readonly<Record<IdentifierKind, { zh: string; en: string }>> = {
  residentId: { zh: '居民身份证号码', en: 'Resident ID number' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  divisionCode: { zh: '行政区划代码', en: 'Division code' },
}

/** 共享类型 (国发〔2016〕51号). */
export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const
export type ShareType = (typeof SHARE_TYPES)[number]

export const SHARE_TYPE_LABELS: Readonly<Record<ShareType, { zh: string; en: string }>> = {
  unconditional: { zh: '无条件共享', en: 'Unconditional' },
  conditional: { zh: '有条件共享', en: 'Conditional' },
  none: { zh: '不予共享', en: 'Not shared' },
}

/** 共享方式. */
export const SHARE_METHODS = ['api', 'file', 'database'] as const
export type ShareMethod = (typeof SHARE_METHODS)[number]

export const SHARE_METHOD_LABELS: Readonly<Record<ShareMethod, { zh: string; en: string }>> = {
  api: { zh: '接口', en: 'API' },
  file: { zh: '文件', en: 'File' },
  database: { zh: '数据库', en: 'Database' },
}

/** 更新周期. */
export const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'] as const
export type UpdateCycle = (typeof UPDATE_CYCLES)[number]

export const UPDATE_CYCLE_LABELS: Readonly<Record<UpdateCycle, { zh: string; en: string; dcat: string }>> = {
  realtime: { zh: '实时', en: 'Real time', dcat: 'CONT' },
  daily: { zh: '每日', en: 'Daily', dcat: 'DAILY' },
  weekly: { zh: '每周', en: 'Weekly', dcat: 'WEEKLY' },
  monthly: { zh: '每月', en: 'Monthly', dcat: 'MONTHLY' },
  quarterly: { zh: '每季度', en: 'Quarterly', dcat: 'QUARTERLY' },
  semiannual: { zh: '每半年', en: 'Semi-annual', dcat: 'ANNUAL_2' },
  annual: { zh: '每年', en: 'Annual', dcat: 'ANNUAL' },
}

/** Only non-secret resources may be registered on the platform. */
export const SECRECY_LEVELS = ['non-secret', 'secret'] as const
export type Secrecy = (typeof SECRECY_LEVELS)[number]

/** One data item (信息项) of a resource. */
export interface CatalogItem {
  readonly name: string
  /** Field key used in records and APIs, e.g. `resident_id`. */
  readonly key: string
  readonly type: ItemType
  readonly length: number | null
  readonly required: boolean
  readonly primaryKey: boolean
  /** Sensitive personal information (敏感个人信息): masked unless granted in clear. */
  readonly sensitive: boolean
  readonly identifierKind: IdentifierKind | null
  /** A base item of a base-registry resource: always shared unconditionally. */
  readonly baseItem: boolean
  /** Overrides the resource's share type for this item; null inherits it. */
  readonly shareType: ShareType | null
  readonly description: string
}

/** Everything a steward states about a resource: the content of one version. */
export interface ResourceContent {
  readonly name: string
  readonly abstract: string
  readonly classification: Classification
  /** Base kind code (base resources) or theme code (theme resources); null for department resources. */
  readonly category: string | null
  readonly formatClass: FormatClass
  readonly formatType: string
  readonly shareType: ShareType
  /** Required for conditional resources. */
  readonly shareCondition: string
  /** Required for resources not shared. */
  readonly legalBasis: string
  readonly shareMethods: readonly ShareMethod[]
  readonly open: boolean
  readonly openCondition: string
  readonly updateCycle: UpdateCycle
  /** YYYY-MM-DD, the provider's own publish date of the resource. */
  readonly publishDate: string | null
  readonly relatedCodes: readonly string[]
  readonly secrecy: Secrecy
  readonly tags: readonly string[]
  readonly items: readonly CatalogItem[]
}

/** Content as submitted: optional text, lists and item flags may be left out and take defaults. */
export type ResourceContentInput = Omit<
  ResourceContent,
  'shareCondition' | 'legalBasis' | 'openCondition' | 'publishDate' | 'relatedCodes' | 'tags' | 'items'
> &
  Partial<Pick<ResourceContent, 'shareCondition' | 'legalBasis' | 'openCondition' | 'publishDate' | 'relatedCodes' | 'tags'>> & {
    readonly items: ReadonlyArray<Pick<CatalogItem, 'name' | 'key' | 'type'> & Partial<Omit<CatalogItem, 'name' | 'key' | 'type'>>>
  }

export const VERSION_STATUSES = ['draft', 'submitted', 'returned', 'published', 'superseded', 'retired'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

/** The status a resource shows: that of its newest version still in play. */
export const RESOURCE_STATUSES = ['draft', 'submitted', 'returned', 'published', 'retired'] as const
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<VersionStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '历史版本', en: 'Superseded' },
  retired: { zh: '已停用', en: 'Retired' },
}

/** The category's names, or undefined when the code does not belong to the classification. */
export function categoryOf(classification: Classification, category: string | null): { code: string; zh: string; en: string } | undefined {
  const list = classification === 'base' ? BASE_KINDS : classification === 'theme' ? THEMES : []
  return list.find((entry) => entry.code === category)
}

/**
 * The classification code a catalog code starts with: class digit + category (base, theme) or
 * class digit + the provider's department code (department resources).
 *
 * @example
 * classificationCode('base', '01', '210100003') // '101'
 * classificationCode('department', null, '210100005') // '3210100005'
 */
export function classificationCode(classification: Classification, category: string | null, departmentCode: string): string {
  const head = CLASSIFICATION_LABELS[classification].code
  return classification === 'department' ? `${head}${departmentCode}` : `${head}${category ?? '00'}`
}

/** The effective share type of an item. */
export function itemShareType(item: CatalogItem, resource: Pick<ResourceContent, 'shareType'>): ShareType {
  return item.shareType ?? resource.shareType
}

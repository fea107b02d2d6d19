import { useMemo } from 'react'
import type {
  Classification,
  FormatClass,
  IdentifierKind,
  ItemType,
  ShareMethod,
  ShareType,
  UpdateCycle,
  VersionStatus,
} from '../../api/catalog'
import type { Language } from '../../i18n'
import { useLanguage } from '../../language'

/**
 * The catalog's enumerations with their names, copied from the server's src/catalog/model.ts
 * (the console needs them before any request, e.g. to render a facet list or a form).
 */
interface Names {
  readonly zh: string
  readonly en: string
}

export const CLASSIFICATION_NAMES: Readonly<Record<Classification, Names>> = {
  base: { zh: '基础信息资源', en: 'Base information resource' },
  theme: { zh: '主题信息资源', en: 'Theme information resource' },
  department: { zh: '部门信息资源', en: 'Department information resource' },
}

export const BASE_KINDS: ReadonlyArray<Names & { readonly code: string }> = [
  { code: '01', zh: '人口', en: 'Population' },
  { code: '02', zh: '法人', en: 'Legal persons' },
  { code: '03', zh: '自然资源和空间地理', en: 'Natural resources and geography' },
  { code: '04', zh: '社会信用', en: 'Social credit' },
  { code: '05', zh: '电子证照', en: 'Electronic licences' },
]

export const THEMES: ReadonlyArray<Names & { readonly code: string }> = [
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
]

export function categoriesOf(classification: Classification | undefined): ReadonlyArray<Names & { readonly code: string }> {
  return classification === 'base' ? BASE_KINDS : classification === 'theme' ? THEMES : []
}

export const FORMAT_CLASS_NAMES: Readonly<Record<FormatClass, Names>> = {
  电子文件: { zh: '电子文件', en: 'Electronic document' },
  电子表格: { zh: '电子表格', en: 'Spreadsheet' },
  数据库: { zh: '数据库', en: 'Database' },
  图形图像: { zh: '图形图像', en: 'Image' },
  流媒体: { zh: '流媒体', en: 'Streaming media' },
  自描述格式: { zh: '自描述格式', en: 'Self-describing format' },
  服务接口: { zh: '服务接口', en: 'Service interface' },
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

export const ITEM_TYPE_NAMES: Readonly<Record<ItemType, Names>> = {
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

export const IDENTIFIER_KIND_NAMES: Readonly<Record<IdentifierKind, Names>> = {
  residentId: { zh: '居民身份证号码', en: 'Resident ID number' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  divisionCode: { zh: '行政区划代码', en: 'Division code' },
}

export const SHARE_TYPE_NAMES: Readonly<Record<ShareType, Names>> = {
  unconditional: { zh: '无条件共享', en: 'Unconditional' },
  conditional: { zh: '有条件共享', en: 'Conditional' },
  none: { zh: '不予共享', en: 'Not shared' },
}

export const SHARE_TYPE_COLORS: Readonly<Record<ShareType, string>> = { unconditional: 'green', conditional: 'orange', none: 'red' }

export const SHARE_METHOD_NAMES: Readonly<Record<ShareMethod, Names>> = {
  api: { zh: '接口', en: 'API' },
  file: { zh: '文件', en: 'File' },
  database: { zh: '数据库', en: 'Database' },
}

export const UPDATE_CYCLE_NAMES: Readonly<Record<UpdateCycle, Names>> = {
  realtime: { zh: '实时', en: 'Real time' },
  daily: { zh: '每日', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  semiannual: { zh: '每半年', en: 'Semi-annual' },
  annual: { zh: '每年', en: 'Annual' },
}

export const STATUS_NAMES: Readonly<Record<VersionStatus, Names>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '历史版本', en: 'Superseded' },
  retired: { zh: '已停用', en: 'Retired' },
}

export const STATUS_COLORS: Readonly<Record<VersionStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  published: 'success',
  superseded: 'default',
  retired: 'error',
}

function lookup<K extends string>(table: Readonly<Record<K, Names>>, language: Language): (value: K | string) => string {
  return (value) => (table as Readonly<Record<string, Names | undefined>>)[value]?.[language] ?? value
}

/** The catalog's names in the current language. */
export function useCatalogLabels() {
  const { language } = useLanguage()
  return useMemo(
    () => ({
      classification: lookup(CLASSIFICATION_NAMES, language),
      category: (classification: Classification, code: string | null) =>
        categoriesOf(classification).find((entry) => entry.code === code)?.[language] ?? code ?? '',
      formatClass: lookup(FORMAT_CLASS_NAMES, language),
      itemType: lookup(ITEM_TYPE_NAMES, language),
      identifierKind: lookup(IDENTIFIER_KIND_NAMES, language),
      shareType: lookup(SHARE_TYPE_NAMES, language),
      shareMethod: lookup(SHARE_METHOD_NAMES, language),
      updateCycle: lookup(UPDATE_CYCLE_NAMES, language),
      status: lookup(STATUS_NAMES, language),
    }),
    [language],
  )
}

export type CatalogLabels = ReturnType<typeof useCatalogLabels>

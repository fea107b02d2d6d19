import type { FieldProblem } from '../platform/errors.js'
import {
  BASE_KINDS,
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  FORMAT_CLASSES,
  IDENTIFIER_KIND_LABELS,
  IDENTIFIER_KINDS,
  ITEM_TYPE_LABELS,
  ITEM_TYPES,
  SHARE_METHOD_LABELS,
  SHARE_METHODS,
  SHARE_TYPE_LABELS,
  SHARE_TYPES,
  THEMES,
  UPDATE_CYCLE_LABELS,
  UPDATE_CYCLES,
  type CatalogItem,
  type Classification,
  type ResourceContent,
} from './model.js'

/**
 * The catalog spreadsheet departments keep: one row per data item, the resource's columns
 * repeated on each of its rows. The same layout is the import template and the export.
 */
export const RESOURCE_COLUMNS = [
  '资源代码',
  '资源名称',
  '资源摘要',
  '提供方代码',
  '提供方名称',
  '资源分类',
  '类目',
  '格式分类',
  '格式类型',
  '共享类型',
  '共享条件',
  '不予共享依据',
  '共享方式',
  '是否向社会开放',
  '开放条件',
  '更新周期',
  '发布日期',
  '关联资源代码',
  '标签',
  '是否涉密',
] as const

export const ITEM_COLUMNS = [
  '信息项名称',
  '字段名',
  '数据类型',
  '数据长度',
  '是否必填',
  '是否主键',
  '敏感个人信息',
  '标识类型',
  '基础信息项',
  '信息项共享类型',
  '信息项描述',
] as const

export const CATALOG_COLUMNS = [...RESOURCE_COLUMNS, ...ITEM_COLUMNS]

/** Columns an import file must have; 资源代码 and 提供方名称 may be left out, the rest may be blank. */
export const REQUIRED_COLUMNS = CATALOG_COLUMNS.filter((column) => column !== '资源代码' && column !== '提供方名称')

/** How the template explains each column, shown on its second sheet and in the docs. */
export const COLUMN_HELP: Readonly<Record<(typeof CATALOG_COLUMNS)[number], string>> = {
  资源代码: '留空表示新登记；填写已有代码表示修改该资源（生成新版本）',
  资源名称: '必填；同一资源的各行须一致',
  资源摘要: '必填',
  提供方代码: '必填，本部门代码，如 210100003',
  提供方名称: '导出时填写，导入时忽略',
  资源分类: '基础 / 主题 / 部门',
  类目: `基础资源填 ${BASE_KINDS.map((k) => k.zh).join('、')}；主题资源填 ${THEMES.map((t) => t.zh).join('、')}；部门资源留空`,
  格式分类: FORMAT_CLASSES.join(' / '),
  格式类型: '如 XLSX、PostgreSQL、REST、PDF',
  共享类型: '无条件共享 / 有条件共享 / 不予共享',
  共享条件: '有条件共享时必填',
  不予共享依据: '不予共享时必填（法律法规或政策依据）',
  共享方式: '接口 / 文件 / 数据库，多个用分号分隔',
  是否向社会开放: '是 / 否',
  开放条件: '可留空',
  更新周期: UPDATE_CYCLES.map((cycle) => UPDATE_CYCLE_LABELS[cycle].zh).join(' / '),
  发布日期: 'YYYY-MM-DD，可留空',
  关联资源代码: '多个用分号分隔，可留空',
  标签: '多个用分号分隔',
  是否涉密: '只能为“否”：涉密信息资源不得在平台登记',
  信息项名称: '必填',
  字段名: '小写字母、数字、下划线，以字母开头；同一资源内不重复',
  数据类型: 'C 字符型 / N 数值型 / Y 货币型 / D 日期型 / T 日期时间型 / L 逻辑型 / M 备注型 / B 二进制 / I 整型 / F 浮点型',
  数据长度: 'C、N、Y、I、F 类型必填',
  是否必填: '是 / 否',
  是否主键: '是 / 否；表格、数据库、自描述格式、服务接口类资源至少一个主键',
  敏感个人信息: '是 / 否',
  标识类型: '居民身份证号码 / 统一社会信用代码 / 行政区划代码，可留空',
  基础信息项: '是 / 否；仅基础信息资源，基础信息项须无条件共享',
  信息项共享类型: '留空表示与资源相同',
  信息项描述: '可留空',
}

type Column = (typeof CATALOG_COLUMNS)[number]

const YES = ['是', 'y', 'yes', 'true', '1']
const NO = ['否', 'n', 'no', 'false', '0', '']

function lookup<T extends string>(values: readonly T[], label: (value: T) => readonly string[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const value of values) for (const name of [value, ...label(value)]) map.set(name.toLowerCase(), value)
  return map
}

const CLASSIFICATION_NAMES = lookup(CLASSIFICATIONS, (c) => [
  CLASSIFICATION_LABELS[c].zh,
  CLASSIFICATION_LABELS[c].zh.replace('信息资源', ''),
  CLASSIFICATION_LABELS[c].en,
])
const SHARE_TYPE_NAMES = lookup(SHARE_TYPES, (t) => [SHARE_TYPE_LABELS[t].zh, SHARE_TYPE_LABELS[t].en])
const SHARE_METHOD_NAMES = lookup(SHARE_METHODS, (m) => [SHARE_METHOD_LABELS[m].zh, SHARE_METHOD_LABELS[m].en])
const UPDATE_CYCLE_NAMES = lookup(UPDATE_CYCLES, (c) => [UPDATE_CYCLE_LABELS[c].zh, UPDATE_CYCLE_LABELS[c].en])
const ITEM_TYPE_NAMES = lookup(ITEM_TYPES, (t) => [ITEM_TYPE_LABELS[t].zh, ITEM_TYPE_LABELS[t].en])
const IDENTIFIER_NAMES = lookup(IDENTIFIER_KINDS, (k) => [IDENTIFIER_KIND_LABELS[k].zh, IDENTIFIER_KIND_LABELS[k].en])
const yesNo = (value: boolean) => (value ? '是' : '否')
const list = (text: string) =>
  text
    .split(/[;；,，、]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

/** One resource's rows of the spreadsheet. */
export function contentToRows(resource: { code: string; departmentCode: string; departmentName: string }, content: ResourceContent): string[][] {
  const category =
    content.classification === 'base'
      ? BASE_KINDS.find((kind) => kind.code === content.category)?.zh
      : content.classification === 'theme'
        ? THEMES.find((theme) => theme.code === content.category)?.zh
        : undefined
  const head = [
    resource.code,
    content.name,
    content.abstract,
    resource.departmentCode,
    resource.departmentName,
    CLASSIFICATION_LABELS[content.classification].zh.replace('信息资源', ''),
    category ?? '',
    content.formatClass,
    content.formatType,
    SHARE_TYPE_LABELS[content.shareType].zh,
    content.shareCondition,
    content.legalBasis,
    content.shareMethods.map((method) => SHARE_METHOD_LABELS[method].zh).join(';'),
    yesNo(content.open),
    content.openCondition,
    UPDATE_CYCLE_LABELS[content.updateCycle].zh,
    content.publishDate ?? '',
    content.relatedCodes.join(';'),
    content.tags.join(';'),
    content.secrecy === 'secret' ? '是' : '否',
  ]
  return content.items.map((item) => [
    ...head,
    item.name,
    item.key,
    item.type,
    item.length === null ? '' : String(item.length),
    yesNo(item.required),
    yesNo(item.primaryKey),
    yesNo(item.sensitive),
    item.identifierKind === null ? '' : IDENTIFIER_KIND_LABELS[item.identifierKind].zh,
    yesNo(item.baseItem),
    item.shareType === null ? '' : SHARE_TYPE_LABELS[item.shareType].zh,
    item.description,
  ])
}

/** A resource read from the spreadsheet, with the rows it came from for error reports. */
export interface ParsedResource {
  readonly code: string | null
  readonly departmentCode: string
  readonly content: ResourceContent
  /** File row of the resource's first row, and of each item. */
  readonly firstRow: number
  readonly itemRows: readonly number[]
}

/** Which column a rule's JSON pointer refers to. */
const POINTER_COLUMNS: Readonly<Record<string, Column>> = {
  name: '资源名称',
  abstract: '资源摘要',
  classification: '资源分类',
  category: '类目',
  formatClass: '格式分类',
  formatType: '格式类型',
  shareType: '共享类型',
  shareCondition: '共享条件',
  legalBasis: '不予共享依据',
  shareMethods: '共享方式',
  open: '是否向社会开放',
  openCondition: '开放条件',
  updateCycle: '更新周期',
  publishDate: '发布日期',
  relatedCodes: '关联资源代码',
  tags: '标签',
  secrecy: '是否涉密',
  items: '信息项名称',
}

const ITEM_POINTER_COLUMNS: Readonly<Record<string, Column>> = {
  name: '信息项名称',
  key: '字段名',
  type: '数据类型',
  length: '数据长度',
  required: '是否必填',
  primaryKey: '是否主键',
  sensitive: '敏感个人信息',
  identifierKind: '标识类型',
  baseItem: '基础信息项',
  shareType: '信息项共享类型',
  description: '信息项描述',
}

/** Turns a rule problem on a parsed resource (`/items/2/length`) into a row-and-column problem. */
export function locateProblem(resource: ParsedResource, problem: FieldProblem): FieldProblem {
  const [, top, index, field] = problem.field.split('/')
  if (top === 'items' && index !== undefined && field !== undefined) {
    return { row: resource.itemRows[Number(index)] ?? resource.firstRow, field: ITEM_POINTER_COLUMNS[field] ?? '信息项名称', message: problem.message }
  }
  return { row: resource.firstRow, field: POINTER_COLUMNS[top ?? ''] ?? '资源名称', message: problem.message }
}

/**
 * Reads catalog rows into resources, grouping rows by code (or by name for new resources).
 * Every unreadable cell is reported with its row and column; rows of one resource must agree on
 * the resource's columns.
 */
export function parseRows(
  headers: readonly string[],
  rows: readonly string[][],
  rowNumbers: readonly number[],
): { resources: ParsedResource[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const missing = REQUIRED_COLUMNS.filter((column) => !headers.includes(column))
  if (missing.length > 0) {
    return { resources: [], problems: missing.map((column) => ({ row: 1, field: column, message: 'column missing from the header row (缺少该列)' })) }
  }
  const at = (row: readonly string[], column: Column) => {
    const index = headers.indexOf(column)
    return index < 0 ? '' : (row[index] ?? '')
  }
  const groups = new Map<string, Array<{ row: readonly string[]; rowNumber: number }>>()
  rows.forEach((row, index) => {
    const key = at(row, '资源代码') !== '' ? `code:${at(row, '资源代码')}` : `name:${at(row, '资源名称')}`
    const group = groups.get(key) ?? []
    group.push({ row, rowNumber: rowNumbers[index] ?? index + 2 })
    groups.set(key, group)
  })

  const resources: ParsedResource[] = []
  for (const group of groups.values()) {
    const first = group[0]
    if (first === undefined) continue
    const problem = (rowNumber: number, field: Column, message: string) => problems.push({ row: rowNumber, field, message })
    for (const { row, rowNumber } of group.slice(1)) {
      for (const column of RESOURCE_COLUMNS) {
        if (at(row, column) !== at(first.row, column))
          problem(rowNumber, column, `differs from row ${first.rowNumber} of the same resource (与同一资源第 ${first.rowNumber} 行不一致)`)
      }
    }
    const cell = (column: Column) => at(first.row, column)
    const pick = <T>(column: Column, names: Map<string, T>, rowNumber = first.rowNumber, text = cell(column)): T | undefined => {
      const value = names.get(text.toLowerCase())
      if (value === undefined) problem(rowNumber, column, text === '' ? 'is required (必填)' : `"${text}" is not an accepted value (取值无效)`)
      return value
    }
    const flag = (column: Column, rowNumber: number, text: string): boolean => {
      const value = text.toLowerCase()
      if (YES.includes(value)) return true
      if (!NO.includes(value)) problem(rowNumber, column, `"${text}" is not 是 or 否`)
      return false
    }
    const classification = pick('资源分类', CLASSIFICATION_NAMES) ?? 'department'
    const category = categoryCode(classification, cell('类目'))
    if (category === undefined)
      problem(first.rowNumber, '类目', `"${cell('类目')}" is not a category of ${CLASSIFICATION_LABELS[classification].zh} (类目无效)`)
    const formatClass = FORMAT_CLASSES.find((value) => value === cell('格式分类'))
    if (formatClass === undefined) problem(first.rowNumber, '格式分类', `"${cell('格式分类')}" is not one of ${FORMAT_CLASSES.join(', ')}`)
    const shareMethods = list(cell('共享方式'))
      .map((text) => pick('共享方式', SHARE_METHOD_NAMES, first.rowNumber, text))
      .filter((method) => method !== undefined)

    const items: CatalogItem[] = group.map(({ row, rowNumber }) => {
      const lengthText = at(row, '数据长度')
      const length = lengthText === '' ? null : Number(lengthText)
      if (length !== null && (!Number.isInteger(length) || length < 1)) problem(rowNumber, '数据长度', `"${lengthText}" is not a positive whole number`)
      const identifierText = at(row, '标识类型')
      const shareText = at(row, '信息项共享类型')
      return {
        name: at(row, '信息项名称'),
        key: at(row, '字段名'),
        type: pick('数据类型', ITEM_TYPE_NAMES, rowNumber, at(row, '数据类型')) ?? 'C',
        length: length !== null && Number.isInteger(length) && length >= 1 ? length : null,
        required: flag('是否必填', rowNumber, at(row, '是否必填')),
        primaryKey: flag('是否主键', rowNumber, at(row, '是否主键')),
        sensitive: flag('敏感个人信息', rowNumber, at(row, '敏感个人信息')),
        identifierKind: identifierText === '' ? null : (pick('标识类型', IDENTIFIER_NAMES, rowNumber, identifierText) ?? null),
        baseItem: flag('基础信息项', rowNumber, at(row, '基础信息项')),
        shareType: shareText === '' ? null : (pick('信息项共享类型', SHARE_TYPE_NAMES, rowNumber, shareText) ?? null),
        description: at(row, '信息项描述'),
      }
    })
    const secret = flag('是否涉密', first.rowNumber, cell('是否涉密'))
    resources.push({
      code: cell('资源代码') === '' ? null : cell('资源代码'),
      departmentCode: cell('提供方代码'),
      firstRow: first.rowNumber,
      itemRows: group.map(({ rowNumber }) => rowNumber),
      content: {
        name: cell('资源名称'),
        abstract: cell('资源摘要'),
        classification,
        category: category ?? null,
        formatClass: formatClass ?? '数据库',
        formatType: cell('格式类型'),
        shareType: pick('共享类型', SHARE_TYPE_NAMES) ?? 'conditional',
        shareCondition: cell('共享条件'),
        legalBasis: cell('不予共享依据'),
        shareMethods: [...new Set(shareMethods)],
        open: flag('是否向社会开放', first.rowNumber, cell('是否向社会开放')),
        openCondition: cell('开放条件'),
        updateCycle: pick('更新周期', UPDATE_CYCLE_NAMES) ?? 'annual',
        publishDate: cell('发布日期') === '' ? null : cell('发布日期'),
        relatedCodes: list(cell('关联资源代码')),
        secrecy: secret ? 'secret' : 'non-secret',
        tags: list(cell('标签')),
        items,
      },
    })
  }
  return { resources, problems }
}

/** The category code for a category name (人口 → 01), null for department resources, undefined when unknown. */
function categoryCode(classification: Classification, name: string): string | null | undefined {
  if (classification === 'department') return name === '' ? null : undefined
  const list = classification === 'base' ? BASE_KINDS : THEMES
  return list.find((entry) => entry.zh === name || entry.code === name || entry.en.toLowerCase() === name.toLowerCase())?.code
}

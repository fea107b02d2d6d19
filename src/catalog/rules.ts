import type { FieldProblem } from '../platform/errors.js'
import { categoryOf, itemShareType, RECORD_FORMAT_CLASSES, SIZED_ITEM_TYPES, type ResourceContent } from './model.js'

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/
const CATALOG_CODE_PATTERN = /^\d{3,10}\/\d{6}$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

function blank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === ''
}

/**
 * Every rule a catalog entry breaks, each naming its field as a JSON pointer (empty when it
 * keeps them all). Shapes and enumerations are checked by the request schema; these are the
 * rules that span fields.
 *
 * @example
 * catalogRuleProblems({ ...content, shareType: 'conditional', shareCondition: '' })
 * // [{ field: '/shareCondition', message: 'a conditional resource states its condition (有条件共享须说明共享条件)' }]
 */
export function catalogRuleProblems(content: ResourceContent): FieldProblem[] {
  const problems: FieldProblem[] = []
  const problem = (field: string, message: string) => problems.push({ field, message })

  if (blank(content.name)) problem('/name', 'is required (资源名称必填)')
  if (blank(content.abstract)) problem('/abstract', 'is required (资源摘要必填)')
  if (content.secrecy !== 'non-secret') {
    problem('/secrecy', 'only non-secret resources may be registered on the platform (涉密信息资源不得在平台登记)')
  }
  if (content.classification === 'department') {
    if (content.category !== null) problem('/category', 'department resources have no category (部门信息资源无类目)')
  } else if (categoryOf(content.classification, content.category) === undefined) {
    problem('/category', `is not a ${content.classification === 'base' ? 'base kind' : 'theme'} code (类目代码无效)`)
  }
  if (content.shareType === 'conditional' && blank(content.shareCondition)) {
    problem('/shareCondition', 'a conditional resource states its condition (有条件共享须说明共享条件)')
  }
  if (content.shareType === 'none' && blank(content.legalBasis)) {
    problem('/legalBasis', 'a resource not shared states its legal basis (不予共享须提供法律法规或政策依据)')
  }
  if (content.shareType !== 'none' && content.shareMethods.length === 0) {
    problem('/shareMethods', 'a shared resource states how it is shared (须选择共享方式)')
  }
  if (new Set(content.shareMethods).size !== content.shareMethods.length) problem('/shareMethods', 'lists a method twice')
  if (content.publishDate !== null && (!DATE_PATTERN.test(content.publishDate) || Number.isNaN(Date.parse(content.publishDate)))) {
    problem('/publishDate', 'is not a date (YYYY-MM-DD)')
  }
  content.relatedCodes.forEach((code, index) => {
    if (!CATALOG_CODE_PATTERN.test(code)) problem(`/relatedCodes/${index}`, `"${code}" is not a catalog code`)
  })
  content.tags.forEach((tag, index) => {
    if (blank(tag)) problem(`/tags/${index}`, 'is empty')
  })

  if (content.items.length === 0) problem('/items', 'a resource has at least one item (至少包含一个信息项)')
  const seen = new Map<string, number>()
  content.items.forEach((item, index) => {
    const at = `/items/${index}`
    if (blank(item.name)) problem(`${at}/name`, 'is required (信息项名称必填)')
    if (!KEY_PATTERN.test(item.key)) problem(`${at}/key`, 'lower case letters, digits and _, starting with a letter (字段名格式不正确)')
    const first = seen.get(item.key)
    if (first !== undefined) problem(`${at}/key`, `repeats the key of item ${first} (字段名重复)`)
    else seen.set(item.key, index)
    if (SIZED_ITEM_TYPES.includes(item.type) && (item.length === null || item.length < 1)) {
      problem(`${at}/length`, `type ${item.type} needs a length (须填写数据长度)`)
    }
    if (item.primaryKey && !item.required) problem(`${at}/required`, 'a primary-key item is required (主键必填)')
    if (item.identifierKind !== null && item.type !== 'C') problem(`${at}/type`, 'identifier items are character type C (标识类信息项应为字符型)')
    if (item.baseItem && content.classification !== 'base') {
      problem(`${at}/baseItem`, 'only base-registry resources have base items (仅基础信息资源有基础信息项)')
    }
    if (item.baseItem && itemShareType(item, content) !== 'unconditional') {
      problem(`${at}/shareType`, 'base items are shared unconditionally (基础信息项无条件共享，国发〔2016〕51号)')
    }
    if (item.shareType !== null && content.shareType === 'none' && item.shareType !== 'none') {
      problem(`${at}/shareType`, 'an item cannot be shared when its resource is not (资源不予共享时信息项不得共享)')
    }
  })
  if (content.classification === 'base' && content.items.length > 0 && !content.items.some((item) => item.baseItem)) {
    problem('/items', 'a base-registry resource marks its base items (基础信息资源须标明基础信息项)')
  }
  if (RECORD_FORMAT_CLASSES.includes(content.formatClass) && content.items.length > 0 && !content.items.some((item) => item.primaryKey)) {
    problem('/items', `a ${content.formatClass} resource holds records and needs a primary-key item (须至少有一个主键信息项)`)
  }
  return problems
}

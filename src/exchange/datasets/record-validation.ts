import type { CatalogItem } from '../../catalog/model.js'
import type { FieldProblem } from '../../platform/errors.js'
import { parseCreditCode } from '../../standards/credit-code.js'
import { findDivision } from '../../standards/division-code.js'
import { parseResidentId } from '../../standards/resident-id.js'
import type { DataRecord } from '../gate/provider.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TRUE = new Set(['true', '1', '是', 'y', 'yes'])
const FALSE = new Set(['false', '0', '否', 'n', 'no'])

function realDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** Checks one value against its item and returns it in stored form, or a message saying why not. */
function convert(item: CatalogItem, raw: unknown): { value: string | number | boolean | null } | { problem: string } {
  if (raw === null || raw === undefined || raw === '') {
    return item.required ? { problem: 'is required (必填)' } : { value: null }
  }
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined
  if (text === undefined) return { problem: 'must be text, a number or a boolean' }
  if (text === '') return item.required ? { problem: 'is required (必填)' } : { value: null }
  switch (item.type) {
    case 'C':
    case 'M':
    case 'B': {
      // Identifiers are measured in their stored form: `110105 19491231 002x` is 18 characters.
      if (item.identifierKind === 'residentId') {
        const parsed = parseResidentId(text)
        return parsed.valid ? { value: parsed.id } : { problem: parsed.message }
      }
      if (item.identifierKind === 'creditCode') {
        const parsed = parseCreditCode(text)
        return parsed.valid ? { value: parsed.code } : { problem: parsed.message }
      }
      if (item.length !== null && [...text].length > item.length) return { problem: `longer than ${item.length} characters (超过长度 ${item.length})` }
      if (item.type === 'B' && !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return { problem: 'binary values are sent as base64' }
      if (item.identifierKind === 'divisionCode' && findDivision(text) === undefined) {
        return { problem: `${text} is not a GB/T 2260 division code (行政区划代码无效)` }
      }
      return { value: text }
    }
    case 'N':
    case 'Y':
    case 'F':
    case 'I': {
      const number = Number(text.replace(/,/g, ''))
      if (!Number.isFinite(number) || !/^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?$/i.test(text)) return { problem: `"${text}" is not a number (不是数值)` }
      if (item.type === 'I' && !Number.isInteger(number)) return { problem: `"${text}" is not a whole number (不是整数)` }
      // Decimals are counted in the text: 1234.57 * 100 is not exactly 123457 in floating point.
      if (item.type === 'Y' && (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > 2))
        return { problem: 'currency has at most 2 decimals (货币最多两位小数)' }
      if (item.length !== null && text.replace(/[-+.,]/g, '').length > item.length)
        return { problem: `more than ${item.length} digits (超过长度 ${item.length})` }
      return { value: number }
    }
    case 'D':
      return realDate(text) ? { value: text } : { problem: `"${text}" is not a date YYYY-MM-DD (日期无效)` }
    case 'T': {
      const time = Date.parse(text)
      return Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)
        ? { problem: `"${text}" is not a date-time (日期时间无效)` }
        : { value: new Date(time).toISOString() }
    }
    case 'L': {
      const lower = text.toLowerCase()
      if (TRUE.has(lower)) return { value: true }
      if (FALSE.has(lower)) return { value: false }
      return { problem: `"${text}" is not true/false (是/否)` }
    }
  }
}

/**
 * Validates one record against the resource's items: unknown fields, required values, types,
 * lengths, and the national standards for resident IDs, credit codes and division codes. Returns
 * the record in stored form (identifiers normalised) or every problem with its row and field.
 *
 * @example
 * validateRecord(items, { resident_id: '21010219900307123x', name: '张三' }, 7)
 */
export function validateRecord(
  items: readonly CatalogItem[],
  record: Readonly<Record<string, unknown>>,
  row: number,
): { record: DataRecord; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const known = new Set(items.map((item) => item.key))
  for (const field of Object.keys(record)) {
    if (!known.has(field)) problems.push({ row, field, message: 'is not an item of this resource (非本资源信息项)' })
  }
  const stored: DataRecord = {}
  for (const item of items) {
    const result = convert(item, record[item.key])
    if ('problem' in result) problems.push({ row, field: item.key, message: result.problem })
    else stored[item.key] = result.value
  }
  return { record: stored, problems }
}

/** The primary-key items of a resource, in catalog order. */
export function keyItems(items: readonly CatalogItem[]): CatalogItem[] {
  return items.filter((item) => item.primaryKey)
}

/**
 * The record key: the primary-key values joined by `|` (one value for a single-item key).
 *
 * @example
 * recordKey(keyItems(items), { indicator_code: 'GDP', period: '2025' }) // 'GDP|2025'
 */
export function recordKey(keys: readonly CatalogItem[], record: DataRecord): string {
  return keys.map((item) => String(record[item.key] ?? '')).join('|')
}

/** Identifiers already in stored form: upper-case, half-width, 18 characters. */
const STORED_IDENTIFIER: Partial<Record<NonNullable<CatalogItem['identifierKind']>, RegExp>> = {
  residentId: /^\d{17}[\dX]$/,
  creditCode: /^[0-9A-HJ-NP-RTUW-Y]{18}$/,
}

/**
 * A key as a caller wrote it, in the form {@link recordKey} stores: each part converted as its
 * item's values are (a resident ID with full-width digits, spaces or a lower-case x, or in its
 * 15-digit form, becomes the stored 18 digits; a credit code is upper-cased; a number loses its
 * thousands separators). A part that is not a valid value stays as written, and finds nothing.
 *
 * @example
 * storedKey([residentIdItem], '11010519491231002x') // '11010519491231002X'
 */
export function storedKey(keys: readonly CatalogItem[], key: string): string {
  const parts = keys.length === 1 ? [key] : key.split('|')
  if (parts.length !== keys.length) return key
  return parts
    .map((part, index) => {
      const item = keys[index] as CatalogItem
      const stored = item.identifierKind === null ? undefined : STORED_IDENTIFIER[item.identifierKind]
      if (stored?.test(part) === true) return part
      const converted = convert(item, part)
      return 'value' in converted && converted.value !== null ? String(converted.value) : part
    })
    .join('|')
}

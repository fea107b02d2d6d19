import { normaliseDate } from '../standards/written-date.js'
import { parseCreditCode } from '../standards/credit-code.js'
import { findDivision } from '../standards/division-code.js'
import { toHalfWidth } from '../standards/half-width.js'
import { findIndustry } from '../standards/industry.js'
import { parseRegistrationNumber } from '../standards/registration-number.js'
import { parseResidentId } from '../standards/resident-id.js'
import { ENTITY_STATUSES, SOURCE_DEPARTMENTS, sourceOfCreditCode, type Entity, type EntityField, type EntityStatus, type SourceDepartment } from './model.js'

interface ColumnSpec {
  readonly field: EntityField
  readonly headers: readonly string[]
  readonly required: boolean
}

export const ENTITY_IMPORT_COLUMNS: readonly ColumnSpec[] = [
  { field: 'credit_code', headers: ['统一社会信用代码', '信用代码'], required: true },
  { field: 'registration_number', headers: ['注册号', '工商注册号'], required: false },
  { field: 'name', headers: ['名称', '企业名称', '单位名称'], required: true },
  { field: 'former_name', headers: ['曾用名'], required: false },
  { field: 'entity_type', headers: ['市场主体类型', '主体类型', '类型'], required: true },
  { field: 'legal_representative', headers: ['法定代表人', '负责人'], required: true },
  { field: 'representative_id', headers: ['法定代表人身份证号', '法定代表人证件号码'], required: false },
  { field: 'registered_capital', headers: ['注册资本（万元）', '注册资本(万元)', '注册资本'], required: false },
  { field: 'currency', headers: ['币种'], required: false },
  { field: 'established_on', headers: ['成立日期'], required: true },
  { field: 'business_term_to', headers: ['营业期限至'], required: false },
  { field: 'domicile', headers: ['住所', '注册地址'], required: true },
  { field: 'division_code', headers: ['行政区划', '行政区划代码'], required: false },
  { field: 'industry_code', headers: ['行业代码', '国民经济行业代码'], required: false },
  { field: 'business_scope', headers: ['经营范围', '业务范围'], required: false },
  { field: 'registration_status', headers: ['登记状态', '状态'], required: true },
  { field: 'status_date', headers: ['状态日期', '注销日期', '吊销日期'], required: false },
  { field: 'registration_authority', headers: ['登记机关'], required: true },
  { field: 'source_department', headers: ['来源部门'], required: false },
]

/**
 * Maps a file's headers to entity fields, by key or by one of the Chinese headers.
 *
 * @example
 * mapEntityColumns(['统一社会信用代码', '名称']).missing // ['entity_type (市场主体类型)', …]
 */
export function mapEntityColumns(headers: readonly string[]): { columns: Map<EntityField, number>; missing: string[]; ignored: string[] } {
  const columns = new Map<EntityField, number>()
  const ignored: string[] = []
  headers.forEach((header, index) => {
    const name = header.trim()
    const spec = ENTITY_IMPORT_COLUMNS.find((column) => column.field === name || column.headers.includes(name))
    if (spec === undefined || columns.has(spec.field)) ignored.push(name)
    else columns.set(spec.field, index)
  })
  const missing = ENTITY_IMPORT_COLUMNS.filter((column) => column.required && !columns.has(column.field)).map(
    (column) => `${column.field} (${column.headers[0] ?? ''})`,
  )
  return { columns, missing, ignored }
}

const STATUS_WORDS: Readonly<Record<string, EntityStatus>> = {
  '1': ENTITY_STATUSES.existing,
  '2': ENTITY_STATUSES.operating,
  '3': ENTITY_STATUSES.revoked,
  '4': ENTITY_STATUSES.deregistered,
  '5': ENTITY_STATUSES.movedOut,
  存续: ENTITY_STATUSES.existing,
  在业: ENTITY_STATUSES.operating,
  吊销: ENTITY_STATUSES.revoked,
  注销: ENTITY_STATUSES.deregistered,
  迁出: ENTITY_STATUSES.movedOut,
}
const LIMITS: ReadonlyArray<readonly [EntityField, number]> = [
  ['name', 200],
  ['former_name', 200],
  ['entity_type', 4],
  ['legal_representative', 50],
  ['domicile', 200],
  ['business_scope', 4000],
  ['registration_authority', 100],
]
// Tabs, line breaks and other control characters have no place in a registry value.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const CAPITAL = /^\d{1,12}(\.\d{1,6})?$/

export interface RowProblem {
  readonly field: string
  readonly message: string
}

/**
 * Validates and normalises one row of an entity file: the credit code (GB 32100, with the
 * organisation code's own check), names, the representative's resident ID where given, capital,
 * dates, the registered division (from the code's characters 3–8 when not given), the industry
 * (GB/T 4754-2017) and the status with its date.
 */
export function parseEntityRow(
  cells: readonly string[],
  columns: ReadonlyMap<EntityField, number>,
  today: string,
): { entity: Entity; problems?: undefined } | { entity?: undefined; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const cell = (field: EntityField): string => {
    const index = columns.get(field)
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  for (const [field, limit] of LIMITS) {
    const value = cell(field)
    if (value.length > limit) problems.push({ field, message: `is longer than ${limit} characters (超过${limit}个字符)` })
    else if (CONTROL.test(value)) problems.push({ field, message: 'contains a control character (含有控制字符)' })
  }
  if (problems.length > 0) return { problems }
  const code = parseCreditCode(cell('credit_code'))
  if (!code.valid) problems.push({ field: 'credit_code', message: code.message })
  const registrationText = toHalfWidth(cell('registration_number'))
  const registration = registrationText === '' ? undefined : parseRegistrationNumber(registrationText)
  if (registration !== undefined && !registration.valid) problems.push({ field: 'registration_number', message: registration.message })
  const name = cell('name')
  if (name === '') problems.push({ field: 'name', message: 'is required (名称不能为空)' })
  const entityType = toHalfWidth(cell('entity_type'))
  if (entityType === '') problems.push({ field: 'entity_type', message: 'is required (市场主体类型不能为空)' })
  const representative = cell('legal_representative')
  if (representative === '') problems.push({ field: 'legal_representative', message: 'is required (法定代表人不能为空)' })
  let representativeId = ''
  const idText = cell('representative_id')
  if (idText !== '') {
    const id = parseResidentId(idText)
    if (id.valid) representativeId = id.id
    else problems.push({ field: 'representative_id', message: id.message })
  }
  const capital = toHalfWidth(cell('registered_capital')).replace(/,/g, '')
  if (capital !== '' && !CAPITAL.test(capital))
    problems.push({ field: 'registered_capital', message: 'is an amount in 万元, e.g. 500 or 12.5 (注册资本格式错误)' })
  const currency = toHalfWidth(cell('currency')).toUpperCase() || 'CNY'
  if (!/^[A-Z]{3}$/.test(currency)) problems.push({ field: 'currency', message: 'is an ISO 4217 code such as CNY (币种代码错误)' })
  const established = normaliseDate(toHalfWidth(cell('established_on')))
  if (established === undefined) problems.push({ field: 'established_on', message: 'is not a real calendar date (成立日期无效)' })
  else if (established > today) problems.push({ field: 'established_on', message: 'is in the future (成立日期晚于当前日期)' })
  const termText = toHalfWidth(cell('business_term_to'))
  const term = termText === '' || termText === '长期' ? '' : normaliseDate(termText)
  if (term === undefined) problems.push({ field: 'business_term_to', message: 'is a date or 长期 (营业期限无效)' })
  const divisionText = toHalfWidth(cell('division_code')) || (code.valid ? code.divisionCode : '')
  if (!/^\d{6}$/.test(divisionText) || findDivision(divisionText) === undefined)
    problems.push({ field: 'division_code', message: `${divisionText || '(none)'} is not a current county-level division (行政区划代码无效)` })
  const industryText = toHalfWidth(cell('industry_code')).toUpperCase()
  const industry = industryText === '' ? undefined : findIndustry(industryText)
  if (industryText !== '' && industry?.division === undefined)
    problems.push({ field: 'industry_code', message: `${industryText} is not a GB/T 4754-2017 division (行业代码无效)` })
  const statusText = toHalfWidth(cell('registration_status'))
  const status = STATUS_WORDS[statusText]
  let statusDate = ''
  if (status === undefined)
    problems.push({ field: 'registration_status', message: `"${statusText}" is not a status: 1 存续, 2 在业, 3 吊销, 4 注销, 5 迁出 (登记状态无效)` })
  else if (status === ENTITY_STATUSES.revoked || status === ENTITY_STATUSES.deregistered || status === ENTITY_STATUSES.movedOut) {
    const date = normaliseDate(toHalfWidth(cell('status_date')))
    if (date === undefined) problems.push({ field: 'status_date', message: 'is required for this status, a real date (状态日期无效)' })
    else if (date > today || (established !== undefined && date < established))
      problems.push({ field: 'status_date', message: 'is before the establishment or in the future (状态日期不合理)' })
    else statusDate = date
  }
  const authority = cell('registration_authority')
  if (authority === '') problems.push({ field: 'registration_authority', message: 'is required (登记机关不能为空)' })
  const sourceText = cell('source_department')
  const source = (sourceText === '' ? (code.valid ? sourceOfCreditCode(code.code) : undefined) : sourceText) as SourceDepartment | undefined
  if (source === undefined || !SOURCE_DEPARTMENTS.includes(source))
    problems.push({ field: 'source_department', message: 'is market, civil or staffing (来源部门无效)' })
  if (problems.length > 0 || !code.valid || established === undefined || term === undefined || status === undefined || source === undefined) return { problems }
  return {
    entity: {
      credit_code: code.code,
      registration_number: registration?.valid === true ? registration.number : '',
      name,
      former_name: cell('former_name').replace(/[;,，、]/g, '；'),
      entity_type: entityType,
      legal_representative: representative,
      representative_id: representativeId,
      registered_capital: capital === '' ? '' : Number(capital).toFixed(2),
      currency,
      established_on: established,
      business_term_to: term,
      domicile: cell('domicile'),
      division_code: divisionText,
      industry_code: industry?.division?.code ?? '',
      business_scope: cell('business_scope'),
      registration_status: status,
      status_date: statusDate,
      registration_authority: authority,
      source_department: source,
    },
  }
}

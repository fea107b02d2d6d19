import { findDivision } from '../standards/division-code.js'
import { ETHNIC_GROUPS, findEthnicGroup } from '../standards/ethnic-group.js'
import { toHalfWidth } from '../standards/half-width.js'
import { parseResidentId } from '../standards/resident-id.js'
import { normaliseDate } from '../standards/written-date.js'
import { PERSON_STATUSES, type Person, type PersonField, type PersonStatus } from './model.js'

/** A column of a person file: the field it fills and the headers that name it. */
interface ColumnSpec {
  readonly field: ImportField
  readonly headers: readonly string[]
  readonly required: boolean
}

/** Fields an import file may carry: the registry's, with the status date split as the catalog names it. */
export type ImportField = Exclude<PersonField, 'status_date'> | 'death_date' | 'emigration_date'

export const IMPORT_COLUMNS: readonly ColumnSpec[] = [
  { field: 'resident_id', headers: ['公民身份号码', '身份证号码', '身份证号', '居民身份证号码'], required: true },
  { field: 'name', headers: ['姓名'], required: true },
  { field: 'former_name', headers: ['曾用名'], required: false },
  { field: 'gender', headers: ['性别'], required: true },
  { field: 'ethnic_group', headers: ['民族'], required: true },
  { field: 'birth_date', headers: ['出生日期'], required: true },
  { field: 'household_division', headers: ['户籍地行政区划', '户籍地行政区划代码', '户籍区划代码'], required: true },
  { field: 'household_address', headers: ['户籍地址', '户籍地详址'], required: true },
  { field: 'residence_address', headers: ['居住地址', '现住址'], required: false },
  { field: 'status', headers: ['人员状态', '状态'], required: false },
  { field: 'death_date', headers: ['死亡日期'], required: false },
  { field: 'emigration_date', headers: ['迁出日期'], required: false },
]

export interface ColumnProblem {
  readonly missing: readonly string[]
  readonly unknown: readonly string[]
}

/**
 * Maps a file's headers to import fields, by field key or by one of the Chinese headers.
 * Unknown columns are ignored; missing required columns are reported.
 *
 * @example
 * mapColumns(['身份证号', '姓名']).missing // ['gender (性别)', …]
 */
export function mapColumns(headers: readonly string[]): { columns: Map<ImportField, number>; missing: string[]; ignored: string[] } {
  const columns = new Map<ImportField, number>()
  const ignored: string[] = []
  headers.forEach((header, index) => {
    const name = header.trim()
    const spec = IMPORT_COLUMNS.find((column) => column.field === name || column.headers.includes(name))
    if (spec === undefined || columns.has(spec.field)) ignored.push(name)
    else columns.set(spec.field, index)
  })
  const missing = IMPORT_COLUMNS.filter((column) => column.required && !columns.has(column.field)).map(
    (column) => `${column.field} (${column.headers[0] ?? ''})`,
  )
  return { columns, missing, ignored }
}

export interface RowProblem {
  readonly field: string
  readonly message: string
}

const GENDER_WORDS: Readonly<Record<string, string>> = { '1': '1', '2': '2', 男: '1', 女: '2', 男性: '1', 女性: '2', M: '1', F: '2' }
const STATUS_WORDS: Readonly<Record<string, PersonStatus>> = {
  '': PERSON_STATUSES.normal,
  '10': PERSON_STATUSES.normal,
  '20': PERSON_STATUSES.deceased,
  '30': PERSON_STATUSES.movedOut,
  '40': PERSON_STATUSES.cancelled,
  正常: PERSON_STATUSES.normal,
  死亡: PERSON_STATUSES.deceased,
  迁出: PERSON_STATUSES.movedOut,
  注销: PERSON_STATUSES.cancelled,
}
const ETHNIC_BY_NAME = new Map(
  ETHNIC_GROUPS.flatMap((group) => [
    [group.name, group.code],
    [group.name.replace(/族$/, ''), group.code],
  ]),
)
// Tabs, line breaks and other control characters have no place in a name or an address.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const LIMITS: ReadonlyArray<readonly [ImportField, number]> = [
  ['name', 50],
  ['former_name', 50],
  ['household_address', 200],
  ['residence_address', 200],
]
const UNTIDY_SPACE = /[\s\u3000]{2}|[\t\n\r\u3000\u00a0]|^\s|\s$/
const SPACES = /[\s\u3000]+/g

/** Collapses runs of spaces (full-width ones too) and trims. */
function cleanText(value: string): string {
  return UNTIDY_SPACE.test(value) ? value.replace(SPACES, ' ').trim() : value
}

/**
 * Validates and normalises one row of a person file against GB 11643, GB/T 2261.1, GB 3304 and
 * GB/T 2260: the ID (15-digit IDs converted), gender and birth date agreeing with the ID, a known
 * ethnic code or name, a 12-digit division under a known county, a status with its date.
 *
 * @example
 * parsePersonRow(cellsOf({ resident_id: '11010519491231002X', name: '张三', … }), columns, today)
 */
export function parsePersonRow(
  cells: readonly string[],
  columns: ReadonlyMap<ImportField, number>,
  today: string,
): { person: Person; problems?: undefined } | { person?: undefined; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const cell = (field: ImportField): string => {
    const index = columns.get(field)
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  for (const [field, limit] of LIMITS) {
    const value = cell(field)
    if (value.length > limit) problems.push({ field, message: `is longer than ${limit} characters (超过${limit}个字符)` })
    else if (CONTROL.test(value)) problems.push({ field, message: 'contains a control character (含有控制字符)' })
  }
  if (problems.length > 0) return { problems }

  const id = parseResidentId(cell('resident_id'))
  if (!id.valid) problems.push({ field: 'resident_id', message: id.message })
  const name = cleanText(toHalfWidth(cell('name')))
  if (name === '') problems.push({ field: 'name', message: 'is required (姓名不能为空)' })
  else if (/\d/.test(name)) problems.push({ field: 'name', message: 'contains digits (姓名含有数字)' })

  const genderText = toHalfWidth(cell('gender')).toUpperCase()
  const gender = GENDER_WORDS[genderText]
  if (gender === undefined)
    problems.push({ field: 'gender', message: `${genderText === '' ? 'is required' : `"${genderText}" is not a GB/T 2261.1 code`} (性别代码无效)` })
  else if (id.valid && gender !== (id.gender === 'male' ? '1' : '2'))
    problems.push({ field: 'gender', message: 'disagrees with the resident ID (性别与身份证号码不符)' })

  const birthText = toHalfWidth(cell('birth_date'))
  const birthDate = normaliseDate(birthText)
  if (birthDate === undefined)
    problems.push({ field: 'birth_date', message: `${birthText === '' ? 'is required' : 'is not a real calendar date'} (出生日期无效)` })
  else if (birthDate > today) problems.push({ field: 'birth_date', message: 'is in the future (出生日期晚于当前日期)' })
  else if (id.valid && birthDate !== id.birthDate) problems.push({ field: 'birth_date', message: 'disagrees with the resident ID (出生日期与身份证号码不符)' })

  const ethnicText = toHalfWidth(cell('ethnic_group'))
  const ethnicCode = findEthnicGroup(ethnicText.padStart(2, '0'))?.code ?? ETHNIC_BY_NAME.get(ethnicText)
  if (ethnicCode === undefined)
    problems.push({ field: 'ethnic_group', message: `${ethnicText === '' ? 'is required' : `"${ethnicText}" is not a GB 3304 code or name`} (民族代码无效)` })

  const division = toHalfWidth(cell('household_division'))
  if (!/^\d{12}$/.test(division)) problems.push({ field: 'household_division', message: 'is a 12-digit division code (户籍地行政区划应为12位代码)' })
  else if (findDivision(division.slice(0, 6)) === undefined)
    problems.push({ field: 'household_division', message: `${division.slice(0, 6)} is not a current county-level division (区划代码不存在)` })

  const householdAddress = cleanText(cell('household_address'))
  if (householdAddress === '') problems.push({ field: 'household_address', message: 'is required (户籍地址不能为空)' })

  const statusText = toHalfWidth(cell('status'))
  const status = STATUS_WORDS[statusText]
  let statusDate = ''
  if (status === undefined)
    problems.push({ field: 'status', message: `"${statusText}" is not a status code: 10 正常, 20 死亡, 30 迁出, 40 注销 (人员状态无效)` })
  else if (status === PERSON_STATUSES.deceased || status === PERSON_STATUSES.movedOut) {
    const field: ImportField = status === PERSON_STATUSES.deceased ? 'death_date' : 'emigration_date'
    const text = toHalfWidth(cell(field))
    const date = normaliseDate(text)
    if (date === undefined)
      problems.push({
        field,
        message: `${text === '' ? 'is required for this status' : 'is not a real calendar date'} (${status === PERSON_STATUSES.deceased ? '死亡日期' : '迁出日期'}无效)`,
      })
    else if (date > today) problems.push({ field, message: 'is in the future (日期晚于当前日期)' })
    else if (birthDate !== undefined && date < birthDate) problems.push({ field, message: 'is before the date of birth (日期早于出生日期)' })
    else statusDate = date
  }

  if (problems.length > 0 || !id.valid || gender === undefined || birthDate === undefined || ethnicCode === undefined || status === undefined) {
    return { problems }
  }
  return {
    person: {
      resident_id: id.id,
      name,
      former_name: cleanText(toHalfWidth(cell('former_name')).replace(/[;,，、]/g, '；')),
      gender,
      ethnic_group: ethnicCode,
      birth_date: birthDate,
      household_division: division,
      household_address: householdAddress,
      residence_address: cleanText(cell('residence_address')),
      status,
      status_date: statusDate,
    },
  }
}

import type { CatalogItem } from '../../catalog/model.js'

export type Masker = (value: string) => string

/**
 * Resident ID: the 6-digit address code and the last 4 characters stay, always with ten
 * asterisks between, so a masked value reveals neither the birth date nor the ID's length.
 *
 * @example
 * maskResidentId('210102199003071234') // '210102**********1234'
 */
export const maskResidentId: Masker = (value) => (value.length <= 10 ? '*'.repeat(value.length) : `${value.slice(0, 6)}${'*'.repeat(10)}${value.slice(-4)}`)

/**
 * Name: the surname's first character stays.
 *
 * @example
 * maskName('张三') // '张*'
 */
export const maskName: Masker = (value) => {
  const characters = [...value]
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`
}

/**
 * Phone: a mobile number keeps its first 3 and last 4 digits; other numbers their last 4.
 *
 * @example
 * maskPhone('13812345678') // '138****5678'
 */
export const maskPhone: Masker = (value) => {
  const digits = value.replace(/\D/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  return digits.length <= 4 ? '*'.repeat(digits.length) : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}

/**
 * Address: cut after the district or county, the rest replaced by asterisks.
 *
 * @example
 * maskAddress('辽宁省沈阳市和平区南京北街100号') // '辽宁省沈阳市和平区****'
 */
export const maskAddress: Masker = (value) => {
  const match = /^(.*?(?:省|自治区))?(.*?(?:市|自治州|地区|盟))?(.*?(?:区|县|旗|市))/.exec(value)
  const kept = match?.[0]
  return kept !== undefined && kept.length < value.length ? `${kept}****` : value.length <= 2 ? '**' : `${value.slice(0, 2)}****`
}

/** Anything else: the first and last characters stay. */
export const maskGeneric: Masker = (value) => {
  const characters = [...value]
  if (characters.length <= 2) return '*'.repeat(characters.length)
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters.at(-1)}`
}

/**
 * The masker for an item: by identifier kind, then by what the item's name and key say it holds
 * (姓名 / name, 电话 手机 / phone mobile, 地址 住址 / address).
 */
export function maskerFor(item: Pick<CatalogItem, 'name' | 'key' | 'identifierKind'>): Masker {
  if (item.identifierKind === 'residentId') return maskResidentId
  const text = `${item.name} ${item.key}`.toLowerCase()
  if (/姓名|(^|_| )name($|_| )|曾用名|法定代表人(?!.*(号|码))/.test(text)) return maskName
  if (/电话|手机|phone|mobile|tel/.test(text)) return maskPhone
  if (/地址|住址|住所|address/.test(text)) return maskAddress
  return maskGeneric
}

/** Masks one value of any type: non-text values are turned to text first; empty values stay empty. */
export function maskValue(masker: Masker, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value
  return masker(String(value))
}

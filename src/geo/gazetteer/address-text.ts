import { Converter } from 'opencc-js/t2cn'
import { toHalfWidth } from '../../standards/half-width.js'
import type { DivisionLevel } from '../divisions/model.js'

type Convert = (text: string) => string

// opencc-js 1.4.2 declares its types with extension-less relative imports, which NodeNext does not
// follow, so Converter arrives returning any: state what it returns.
const createConverter: (options: { from: string; to: string }) => Convert = Converter

let toSimplified: Convert | undefined

/**
 * An address as people type it, in one canonical spelling: full-width digits and letters
 * folded, traditional characters simplified (號 → 号, 遼寧 → 辽宁), spaces dropped, dashes and
 * `#` after a number (`100#`) made into `-` and `号`.
 *
 * @example
 * normaliseAddress(' 遼寧瀋陽和平南京北街１００號 ') // '辽宁沈阳和平南京北街100号'
 */
export function normaliseAddress(text: string): string {
  // Created on first use: building OpenCC's dictionaries takes 10–20 ms; converting an address
  // then costs about 3 µs, so every address goes through it.
  toSimplified ??= createConverter({ from: 'hk', to: 'cn' })
  return toSimplified(toHalfWidth(text).replace(/[\s\u00A0]+/g, ''))
    .replace(/[‐‑‒–—―−－~～]/g, '-')
    .replace(/(\d)#/g, '$1号')
    .replace(/[，,。]/g, '')
}

const SHORT_FORMS: Readonly<Record<DivisionLevel, RegExp>> = {
  province: /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/,
  prefecture: /(市|地区|盟|自治州)$/,
  county: /(新区|自治县|自治旗|区|县|市|旗)$/,
  township: /(街道办事处|街道|镇|乡)$/,
  village: /$^/,
}

/**
 * The names a division is written under: its official name, and for levels where people drop
 * the suffix the name without it (辽宁省 → 辽宁, 沈阳市 → 沈阳, 沈北新区 → 沈北, 南湖街道 → 南湖),
 * kept only when at least two characters remain. A community or village is known by its
 * official name and its name as addresses write it (三好社区居民委员会 → 三好社区, 前进村民委员会 → 前进村).
 *
 * @example
 * divisionNameForms('和平区', 'county') // ['和平区', '和平']
 * divisionNameForms('三好社区居民委员会', 'village') // ['三好社区居民委员会', '三好社区']
 */
export function divisionNameForms(name: string, level: DivisionLevel): string[] {
  const forms = [name]
  if (level === 'village') {
    const written = addressVillageName(name)
    if (written !== name) forms.push(written)
    return forms
  }
  const short = name.replace(SHORT_FORMS[level], '')
  if (short !== name && short.length >= 2) forms.push(short)
  return forms
}

/**
 * A community or village as addresses write it: 居民委员会 / 居委会 become 社区, 村民委员会 / 村委会
 * become 村 (unless the name already ends in 村 or 社区).
 *
 * @example
 * addressVillageName('三好社区居民委员会') // '三好社区'
 * addressVillageName('高楼子社区村民委员会') // '高楼子社区'
 */
export function addressVillageName(name: string): string {
  if (/(村民委员会|村委会)$/.test(name)) {
    const base = name.replace(/(村民委员会|村委会)$/, '')
    return /(村|社区)$/.test(base) ? base : `${base}村`
  }
  if (/(居民委员会|居委会)$/.test(name)) {
    const base = name.replace(/(居民委员会|居委会)$/, '')
    return /社区$/.test(base) ? base : `${base}社区`
  }
  return name
}

/** A house number: `100号`, `100-1号`; `12号楼` is no house number. Sticky: it reads where it is put. */
const HOUSE_NUMBER = /(\d{1,5})(?:-(\d{1,4}))?号(?![楼院])/y
/** A village group (村民小组): `三组`, `5组`. */
const GROUP = /([一二三四五六七八九十]{1,3}|\d{1,2})组/y

/**
 * Reads a house number (`100号`, `100-1号`) at a position of the text, without leading zeros,
 * and where it ends.
 *
 * @example
 * readHouseNumber('南京北街100号3-4-1', 4) // { number: '100', end: 8 }
 * readHouseNumber('100-2号') // { number: '100-2', end: 6 }
 */
export function readHouseNumber(text: string, at = 0): { number: string; end: number } | undefined {
  HOUSE_NUMBER.lastIndex = at
  const match = HOUSE_NUMBER.exec(text)
  if (match === null) return undefined
  const number = match[2] === undefined ? String(Number(match[1])) : `${Number(match[1])}-${Number(match[2])}`
  return { number, end: HOUSE_NUMBER.lastIndex }
}

/**
 * Reads a village group at a position of the text, and where it ends.
 *
 * @example
 * readGroup('三组45号') // { group: '三组', end: 2 }
 */
export function readGroup(text: string, at = 0): { group: string; end: number } | undefined {
  GROUP.lastIndex = at
  const match = GROUP.exec(text)
  return match === null ? undefined : { group: match[0], end: GROUP.lastIndex }
}

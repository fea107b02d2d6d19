import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import iconv from 'iconv-lite'

/**
 * What the synthetic registers (population, legal persons) share: a seeded random source,
 * weighted tables, Shenyang's districts weighted by population, and a streaming CSV writer.
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state, fast, good enough for data. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9
  let b = 0x243f6a88
  let c = 0xb7e15162
  let d = seed >>> 0
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  // The first outputs still show the seed; discard them.
  for (let i = 0; i < 15; i++) next()
  return next
}

export type Random = () => number

export function pickFrom<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1))
}

/** `count` different items (all of them when there are fewer), in the order drawn. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen: T[] = []
  while (chosen.length < Math.min(count, items.length)) {
    const item = pickFrom(random, items)
    if (!chosen.includes(item)) chosen.push(item)
  }
  return chosen
}

/** Items with weights, drawn by binary search over the cumulative weights. */
export class Weighted<T> {
  private readonly items: T[] = []
  private readonly cumulative: number[] = []
  private total = 0

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue
      this.total += weight
      this.items.push(item)
      this.cumulative.push(this.total)
    }
    if (this.items.length === 0) throw new Error('a weighted table needs at least one positive weight')
  }

  pick(random: Random): T {
    const target = random() * this.total
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.cumulative[middle] as number) > target) high = middle
      else low = middle + 1
    }
    return this.items[low] as T
  }
}

export function words(list: string): string[] {
  return list.trim().split(/\s+/)
}

/**
 * '王:720 李:700' → [['王', 720], ['李', 700]]: tables stay readable that way.
 *
 * @example
 * weights('51:150 52:95') // [['51', 150], ['52', 95]]
 */
export function weights(table: string): Array<[string, number]> {
  return words(table).map((entry) => {
    const [item = '', weight = ''] = entry.split(':')
    return [item, Number(weight)]
  })
}

// Household-registered population (户籍人口) of the 13 districts and counties at the end of
// September 2018, Shenyang Statistics Bureau (reported by People's Daily Online, 2018-11-25).
export const DISTRICT_POPULATION: ReadonlyArray<readonly [string, number]> = [
  ['210102', 714_470], // 和平区
  ['210103', 713_004], // 沈河区
  ['210104', 648_115], // 大东区
  ['210105', 835_805], // 皇姑区
  ['210106', 935_421], // 铁西区
  ['210111', 423_927], // 苏家屯区
  ['210112', 398_406], // 浑南区
  ['210113', 327_359], // 沈北新区
  ['210114', 471_799], // 于洪区
  ['210115', 515_069], // 辽中区
  ['210123', 342_388], // 康平县
  ['210124', 438_562], // 法库县
  ['210181', 666_986], // 新民市
]

const NEEDS_QUOTES = /[",\r\n]/
const ROWS_PER_CHUNK = 1000

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export interface SyntheticCsvOptions {
  readonly encoding?: 'utf-8' | 'gbk'
  /** Head the columns by Chinese name (the default) or by key. */
  readonly header?: 'name' | 'key'
  readonly onProgress?: (written: number) => void
}

/**
 * Streams generated rows to a CSV file: memory stays flat however many rows, and the file appears
 * complete or not at all (rows go to a temporary file beside it, renamed at the end). Only the
 * `text` columns are tested for quoting: codes and dates never need it, and testing ten million
 * of them would cost time for nothing.
 *
 * @example
 * await writeSyntheticCsv('/tmp/p.csv', generatePopulation(o), POPULATION_COLUMNS, TEXT, { encoding: 'gbk' })
 */
export async function writeSyntheticCsv<T extends Readonly<Record<K, string>>, K extends string>(
  file: string,
  rows: Iterable<T>,
  columns: ReadonlyArray<{ readonly key: K; readonly name: string }>,
  textColumns: ReadonlySet<K>,
  options: SyntheticCsvOptions,
): Promise<{ rows: number; bytes: number }> {
  const keys = columns.map((column) => column.key)
  const isText = keys.map((key) => textColumns.has(key))
  const encode =
    options.encoding === 'gbk'
      ? // GB18030 keeps a rare character that GBK lacks instead of writing '?'.
        (text: string) => iconv.encode(text, 'gb18030')
      : (text: string) => Buffer.from(text, 'utf8')
  const temporary = `${file}.${process.pid}.partial`
  // A larger buffer than the default 16 KiB lets generation run on while the disk catches up.
  const stream = createWriteStream(temporary, { highWaterMark: 1 << 20 })
  // Kept until the next write looks: an error emitted with no listener would end the process.
  let failure: Error | undefined
  stream.on('error', (error) => {
    failure = error
  })
  let count = 0
  let bytes = 0
  const write = async (text: string): Promise<void> => {
    if (failure !== undefined) throw failure
    const buffer = encode(text)
    bytes += buffer.length
    if (!stream.write(buffer)) await once(stream, 'drain')
  }
  try {
    let chunk = `${columns.map((column) => csvField(options.header === 'key' ? column.key : column.name)).join(',')}\n`
    for (const row of rows) {
      let line = ''
      for (let i = 0; i < keys.length; i++) {
        const value = row[keys[i] as K]
        line += `${i === 0 ? '' : ','}${isText[i] ? csvField(value) : value}`
      }
      chunk += `${line}\n`
      count++
      if (count % ROWS_PER_CHUNK === 0) {
        await write(chunk)
        chunk = ''
        options.onProgress?.(count)
      }
    }
    if (chunk !== '') await write(chunk)
    stream.end()
    await finished(stream)
    await rename(temporary, file)
  } catch (error) {
    stream.destroy()
    await rm(temporary, { force: true })
    throw error
  }
  if (count % ROWS_PER_CHUNK !== 0 || count === 0) options.onProgress?.(count)
  return { rows: count, bytes }
}

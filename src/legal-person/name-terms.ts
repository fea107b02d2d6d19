import { pinyin } from 'pinyin-pro'
import { normalisePersonName } from '../standards/person-name.js'

/**
 * What the legal-person name index compares: names folded to one spelling, the words and pinyin
 * of a query, and the place names that lead most of the city's names.
 */

/**
 * A legal person's name in the form the index compares. Personal-name folding fits organisation
 * names as well: NFKC turns full-width brackets and digits into ASCII, spaces go, traditional
 * characters are simplified and Latin letters upper-cased.
 *
 * @example
 * normaliseName('瀋陽華信（集團）有限公司') // '沈阳华信(集团)有限公司'
 */
export function normaliseName(name: string): string {
  return normalisePersonName(name)
}

/**
 * Sets up what normalising names and reading pinyin need (OpenCC's dictionaries, pinyin-pro's),
 * which their first use does in one stretch of a hundred milliseconds or more: call it before work
 * that is meant to pause often.
 */
export function prepareNameTerms(): void {
  normaliseName('瀋陽')
  pinyin('华', { multiple: true, type: 'array', toneType: 'none', v: true })
}

/**
 * The former names of an entity as the registry keeps them: separated by `；`, '' for none.
 *
 * @example
 * splitFormerNames('沈阳华信机械厂；沈阳华信机械有限公司') // ['沈阳华信机械厂', '沈阳华信机械有限公司']
 */
export function splitFormerNames(text: string): string[] {
  return text === '' ? [] : text.split('；')
}

/** The province's and the city's names, which may repeat: 辽宁省沈阳市 as well as 沈阳. */
const LIAO = 0x8fbd
const NING = 0x5b81
const SHENG = 0x7701
const SHEN = 0x6c88
const YANG = 0x9633
const SHI = 0x5e02

/**
 * How many leading characters of a normalised name are the province's or the city's name, which
 * most names start with and a searcher leaves out: 华信机械 is a prefix of 沈阳华信机械制造有限公司.
 *
 * @example
 * regionPrefixLength('辽宁省沈阳市华信机械') // 6
 */
export function regionPrefixLength(name: string): number {
  const units = new Uint16Array(name.length)
  for (let i = 0; i < name.length; i += 1) units[i] = name.charCodeAt(i)
  return regionPrefixLengthOf(units, 0, units.length)
}

/**
 * {@link regionPrefixLength} of the text `units[start]` up to `units[end]`, for texts kept as
 * code units: 辽宁 or 沈阳, each perhaps followed by 省 or 市, as often as they come.
 */
export function regionPrefixLengthOf(units: Uint16Array, start: number, end: number): number {
  let at = start
  for (;;) {
    const first = units[at]
    const second = at + 1 < end ? units[at + 1] : -1
    if (first === LIAO && second === NING) at += units[at + 2] === SHENG && at + 2 < end ? 3 : 2
    else if (first === SHEN && second === YANG) at += units[at + 2] === SHI && at + 2 < end ? 3 : 2
    else return at - start
  }
}

/** A search typed for the name index, taken apart once. */
export interface NameQuery {
  /** The whole query normalised as names are, spaces dropped: what a name must hold as one piece. */
  readonly text: string
  /** Its words, which a name may hold in any order; more than one, or none when the text is all. */
  readonly words: readonly string[]
  /** The query in lower-case letters when it has no other characters (2 to 32 of them): pinyin. */
  readonly letters: string | undefined
  /** The text when it could be the start of a credit code: digits and capital letters only. */
  readonly code: string | undefined
}

const SEPARATORS = /[\s,，、;；/|]+/
const LETTERS = /^[a-z]{2,32}$/
const CODE = /^[0-9A-Z]+$/
const HAN = /^\p{Script=Han}$/u
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/**
 * The words of one term. Intl.Segmenter knows dictionary words but splits a name it does not know
 * into single characters (华信 → 华, 信), so each run of single Han characters is kept as one word:
 * requiring 华 and 信 anywhere in a name would find names that have nothing to do with 华信.
 */
function wordsOf(term: string): string[] {
  const words: string[] = []
  let run = ''
  for (const { segment, isWordLike } of segmenter.segment(term)) {
    if (segment.length === 1 && HAN.test(segment)) {
      run += segment
      continue
    }
    if (run !== '') words.push(run)
    run = ''
    if (isWordLike === true) words.push(segment)
  }
  if (run !== '') words.push(run)
  return words
}

/**
 * A query's text, words, letters and code prefix, or undefined when it holds nothing to search.
 *
 * @example
 * parseNameQuery('机械 华信')
 * // { text: '机械华信', words: ['机械', '华信'], letters: undefined, code: undefined }
 * parseNameQuery('HuaXin')
 * // { text: 'HUAXIN', words: [], letters: 'huaxin', code: 'HUAXIN' }
 */
export function parseNameQuery(query: string): NameQuery | undefined {
  const terms = query
    .split(SEPARATORS)
    .map(normaliseName)
    .filter((term) => term !== '')
  if (terms.length === 0) return undefined
  const text = terms.join('')
  // One character, or two Han characters, are one word however they are segmented: the segmenter,
  // which is costly, is spared for the commonest queries.
  const oneWord = terms.length === 1 && (text.length === 1 || (text.length === 2 && HAN.test(text.charAt(0)) && HAN.test(text.charAt(1))))
  const words = oneWord ? [] : [...new Set(terms.flatMap(wordsOf))]
  const letters = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\s'’]/g, '')
  return {
    text,
    words: words.length > 1 ? words : [],
    letters: LETTERS.test(letters) ? letters : undefined,
    code: CODE.test(text) ? text : undefined,
  }
}

/** Characters (UTF-16 units) that may stand in one place of a pinyin query. */
export type CharClass = readonly number[]

/**
 * One way to read a pinyin query: its letters cut into parts (a syllable, the start of one, or an
 * initial) and, for each part, the characters that read so.
 */
export interface PinyinSpelling {
  readonly parts: readonly string[]
  readonly classes: readonly CharClass[]
}

/** Splits of one query into syllables searched at most: more mean letters too ambiguous to narrow anything. */
const MAX_SPELLINGS = 8

/** The bit of a letter in a set of initials: bit 0 for a, 25 for z. */
function letterBit(letter: string): number {
  return 1 << (letter.charCodeAt(0) - 0x61)
}

/** What a {@link PinyinReadings} has learnt, in a form another thread can take over (typed arrays transferred). */
export interface PinyinReadingsParts {
  readonly learnt: Uint8Array<ArrayBuffer>
  readonly initials: Uint32Array<ArrayBuffer>
  /** The syllables learnt; syllable i reads the characters `chars[charEnds[i - 1]]` (0 for the first) up to `chars[charEnds[i]]`. */
  readonly syllables: readonly string[]
  readonly chars: Uint16Array<ArrayBuffer>
  readonly charEnds: Int32Array<ArrayBuffer>
}

/**
 * The toneless pinyin readings of the characters names hold, learnt as the index meets them, and
 * the ways to read a query typed in pinyin. A character reads as every one of its readings
 * (行: xing, hang), since a searcher may not know which one a name uses.
 *
 * @example
 * const readings = new PinyinReadings()
 * for (const char of '华信机械') readings.learn(char.charCodeAt(0))
 * readings.spellings('hxjx') // [{ parts: ['h', 'x', 'j', 'x'], classes: [[0x534e], [0x4fe1], [0x673a], [0x68b0]] }]: 华, 信, 机, 械
 */
export class PinyinReadings {
  readonly #learnt: Uint8Array<ArrayBuffer>
  /** Per character: the letters its readings start with, as {@link letterBit}s. */
  readonly #initials: Uint32Array<ArrayBuffer>
  readonly #charsBySyllable = new Map<string, number[]>()
  /** Every syllable and every start of one: the letters a query may end with while still being typed. */
  readonly #syllableStarts = new Set<string>()
  /** The characters read as each start of a syllable asked for so far; forgotten when a character is learnt. */
  readonly #classes = new Map<string, CharClass>()

  /** Nothing learnt yet, or what another's {@link PinyinReadings.parts} held. */
  constructor(parts?: PinyinReadingsParts) {
    this.#learnt = parts?.learnt ?? new Uint8Array(0x10000)
    this.#initials = parts?.initials ?? new Uint32Array(0x10000)
    parts?.syllables.forEach((syllable, i) => {
      this.#charsBySyllable.set(syllable, [...parts.chars.subarray(i === 0 ? 0 : parts.charEnds[i - 1], parts.charEnds[i])])
      for (let end = 1; end <= syllable.length; end += 1) this.#syllableStarts.add(syllable.slice(0, end))
    })
  }

  /** What it has learnt, to hand over to another thread: typed arrays, as cloning many small arrays is slow. */
  parts(): PinyinReadingsParts {
    const syllables = [...this.#charsBySyllable.keys()]
    const charEnds = new Int32Array(syllables.length)
    const chars = new Uint16Array([...this.#charsBySyllable.values()].flat())
    let end = 0
    syllables.forEach((syllable, i) => {
      end += this.#charsBySyllable.get(syllable)?.length ?? 0
      charEnds[i] = end
    })
    return { learnt: this.#learnt, initials: this.#initials, syllables, chars, charEnds }
  }

  /** Learns a character's readings; characters other than Han have none. */
  learn(code: number): void {
    if (this.#learnt[code] === 1) return
    this.#learnt[code] = 1
    const char = String.fromCharCode(code)
    if (!HAN.test(char)) return
    this.#classes.clear()
    for (const syllable of pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true })) {
      if (!/^[a-z]+$/.test(syllable)) continue
      this.#initials[code] = (this.#initials[code] as number) | letterBit(syllable)
      const chars = this.#charsBySyllable.get(syllable)
      if (chars === undefined) {
        this.#charsBySyllable.set(syllable, [code])
        for (let end = 1; end <= syllable.length; end += 1) this.#syllableStarts.add(syllable.slice(0, end))
      } else chars.push(code)
    }
  }

  /** The letters a learnt character's readings start with, as {@link letterBit}s; 0 for one without a reading. */
  initials(code: number): number {
    return this.#initials[code] as number
  }

  /**
   * The ways to read letters as a sequence of characters: as full pinyin in as few syllables as
   * possible, the last one possibly cut short (huaxi finds 华信), then as the initials of each
   * character (hxjx finds 华信机械). Letters that mix the two (huaxjx) are read neither way.
   */
  spellings(letters: string): PinyinSpelling[] {
    const classes = this.#classes
    const classOf = (start: string): CharClass => {
      let chars = classes.get(start)
      if (chars === undefined) {
        const found = new Set<number>()
        for (const [syllable, codes] of this.#charsBySyllable) if (syllable.startsWith(start)) for (const code of codes) found.add(code)
        chars = [...found]
        classes.set(start, chars)
      }
      return chars
    }
    const spelling = (parts: string[]): PinyinSpelling => ({ parts, classes: parts.map(classOf) })
    const spellings = this.#syllableSplits(letters).map(spelling)
    if (letters.length >= 2 && [...letters].every((letter) => this.#syllableStarts.has(letter))) spellings.push(spelling([...letters]))
    return spellings
  }
  /** The splits of letters into whole syllables and a last start of one, in as few parts as possible. */
  #syllableSplits(letters: string): string[][] {
    const n = letters.length
    // fewest[i]: the fewest parts letters from i split into; Infinity when they do not split.
    const fewest = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY)
    fewest[n] = 0
    for (let i = n - 1; i >= 0; i -= 1) {
      if (this.#syllableStarts.has(letters.slice(i))) fewest[i] = 1
      for (let end = i + 1; end < n && end - i <= 6; end += 1) {
        if (this.#charsBySyllable.has(letters.slice(i, end))) fewest[i] = Math.min(fewest[i] as number, 1 + (fewest[end] as number))
      }
    }
    const splits: string[][] = []
    const follow = (i: number, parts: string[]): void => {
      if (splits.length === MAX_SPELLINGS) return
      const rest = letters.slice(i)
      if (fewest[i] === 1 && this.#syllableStarts.has(rest)) splits.push([...parts, rest])
      for (let end = Math.min(n - 1, i + 6); end > i; end -= 1) {
        const syllable = letters.slice(i, end)
        if (this.#charsBySyllable.has(syllable) && 1 + (fewest[end] as number) === fewest[i]) follow(end, [...parts, syllable])
      }
    }
    if (Number.isFinite(fewest[0])) follow(0, [])
    return splits
  }
}

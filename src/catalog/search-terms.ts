import { GramIndex, type GramDictionary } from './search-grams.js'

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })
const CJK = /[\u3400-\u9fff]/
const SEPARATORS = /[\s,，、;；/|]+/

/** NFKC folds full-width letters and digits; lower case for Latin. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** A query term and the words Intl.Segmenter finds in it, for Chinese phrases typed without spaces. */
export interface Term {
  readonly text: string
  readonly words: readonly string[]
  readonly latin: boolean
}

/**
 * The terms of a query: normalised, split at spaces and list punctuation.
 *
 * @example
 * parseQuery('人口信息 RKJC') // [{ text: '人口信息', words: ['人口', '信息'], latin: false }, { text: 'rkjc', words: ['rkjc'], latin: true }]
 */
export function parseQuery(q: string): Term[] {
  return normalise(q)
    .split(SEPARATORS)
    .filter((text) => text !== '')
    .map((text) => ({
      text,
      latin: /^[a-z]+$/.test(text),
      words: CJK.test(text) ? [...segmenter.segment(text)].filter((segment) => segment.isWordLike === true).map((segment) => segment.segment) : [text],
    }))
}

/** An entry's normalised texts that terms are found in. */
export interface SearchTexts {
  readonly name: string
  readonly tags: string
  /** Abstract. */
  readonly abstract: string
  /** Code, department name, format type and the items' names and keys. */
  readonly rest: string
  /** Full pinyin of name and tags, syllables run together: 'renkoujichuxinxi'. */
  readonly pinyinFull: string
  /** Pinyin initials of name and tags: 'rkjcxx'. */
  readonly pinyinInitials: string
}

/** An entry's texts and their grams, numbered once when the entry is loaded. */
export interface SearchFields extends SearchTexts {
  readonly grams: Int32Array
}

const FIELDS = ['name', 'tags', 'abstract', 'rest', 'pinyinFull', 'pinyinInitials'] as const
const FIELD_COUNT = FIELDS.length
/** The entry's texts with their grams numbered by `dictionary`, for `TermMatcher`. */
export function searchFields(texts: SearchTexts, dictionary: GramDictionary): SearchFields {
  return { ...texts, grams: dictionary.encode(FIELDS.map((field) => texts[field])) }
}

const NAME = 0
const REST = 3
const PINYIN_FULL = 4
const PINYIN_INITIALS = 5
/** A term in the tags, the abstract or the rest scores this; in the name, by how much of it the term covers. */
const FIELD_SCORES = [0, 5, 2, 1] as const

/** Entries by their number, ascending, each with its score. */
export interface Matches {
  readonly entries: Int32Array
  readonly scores: Float64Array
}

/** Matches filled in place up to `size`, at most `capacity`. */
class MatchList {
  readonly entries: Int32Array
  readonly scores: Float64Array
  size = 0

  constructor(capacity: number) {
    this.entries = new Int32Array(capacity)
    this.scores = new Float64Array(capacity)
  }

  add(entry: number, score: number): void {
    this.entries[this.size] = entry
    this.scores[this.size] = score
    this.size += 1
  }

  done(): Matches {
    return { entries: this.entries.subarray(0, this.size), scores: this.scores.subarray(0, this.size) }
  }
}

/** The entries in both, with the sum of their scores. */
function inBoth(a: Matches, b: Matches): Matches {
  const both = new MatchList(Math.min(a.entries.length, b.entries.length))
  let j = 0
  a.entries.forEach((entry, i) => {
    while (j < b.entries.length && (b.entries[j] as number) < entry) j += 1
    if (b.entries[j] === entry) both.add(entry, (a.scores[i] as number) + (b.scores[j] as number))
  })
  return both.done()
}

/**
 * Finds the entries a query's terms match and scores them, all terms required. A term scores in
 * the best field it is found in, not the sum: in the name 16 when the name starts with it, else
 * 10, plus 4 × its share of the name's length; in the tags 5; the abstract 2; the rest 1. A Latin
 * term also matches pinyin initials and (from two letters) full pinyin: 9 at the start, else 6. A
 * phrase found nowhere whole still matches when each of its words is somewhere: 6 when all are in
 * the name, else 1. Entries are numbered as given; a gram index over their fields finds the
 * fields that may hold a term, so most fields are never read.
 *
 * @example
 * const matcher = new TermMatcher(entries, dictionary)
 * matcher.match(parseQuery('rkjc 户籍')) // { entries: [3, 17], scores: [14, 9.8] }
 */
export class TermMatcher {
  /** Field `f` of entry `e` is text `e * FIELD_COUNT + f`. */
  readonly #texts: string[]
  readonly #grams: GramIndex
  // Scratch of the phrase being matched word by word (searches are synchronous: one at a time).
  readonly #stamps: Int32Array
  readonly #wordsFound: Int32Array
  readonly #wordsInName: Int32Array
  #generation = 0

  /** `dictionary` numbered the entries' grams. */
  constructor(entries: readonly SearchFields[], dictionary: GramDictionary) {
    this.#texts = entries.flatMap((entry) => FIELDS.map((field) => entry[field]))
    this.#grams = new GramIndex(
      dictionary,
      entries.map((entry) => entry.grams),
    )
    this.#stamps = new Int32Array(entries.length)
    this.#wordsFound = new Int32Array(entries.length)
    this.#wordsInName = new Int32Array(entries.length)
  }

  /** Entries matching every term, each with the sum of its term scores in the order of the terms. */
  match(terms: readonly Term[]): Matches {
    let matches: Matches | undefined
    for (const term of terms) {
      matches = matches === undefined ? this.#term(term) : inBoth(matches, this.#term(term))
      if (matches.entries.length === 0) break
    }
    return matches ?? new MatchList(0).done()
  }

  #term(term: Term): Matches {
    const { text } = term
    const exact = text.length <= 2
    const lastField = term.latin ? PINYIN_INITIALS : REST
    const candidates = this.#grams.candidates(text)
    const found = new MatchList(candidates.length)
    for (const at of candidates) {
      const field = at % FIELD_COUNT
      if (field > lastField || (field === PINYIN_FULL && text.length < 2)) continue
      const entry = (at - field) / FIELD_COUNT
      const last = found.size - 1
      const known = last >= 0 && found.entries[last] === entry
      // An entry's fields come in the order above, and of name, tags, abstract and rest the first
      // found scores most: after it, only pinyin can score more.
      if (known && (field < PINYIN_FULL || (found.scores[last] as number) >= 9)) continue
      const fieldText = this.#texts[at] as string
      // Up to two characters, holding the gram is holding the text.
      if (!exact && !fieldText.includes(text)) continue
      const score =
        field === NAME
          ? // A name the term covers more of ranks higher: 人口 is more of 人口基础信息 than of 人口普查汇总资料.
            (fieldText.startsWith(text) ? 16 : 10) + (4 * text.length) / fieldText.length
          : field >= PINYIN_FULL
            ? fieldText.startsWith(text)
              ? 9
              : 6
            : (FIELD_SCORES[field] as number)
      if (!known) found.add(entry, score)
      else if (score > (found.scores[last] as number)) found.scores[last] = score
    }
    return term.words.length > 1 ? this.#orEveryWord(found.done(), term.words) : found.done()
  }

  /** Adds to what a phrase found whole the entries holding each of its words: 人口信息 finds 人口基础信息. */
  #orEveryWord(whole: Matches, words: readonly string[]): Matches {
    const generation = this.#nextGeneration()
    // Entries stamped with the generation hold the first `#wordsFound` words, `#wordsInName` of them in the name.
    const wordLists = words.map((word) => ({ word, candidates: this.#grams.candidates(word) })).sort((a, b) => a.candidates.length - b.candidates.length)
    const firstWordEntries: number[] = []
    wordLists.forEach(({ word, candidates }, w) => {
      const exact = word.length <= 2
      for (const at of candidates) {
        const field = at % FIELD_COUNT
        if (field > REST) continue
        const entry = (at - field) / FIELD_COUNT
        if (w === 0 && this.#stamps[entry] !== generation) {
          this.#stamps[entry] = generation
          this.#wordsFound[entry] = 0
          this.#wordsInName[entry] = 0
        } else if (this.#stamps[entry] !== generation || this.#wordsFound[entry] !== w) continue
        if (!exact && !(this.#texts[at] as string).includes(word)) continue
        this.#wordsFound[entry] = w + 1
        // The name comes first of an entry's fields, so a word in the name is found there first.
        if (field === NAME) this.#wordsInName[entry] = (this.#wordsInName[entry] as number) + 1
        if (w === 0) firstWordEntries.push(entry)
      }
    })
    const merged = new MatchList(whole.entries.length + firstWordEntries.length)
    let i = 0
    for (const entry of firstWordEntries) {
      if (this.#wordsFound[entry] !== words.length) continue
      for (; i < whole.entries.length && (whole.entries[i] as number) < entry; i += 1) merged.add(whole.entries[i] as number, whole.scores[i] as number)
      if (whole.entries[i] !== entry) merged.add(entry, this.#wordsInName[entry] === words.length ? 6 : 1)
    }
    for (; i < whole.entries.length; i += 1) merged.add(whole.entries[i] as number, whole.scores[i] as number)
    return merged.done()
  }

  #nextGeneration(): number {
    if (this.#generation === 0x7fffffff) {
      this.#stamps.fill(0)
      this.#generation = 0
    }
    this.#generation += 1
    return this.#generation
  }
}

import {
  normaliseName,
  parseNameQuery,
  PinyinReadings,
  regionPrefixLengthOf,
  type NameQuery,
  type PinyinReadingsParts,
  type PinyinSpelling,
} from './name-terms.js'
import {
  ADDED,
  CURRENT,
  DONE,
  FORMER,
  IntersectCursor,
  PostingLists,
  PostingListsPacker,
  UnionCursor,
  type Cursor,
  type PostingListsParts,
  type PostingSink,
  type Segment,
} from './posting-lists.js'

/** A legal person as the name index knows it: its credit code, current name and former names. */
export interface NameEntry {
  readonly code: string
  readonly name: string
  readonly formerNames: readonly string[]
}

export interface NameSearchOptions {
  readonly limit: number
  readonly offset: number
  /**
   * Whether former names are searched. Only for a caller who may see them: finding an entity by
   * a former name tells that it bore that name.
   */
  readonly formerNames: boolean
}

export interface NameSearchResult {
  /** Best first. */
  readonly codes: string[]
  /** Every matching entity, up to the index's match limit. */
  readonly total: number
}

export interface NameIndexOptions {
  /** The most matches a search goes through: {@link MATCH_LIMIT} unless given. */
  readonly matchLimit?: number
}

/**
 * The most matches a search goes through. `total` counts up to it and no page reaches past it, so
 * a query that a great many names hold (沈阳, 有限公司, yxgs) stops once it has found this many and
 * the best of them, instead of ranking hundreds of thousands.
 */
export const MATCH_LIMIT = 10_000

// How a text matches a query, best first. An entity ranks by its best text, each former name one
// place below the current name matching in the same way: rank = match × 2 + (former ? 1 : 0).
const EXACT = 0
const PREFIX = 1
const SUBSTRING = 2
const ALL_WORDS = 3
const PINYIN = 4
const RANK_COUNT = 10
const EXACT_RANK = 0
const PREFIX_RANK = 2
/** The mark of an entity removed or replaced; generations stay below LAST_GENERATION, so a mark never reaches it. */
const GONE = -1
const LAST_GENERATION = 0x7ffffff

function rankOf(match: number, former: boolean): number {
  return match * 2 + (former ? 1 : 0)
}

// A list narrows the candidates when they are more than NARROW_FROM and it is at most NARROW_RATIO
// times as long: reading a number from a list costs a few nanoseconds, confirming a text by its
// characters a cache miss, some hundred.
const NARROW_FROM = 64
const NARROW_RATIO = 16

/** A pinyin spelling of two places reads the pairs of its first place's characters when it has to go through at most this many; else its letters. */
const PAIRS_SPELLED_UP_TO = 20_000

// Pinyin initials of three characters in a row key the letter lists: (a × 26 + b) × 27 + c, where
// c is NO_LETTER when no character with a reading follows the first two.
const LETTERS = 26
const NO_LETTER = 26

/** Units between two chances for a build to pause: a step takes well under a millisecond. */
const STEP_UNITS = 4096

/** A gram's list: a character's, a pair's, a head's or a letter triple's. */
interface Gram {
  readonly lists: PostingLists
  readonly list: number
}

/** Grams any of which will do. A search intersects terms. */
type Term = readonly Gram[]

/** Where the grams of a text go: the packers during a build, the lists after it. */
interface GramSinks {
  readonly chars: PostingSink
  readonly pairs: PostingSink
  /** A text's first character, and its first after the region. */
  readonly headChars: PostingSink
  /** The same for pairs. */
  readonly headPairs: PostingSink
  readonly triples: PostingSink
}

function withRoom(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array
  const bigger = new Int32Array(grownLength(array.length, size))
  bigger.set(array)
  return bigger
}

function withRoomForBytes(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (size <= array.length) return array
  const bigger = new Uint8Array(grownLength(array.length, size))
  bigger.set(array)
  return bigger
}

function withRoomForUnits(array: Uint16Array<ArrayBuffer>, size: number): Uint16Array<ArrayBuffer> {
  if (size <= array.length) return array
  const bigger = new Uint16Array(grownLength(array.length, size))
  bigger.set(array)
  return bigger
}

/** Room for `size`, growing by a quarter at least: a copy of a large array costs more than the spare room. */
function grownLength(length: number, size: number): number {
  return Math.max(size, length + (length >>> 2) + 1024)
}

/** A length with an eighth to spare, so that the first upserts after a build copy none of the big arrays. */
function withSpare(length: number): number {
  return length + (length >>> 3) + 1024
}

function increment(array: Int32Array, at: number): void {
  array[at] = (array[at] as number) + 1
}

/** Whether `corpus` holds `query` from `at`, ending by `end`. */
function holdsAt(corpus: Uint16Array, at: number, end: number, query: Uint16Array): boolean {
  if (at + query.length > end) return false
  for (let k = 0; k < query.length; k += 1) if (corpus[at + k] !== query[k]) return false
  return true
}

/** Whether `corpus` from `start` up to `end` holds `query` anywhere. */
function holds(corpus: Uint16Array, start: number, end: number, query: Uint16Array): boolean {
  const first = query[0]
  for (let at = start, last = end - query.length; at <= last; at += 1) if (corpus[at] === first && holdsAt(corpus, at, end, query)) return true
  return false
}

/** Whether `corpus` from `start` up to `end` has a run of characters with bit k of `masks` set at its k-th, for k below `length`. */
function spells(corpus: Uint16Array, start: number, end: number, masks: Uint32Array, length: number): boolean {
  for (let at = start, last = end - length; at <= last; at += 1) {
    let k = 0
    while (k < length && ((masks[corpus[at + k] as number] as number) & (1 << k)) !== 0) k += 1
    if (k === length) return true
  }
  return false
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i)
  return units
}

/** FNV-1a of a text's units. */
function hashOf(units: Uint16Array, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ (units[at] as number), 0x01000193)
  return hash >>> 0
}

/** The number (a = 0) of the lowest letter of a set of initials. */
function lowestLetter(initials: number): number {
  return 31 - Math.clz32(initials & -initials)
}

/** Lists every triple of initials of three characters in a row, or of a pair with none after it (`third` 0). */
function addTriples(first: number, second: number, third: number, text: number, sink: PostingSink): void {
  for (let a = first; a !== 0; a &= a - 1) {
    for (let b = second; b !== 0; b &= b - 1) {
      const pair = (lowestLetter(a) * LETTERS + lowestLetter(b)) * (LETTERS + 1)
      if (third === 0) sink.add(pair + NO_LETTER, text)
      else for (let c = third; c !== 0; c &= c - 1) sink.add(pair + lowestLetter(c), text)
    }
  }
}

/**
 * Pair numbers by their characters' numbers, open addressing over typed arrays: a million pairs
 * take 16 MB, and no object each as in a Map.
 */
class PairTable {
  #keys: Uint32Array<ArrayBuffer>
  #values: Int32Array<ArrayBuffer>
  #size: number

  /** Empty, or holding what another table's `parts` held. */
  constructor(parts?: { readonly keys: Uint32Array<ArrayBuffer>; readonly values: Int32Array<ArrayBuffer>; readonly size: number }) {
    this.#keys = parts?.keys ?? new Uint32Array(1 << 12)
    this.#values = parts?.values ?? new Int32Array(1 << 12).fill(-1)
    this.#size = parts?.size ?? 0
  }

  get size(): number {
    return this.#size
  }

  parts(): { keys: Uint32Array<ArrayBuffer>; values: Int32Array<ArrayBuffer>; size: number } {
    return { keys: this.#keys, values: this.#values, size: this.#size }
  }

  /** The pair's number, or -1. */
  get(first: number, second: number): number {
    const key = first * 0x10000 + second
    const mask = this.#keys.length - 1
    for (let at = mixed(key) & mask; ; at = (at + 1) & mask) {
      const value = this.#values[at] as number
      if (value === -1 || this.#keys[at] === key) return value
    }
  }

  set(first: number, second: number, value: number): void {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow()
    this.#put(first * 0x10000 + second, value)
    this.#size += 1
  }

  #put(key: number, value: number): void {
    const mask = this.#keys.length - 1
    let at = mixed(key) & mask
    while (this.#values[at] !== -1) at = (at + 1) & mask
    this.#keys[at] = key
    this.#values[at] = value
  }

  #grow(): void {
    const keys = this.#keys
    const values = this.#values
    this.#keys = new Uint32Array(keys.length * 2)
    this.#values = new Int32Array(keys.length * 2).fill(-1)
    for (let at = 0; at < keys.length; at += 1) if (values[at] !== -1) this.#put(keys[at] as number, values[at] as number)
  }
}

/** Murmur3's finaliser: spreads a key's bits over the low ones a table of any size uses. */
function mixed(key: number): number {
  let hash = key >>> 0
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

/**
 * Entities gathered for a build, their names normalised, held compactly: the codes, and the texts'
 * code units end to end.
 *
 * @example
 * const records = new EntityNameRecords()
 * records.add({ code: '91210100MA0XXXXXX1', name: '沈阳华信机械制造有限公司', formerNames: [] })
 * const index = finish(EntityNameIndex.building(records))
 */
export class EntityNameRecords {
  readonly #codes: string[] = []
  #units = new Uint16Array(1 << 16)
  #unitCount = 0
  /** Text i is `#units[#textEnds[i - 1]]` (0 for the first) up to `#textEnds[i]`. */
  #textEnds = new Int32Array(1024)
  #textCount = 0
  /** Entity i's texts, its name first, are texts `#entityEnds[i - 1]` (0 for the first) up to `#entityEnds[i]`. */
  #entityEnds = new Int32Array(1024)

  get size(): number {
    return this.#codes.length
  }

  /** Adds an entry: its name normalised, then each former name not already there. */
  add(entry: NameEntry): void {
    const texts = [normaliseName(entry.name)]
    for (const former of entry.formerNames) {
      const text = normaliseName(former)
      if (text !== '' && !texts.includes(text)) texts.push(text)
    }
    this.addNormalised(entry.code, texts)
  }

  /** Adds texts already normalised, the name first, none twice. */
  addNormalised(code: string, texts: readonly string[]): void {
    const entity = this.#codes.length
    this.#codes.push(code)
    for (const text of texts) {
      this.#units = withRoomForUnits(this.#units, this.#unitCount + text.length)
      for (let i = 0; i < text.length; i += 1) this.#units[this.#unitCount + i] = text.charCodeAt(i)
      this.#unitCount += text.length
      this.#textEnds = withRoom(this.#textEnds, this.#textCount + 1)
      this.#textEnds[this.#textCount] = this.#unitCount
      this.#textCount += 1
    }
    this.#entityEnds = withRoom(this.#entityEnds, entity + 1)
    this.#entityEnds[entity] = this.#textCount
  }

  code(entity: number): string {
    return this.#codes[entity] as string
  }

  /** The entity's name: its first text. */
  firstText(entity: number): number {
    return entity === 0 ? 0 : (this.#entityEnds[entity - 1] as number)
  }

  /** After the entity's last text. */
  endText(entity: number): number {
    return this.#entityEnds[entity] as number
  }

  textStart(text: number): number {
    return text === 0 ? 0 : (this.#textEnds[text - 1] as number)
  }

  textEnd(text: number): number {
    return this.#textEnds[text] as number
  }

  get units(): Uint16Array {
    return this.#units
  }
}

/**
 * A built index in a form another thread can take over ({@link EntityNameIndex.parts}): numbers,
 * the codes end to end in one string, and typed arrays, which are transferred rather than copied.
 */
export interface EntityNameIndexParts {
  readonly matchLimit: number
  /** The codes by slot, their units one after another; slot s's end at `codeEnds[s]`. */
  readonly codes: Uint16Array<ArrayBuffer>
  readonly codeEnds: Int32Array<ArrayBuffer>
  readonly firstText: Int32Array<ArrayBuffer>
  readonly formerFirst: Int32Array<ArrayBuffer>
  readonly textCount: Int32Array<ArrayBuffer>
  readonly codeOrder: Int32Array<ArrayBuffer>
  readonly marks: Int32Array<ArrayBuffer>
  readonly corpus: Uint16Array<ArrayBuffer>
  readonly textStart: Int32Array<ArrayBuffer>
  readonly textTotal: number
  readonly formerStart: number
  readonly textEntity: Int32Array<ArrayBuffer>
  readonly regionEnd: Uint8Array<ArrayBuffer>
  readonly textTable: Int32Array<ArrayBuffer>
  readonly tableUsed: number
  readonly charIds: Int32Array<ArrayBuffer>
  readonly charCount: number
  readonly charInitials: Uint32Array<ArrayBuffer>
  readonly pairTable: { readonly keys: Uint32Array<ArrayBuffer>; readonly values: Int32Array<ArrayBuffer>; readonly size: number }
  readonly pairFirst: Int32Array<ArrayBuffer>
  readonly pairSecond: Int32Array<ArrayBuffer>
  readonly pairsByFirstStart: Int32Array<ArrayBuffer>
  readonly pairsByFirst: Int32Array<ArrayBuffer>
  readonly chars: PostingListsParts
  readonly pairs: PostingListsParts
  readonly headChars: PostingListsParts
  readonly headPairs: PostingListsParts
  readonly triples: PostingListsParts
  readonly readings: PinyinReadingsParts
}

/**
 * Runs a build to its end at once.
 *
 * @example
 * const index = finish(EntityNameIndex.building(records))
 */
export function finish<T>(steps: Generator<undefined, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

/** Moves `from` (a run of entity numbers) into `into` from `at`, merged by code, a stable merge of runs `a` and `b`. */
function* mergeByCode(records: EntityNameRecords, a: Int32Array, b: Int32Array, into: Int32Array, at: number): Generator<undefined, void> {
  let i = 0
  let j = 0
  for (let out = at; i < a.length || j < b.length; out += 1) {
    const takeA = j >= b.length || (i < a.length && records.code(a[i] as number) <= records.code(b[j] as number))
    into[out] = takeA ? (a[i++] as number) : (b[j++] as number)
    if ((out & (STEP_UNITS - 1)) === 0) yield
  }
}

/**
 * The records' numbers in code order, the last of each code only: a later record of a code
 * replaces an earlier one. Names read from the database come in code order; only what follows
 * the longest ordered start is sorted (a stable merge sort), then merged with it.
 */
function* byCode(records: EntityNameRecords): Generator<undefined, Int32Array> {
  const count = records.size
  let ordered = 1
  while (ordered < count && records.code(ordered - 1) <= records.code(ordered)) {
    ordered += 1
    if ((ordered & (STEP_UNITS - 1)) === 0) yield
  }
  let order = new Int32Array(count)
  for (let i = 0; i < count; i += 1) {
    order[i] = i
    if ((i & (STEP_UNITS - 1)) === 0) yield
  }
  if (ordered < count) {
    let rest = order.slice(ordered)
    let spare = new Int32Array(rest.length)
    for (let width = 1; width < rest.length; width *= 2) {
      for (let low = 0; low < rest.length; low += 2 * width) {
        const middle = Math.min(low + width, rest.length)
        const high = Math.min(low + 2 * width, rest.length)
        yield* mergeByCode(records, rest.subarray(low, middle), rest.subarray(middle, high), spare, low)
      }
      ;[rest, spare] = [spare, rest]
    }
    const merged = new Int32Array(count)
    yield* mergeByCode(records, order.subarray(0, ordered), rest, merged, 0)
    order = merged
  }
  const kept = new Int32Array(count)
  let size = 0
  for (let i = 0; i < count; i += 1) {
    const record = order[i] as number
    if (i + 1 === count || records.code(order[i + 1] as number) !== records.code(record)) kept[size++] = record
    if ((i & (STEP_UNITS - 1)) === 0) yield
  }
  return kept.subarray(0, size)
}

/**
 * An in-memory name search over the legal-person registry (法人库): any piece of a current or
 * former name, the words of a query in any order, full pinyin and initials, and the start of a
 * credit code.
 *
 * Names are kept normalised, numbered as texts, their characters end to end in one typed array.
 * Posting lists name, for every character, every pair of adjacent characters, the first character
 * and pair (also after a leading 辽宁省/沈阳市), and every three pinyin initials in a row, the texts
 * holding them. A query intersects the shortest of its lists and confirms the texts there by
 * their characters, so a search costs about the texts holding its rarest grams, not the
 * registry's size. Pinyin matches the characters themselves: each place of the query is a class of
 * characters (those read hua), found through the initials' lists and the pairs of the classes.
 *
 * Results rank: exact name or code, prefix of the name (also after the region) or of the code,
 * piece of the name, all words, pinyin; a former name just below the current name; then the
 * shorter name, then the code. Entities are numbered in that last order by a build, current names
 * before every former name, so every list read in order meets the matches of one rank best
 * first: a search stops once it has found the page and the match limit, however many more match.
 *
 * Upserts and removals change plain lists beside the packed ones, at the cost of the grams of the
 * names changed, until a fresh build replaces the index. A build can run on another thread and
 * hand the index over ({@link EntityNameIndex.parts}, {@link EntityNameIndex.fromParts}).
 *
 * @example
 * const index = EntityNameIndex.build([{ code: '91210100MA0XXXXXX1', name: '沈阳华信机械制造有限公司', formerNames: [] }])
 * index.search('机械 华信', { limit: 20, offset: 0, formerNames: true }) // { codes: ['91210100MA0XXXXXX1'], total: 1 }
 */
export class EntityNameIndex {
  readonly #matchLimit: number
  readonly #readings: PinyinReadings

  // Entities by slot. Slots below #baseEntities came from the last build, numbered by name length
  // then code; an upsert always takes a new slot above them and empties the old one.
  /** The build's codes by slot, their units one after another (a million strings would weigh on the heap); slot s's end at `#codeEnds[s]`. */
  #codeUnits = new Uint16Array(0)
  #codeEnds = new Int32Array(0)
  /** Codes of the slots above the build's. */
  #addedCodes: string[] = []
  /** The text of the entity's current name. */
  #firstText = new Int32Array(0)
  /** The text of its first former name; the others follow it. */
  #formerFirst = new Int32Array(0)
  /** Its texts: 0 once the entity is removed or replaced. */
  #textCount = new Int32Array(0)
  #baseEntities = 0
  /** The slots of the build, by code. */
  #codeOrder = new Int32Array(0)
  /** Codes written since the build, and their slots. */
  #addedSlots = new Map<string, number>()
  #live = 0

  // Texts by number: the build's current names in slot order (text s is slot s's name), then its
  // former names in slot order from #formerStart, then the texts added since; their
  // characters one after another in #corpus, so that the texts a search reads lie in order.
  #corpus = new Uint16Array(0)
  /** Text t is `#corpus[#textStart[t]]` up to `#textStart[t + 1]`. */
  #textStart = new Int32Array(1)
  #textTotal = 0
  #formerStart = 0
  #textEntity = new Int32Array(0)
  /** How many characters of the text a leading province or city name takes. */
  #regionEnd = new Uint8Array(0)
  /** Texts by the hash of their characters, open addressing: text + 1, 0 for none. For exact names. */
  #textTable = new Int32Array(1)
  #tableUsed = 0

  // Grams: characters (UTF-16 units) numbered as met, pairs of character numbers too.
  #charIds: Int32Array<ArrayBuffer> = new Int32Array(0x10000).fill(-1)
  #charCount = 0
  /** Per character number: the letters its readings start with (bit 0 for a). */
  #charInitials = new Uint32Array(0x10000)
  #pairIds = new PairTable()
  /** Per pair: its first character's number. */
  #pairFirst = new Int32Array(0)
  /** Per pair: its second character (the unit). */
  #pairSecond = new Int32Array(0)
  /** The build's pairs by first character: those of character c are `#pairsByFirst[#pairsByFirstStart[c]]` on. */
  #pairsByFirstStart = new Int32Array(1)
  #pairsByFirst = new Int32Array(0)
  #addedPairsByFirst = new Map<number, number[]>()
  #built = false
  #chars = PostingLists.empty()
  #pairs = PostingLists.empty()
  #headChars = PostingLists.empty()
  #headPairs = PostingLists.empty()
  #triples = PostingLists.empty()

  // Scratch of the search in progress (searches are synchronous: one at a time). An entity
  // marked with the generation has been seen, and matches as well as its rank says: one array, as
  // a search reads it for every candidate, a cache miss each.
  /** Per entity: generation × 16 + rank; {@link GONE} once the entity is removed or replaced. */
  #marks = new Int32Array(0)
  #generation = 0
  #hits = new Int32Array(1024)
  #hitCount = 0
  /** Entities hit, by rank. */
  readonly #rankCounts = new Int32Array(RANK_COUNT)
  #ordered = new Int32Array(1024)
  /** Places of the page and before it: once the search has these and the match limit, it stops. */
  #wanted = 0
  #formerNames = true
  /** The code range alone holds more than the match limit: only its first were hit. */
  #saturated = false
  #codePrefix = ''
  /** Per pinyin spelling being matched: per character, bit k set when it may stand at place k. */
  readonly #spellingMasks: Uint32Array[] = []

  private constructor(matchLimit: number, readings: PinyinReadings) {
    this.#matchLimit = matchLimit
    this.#readings = readings
  }

  /**
   * An index of the entries; of two entries with one code, the later counts.
   *
   * @example
   * const index = EntityNameIndex.build(entries) // 1 000 000 names: about 10 s on two cores
   */
  static build(entries: Iterable<NameEntry>, options: NameIndexOptions = {}): EntityNameIndex {
    const records = new EntityNameRecords()
    for (const entry of entries) records.add(entry)
    return finish(EntityNameIndex.building(records, options))
  }

  /**
   * Builds an index of the records a step at a time: each step is well under a millisecond of
   * work, so a caller may pause between steps and keep its event loop free.
   *
   * @example
   * const steps = EntityNameIndex.building(records)
   * for (let step = steps.next(); step.done !== true; step = steps.next()) await pauseNowAndThen()
   */
  static *building(records: EntityNameRecords, options: NameIndexOptions = {}): Generator<undefined, EntityNameIndex> {
    const index = new EntityNameIndex(options.matchLimit ?? MATCH_LIMIT, new PinyinReadings())
    yield* index.#load(records)
    return index
  }

  /**
   * The index as built, to hand over to another thread, and the buffers to transfer with it: the
   * index is of no use here after. Only a fresh build can be handed over.
   *
   * @example
   * const { parts, transfer } = index.parts()
   * port.postMessage({ parts }, transfer)
   */
  parts(): { parts: EntityNameIndexParts; transfer: ArrayBuffer[] } {
    if (this.changesSinceBuild > 0) throw new Error('only a fresh build of the name index can be handed over')
    const codes = this.#codeUnits
    const codeEnds = this.#codeEnds
    const lists = {
      chars: this.#chars.parts(),
      pairs: this.#pairs.parts(),
      headChars: this.#headChars.parts(),
      headPairs: this.#headPairs.parts(),
      triples: this.#triples.parts(),
    }
    const parts: EntityNameIndexParts = {
      matchLimit: this.#matchLimit,
      codes,
      codeEnds,
      firstText: this.#firstText,
      formerFirst: this.#formerFirst,
      textCount: this.#textCount,
      codeOrder: this.#codeOrder,
      marks: this.#marks,
      corpus: this.#corpus,
      textStart: this.#textStart,
      textTotal: this.#textTotal,
      formerStart: this.#formerStart,
      textEntity: this.#textEntity,
      regionEnd: this.#regionEnd,
      textTable: this.#textTable,
      tableUsed: this.#tableUsed,
      charIds: this.#charIds,
      charCount: this.#charCount,
      charInitials: this.#charInitials,
      pairTable: this.#pairIds.parts(),
      pairFirst: this.#pairFirst,
      pairSecond: this.#pairSecond,
      pairsByFirstStart: this.#pairsByFirstStart,
      pairsByFirst: this.#pairsByFirst,
      ...lists,
      readings: this.#readings.parts(),
    }
    const arrays = [
      codes,
      codeEnds,
      parts.firstText,
      parts.formerFirst,
      parts.textCount,
      parts.codeOrder,
      parts.marks,
      parts.corpus,
      parts.textStart,
      parts.textEntity,
      parts.regionEnd,
      parts.textTable,
      parts.charIds,
      parts.charInitials,
      parts.pairTable.keys,
      parts.pairTable.values,
      parts.pairFirst,
      parts.pairSecond,
      parts.pairsByFirstStart,
      parts.pairsByFirst,
      ...Object.values(lists).flatMap((list) => [list.offsets, list.counts, list.bytes]),
      parts.readings.learnt,
      parts.readings.initials,
      parts.readings.chars,
      parts.readings.charEnds,
    ]
    // Arrays made by slicing share nothing, but a view may be one of several on a buffer: each buffer once.
    return { parts, transfer: [...new Set(arrays.map((array) => array.buffer))] }
  }

  /**
   * The index another thread built and handed over ({@link EntityNameIndex.parts}): its arrays
   * taken as they are, so it costs next to nothing.
   */
  static fromParts(parts: EntityNameIndexParts): EntityNameIndex {
    const index = new EntityNameIndex(parts.matchLimit, new PinyinReadings(parts.readings))
    const count = parts.codeEnds.length
    index.#codeUnits = parts.codes
    index.#codeEnds = parts.codeEnds
    index.#firstText = parts.firstText
    index.#formerFirst = parts.formerFirst
    index.#textCount = parts.textCount
    index.#baseEntities = count
    index.#codeOrder = parts.codeOrder
    index.#live = count
    index.#marks = parts.marks
    index.#corpus = parts.corpus
    index.#textStart = parts.textStart
    index.#textTotal = parts.textTotal
    index.#formerStart = parts.formerStart
    index.#textEntity = parts.textEntity
    index.#regionEnd = parts.regionEnd
    index.#textTable = parts.textTable
    index.#tableUsed = parts.tableUsed
    index.#charIds = parts.charIds
    index.#charCount = parts.charCount
    index.#charInitials = parts.charInitials
    index.#pairIds = new PairTable(parts.pairTable)
    index.#pairFirst = parts.pairFirst
    index.#pairSecond = parts.pairSecond
    index.#pairsByFirstStart = parts.pairsByFirstStart
    index.#pairsByFirst = parts.pairsByFirst
    index.#chars = new PostingLists(parts.chars)
    index.#pairs = new PostingLists(parts.pairs)
    index.#headChars = new PostingLists(parts.headChars)
    index.#headPairs = new PostingLists(parts.headPairs)
    index.#triples = new PostingLists(parts.triples)
    index.#built = true
    return index
  }

  /** Bytes of the typed arrays it holds: the bulk of it, the rest being the codes (a string each) and what changed since the build. */
  get arrayBytes(): number {
    const arrays = [
      this.#firstText,
      this.#formerFirst,
      this.#textCount,
      this.#codeOrder,
      this.#marks,
      this.#corpus,
      this.#textStart,
      this.#textEntity,
      this.#regionEnd,
      this.#textTable,
    ]
    const grams = [this.#charIds, this.#charInitials, this.#pairFirst, this.#pairSecond, this.#pairsByFirstStart, this.#pairsByFirst]
    const lists = [this.#chars, this.#pairs, this.#headChars, this.#headPairs, this.#triples]
    const table = this.#pairIds.parts()
    return (
      [...arrays, ...grams, table.keys, table.values].reduce((sum, array) => sum + array.byteLength, 0) + lists.reduce((sum, list) => sum + list.byteLength, 0)
    )
  }

  /** How many entities the index holds. */
  get size(): number {
    return this.#live
  }

  /**
   * Upserts that changed something since the build: each left its entity's old texts behind and
   * its new ones beside the packed lists.
   *
   * @example
   * if (index.changesSinceBuild > index.size / 32) rebuild()
   */
  get changesSinceBuild(): number {
    return this.#addedCodes.length
  }

  /**
   * Adds an entity or replaces the one with its code: work in proportion to its names' length.
   *
   * @example
   * index.upsert({ code, name: '沈阳华信重工有限公司', formerNames: ['沈阳华信机械制造有限公司'] })
   */
  upsert(entry: NameEntry): void {
    const texts = [normaliseName(entry.name)]
    for (const former of entry.formerNames) {
      const text = normaliseName(former)
      if (text !== '' && !texts.includes(text)) texts.push(text)
    }
    const slot = this.#slotOf(entry.code)
    if (slot !== undefined) {
      if (this.#sameTexts(slot, texts)) return
      this.#empty(slot)
    }
    this.#append(entry.code, texts)
  }

  /** Removes the entity with the code, if there is one. */
  remove(code: string): void {
    const slot = this.#slotOf(code)
    if (slot === undefined) return
    this.#empty(slot)
    this.#addedSlots.delete(code)
  }

  /**
   * The codes of the entities matching the query, best first, and how many match in all (up to
   * the match limit). An empty query, or one of spaces only, matches nothing.
   *
   * @example
   * index.search('hxjx', { limit: 10, offset: 0, formerNames: false })
   */
  search(query: string, options: NameSearchOptions): NameSearchResult {
    const parsed = parseNameQuery(query)
    if (parsed === undefined) return { codes: [], total: 0 }
    const offset = Math.max(0, Math.trunc(options.offset) || 0)
    const limit = Math.max(0, Math.trunc(options.limit) || 0)
    this.#begin(Math.min(offset + limit, this.#matchLimit), options.formerNames)
    this.#find(parsed)
    return this.#page(offset, limit)
  }

  // Loading

  /** Replaces everything with the records. */
  *#load(records: EntityNameRecords): Generator<undefined, void> {
    const order = yield* byCode(records)
    const count = order.length
    const nameLength = (record: number) => records.textEnd(records.firstText(record)) - records.textStart(records.firstText(record))
    // Slots by name length, then code: a stable counting sort of the code order.
    const lengths = new Int32Array(count)
    let longest = 0
    let textTotal = 0
    let corpusLength = 0
    for (let position = 0; position < count; position += 1) {
      const record = order[position] as number
      lengths[position] = nameLength(record)
      longest = Math.max(longest, lengths[position] as number)
      textTotal += records.endText(record) - records.firstText(record)
      corpusLength += records.textStart(records.endText(record)) - records.textStart(records.firstText(record))
      if ((position & (STEP_UNITS - 1)) === 0) yield
    }
    const lengthStarts = new Int32Array(longest + 2)
    for (const length of lengths) increment(lengthStarts, length + 1)
    for (let length = 1; length < lengthStarts.length; length += 1)
      lengthStarts[length] = (lengthStarts[length] as number) + (lengthStarts[length - 1] as number)
    yield
    const codeOrder = new Int32Array(count)
    const recordAt = new Int32Array(count)
    for (let position = 0; position < count; position += 1) {
      const length = lengths[position] as number
      const slot = lengthStarts[length] as number
      lengthStarts[length] = slot + 1
      codeOrder[position] = slot
      recordAt[slot] = order[position] as number
      if ((position & (STEP_UNITS - 1)) === 0) yield
    }
    const entityRoom = withSpare(count)
    const textRoom = withSpare(textTotal)
    let codeLength = 0
    for (let slot = 0; slot < count; slot += 1) codeLength += records.code(recordAt[slot] as number).length
    this.#codeUnits = new Uint16Array(codeLength)
    this.#codeEnds = new Int32Array(count)
    this.#addedCodes = []
    for (let slot = 0, at = 0; slot < count; slot += 1) {
      const code = records.code(recordAt[slot] as number)
      for (let i = 0; i < code.length; i += 1) this.#codeUnits[at + i] = code.charCodeAt(i)
      at += code.length
      this.#codeEnds[slot] = at
      if ((slot & (STEP_UNITS - 1)) === 0) yield
    }
    this.#firstText = new Int32Array(entityRoom)
    this.#formerFirst = new Int32Array(entityRoom)
    this.#textCount = new Int32Array(entityRoom)
    this.#baseEntities = count
    this.#codeOrder = codeOrder
    this.#addedSlots = new Map()
    this.#live = count
    this.#corpus = new Uint16Array(withSpare(corpusLength))
    this.#textStart = new Int32Array(textRoom + 1)
    this.#textTotal = 0
    this.#formerStart = count
    this.#textEntity = new Int32Array(textRoom)
    this.#regionEnd = new Uint8Array(textRoom)
    this.#marks = new Int32Array(entityRoom)
    this.#generation = 0
    yield
    // The current names in slot order, then the former names in slot order.
    for (let slot = 0; slot < count; slot += 1) {
      const record = recordAt[slot] as number
      this.#firstText[slot] = this.#textTotal
      this.#textCount[slot] = records.endText(record) - records.firstText(record)
      this.#place(records, records.firstText(record), slot)
      if ((slot & 1023) === 0) yield
    }
    for (let slot = 0; slot < count; slot += 1) {
      const record = recordAt[slot] as number
      this.#formerFirst[slot] = this.#textTotal
      for (let text = records.firstText(record) + 1; text < records.endText(record); text += 1) this.#place(records, text, slot)
      if ((slot & 1023) === 0) yield
    }
    this.#textTable = new Int32Array(2 ** Math.ceil(Math.log2(2 * textRoom)))
    this.#tableUsed = 0
    for (let t = 0; t < textTotal; t += 1) {
      this.#tablePut(t)
      if ((t & 1023) === 0) yield
    }
    yield* this.#loadGrams()
  }

  /** Appends a text of the records to the corpus, the slot's. */
  #place(records: EntityNameRecords, text: number, slot: number): void {
    const t = this.#textTotal
    const start = this.#textStart[t] as number
    const from = records.textStart(text)
    const to = records.textEnd(text)
    this.#corpus.set(records.units.subarray(from, to), start)
    this.#textStart[t + 1] = start + to - from
    this.#textEntity[t] = slot
    this.#regionEnd[t] = Math.min(0xff, regionPrefixLengthOf(this.#corpus, start, start + to - from))
    this.#textTotal = t + 1
  }

  /** Numbers the grams of every text and packs their lists: two passes, sizes and then bytes. */
  *#loadGrams(): Generator<undefined, void> {
    this.#charIds.fill(-1)
    this.#charCount = 0
    this.#pairIds = new PairTable()
    this.#pairFirst = new Int32Array(0)
    this.#pairSecond = new Int32Array(0)
    this.#addedPairsByFirst = new Map()
    this.#built = false
    const packers = {
      chars: new PostingListsPacker(this.#formerStart),
      pairs: new PostingListsPacker(this.#formerStart),
      headChars: new PostingListsPacker(this.#formerStart),
      headPairs: new PostingListsPacker(this.#formerStart),
      triples: new PostingListsPacker(this.#formerStart),
    }
    for (const pass of ['count', 'place']) {
      if (pass === 'place') {
        // Each allocates and clears its lists' bytes: a pause apiece.
        for (const packer of Object.values(packers)) {
          packer.startPlacing()
          yield
        }
      }
      let units = 0
      let chars = this.#charCount
      for (let t = 0; t < this.#textTotal; t += 1) {
        this.#visitGrams(t, packers)
        units += (this.#textStart[t + 1] as number) - (this.#textStart[t] as number)
        // A character met for the first time has its readings looked up, some tens of microseconds.
        if (units >= STEP_UNITS || this.#charCount - chars >= 16) {
          units = 0
          chars = this.#charCount
          yield
        }
      }
    }
    this.#chars = packers.chars.done()
    this.#pairs = packers.pairs.done()
    this.#headChars = packers.headChars.done()
    this.#headPairs = packers.headPairs.done()
    this.#triples = packers.triples.done()

    const pairs = this.#pairIds.size
    const starts = new Int32Array(this.#charCount + 1)
    for (let pair = 0; pair < pairs; pair += 1) increment(starts, (this.#pairFirst[pair] as number) + 1)
    for (let c = 1; c < starts.length; c += 1) starts[c] = (starts[c] as number) + (starts[c - 1] as number)
    yield
    const next = starts.slice(0, -1)
    const byFirst = new Int32Array(pairs)
    for (let pair = 0; pair < pairs; pair += 1) {
      const first = this.#pairFirst[pair] as number
      byFirst[next[first] as number] = pair
      increment(next, first)
      if ((pair & (STEP_UNITS - 1)) === 0) yield
    }
    this.#pairsByFirstStart = starts
    this.#pairsByFirst = byFirst
    this.#built = true
  }

  /** Sends the grams of text t to the sinks: its characters, pairs, heads and initials' triples. */
  #visitGrams(t: number, sinks: GramSinks): void {
    const corpus = this.#corpus
    const charIds = this.#charIds
    const start = this.#textStart[t] as number
    const end = this.#textStart[t + 1] as number
    const region = this.#regionEnd[t] as number
    let previous = -1
    // The initials of the two characters before this one.
    let older = 0
    let old = 0
    for (let at = start; at < end; at += 1) {
      const unit = corpus[at] as number
      let id = charIds[unit] as number
      if (id < 0) id = this.#newChar(unit)
      sinks.chars.add(id, t)
      const offset = at - start
      if (offset === 0 || (region > 0 && offset === region)) sinks.headChars.add(id, t)
      if (previous >= 0) {
        let pair = this.#pairIds.get(previous, id)
        if (pair < 0) pair = this.#newPair(previous, id, unit)
        sinks.pairs.add(pair, t)
        if (offset === 1 || (region > 0 && offset === region + 1)) sinks.headPairs.add(pair, t)
      }
      const initials = this.#charInitials[id] as number
      if (older !== 0 && old !== 0) addTriples(older, old, initials, t, sinks.triples)
      older = old
      old = initials
      previous = id
    }
    if (older !== 0 && old !== 0) addTriples(older, old, 0, t, sinks.triples)
  }

  #newChar(unit: number): number {
    const id = this.#charCount
    this.#charCount += 1
    this.#charIds[unit] = id
    this.#readings.learn(unit)
    this.#charInitials[id] = this.#readings.initials(unit)
    return id
  }

  #newPair(first: number, second: number, unit: number): number {
    const pair = this.#pairIds.size
    this.#pairIds.set(first, second, pair)
    this.#pairFirst = withRoom(this.#pairFirst, pair + 1)
    this.#pairSecond = withRoom(this.#pairSecond, pair + 1)
    this.#pairFirst[pair] = first
    this.#pairSecond[pair] = unit
    if (this.#built) {
      const siblings = this.#addedPairsByFirst.get(first)
      if (siblings === undefined) this.#addedPairsByFirst.set(first, [pair])
      else siblings.push(pair)
    }
    return pair
  }

  #tablePut(t: number): void {
    const table = this.#textTable
    const mask = table.length - 1
    let at = hashOf(this.#corpus, this.#textStart[t] as number, this.#textStart[t + 1] as number) & mask
    while (table[at] !== 0) at = (at + 1) & mask
    table[at] = t + 1
    this.#tableUsed += 1
  }

  // Changes

  #codeOf(slot: number): string {
    if (slot >= this.#baseEntities) return this.#addedCodes[slot - this.#baseEntities] as string
    return String.fromCharCode(...this.#codeUnits.subarray(slot === 0 ? 0 : this.#codeEnds[slot - 1], this.#codeEnds[slot]))
  }

  /** The build's slot's code against `code`, unit by unit as strings compare: below 0, 0 or above 0. */
  #compareCode(slot: number, code: string): number {
    const units = this.#codeUnits
    const start = slot === 0 ? 0 : (this.#codeEnds[slot - 1] as number)
    const length = (this.#codeEnds[slot] as number) - start
    for (let i = 0; i < length && i < code.length; i += 1) {
      const difference = (units[start + i] as number) - code.charCodeAt(i)
      if (difference !== 0) return difference
    }
    return length - code.length
  }

  /** Whether the slot's code starts with `prefix`, without making a string of it. */
  #codeStartsWith(slot: number, prefix: string): boolean {
    if (slot >= this.#baseEntities) return (this.#addedCodes[slot - this.#baseEntities] as string).startsWith(prefix)
    const start = slot === 0 ? 0 : (this.#codeEnds[slot - 1] as number)
    if ((this.#codeEnds[slot] as number) - start < prefix.length) return false
    for (let i = 0; i < prefix.length; i += 1) if (this.#codeUnits[start + i] !== prefix.charCodeAt(i)) return false
    return true
  }

  #slotOf(code: string): number | undefined {
    const added = this.#addedSlots.get(code)
    if (added !== undefined) return added
    const slot = this.#codeOrder[this.#firstCodeAtLeast(code)]
    return slot !== undefined && this.#compareCode(slot, code) === 0 && (this.#textCount[slot] as number) > 0 ? slot : undefined
  }

  /** The first place in the build's code order whose code is not below `code`. */
  #firstCodeAtLeast(code: string): number {
    let low = 0
    let high = this.#codeOrder.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#compareCode(this.#codeOrder[middle] as number, code) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  #textsOf(slot: number): string[] {
    const text = (t: number) => String.fromCharCode(...this.#corpus.subarray(this.#textStart[t], this.#textStart[t + 1]))
    const formerFirst = this.#formerFirst[slot] as number
    return [text(this.#firstText[slot] as number), ...Array.from({ length: (this.#textCount[slot] as number) - 1 }, (_, i) => text(formerFirst + i))]
  }

  #sameTexts(slot: number, texts: readonly string[]): boolean {
    const held = this.#textsOf(slot)
    return held.length === texts.length && texts.every((text, i) => held[i] === text)
  }

  /** Leaves the slot's texts in the lists, where the empty slot makes searches pass over them. */
  #empty(slot: number): void {
    this.#textCount[slot] = 0
    this.#marks[slot] = GONE
    this.#live -= 1
  }

  #append(code: string, texts: readonly string[]): void {
    const slot = this.#baseEntities + this.#addedCodes.length
    this.#addedCodes.push(code)
    this.#firstText = withRoom(this.#firstText, slot + 1)
    this.#formerFirst = withRoom(this.#formerFirst, slot + 1)
    this.#textCount = withRoom(this.#textCount, slot + 1)
    this.#marks = withRoom(this.#marks, slot + 1)
    this.#firstText[slot] = this.#textTotal
    this.#formerFirst[slot] = this.#textTotal + 1
    this.#textCount[slot] = texts.length
    this.#addedSlots.set(code, slot)
    this.#live += 1
    const lists: GramSinks = { chars: this.#chars, pairs: this.#pairs, headChars: this.#headChars, headPairs: this.#headPairs, triples: this.#triples }
    for (const text of texts) {
      const t = this.#textTotal
      const start = this.#textStart[t] as number
      this.#textTotal += 1
      this.#textStart = withRoom(this.#textStart, t + 2)
      this.#textStart[t + 1] = start + text.length
      this.#corpus = withRoomForUnits(this.#corpus, start + text.length)
      for (let i = 0; i < text.length; i += 1) this.#corpus[start + i] = text.charCodeAt(i)
      this.#textEntity = withRoom(this.#textEntity, t + 1)
      this.#regionEnd = withRoomForBytes(this.#regionEnd, t + 1)
      this.#textEntity[t] = slot
      this.#regionEnd[t] = Math.min(0xff, regionPrefixLengthOf(this.#corpus, start, start + text.length))
      this.#visitGrams(t, lists)
      if ((this.#tableUsed + 1) * 2 > this.#textTable.length) this.#rehash()
      this.#tablePut(t)
    }
  }

  /** A table twice the size, holding the live texts. */
  #rehash(): void {
    this.#textTable = new Int32Array(this.#textTable.length * 2)
    this.#tableUsed = 0
    for (let t = 0; t < this.#textTotal; t += 1) if ((this.#textCount[this.#textEntity[t] as number] as number) > 0) this.#tablePut(t)
  }

  // Matching

  #begin(wanted: number, formerNames: boolean): void {
    if (this.#generation === LAST_GENERATION) {
      for (let entity = 0; entity < this.#baseEntities + this.#addedCodes.length; entity += 1) if (this.#marks[entity] !== GONE) this.#marks[entity] = 0
      this.#generation = 0
    }
    this.#generation += 1
    this.#hitCount = 0
    this.#rankCounts.fill(0)
    this.#wanted = wanted
    this.#formerNames = formerNames
    this.#saturated = false
    this.#codePrefix = ''
  }

  /** Each way the query may match, best rank first, until the page and the match limit are found. */
  #find(parsed: NameQuery): void {
    const text = unitsOf(parsed.text)
    this.#matchExact(text)
    if (parsed.code !== undefined) this.#matchCode(parsed.code)
    const grams = this.#gramsOf(text)
    if (grams !== undefined && (this.#matchPrefix(text, grams) || this.#matchSubstring(text, grams))) return
    if (parsed.words.length > 0 && this.#matchWords(parsed.words.map(unitsOf))) return
    if (parsed.letters !== undefined) this.#matchPinyin(this.#readings.spellings(parsed.letters))
  }

  /** Whether a text of the entity could still bring it to rank `best`: it is live, not seen doing as well, and not ranked better by its code already. */
  #worth(entity: number, best: number): boolean {
    const mark = this.#marks[entity] as number
    if (mark === GONE || (mark >> 4 === this.#generation && (mark & 15) <= best)) return false
    return !(this.#saturated && best > PREFIX_RANK && this.#codeStartsWith(entity, this.#codePrefix))
  }

  #hit(entity: number, rank: number): void {
    const mark = this.#marks[entity] as number
    if (mark >> 4 === this.#generation) {
      const was = mark & 15
      if (was > rank) {
        this.#marks[entity] = (this.#generation << 4) | rank
        this.#rankCounts[was] = (this.#rankCounts[was] as number) - 1
        increment(this.#rankCounts, rank)
      }
      return
    }
    this.#marks[entity] = (this.#generation << 4) | rank
    increment(this.#rankCounts, rank)
    this.#hits = withRoom(this.#hits, this.#hitCount + 1)
    this.#hits[this.#hitCount] = entity
    this.#hitCount += 1
  }

  #isFormer(text: number, entity: number): boolean {
    return text !== this.#firstText[entity]
  }

  /** Whether the search may stop: `ahead` hits precede everything not yet found, and it has the page and the match limit. */
  #enough(ahead: number): boolean {
    return ahead >= this.#wanted && (this.#saturated || this.#hitCount >= this.#matchLimit)
  }

  /** The grams of a piece of text, distinct: its character, or its pairs in order; undefined when one is in no text. */
  #gramsOf(text: Uint16Array): Gram[] | undefined {
    if (text.length === 1) {
      const id = this.#charIds[text[0] as number] as number
      return id < 0 ? undefined : [{ lists: this.#chars, list: id }]
    }
    const grams = new Map<number, Gram>()
    for (let i = 0; i + 1 < text.length; i += 1) {
      const first = this.#charIds[text[i] as number] as number
      const second = this.#charIds[text[i + 1] as number] as number
      const pair = first < 0 || second < 0 ? -1 : this.#pairIds.get(first, second)
      if (pair < 0) return undefined
      grams.set(pair, { lists: this.#pairs, list: pair })
    }
    return [...grams.values()]
  }

  /**
   * A cursor over the texts of a part of the lists on every term, or on those enough to narrow the
   * shortest (the caller confirms the rest); undefined when the part has none.
   */
  #stream(terms: readonly Term[], segment: Segment): Cursor | undefined {
    const sized = terms
      .map((term) => ({ term, count: term.reduce((sum, gram) => sum + gram.lists.count(gram.list, segment), 0) }))
      .sort((a, b) => a.count - b.count)
    const lead = sized[0]
    if (lead === undefined || lead.count === 0) return undefined
    const cursors: Cursor[] = []
    for (const { term, count } of sized) {
      if (cursors.length > 0 && (lead.count <= NARROW_FROM || count > NARROW_RATIO * lead.count)) break
      const grams = term.flatMap((gram) => gram.lists.cursor(gram.list, segment) ?? [])
      cursors.push(grams.length === 1 ? (grams[0] as Cursor) : new UnionCursor(grams))
    }
    return cursors.length === 1 ? cursors[0] : new IntersectCursor(cursors)
  }

  /**
   * Hits the texts of one way of matching that `accept` confirms (all of them without it), ranking
   * `rank` (a former name one below): first every text added since the build; then the build's
   * current names and then its former names, each in order, so best first, until the search has
   * enough. Returns whether it has.
   */
  #scan(streamOf: (segment: Segment) => Cursor | undefined, rank: number, accept?: (t: number) => boolean): boolean {
    const added = streamOf(ADDED)
    if (added !== undefined) {
      for (let t = added.next(); t !== DONE; t = added.next()) {
        const entity = this.#textEntity[t] as number
        const former = this.#isFormer(t, entity)
        if (former && !this.#formerNames) continue
        if (this.#worth(entity, rank + (former ? 1 : 0)) && (accept === undefined || accept(t))) this.#hit(entity, rank + (former ? 1 : 0))
      }
    }
    if (this.#inOrder(streamOf(CURRENT), CURRENT, rank, accept)) return true
    return this.#formerNames && this.#inOrder(streamOf(FORMER), FORMER, rank + 1, accept)
  }

  /**
   * Hits the texts of a part of the build: every one ranks `rank`, and they come best first. Once
   * the hits ranking better and those found here are the page, nothing left can change it.
   */
  #inOrder(stream: Cursor | undefined, segment: Segment, rank: number, accept: ((t: number) => boolean) | undefined): boolean {
    let ahead = 0
    for (let better = 0; better < rank; better += 1) ahead += this.#rankCounts[better] as number
    if (this.#enough(ahead)) return true
    if (stream === undefined) return false
    for (let t = stream.next(); t !== DONE; t = stream.next()) {
      // Text s of the build's current names is slot s's.
      const entity = segment === CURRENT ? t : (this.#textEntity[t] as number)
      if (!this.#worth(entity, rank) || (accept !== undefined && !accept(t))) continue
      this.#hit(entity, rank)
      ahead += 1
      if (this.#enough(ahead)) return true
    }
    return false
  }

  /** Texts equal to the query, from the table. */
  #matchExact(query: Uint16Array): void {
    const table = this.#textTable
    const mask = table.length - 1
    const corpus = this.#corpus
    for (let at = hashOf(query, 0, query.length) & mask; table[at] !== 0; at = (at + 1) & mask) {
      const t = (table[at] as number) - 1
      const start = this.#textStart[t] as number
      if ((this.#textStart[t + 1] as number) - start !== query.length || !holdsAt(corpus, start, start + query.length, query)) continue
      const entity = this.#textEntity[t] as number
      const former = this.#isFormer(t, entity)
      if (former && !this.#formerNames) continue
      if (this.#worth(entity, rankOf(EXACT, former))) this.#hit(entity, rankOf(EXACT, former))
    }
  }

  #matchCode(prefix: string): void {
    for (const [code, slot] of this.#addedSlots) {
      const rank = code === prefix ? EXACT_RANK : PREFIX_RANK
      if (code.startsWith(prefix) && this.#worth(slot, rank)) this.#hit(slot, rank)
    }
    // Codes starting with the prefix lie between it and it followed by the highest unit.
    const from = this.#firstCodeAtLeast(prefix)
    const to = this.#firstCodeAtLeast(`${prefix}\uffff`)
    if (to - from > 2 * this.#matchLimit) {
      const first = this.#firstLive(from, to)
      if (first !== undefined) {
        // More than the search counts: only the first by name length and code can be on the page.
        this.#saturated = true
        this.#codePrefix = prefix
        const exact = this.#codeOrder[from] as number
        if (this.#compareCode(exact, prefix) === 0 && this.#worth(exact, EXACT_RANK)) this.#hit(exact, EXACT_RANK)
        for (const slot of first) if (this.#worth(slot, PREFIX_RANK)) this.#hit(slot, PREFIX_RANK)
        return
      }
    }
    for (let at = from; at < to; at += 1) {
      const slot = this.#codeOrder[at] as number
      // Only the first can be the prefix itself: it sorts before every longer code.
      const rank = at === from && this.#compareCode(slot, prefix) === 0 ? EXACT_RANK : PREFIX_RANK
      if (this.#worth(slot, rank)) this.#hit(slot, rank)
    }
  }

  /** The first `#wanted` live slots of the code positions from..to; undefined when fewer than the match limit live there. */
  #firstLive(from: number, to: number): Int32Array | undefined {
    const wanted = this.#wanted
    let buffer = new Int32Array(Math.max(64, 2 * wanted))
    let size = 0
    // Slots from the threshold on cannot be among the first: the buffer holds that many below it.
    let threshold = wanted === 0 ? -1 : DONE
    let live = 0
    for (let at = from; at < to; at += 1) {
      const slot = this.#codeOrder[at] as number
      if (this.#textCount[slot] === 0) continue
      live += 1
      if (slot >= threshold) continue
      buffer[size] = slot
      size += 1
      if (size === buffer.length) {
        buffer.sort()
        size = wanted
        threshold = buffer[wanted - 1] as number
      }
    }
    if (live < this.#matchLimit) return undefined
    buffer = buffer.subarray(0, size).sort()
    return buffer.subarray(0, Math.min(wanted, size))
  }

  /** Texts starting with the query, or holding it right after the region. */
  #matchPrefix(query: Uint16Array, grams: readonly Gram[]): boolean {
    const first = grams[0] as Gram
    const head: Gram = query.length === 1 ? { lists: this.#headChars, list: first.list } : { lists: this.#headPairs, list: first.list }
    // Up to two characters, being on the head's list is starting with the query.
    const confirm = query.length > 2
    const terms: Term[] = [[head], ...(confirm ? grams.map((gram) => [gram]) : [])]
    const corpus = this.#corpus
    return this.#scan(
      (segment) => this.#stream(terms, segment),
      rankOf(PREFIX, false),
      confirm
        ? (t) => {
            const start = this.#textStart[t] as number
            const end = this.#textStart[t + 1] as number
            const region = this.#regionEnd[t] as number
            return holdsAt(corpus, start, end, query) || (region > 0 && holdsAt(corpus, start + region, end, query))
          }
        : undefined,
    )
  }

  /** Texts holding the query anywhere. */
  #matchSubstring(query: Uint16Array, grams: readonly Gram[]): boolean {
    // Up to two characters, being on the list is holding the query.
    const confirm = query.length > 2
    const terms = grams.map((gram) => [gram])
    const corpus = this.#corpus
    return this.#scan(
      (segment) => this.#stream(terms, segment),
      rankOf(SUBSTRING, false),
      confirm ? (t) => holds(corpus, this.#textStart[t] as number, this.#textStart[t + 1] as number, query) : undefined,
    )
  }

  /** Texts holding every word, in any order. */
  #matchWords(words: readonly Uint16Array[]): boolean {
    const grams = new Map<number, Gram>()
    for (const word of words) {
      const found = this.#gramsOf(word)
      if (found === undefined) return false
      for (const gram of found) grams.set(gram.lists === this.#chars ? -1 - gram.list : gram.list, gram)
    }
    const terms = [...grams.values()].map((gram) => [gram])
    const corpus = this.#corpus
    return this.#scan(
      (segment) => this.#stream(terms, segment),
      rankOf(ALL_WORDS, false),
      (t) => {
        const start = this.#textStart[t] as number
        const end = this.#textStart[t + 1] as number
        return words.every((word) => holds(corpus, start, end, word))
      },
    )
  }

  /** Texts with a run of characters, one from each class in turn, of any of the spellings. */
  #matchPinyin(spellings: readonly PinyinSpelling[]): void {
    const usable: Array<{ terms: readonly Term[]; exact: boolean; masks: Uint32Array; length: number }> = []
    spellings.forEach((spelling, s) => {
      const { classes } = spelling
      if (classes.length > 32) return
      let masks = this.#spellingMasks[s]
      if (masks === undefined) {
        masks = new Uint32Array(0x10000)
        this.#spellingMasks[s] = masks
      }
      classes.forEach((chars, k) => {
        for (const unit of chars) masks[unit] = (masks[unit] as number) | (1 << k)
      })
      const found = this.#spellingTerms(spelling, masks)
      if (found !== undefined) usable.push({ ...found, masks, length: classes.length })
    })
    const corpus = this.#corpus
    this.#scan(
      (segment) => {
        const cursors = usable.flatMap(({ terms }) => this.#stream(terms, segment) ?? [])
        return cursors.length <= 1 ? cursors[0] : new UnionCursor(cursors)
      },
      rankOf(PINYIN, false),
      usable.every(({ exact }) => exact)
        ? undefined
        : (t) => {
            const start = this.#textStart[t] as number
            const end = this.#textStart[t + 1] as number
            return usable.some(({ masks, length }) => spells(corpus, start, end, masks, length))
          },
    )
    spellings.forEach(({ classes }, s) => {
      const masks = this.#spellingMasks[s]
      if (masks !== undefined) for (const chars of classes) for (const unit of chars) masks[unit] = 0
    })
  }

  /**
   * The lists a spelling's texts are on, as terms to intersect, and whether every text on all of
   * them spells it; undefined when no text can. One place: its characters'. Two: the pairs of the
   * first place's characters that the second may follow (`masks` holds the spelling), or, when
   * the first place has too many, the letter triples starting with the two initials. More: the
   * letter triples of every three places in a row.
   */
  #spellingTerms(spelling: PinyinSpelling, masks: Uint32Array): { terms: Term[]; exact: boolean } | undefined {
    const { parts, classes } = spelling
    const letter = (k: number) => (parts[k] as string).charCodeAt(0) - 0x61
    const triple = (a: number, b: number, c: number): Gram => ({ lists: this.#triples, list: (a * LETTERS + b) * (LETTERS + 1) + c })
    // Initials alone are what the triples list: three places or fewer are found exactly.
    const initials = parts.every((part) => part.length === 1)
    if (classes.length === 1) {
      const term: Gram[] = []
      for (const unit of classes[0] ?? []) {
        const id = this.#charIds[unit] as number
        if (id >= 0) term.push({ lists: this.#chars, list: id })
      }
      return term.length === 0 ? undefined : { terms: [term], exact: true }
    }
    if (classes.length === 2) {
      const pairs = this.#pairsSpelled(classes[0] ?? [], masks)
      if (pairs !== undefined) return pairs.length === 0 ? undefined : { terms: [pairs], exact: true }
      return { terms: [Array.from({ length: LETTERS + 1 }, (_, c) => triple(letter(0), letter(1), c))], exact: initials }
    }
    const lists = new Set<number>()
    for (let k = 0; k + 2 < classes.length; k += 1) lists.add(triple(letter(k), letter(k + 1), letter(k + 2)).list)
    return { terms: [...lists].map((list) => [{ lists: this.#triples, list }]), exact: initials && classes.length === 3 }
  }

  /** The pairs of the characters of `first` followed by a character of place 1 of `masks`; undefined when they are too many to go through. */
  #pairsSpelled(first: readonly number[], masks: Uint32Array): Gram[] | undefined {
    const starts = this.#pairsByFirstStart
    const ids = first.map((unit) => this.#charIds[unit] as number).filter((id) => id >= 0)
    let span = 0
    for (const id of ids)
      span += (id + 1 < starts.length ? (starts[id + 1] as number) - (starts[id] as number) : 0) + (this.#addedPairsByFirst.get(id)?.length ?? 0)
    if (span > PAIRS_SPELLED_UP_TO) return undefined
    const grams: Gram[] = []
    const take = (pair: number) => {
      if (((masks[this.#pairSecond[pair] as number] as number) & 2) !== 0) grams.push({ lists: this.#pairs, list: pair })
    }
    for (const id of ids) {
      if (id + 1 < starts.length) for (let at = starts[id] as number, end = starts[id + 1] as number; at < end; at += 1) take(this.#pairsByFirst[at] as number)
      for (const pair of this.#addedPairsByFirst.get(id) ?? []) take(pair)
    }
    return grams
  }

  // Paging

  /** The page of hits by rank, then name length, then code. */
  #page(offset: number, limit: number): NameSearchResult {
    const found = this.#hitCount
    const total = this.#saturated ? this.#matchLimit : Math.min(found, this.#matchLimit)
    const end = Math.min(total, found, offset + limit)
    const codes: string[] = []
    if (offset >= end) return { codes, total }
    const starts = new Int32Array(RANK_COUNT + 1)
    for (let rank = 0; rank < RANK_COUNT; rank += 1) starts[rank + 1] = (starts[rank] as number) + (this.#rankCounts[rank] as number)
    // Hits by rank, each rank in the order found.
    this.#ordered = withRoom(this.#ordered, found)
    const ordered = this.#ordered
    const next = starts.slice(0, -1)
    for (let i = 0; i < found; i += 1) {
      const entity = this.#hits[i] as number
      const rank = (this.#marks[entity] as number) & 15
      ordered[next[rank] as number] = entity
      increment(next, rank)
    }
    for (let rank = 0; rank < RANK_COUNT; rank += 1) {
      const from = starts[rank] as number
      const to = starts[rank + 1] as number
      if (to <= offset || from >= end) continue
      const group = this.#inRankOrder(ordered.subarray(from, to), Math.min(to, end) - from)
      for (let at = Math.max(from, offset); at < Math.min(to, end); at += 1) codes.push(this.#codeOf(group[at - from] as number))
    }
    return { codes, total }
  }

  /**
   * The first `count` entities of one rank by name length, then code. The build's slots are in
   * that order already, and a list read in order finds them so; those added since are picked and
   * merged in. Reorders `group`.
   */
  #inRankOrder(group: Int32Array, count: number): ArrayLike<number> {
    // The build's slots to the front, in the order found; the added ones aside.
    const added: number[] = []
    let built = 0
    let ascending = true
    for (let i = 0; i < group.length; i += 1) {
      const entity = group[i] as number
      if (entity >= this.#baseEntities) {
        added.push(entity)
        continue
      }
      if (built > 0 && entity < (group[built - 1] as number)) ascending = false
      group[built] = entity
      built += 1
    }
    const first = ascending ? group.subarray(0, built) : group.subarray(0, built).sort()
    if (added.length === 0) return first
    const firstAdded = this.#firstAdded(added, count)
    const merged = new Int32Array(Math.min(count, group.length))
    let i = 0
    let j = 0
    for (let at = 0; at < merged.length; at += 1) {
      const takeBuilt = j >= firstAdded.length || (i < first.length && this.#compare(first[i] as number, firstAdded[j] as number) <= 0)
      merged[at] = takeBuilt ? (first[i++] as number) : (firstAdded[j++] as number)
    }
    return merged
  }

  /** The first `count` of entities added since the build, in order: kept sorted as they come when the page is short. */
  #firstAdded(added: number[], count: number): number[] {
    const compare = (a: number, b: number) => this.#compare(a, b)
    if (added.length <= count || count > 1024) return added.sort(compare).slice(0, count)
    const first: number[] = []
    for (const entity of added) {
      if (first.length === count && compare(entity, first[count - 1] as number) >= 0) continue
      let low = 0
      let high = first.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if (compare(first[middle] as number, entity) <= 0) low = middle + 1
        else high = middle
      }
      first.splice(low, 0, entity)
      if (first.length > count) first.pop()
    }
    return first
  }

  /** Entities by name length, then code. */
  #compare(a: number, b: number): number {
    const byLength = this.#nameLength(a) - this.#nameLength(b)
    if (byLength !== 0) return byLength
    const codeA = this.#codeOf(a)
    const codeB = this.#codeOf(b)
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0
  }

  #nameLength(entity: number): number {
    const first = this.#firstText[entity] as number
    return (this.#textStart[first + 1] as number) - (this.#textStart[first] as number)
  }
}

import { normaliseName, parseNameQuery, PinyinReadings, regionPrefixLength, type CharClass } from './name-terms.js'

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
   * Entities it returns false for are left out of the page and the total. Called once for every
   * matching entity while the search runs, so it must not search the same index.
   */
  readonly filter?: (code: string) => boolean
}

export interface NameSearchResult {
  /** Best first. */
  readonly codes: string[]
  /** Every matching entity, however far down. */
  readonly total: number
}

/** An entity as loaded: its code and its normalised texts, the current name first. */
interface NameRecord {
  readonly code: string
  readonly texts: readonly string[]
}

// How a text matches a query, best first. An entity ranks by its best text, each former name one
// place below the current name matching in the same way: rank = match × 2 + (former ? 1 : 0).
const EXACT = 0
const PREFIX = 1
const SUBSTRING = 2
const ALL_WORDS = 3
const PINYIN = 4
const RANK_COUNT = 10
/** The rank of an entity the search's filter left out. */
const FILTERED = 0xff

function rankOf(match: number, former: boolean): number {
  return match * 2 + (former ? 1 : 0)
}

function byCode(a: NameRecord, b: NameRecord): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/** Room for `size`, growing by a quarter at least: a copy of a large array costs more than the spare room. */
function grownLength(length: number, size: number): number {
  return Math.max(size, length + (length >>> 2) + 1024)
}

/** A length with an eighth to spare. */
function withSpare(length: number): number {
  return length + (length >>> 3) + 1024
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

function increment(array: Int32Array, at: number): void {
  array[at] = (array[at] as number) + 1
}

function gapBytes(gap: number): number {
  return gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5
}

/**
 * Lists of ascending text numbers, one per gram. Those of the last build are packed as the gaps
 * between numbers in 7-bit groups, most taking one or two bytes instead of four; texts added
 * since are appended to plain arrays.
 */
class PostingLists {
  /** List `l` of the build is `#bytes[#offsets[l]]` up to `#bytes[#offsets[l + 1]]`. */
  readonly #offsets: Int32Array
  readonly #counts: Int32Array
  readonly #bytes: Uint8Array
  readonly #added = new Map<number, number[]>()

  constructor(offsets: Int32Array, counts: Int32Array, bytes: Uint8Array) {
    this.#offsets = offsets
    this.#counts = counts
    this.#bytes = bytes
  }

  count(list: number): number {
    const built = list < this.#counts.length ? (this.#counts[list] as number) : 0
    return this.#added.size === 0 ? built : built + (this.#added.get(list)?.length ?? 0)
  }

  /** Writes the list's texts, ascending, into `into` (room for `count(list)`); returns how many. */
  read(list: number, into: Int32Array): number {
    let size = 0
    if (list < this.#counts.length) {
      const bytes = this.#bytes
      const end = this.#offsets[list + 1] as number
      let text = -1
      for (let at = this.#offsets[list] as number; at < end; ) {
        let byte = bytes[at] as number
        at += 1
        let gap = byte & 0x7f
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = bytes[at] as number
          at += 1
          gap |= (byte & 0x7f) << shift
        }
        text += gap
        into[size] = text
        size += 1
      }
    }
    for (const text of this.#added.get(list) ?? []) {
      into[size] = text
      size += 1
    }
    return size
  }

  /** Adds a text numbered above every text already listed (a second time in a row is once). */
  add(list: number, text: number): void {
    const texts = this.#added.get(list)
    if (texts === undefined) this.#added.set(list, [text])
    else if (texts[texts.length - 1] !== text) texts.push(text)
  }
}

/**
 * Packs posting lists from two identical passes over (list, text) visits, texts ascending and a
 * text visiting a list any number of times: `count` sizes every list, then `place` writes them.
 */
class PostingListsPacker {
  /** Per list: the last text visited, plus one (0: none yet). */
  #lastPlusOne = new Int32Array(1024)
  #counts = new Int32Array(1024)
  /** Per list: its size in bytes while counting, where it is written to while placing. */
  #ends = new Int32Array(1024)
  #offsets = new Int32Array(0)
  #bytes = new Uint8Array(0)
  #lists = 0

  count(list: number, text: number): void {
    if (list >= this.#lists) {
      this.#lists = list + 1
      this.#lastPlusOne = withRoom(this.#lastPlusOne, this.#lists)
      this.#counts = withRoom(this.#counts, this.#lists)
      this.#ends = withRoom(this.#ends, this.#lists)
    }
    const last = this.#lastPlusOne[list] as number
    if (last === text + 1) return
    this.#lastPlusOne[list] = text + 1
    this.#counts[list] = (this.#counts[list] as number) + 1
    this.#ends[list] = (this.#ends[list] as number) + gapBytes(text + 1 - last)
  }

  /** Ends counting: from here on, `place` the same visits again. */
  startPlacing(): void {
    this.#offsets = new Int32Array(this.#lists + 1)
    for (let list = 0; list < this.#lists; list += 1) {
      const size = this.#ends[list] as number
      this.#ends[list] = this.#offsets[list] as number
      this.#offsets[list + 1] = (this.#offsets[list] as number) + size
    }
    this.#bytes = new Uint8Array(this.#offsets[this.#lists] as number)
    this.#lastPlusOne.fill(0)
  }

  place(list: number, text: number): void {
    const last = this.#lastPlusOne[list] as number
    if (last === text + 1) return
    this.#lastPlusOne[list] = text + 1
    let gap = text + 1 - last
    let at = this.#ends[list] as number
    while (gap >= 0x80) {
      this.#bytes[at] = (gap & 0x7f) | 0x80
      at += 1
      gap >>>= 7
    }
    this.#bytes[at] = gap
    this.#ends[list] = at + 1
  }

  done(): PostingLists {
    return new PostingLists(this.#offsets, this.#counts.slice(0, this.#lists), this.#bytes)
  }
}

/** One gram's list: a character's or a pair's, and how many texts it holds. */
interface Gram {
  readonly lists: PostingLists
  readonly list: number
  readonly count: number
}

/** Lists taken together, and how many texts they hold in all. */
interface Union {
  readonly grams: Gram[]
  readonly count: number
}

// A list narrows the candidates when they are more than NARROW_FROM and it is at most NARROW_RATIO
// times as long: reading a number from a list costs a few nanoseconds, confirming a text by its
// characters a cache miss, some hundred.
const NARROW_FROM = 64
const NARROW_RATIO = 16

/** Keeps in `a` (its first `aSize`) the numbers also in `b` (its first `bSize`), both ascending; returns how many. */
function intersect(a: Int32Array, aSize: number, b: Int32Array, bSize: number): number {
  let kept = 0
  let j = 0
  for (let i = 0; i < aSize && j < bSize; i += 1) {
    const number = a[i] as number
    while (j < bSize && (b[j] as number) < number) j += 1
    if (j < bSize && b[j] === number) {
      a[kept] = number
      kept += 1
    }
  }
  return kept
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

/** Normalised texts of an entry: its name first, then each former name not already there. */
function recordOf(entry: NameEntry): NameRecord {
  const texts = [normaliseName(entry.name)]
  for (const former of entry.formerNames) {
    const text = normaliseName(former)
    if (text !== '' && !texts.includes(text)) texts.push(text)
  }
  return { code: entry.code, texts }
}

/** Slots of the build found out of order are sorted up to this many; more are marked and counted up to. */
const SORTED_UP_TO = 1024

/** A pair's key is its first character's number × this + its second's: a small integer below 32 768 characters. */
const PAIR_KEY_BASE = 0x10000

/**
 * An in-memory name search over the legal-person registry (法人库): any piece of a current or
 * former name, the words of a query in any order, full pinyin and initials, and the start of a
 * credit code.
 *
 * Names are kept normalised, numbered as texts, their characters end to end in one typed array;
 * an inverted index lists, for every character and every pair of adjacent characters, the texts
 * holding it. A query reads the shortest list of its grams (narrowed by the next shortest when it
 * is long) and confirms each text there by its characters, so a search costs about the texts
 * holding its rarest pairs, not the registry's size. Pinyin is matched against the characters
 * themselves: each place of the query is a class of characters (those read hua), and the pairs of
 * two classes come from the same pair lists, so pinyin costs no index of its own.
 *
 * Results rank: exact name or code, prefix of the name (also after a leading 辽宁省/沈阳市) or of
 * the code, piece of the name, all words, pinyin; a former name just below the current name;
 * then the shorter name, then the code.
 *
 * A build numbers entities in that last order, so most of the sorting is done once. Upserts and
 * removals change plain arrays beside the packed lists, at the cost of the grams of the names
 * changed; `compact` folds them in when many have gathered.
 *
 * @example
 * const index = EntityNameIndex.build([{ code: '91210100MA0XXXXXX1', name: '沈阳华信机械制造有限公司', formerNames: [] }])
 * index.search('机械 华信', { limit: 20, offset: 0 }) // { codes: ['91210100MA0XXXXXX1'], total: 1 }
 */
export class EntityNameIndex {
  readonly #readings = new PinyinReadings()

  // Entities by slot. Slots below #baseEntities came from the last build, numbered by name length
  // then code; an upsert always takes a new slot above them and empties the old one.
  #codes: string[] = []
  #firstText = new Int32Array(0)
  /** 0 once the entity is removed or replaced. */
  #textCount = new Int32Array(0)
  #baseEntities = 0
  /** The slots of the build, by code. */
  #codeOrder = new Int32Array(0)
  /** Codes written since the build, and their slots. */
  #addedSlots = new Map<string, number>()
  #live = 0

  // Texts by number: each entity's current name, then its former names, in slot order, their
  // characters one after another in #corpus, so that the texts a search reads lie in order.
  #corpus = new Uint16Array(0)
  /** Text t is `#corpus[#textStart[t]]` up to `#textStart[t + 1]`. */
  #textStart = new Int32Array(1)
  #textTotal = 0
  #textEntity = new Int32Array(0)
  /** How many characters of the text a leading province or city name takes. */
  #regionEnd = new Uint8Array(0)
  // The pairs a text starts with, before and after the region (-1: none), so that ranking the
  // hits of a two-character query, the commonest kind, never reads the texts themselves.
  #headPair = new Int32Array(0)
  #regionPair = new Int32Array(0)

  // Grams: characters (UTF-16 units) numbered as met, pairs of character numbers too.
  #charIds = new Int32Array(0x10000).fill(-1)
  #charCount = 0
  #pairIds = new Map<number, number>()
  /** Per pair: its second character (the unit). */
  #pairSecond = new Int32Array(0)
  /** The build's pairs by first character: those of character c are `#pairsByFirst[#pairsByFirstStart[c]]` on. */
  #pairsByFirstStart = new Int32Array(1)
  #pairsByFirst = new Int32Array(0)
  #addedPairsByFirst = new Map<number, number[]>()
  #chars = new PostingLists(new Int32Array(1), new Int32Array(0), new Uint8Array(0))
  #pairs = new PostingLists(new Int32Array(1), new Int32Array(0), new Uint8Array(0))

  // Scratch of the search in progress (searches are synchronous: one at a time). An entity
  // stamped with the generation has been seen, and matches as well as its rank says.
  #stamps = new Int32Array(0)
  #ranks = new Uint8Array(0)
  #generation = 0
  #hits = new Int32Array(1024)
  #hitCount = 0
  #ordered = new Int32Array(1024)
  /** Per slot of the build: 1 while it is among those `#smallest` picks from. */
  #marks = new Uint8Array(0)
  #filter: ((code: string) => boolean) | undefined
  #read = new Int32Array(1024)
  #other = new Int32Array(1024)
  /** Per text: how many of the lists narrowing a pinyin spelling's candidates it is on so far. */
  #textMarks = new Uint8Array(0)
  /** Per character: bit k set when it may stand at place k of the pinyin spelling being matched. */
  readonly #masks = new Uint32Array(0x10000)

  private constructor() {}

  /**
   * An index of the entries; of two entries with one code, the later counts.
   *
   * @example
   * const index = EntityNameIndex.build(entries) // 1 000 000 names: about 8 s on two cores
   */
  static build(entries: Iterable<NameEntry>): EntityNameIndex {
    const index = new EntityNameIndex()
    const records: NameRecord[] = []
    for (const entry of entries) records.push(recordOf(entry))
    index.#load(uniqueByCode(records))
    return index
  }

  /** How many entities the index holds. */
  get size(): number {
    return this.#live
  }

  /**
   * Upserts that changed something since the last build or compaction: each left its entity's
   * old texts behind and its new ones beside the packed lists.
   *
   * @example
   * if (index.changesSinceCompaction > index.size / 8) index.compact()
   */
  get changesSinceCompaction(): number {
    return this.#codes.length - this.#baseEntities
  }

  /**
   * Adds an entity or replaces the one with its code: work in proportion to its names' length.
   *
   * @example
   * index.upsert({ code, name: '沈阳华信重工有限公司', formerNames: ['沈阳华信机械制造有限公司'] })
   */
  upsert(entry: NameEntry): void {
    const record = recordOf(entry)
    const slot = this.#slotOf(entry.code)
    if (slot !== undefined) {
      if (this.#sameTexts(slot, record.texts)) return
      this.#empty(slot)
    }
    this.#append(record)
  }

  /** Removes the entity with the code, if there is one. */
  remove(code: string): void {
    const slot = this.#slotOf(code)
    if (slot === undefined) return
    this.#empty(slot)
    this.#addedSlots.delete(code)
  }

  /**
   * Rebuilds the packed lists from the entities now held, folding in what upserts and removals
   * left beside them. Takes as long as a build: call it when changes have piled up, not per change.
   */
  compact(): void {
    const records: NameRecord[] = []
    const keep = (slot: number) => {
      if ((this.#textCount[slot] as number) > 0) records.push({ code: this.#codes[slot] as string, texts: this.#textsOf(slot) })
    }
    this.#codeOrder.forEach(keep)
    for (const slot of this.#addedSlots.values()) keep(slot)
    this.#load(records.sort(byCode))
  }

  /**
   * The codes of the entities matching the query, best first, and how many match in all.
   * An empty query, or one of spaces only, matches nothing.
   *
   * @example
   * index.search('hxjx', { limit: 10, offset: 0, filter: (code) => code.startsWith('91') })
   */
  search(query: string, options: NameSearchOptions): NameSearchResult {
    const parsed = parseNameQuery(query)
    if (parsed === undefined) return { codes: [], total: 0 }
    this.#begin(options.filter)
    try {
      if (parsed.code !== undefined) this.#matchCode(parsed.code)
      this.#matchText(unitsOf(parsed.text))
      if (parsed.words.length > 0) this.#matchWords(parsed.words.map(unitsOf))
      if (parsed.letters !== undefined) for (const spelling of this.#readings.spellings(parsed.letters)) this.#matchSpelling(spelling)
    } finally {
      this.#filter = undefined
    }
    return this.#page(Math.max(0, Math.trunc(options.offset) || 0), Math.max(0, Math.trunc(options.limit) || 0))
  }

  // Loading

  /** Replaces everything with the records, which are sorted by code, one per code. */
  #load(records: readonly NameRecord[]): void {
    const count = records.length
    // Slots by name length, then code: a stable counting sort of the records (in code order).
    let longest = 0
    for (const record of records) longest = Math.max(longest, (record.texts[0] as string).length)
    const lengthStarts = new Int32Array(longest + 2)
    for (const record of records) increment(lengthStarts, (record.texts[0] as string).length + 1)
    for (let length = 1; length < lengthStarts.length; length += 1) lengthStarts[length] = (lengthStarts[length] as number) + (lengthStarts[length - 1] as number)
    const codeOrder = new Int32Array(count)
    const bySlot = new Array<NameRecord>(count)
    for (let position = 0; position < count; position += 1) {
      const record = records[position] as NameRecord
      const length = (record.texts[0] as string).length
      const slot = lengthStarts[length] as number
      lengthStarts[length] = slot + 1
      codeOrder[position] = slot
      bySlot[slot] = record
    }

    let textTotal = 0
    let corpusLength = 0
    for (const record of records) {
      textTotal += record.texts.length
      for (const text of record.texts) corpusLength += text.length
    }
    // Room for an eighth more, so that the first upserts after a build copy none of the big arrays.
    const entityRoom = withSpare(count)
    const textRoom = withSpare(textTotal)
    this.#codes = bySlot.map((record) => record.code)
    this.#firstText = new Int32Array(entityRoom)
    this.#textCount = new Int32Array(entityRoom)
    this.#baseEntities = count
    this.#codeOrder = codeOrder
    this.#addedSlots = new Map()
    this.#live = count
    this.#corpus = new Uint16Array(withSpare(corpusLength))
    this.#textStart = new Int32Array(textRoom + 1)
    this.#textTotal = textTotal
    this.#textEntity = new Int32Array(textRoom)
    this.#regionEnd = new Uint8Array(textRoom)
    this.#headPair = new Int32Array(textRoom).fill(-1)
    this.#regionPair = new Int32Array(textRoom).fill(-1)
    this.#textMarks = new Uint8Array(textRoom)
    let t = 0
    let at = 0
    const corpus = this.#corpus
    for (let slot = 0; slot < count; slot += 1) {
      const { texts } = bySlot[slot] as NameRecord
      this.#firstText[slot] = t
      this.#textCount[slot] = texts.length
      for (const text of texts) {
        this.#textEntity[t] = slot
        this.#regionEnd[t] = Math.min(0xff, regionPrefixLength(text))
        for (let i = 0; i < text.length; i += 1) corpus[at + i] = text.charCodeAt(i)
        at += text.length
        t += 1
        this.#textStart[t] = at
      }
    }
    this.#stamps = new Int32Array(entityRoom)
    this.#ranks = new Uint8Array(entityRoom)
    this.#marks = new Uint8Array(count)
    this.#generation = 0
    this.#loadGrams()
  }

  /** Numbers the grams of every text and packs their lists: two passes, sizes and then bytes. */
  #loadGrams(): void {
    this.#charIds.fill(-1)
    this.#charCount = 0
    this.#pairIds = new Map()
    this.#pairSecond = new Int32Array(0)
    this.#addedPairsByFirst = new Map()
    const chars = new PostingListsPacker()
    const pairs = new PostingListsPacker()
    const corpus = this.#corpus
    const charIds = this.#charIds
    for (let t = 0; t < this.#textTotal; t += 1) {
      let previous = -1
      for (let at = this.#textStart[t] as number, end = this.#textStart[t + 1] as number; at < end; at += 1) {
        const unit = corpus[at] as number
        let id = charIds[unit] as number
        if (id < 0) id = this.#newChar(unit)
        chars.count(id, t)
        if (previous >= 0) {
          const key = previous * PAIR_KEY_BASE + id
          pairs.count(this.#pairIds.get(key) ?? this.#newPair(key, unit), t)
        }
        previous = id
      }
    }
    chars.startPlacing()
    pairs.startPlacing()
    for (let t = 0; t < this.#textTotal; t += 1) {
      let previous = -1
      const start = this.#textStart[t] as number
      for (let at = start, end = this.#textStart[t + 1] as number; at < end; at += 1) {
        const id = charIds[corpus[at] as number] as number
        chars.place(id, t)
        if (previous >= 0) {
          const pair = this.#pairIds.get(previous * PAIR_KEY_BASE + id) as number
          pairs.place(pair, t)
          this.#notePair(t, at - 1 - start, pair)
        }
        previous = id
      }
    }
    this.#chars = chars.done()
    this.#pairs = pairs.done()

    const starts = new Int32Array(this.#charCount + 1)
    for (const key of this.#pairIds.keys()) increment(starts, Math.floor(key / PAIR_KEY_BASE) + 1)
    for (let c = 1; c < starts.length; c += 1) starts[c] = (starts[c] as number) + (starts[c - 1] as number)
    const next = starts.slice(0, -1)
    const byFirst = new Int32Array(this.#pairIds.size)
    for (const [key, pair] of this.#pairIds) {
      const first = Math.floor(key / PAIR_KEY_BASE)
      byFirst[next[first] as number] = pair
      increment(next, first)
    }
    this.#pairsByFirstStart = starts
    this.#pairsByFirst = byFirst
  }

  /** Keeps the pair at `offset` of text t when it is the text's first, before or after the region. */
  #notePair(t: number, offset: number, pair: number): void {
    if (offset === 0) this.#headPair[t] = pair
    const regionEnd = this.#regionEnd[t] as number
    if (regionEnd > 0 && offset === regionEnd) this.#regionPair[t] = pair
  }

  #newChar(unit: number): number {
    const id = this.#charCount
    this.#charCount += 1
    this.#charIds[unit] = id
    this.#readings.learn(unit)
    return id
  }

  #newPair(key: number, second: number): number {
    const pair = this.#pairIds.size
    this.#pairIds.set(key, pair)
    this.#pairSecond = withRoom(this.#pairSecond, pair + 1)
    this.#pairSecond[pair] = second
    return pair
  }

  // Changes

  #slotOf(code: string): number | undefined {
    const added = this.#addedSlots.get(code)
    if (added !== undefined) return added
    const slot = this.#codeOrder[this.#firstCodeAtLeast(code)]
    return slot !== undefined && this.#codes[slot] === code && (this.#textCount[slot] as number) > 0 ? slot : undefined
  }

  /** The first place in the build's code order whose code is not below `code`. */
  #firstCodeAtLeast(code: string): number {
    let low = 0
    let high = this.#codeOrder.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#codes[this.#codeOrder[middle] as number] as string) < code) low = middle + 1
      else high = middle
    }
    return low
  }

  #textsOf(slot: number): string[] {
    const first = this.#firstText[slot] as number
    return Array.from({ length: this.#textCount[slot] as number }, (_, i) =>
      String.fromCharCode(...this.#corpus.subarray(this.#textStart[first + i], this.#textStart[first + i + 1])),
    )
  }

  #sameTexts(slot: number, texts: readonly string[]): boolean {
    const held = this.#textsOf(slot)
    return held.length === texts.length && texts.every((text, i) => held[i] === text)
  }

  /** Leaves the slot's texts in the lists, where the empty slot makes searches pass over them. */
  #empty(slot: number): void {
    this.#textCount[slot] = 0
    this.#live -= 1
  }

  #append(record: NameRecord): void {
    const slot = this.#codes.length
    this.#codes.push(record.code)
    this.#firstText = withRoom(this.#firstText, slot + 1)
    this.#textCount = withRoom(this.#textCount, slot + 1)
    this.#stamps = withRoom(this.#stamps, slot + 1)
    this.#ranks = withRoomForBytes(this.#ranks, slot + 1)
    this.#firstText[slot] = this.#textTotal
    this.#textCount[slot] = record.texts.length
    this.#addedSlots.set(record.code, slot)
    this.#live += 1
    for (const text of record.texts) {
      const t = this.#textTotal
      const start = this.#textStart[t] as number
      this.#textTotal += 1
      this.#textStart = withRoom(this.#textStart, t + 2)
      this.#textStart[t + 1] = start + text.length
      this.#corpus = withRoomForUnits(this.#corpus, start + text.length)
      this.#textEntity = withRoom(this.#textEntity, t + 1)
      this.#regionEnd = withRoomForBytes(this.#regionEnd, t + 1)
      this.#headPair = withRoom(this.#headPair, t + 1)
      this.#textMarks = withRoomForBytes(this.#textMarks, t + 1)
      this.#regionPair = withRoom(this.#regionPair, t + 1)
      this.#textEntity[t] = slot
      this.#regionEnd[t] = Math.min(0xff, regionPrefixLength(text))
      this.#headPair[t] = -1
      this.#regionPair[t] = -1
      let previous = -1
      for (let i = 0; i < text.length; i += 1) {
        const unit = text.charCodeAt(i)
        this.#corpus[start + i] = unit
        let id = this.#charIds[unit] as number
        if (id < 0) id = this.#newChar(unit)
        this.#chars.add(id, t)
        if (previous >= 0) {
          const key = previous * PAIR_KEY_BASE + id
          let pair = this.#pairIds.get(key)
          if (pair === undefined) {
            pair = this.#newPair(key, unit)
            const siblings = this.#addedPairsByFirst.get(previous)
            if (siblings === undefined) this.#addedPairsByFirst.set(previous, [pair])
            else siblings.push(pair)
          }
          this.#pairs.add(pair, t)
          this.#notePair(t, i - 1, pair)
        }
        previous = id
      }
    }
  }

  // Matching

  #begin(filter: ((code: string) => boolean) | undefined): void {
    if (this.#generation === 0x7fffffff) {
      this.#stamps.fill(0)
      this.#generation = 0
    }
    this.#generation += 1
    this.#hitCount = 0
    this.#filter = filter
  }

  /** Whether a text of the entity could still bring it to rank `best`: it is live and not seen doing as well. */
  #worth(entity: number, best: number): boolean {
    if (this.#textCount[entity] === 0) return false
    return this.#stamps[entity] !== this.#generation || (this.#ranks[entity] as number) > best
  }

  #hit(entity: number, rank: number): void {
    if (this.#stamps[entity] === this.#generation) {
      if ((this.#ranks[entity] as number) > rank) this.#ranks[entity] = rank
      return
    }
    this.#stamps[entity] = this.#generation
    if (this.#filter !== undefined && !this.#filter(this.#codes[entity] as string)) {
      this.#ranks[entity] = FILTERED
      return
    }
    this.#ranks[entity] = rank
    this.#hits = withRoom(this.#hits, this.#hitCount + 1)
    this.#hits[this.#hitCount] = entity
    this.#hitCount += 1
  }

  #isFormer(text: number, entity: number): boolean {
    return text !== this.#firstText[entity]
  }

  /** The texts of the lists, one after another, read into `into` (grown to fit); returns it and how many. */
  #readAll(grams: Gram[], into: Int32Array<ArrayBuffer>): [Int32Array<ArrayBuffer>, number] {
    let total = 0
    for (const gram of grams) total += gram.count
    const buffer = withRoom(into, total)
    let size = 0
    for (const { lists, list } of grams) size += lists.read(list, buffer.subarray(size))
    return [buffer, size]
  }

  /** The grams of a piece of text, distinct: its character, or its pairs; undefined when one is in no text. */
  #gramsOf(text: Uint16Array): Gram[] | undefined {
    if (text.length === 1) {
      const id = this.#charIds[text[0] as number] as number
      return id < 0 ? undefined : [{ lists: this.#chars, list: id, count: this.#chars.count(id) }]
    }
    const grams = new Map<number, Gram>()
    for (let i = 0; i + 1 < text.length; i += 1) {
      const first = this.#charIds[text[i] as number] as number
      const second = this.#charIds[text[i + 1] as number] as number
      const pair = first < 0 || second < 0 ? undefined : this.#pairIds.get(first * PAIR_KEY_BASE + second)
      if (pair === undefined) return undefined
      grams.set(pair, { lists: this.#pairs, list: pair, count: this.#pairs.count(pair) })
    }
    return [...grams.values()]
  }

  /**
   * Into `#read`, ascending, the texts on every list given (each ascending) or a few more: the
   * shortest list, narrowed by the next shortest while reading one costs less than confirming
   * the texts it would rule out (each a read of the text, far from the last).
   */
  #onEvery(grams: Gram[]): number {
    grams.sort((a, b) => a.count - b.count)
    const [read, size] = this.#readAll(grams.slice(0, 1), this.#read)
    this.#read = read
    let count = size
    for (const gram of grams.slice(1)) {
      if (count <= NARROW_FROM || gram.count > NARROW_RATIO * count) break
      const [other, size] = this.#readAll([gram], this.#other)
      this.#other = other
      count = intersect(this.#read, count, other, size)
    }
    return count
  }

  #matchCode(prefix: string): void {
    // Codes starting with the prefix lie between it and it followed by the highest unit.
    const from = this.#firstCodeAtLeast(prefix)
    const to = this.#firstCodeAtLeast(`${prefix}\uffff`)
    for (let at = from; at < to; at += 1) {
      const slot = this.#codeOrder[at] as number
      // Only the first can be the prefix itself: it sorts before every longer code.
      if (this.#worth(slot, EXACT)) this.#hit(slot, rankOf(at === from && this.#codes[slot] === prefix ? EXACT : PREFIX, false))
    }
    for (const [code, slot] of this.#addedSlots) {
      if (code.startsWith(prefix) && this.#worth(slot, EXACT)) this.#hit(slot, rankOf(code === prefix ? EXACT : PREFIX, false))
    }
  }

  /** Texts holding the query whole: equal to it, starting with it (or after the region), or anywhere. */
  #matchText(query: Uint16Array): void {
    const grams = this.#gramsOf(query)
    if (grams === undefined) return
    // Up to two characters, being on the list is holding the query.
    const confirm = query.length > 2
    const pair = query.length === 2 ? (grams[0] as Gram).list : -1
    const count = this.#onEvery(grams)
    const read = this.#read
    const corpus = this.#corpus
    for (let i = 0; i < count; i += 1) {
      const t = read[i] as number
      const entity = this.#textEntity[t] as number
      const former = this.#isFormer(t, entity)
      if (!this.#worth(entity, rankOf(EXACT, former))) continue
      const start = this.#textStart[t] as number
      const end = this.#textStart[t + 1] as number
      if (confirm && !holds(corpus, start, end, query)) continue
      const regionEnd = this.#regionEnd[t] as number
      const prefix =
        pair >= 0
          ? this.#headPair[t] === pair || this.#regionPair[t] === pair
          : holdsAt(corpus, start, end, query) || (regionEnd > 0 && holdsAt(corpus, start + regionEnd, end, query))
      const match = end - start === query.length ? EXACT : prefix ? PREFIX : SUBSTRING
      this.#hit(entity, rankOf(match, former))
    }
  }

  /** Texts holding every word, in any order. */
  #matchWords(words: readonly Uint16Array[]): void {
    const grams: Gram[] = []
    for (const word of words) {
      const found = this.#gramsOf(word)
      if (found === undefined) return
      grams.push(...found)
    }
    const count = this.#onEvery(grams)
    const read = this.#read
    const corpus = this.#corpus
    for (let i = 0; i < count; i += 1) {
      const t = read[i] as number
      const entity = this.#textEntity[t] as number
      const rank = rankOf(ALL_WORDS, this.#isFormer(t, entity))
      if (!this.#worth(entity, rank)) continue
      const start = this.#textStart[t] as number
      const end = this.#textStart[t + 1] as number
      let all = true
      for (let w = 0; all && w < words.length; w += 1) all = holds(corpus, start, end, words[w] as Uint16Array)
      if (all) this.#hit(entity, rank)
    }
  }

  /**
   * Texts with a run of characters, one from each class in turn. Candidates are the texts of one
   * class's characters, or of the pairs of two neighbouring classes, the fewest; narrowed, when
   * they are many, by marking the texts of other neighbouring pairs.
   */
  #matchSpelling(spelling: readonly CharClass[]): void {
    const length = spelling.length
    if (length > 32) return
    const masks = this.#masks
    spelling.forEach((chars, k) => {
      for (const unit of chars) masks[unit] = (masks[unit] as number) | (1 << k)
    })
    const unions = this.#spellingUnions(spelling)
    const first = unions[0]
    if (first !== undefined) this.#matchSpellingIn(first, unions.slice(1, 3), length)
    for (const chars of spelling) for (const unit of chars) masks[unit] = 0
  }

  /** The texts of `candidates` on the most of `narrowing` that pay, confirmed by `#masks`. */
  #matchSpellingIn(candidates: Union, others: readonly Union[], length: number): void {
    const [read, count] = this.#readAll(candidates.grams, this.#read)
    this.#read = read
    const narrowing = others.filter((union) => count > NARROW_FROM && union.count <= NARROW_RATIO * count)
    const marks = this.#textMarks
    if (narrowing.length > 0) {
      for (let i = 0; i < count; i += 1) marks[this.#read[i] as number] = 1
      narrowing.forEach((union, n) => {
        const [other, size] = this.#readAll(union.grams, this.#other)
        this.#other = other
        for (let i = 0; i < size; i += 1) {
          const t = other[i] as number
          if (marks[t] === n + 1) marks[t] = n + 2
        }
      })
    }
    const marked = narrowing.length + 1
    const masks = this.#masks
    const corpus = this.#corpus
    for (let i = 0; i < count; i += 1) {
      const t = read[i] as number
      if (narrowing.length > 0) {
        // Unmarked as it is passed: a text on two of the lists is done the first time.
        const kept = marks[t] === marked
        marks[t] = 0
        if (!kept) continue
      }
      const entity = this.#textEntity[t] as number
      const rank = rankOf(PINYIN, this.#isFormer(t, entity))
      if (!this.#worth(entity, rank)) continue
      if (length === 1 || spells(corpus, this.#textStart[t] as number, this.#textStart[t + 1] as number, masks, length)) this.#hit(entity, rank)
    }
  }

  /**
   * For a spelling of one place, the lists of its class's characters; else, for each two
   * neighbouring places, the lists of the pairs of their classes: fewest texts first. None when
   * some place has no texts. `#masks` holds the spelling.
   */
  #spellingUnions(spelling: readonly CharClass[]): Union[] {
    const unions: Union[] = []
    if (spelling.length === 1) {
      const grams: Gram[] = []
      for (const unit of spelling[0] ?? []) {
        const id = this.#charIds[unit] as number
        if (id >= 0) grams.push({ lists: this.#chars, list: id, count: this.#chars.count(id) })
      }
      unions.push({ grams, count: grams.reduce((sum, gram) => sum + gram.count, 0) })
    }
    const starts = this.#pairsByFirstStart
    for (let k = 0; k + 1 < spelling.length; k += 1) {
      const secondBit = 1 << (k + 1)
      const grams: Gram[] = []
      let count = 0
      const take = (pair: number) => {
        if (((this.#masks[this.#pairSecond[pair] as number] as number) & secondBit) === 0) return
        const gram = { lists: this.#pairs, list: pair, count: this.#pairs.count(pair) }
        grams.push(gram)
        count += gram.count
      }
      for (const unit of spelling[k] ?? []) {
        const first = this.#charIds[unit] as number
        if (first < 0) continue
        if (first + 1 < starts.length) for (let at = starts[first] as number, end = starts[first + 1] as number; at < end; at += 1) take(this.#pairsByFirst[at] as number)
        for (const pair of this.#addedPairsByFirst.get(first) ?? []) take(pair)
      }
      unions.push({ grams, count })
    }
    if (unions.some((union) => union.count === 0)) return []
    return unions.sort((a, b) => a.count - b.count)
  }

  // Paging

  /** The page of hits by rank, then name length, then code. */
  #page(offset: number, limit: number): NameSearchResult {
    const total = this.#hitCount
    const hits = this.#hits
    const starts = new Int32Array(RANK_COUNT + 1)
    for (let i = 0; i < total; i += 1) increment(starts, (this.#ranks[hits[i] as number] as number) + 1)
    for (let rank = 1; rank <= RANK_COUNT; rank += 1) starts[rank] = (starts[rank] as number) + (starts[rank - 1] as number)
    const end = Math.min(total, offset + limit)
    const codes: string[] = []
    if (offset >= end) return { codes, total }
    // Hits by rank, each rank in the order found.
    this.#ordered = withRoom(this.#ordered, total)
    const ordered = this.#ordered
    const next = starts.slice(0, -1)
    for (let i = 0; i < total; i += 1) {
      const entity = hits[i] as number
      const rank = this.#ranks[entity] as number
      ordered[next[rank] as number] = entity
      increment(next, rank)
    }
    for (let rank = 0; rank < RANK_COUNT; rank += 1) {
      const from = starts[rank] as number
      const to = starts[rank + 1] as number
      if (to <= offset || from >= end) continue
      const group = this.#inOrder(ordered.subarray(from, to), Math.min(to, end) - from)
      for (let at = Math.max(from, offset); at < Math.min(to, end); at += 1) codes.push(this.#codes[group[at - from] as number] as string)
    }
    return { codes, total }
  }

  /**
   * The first `count` entities of one rank by name length, then code. The build's slots are in
   * that order already, and a list read in order finds them so; those added since are picked and
   * merged in. Reorders `group`.
   */
  #inOrder(group: Int32Array, count: number): ArrayLike<number> {
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
    const first = ascending ? group.subarray(0, built) : this.#smallest(group.subarray(0, built), count)
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
    const codeA = this.#codes[a] as string
    const codeB = this.#codes[b] as string
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0
  }

  /** The `count` lowest of distinct slots of the build: sorted when few, else marked and then found by counting up. */
  #smallest(slots: Int32Array, count: number): Int32Array {
    if (slots.length <= SORTED_UP_TO) return slots.sort()
    const marks = this.#marks
    for (const slot of slots) marks[slot] = 1
    const smallest = new Int32Array(Math.min(count, slots.length))
    for (let slot = 0, found = 0; found < smallest.length && slot < marks.length; slot += 1) {
      if (marks[slot] === 1) {
        smallest[found] = slot
        found += 1
      }
    }
    for (const slot of slots) marks[slot] = 0
    return smallest
  }

  #nameLength(entity: number): number {
    const first = this.#firstText[entity] as number
    return (this.#textStart[first + 1] as number) - (this.#textStart[first] as number)
  }
}

/** The records sorted by code, the last of each code kept. */
function uniqueByCode(records: NameRecord[]): NameRecord[] {
  // A stable sort keeps records of one code in the order given.
  records.sort(byCode)
  return records.filter((record, i) => i + 1 === records.length || (records[i + 1] as NameRecord).code !== record.code)
}

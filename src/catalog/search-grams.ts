const NONE = new Int32Array(0)

/** A key per single UTF-16 unit (0…0xffff) and per pair of them (above), distinct for all. */
const PAIR_BASE = 0x10000

function pairKey(text: string, at: number): number {
  return PAIR_BASE + text.charCodeAt(at) * PAIR_BASE + text.charCodeAt(at + 1)
}

/**
 * Numbers for the characters and character pairs of texts, kept for the index's lifetime, so that
 * each text is taken apart once, when it is loaded, and rebuilding the gram index after a change
 * is counting numbers rather than reading every text again.
 */
export class GramDictionary {
  readonly #numbers = new Map<number, number>()

  get size(): number {
    return this.#numbers.size
  }

  /**
   * The distinct grams of each text, numbered: for each text in turn, how many, then their numbers.
   *
   * @example
   * new GramDictionary().encode(['人口', '口']) // Int32Array [3, 0, 1, 2, 1, 1]: 人, 人口, 口; then 口
   */
  encode(texts: readonly string[]): Int32Array {
    const encoded: number[] = []
    for (const text of texts) {
      const grams = new Set<number>()
      for (let i = 0; i < text.length; i += 1) {
        grams.add(this.#number(text.charCodeAt(i)))
        if (i + 1 < text.length) grams.add(this.#number(pairKey(text, i)))
      }
      encoded.push(grams.size, ...grams)
    }
    return Int32Array.from(encoded)
  }

  /** The number of a character (one UTF-16 unit) or pair, when some text has held it. */
  find(key: number): number | undefined {
    return this.#numbers.get(key)
  }

  #number(key: number): number {
    let number = this.#numbers.get(key)
    if (number === undefined) {
      number = this.#numbers.size
      this.#numbers.set(key, number)
    }
    return number
  }
}

/**
 * An inverted index from the characters and character pairs of texts to the texts holding them,
 * which narrows a substring search to the texts that may match.
 *
 * A text that contains a term contains each of its pairs (or, for a one-character term, its
 * character), so the texts listed under every pair of the term are a superset of those containing
 * it, and exactly those when the term has one or two characters; otherwise the caller confirms
 * each one with `includes`. Characters are UTF-16 units, as `includes` sees them.
 *
 * @example
 * const dictionary = new GramDictionary()
 * const grams = new GramIndex(dictionary, [dictionary.encode(['人口基础信息', 'rkjcxx']), dictionary.encode(['企业登记信息', 'qydjxx'])])
 * grams.candidates('基础') // Int32Array [0]
 */
export class GramIndex {
  readonly #dictionary: GramDictionary
  /** The texts holding gram `g` are `#texts[#starts[g]]` up to `#texts[#starts[g + 1]]`, ascending. */
  readonly #starts: Int32Array
  readonly #texts: Int32Array

  /** Texts are numbered from 0 in the order the encodings (from `dictionary`) hold them. */
  constructor(dictionary: GramDictionary, encodings: readonly Int32Array[]) {
    this.#dictionary = dictionary
    const starts = new Int32Array(dictionary.size + 1)
    // Two passes over the encodings: count each gram's texts, then place them.
    for (const encoded of encodings) {
      for (let at = 0; at < encoded.length;) {
        const end = at + 1 + (encoded[at] as number)
        for (at += 1; at < end; at += 1) {
          const gram = (encoded[at] as number) + 1
          starts[gram] = (starts[gram] as number) + 1
        }
      }
    }
    for (let gram = 1; gram < starts.length; gram += 1) starts[gram] = (starts[gram] as number) + (starts[gram - 1] as number)
    this.#starts = starts
    this.#texts = new Int32Array(starts[dictionary.size] as number)
    const next = starts.slice(0, -1)
    let text = 0
    for (const encoded of encodings) {
      for (let at = 0; at < encoded.length; text += 1) {
        const end = at + 1 + (encoded[at] as number)
        for (at += 1; at < end; at += 1) {
          const gram = encoded[at] as number
          const place = next[gram] as number
          this.#texts[place] = text
          next[gram] = place + 1
        }
      }
    }
  }

  /** The texts, ascending, that may contain `text` (not empty): every text that does, and maybe more. */
  candidates(text: string): Int32Array {
    const keys = text.length === 1 ? [text.charCodeAt(0)] : Array.from({ length: text.length - 1 }, (_, i) => pairKey(text, i))
    const lists: Int32Array[] = []
    for (const key of keys) {
      const gram = this.#dictionary.find(key)
      // A gram numbered after this index was built is in none of its texts.
      if (gram === undefined || gram + 1 >= this.#starts.length) return NONE
      lists.push(this.#texts.subarray(this.#starts[gram], this.#starts[gram + 1]))
    }
    return intersect(lists)
  }
}

/** The numbers in every list, each list ascending; from the shortest list, so the work stays small. */
function intersect(lists: Int32Array[]): Int32Array {
  lists.sort((a, b) => a.length - b.length)
  let result = lists[0] ?? NONE
  for (const list of lists.slice(1)) {
    if (result.length === 0) break
    const kept = new Int32Array(result.length)
    let size = 0
    let at = 0
    for (const number of result) {
      while (at < list.length && (list[at] as number) < number) at += 1
      if (at === list.length) break
      if (list[at] === number) {
        kept[size] = number
        size += 1
      }
    }
    result = kept.subarray(0, size)
  }
  return result
}

/**
 * Posting lists for the legal-person name index: for each gram (a character, a pair, …), the
 * ascending numbers of the texts holding it, and cursors that read them, alone, merged or
 * intersected, one text at a time, so that a search can stop part way.
 *
 * A list has three parts, read apart: the texts of the last build's current names, those of its
 * former names (numbered after every current name), and the texts added since (numbered after
 * both). The build's parts are packed as gaps in 7-bit groups, most taking one byte.
 */

/** Where a cursor stands after its last text. */
export const DONE = 0x7fffffff

/** The parts of a list: see the file's comment. */
export const CURRENT = 0
export const FORMER = 1
export const ADDED = 2
export type Segment = typeof CURRENT | typeof FORMER | typeof ADDED

/** Texts in ascending order, read one at a time. */
export abstract class Cursor {
  /** The text it stands on: -1 before the first, {@link DONE} after the last. */
  text = -1

  /** Moves to the next text and returns it. */
  abstract next(): number

  /** Moves to the first text not below `target` (never back) and returns it. */
  seek(target: number): number {
    if (target === DONE) this.text = DONE
    while (this.text < target) this.next()
    return this.text
  }
}

/** A packed part of a list. */
class PackedCursor extends Cursor {
  readonly #bytes: Uint8Array
  readonly #end: number
  #at: number
  #last: number

  constructor(bytes: Uint8Array, from: number, to: number, before: number) {
    super()
    this.#bytes = bytes
    this.#at = from
    this.#end = to
    this.#last = before
  }

  override next(): number {
    if (this.#at >= this.#end) return (this.text = DONE)
    const bytes = this.#bytes
    let byte = bytes[this.#at] as number
    this.#at += 1
    let gap = byte & 0x7f
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[this.#at] as number
      this.#at += 1
      gap |= (byte & 0x7f) << shift
    }
    this.#last += gap
    return (this.text = this.#last)
  }
}

/** The added part of a list. */
class ArrayCursor extends Cursor {
  readonly #texts: readonly number[]
  #at = -1

  constructor(texts: readonly number[]) {
    super()
    this.#texts = texts
  }

  override next(): number {
    this.#at += 1
    return (this.text = this.#texts[this.#at] ?? DONE)
  }

  override seek(target: number): number {
    if (this.text >= target) return this.text
    // The first at or above the target, by halving what is left.
    let low = this.#at + 1
    let high = this.#texts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#texts[middle] as number) < target) low = middle + 1
      else high = middle
    }
    this.#at = low
    return (this.text = this.#texts[low] ?? DONE)
  }
}

/** Texts on any of its cursors, each once: a binary heap on where they stand. */
export class UnionCursor extends Cursor {
  readonly #heap: Cursor[]

  /** `cursors` must not be empty. */
  constructor(cursors: Cursor[]) {
    super()
    for (const cursor of cursors) cursor.next()
    this.#heap = cursors
    for (let at = (cursors.length >>> 1) - 1; at >= 0; at -= 1) this.#down(at)
  }

  override next(): number {
    const heap = this.#heap
    const passed = this.text
    if (passed === DONE) return DONE
    while ((heap[0] as Cursor).text <= passed) {
      ;(heap[0] as Cursor).next()
      this.#down(0)
    }
    return (this.text = (heap[0] as Cursor).text)
  }

  override seek(target: number): number {
    if (this.text >= target) return this.text
    const heap = this.#heap
    while ((heap[0] as Cursor).text < target) {
      ;(heap[0] as Cursor).seek(target)
      this.#down(0)
    }
    return (this.text = (heap[0] as Cursor).text)
  }

  #down(from: number): void {
    const heap = this.#heap
    const moving = heap[from] as Cursor
    let at = from
    for (;;) {
      let child = 2 * at + 1
      if (child >= heap.length) break
      if (child + 1 < heap.length && (heap[child + 1] as Cursor).text < (heap[child] as Cursor).text) child += 1
      if ((heap[child] as Cursor).text >= moving.text) break
      heap[at] = heap[child] as Cursor
      at = child
    }
    heap[at] = moving
  }
}

/** Texts on every one of its cursors, the first (the one with the fewest texts) leading. */
export class IntersectCursor extends Cursor {
  readonly #cursors: readonly Cursor[]

  /** `cursors` must hold two at least, the shortest first. */
  constructor(cursors: readonly Cursor[]) {
    super()
    this.#cursors = cursors
  }

  override next(): number {
    return this.#align((this.#cursors[0] as Cursor).next())
  }

  override seek(target: number): number {
    if (this.text >= target) return this.text
    return this.#align((this.#cursors[0] as Cursor).seek(target))
  }

  /** From a text of the first, the first text on all of them. */
  #align(candidate: number): number {
    const cursors = this.#cursors
    const lead = cursors[0] as Cursor
    for (let i = 1; i < cursors.length && candidate !== DONE;) {
      const text = (cursors[i] as Cursor).seek(candidate)
      if (text === candidate) i += 1
      else {
        candidate = lead.seek(text)
        i = 1
      }
    }
    return (this.text = candidate)
  }
}

/** What gram visits are sent to: a packer while building, the lists themselves after. */
export interface PostingSink {
  /** Notes that `text` holds gram `list`; texts come in ascending order, and a repeat is one visit. */
  add(list: number, text: number): void
}

/** A build's posting lists, in a form another thread can take over (typed arrays transferred). */
export interface PostingListsParts {
  readonly offsets: Int32Array<ArrayBuffer>
  readonly counts: Int32Array<ArrayBuffer>
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly formerStart: number
}

/** Lists of ascending text numbers, one per gram: see the file's comment. */
export class PostingLists implements PostingSink {
  /** List l's current part is `#bytes[#offsets[2l]]` up to `#offsets[2l + 1]`; its former part runs on to `#offsets[2l + 2]`. */
  readonly #offsets: Int32Array<ArrayBuffer>
  /** Texts per list and part of the build: 2 per list. */
  readonly #counts: Int32Array<ArrayBuffer>
  readonly #bytes: Uint8Array<ArrayBuffer>
  /** The first text of the former part: its gaps count from here. */
  readonly #formerStart: number
  readonly #added = new Map<number, number[]>()

  constructor({ offsets, counts, bytes, formerStart }: PostingListsParts) {
    this.#offsets = offsets
    this.#counts = counts
    this.#bytes = bytes
    this.#formerStart = formerStart
  }

  /** No lists. */
  static empty(): PostingLists {
    return new PostingLists({ offsets: new Int32Array(1), counts: new Int32Array(0), bytes: new Uint8Array(0), formerStart: 0 })
  }

  /** Bytes the build's lists take. */
  get byteLength(): number {
    return this.#offsets.byteLength + this.#counts.byteLength + this.#bytes.byteLength
  }

  /** The lists of the build, to hand over to another thread; texts added since are not in them. */
  parts(): PostingListsParts {
    if (this.#added.size > 0) throw new Error('posting lists with texts added since the build cannot be handed over')
    return { offsets: this.#offsets, counts: this.#counts, bytes: this.#bytes, formerStart: this.#formerStart }
  }

  /** How many texts the part of the list holds. */
  count(list: number, segment: Segment): number {
    if (segment === ADDED) return this.#added.size === 0 ? 0 : (this.#added.get(list)?.length ?? 0)
    const at = 2 * list + segment
    return at < this.#counts.length ? (this.#counts[at] as number) : 0
  }

  /** A cursor over the part of the list, or undefined when it holds no text. */
  cursor(list: number, segment: Segment): Cursor | undefined {
    if (this.count(list, segment) === 0) return undefined
    if (segment === ADDED) return new ArrayCursor(this.#added.get(list) ?? [])
    const at = 2 * list + segment
    return new PackedCursor(this.#bytes, this.#offsets[at] as number, this.#offsets[at + 1] as number, segment === CURRENT ? -1 : this.#formerStart - 1)
  }

  /** Adds a text numbered above every text already listed (a second time in a row is once). */
  add(list: number, text: number): void {
    const texts = this.#added.get(list)
    if (texts === undefined) this.#added.set(list, [text])
    else if (texts[texts.length - 1] !== text) texts.push(text)
  }
}

function withRoom(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array
  const bigger = new Int32Array(Math.max(size, array.length + (array.length >>> 2) + 1024))
  bigger.set(array)
  return bigger
}

function gapBytes(gap: number): number {
  return gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5
}

/**
 * Packs posting lists from two identical passes over the (list, text) visits of a build, texts
 * ascending: the first sizes every list, then `startPlacing`, and the second writes them.
 */
export class PostingListsPacker implements PostingSink {
  readonly #formerStart: number
  #placing = false
  /** Per list: the last text visited, plus one (0: none yet). */
  #lastPlusOne = new Int32Array(1024)
  /** Per list and part (2 per list): texts. */
  #counts = new Int32Array(2048)
  /** Per list and part: its size in bytes while counting, where it is written to while placing. */
  #ends = new Int32Array(2048)
  #offsets = new Int32Array(0)
  #bytes = new Uint8Array(0)
  #lists = 0

  /** `formerStart`: the first text of the former names (every text from it on). */
  constructor(formerStart: number) {
    this.#formerStart = formerStart
  }

  add(list: number, text: number): void {
    if (!this.#placing && list >= this.#lists) {
      this.#lists = list + 1
      this.#lastPlusOne = withRoom(this.#lastPlusOne, this.#lists)
      this.#counts = withRoom(this.#counts, 2 * this.#lists)
      this.#ends = withRoom(this.#ends, 2 * this.#lists)
    }
    const last = this.#lastPlusOne[list] as number
    if (last === text + 1) return
    this.#lastPlusOne[list] = text + 1
    const former = text >= this.#formerStart
    // The former part's gaps count from its own start, so that it is read without the current part.
    let gap = text + 1 - (former ? Math.max(last, this.#formerStart) : last)
    const at = 2 * list + (former ? 1 : 0)
    if (!this.#placing) {
      this.#counts[at] = (this.#counts[at] as number) + 1
      this.#ends[at] = (this.#ends[at] as number) + gapBytes(gap)
      return
    }
    let end = this.#ends[at] as number
    while (gap >= 0x80) {
      this.#bytes[end] = (gap & 0x7f) | 0x80
      end += 1
      gap >>>= 7
    }
    this.#bytes[end] = gap
    this.#ends[at] = end + 1
  }

  /** Ends counting: from here on, the same visits again place the texts. */
  startPlacing(): void {
    const parts = 2 * this.#lists
    this.#offsets = new Int32Array(parts + 1)
    for (let at = 0; at < parts; at += 1) {
      const size = this.#ends[at] as number
      this.#ends[at] = this.#offsets[at] as number
      this.#offsets[at + 1] = (this.#offsets[at] as number) + size
    }
    this.#bytes = new Uint8Array(this.#offsets[parts] as number)
    this.#lastPlusOne.fill(0)
    this.#placing = true
  }

  done(): PostingLists {
    return new PostingLists({ offsets: this.#offsets, counts: this.#counts.slice(0, 2 * this.#lists), bytes: this.#bytes, formerStart: this.#formerStart })
  }
}

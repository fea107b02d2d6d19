/**
 * Checked rows packed for another thread: their staged lines as UTF-8 bytes, and where each value
 * starts. The check thread transfers both buffers (no copy), and the writer binds the bytes to
 * SQLite as they are, so no row becomes a JavaScript string on the writer's side.
 */
export interface PackedRows {
  /** The rows as staged lines: values separated by tabs, each row ending in a line break. */
  readonly bytes: Uint8Array
  /**
   * Where each value starts in `bytes`, `width` a row, then one more: where a row after the last
   * would start. A value ends one byte (its tab or line break) before the next value starts.
   */
  readonly starts: Int32Array
  readonly count: number
  /** Values a row. */
  readonly width: number
}

const TAB = 0x09
const LINE_BREAK = 0x0a
/** Positions take the low 16 bits of a sort number, below the row's order. */
const POSITIONS = 65_536

/**
 * Packs rows of `width` values, one at a time, into growing buffers.
 *
 * @example
 * const packer = new RowPacker(11)
 * packer.add(['210102198503150021', '王芳', …])
 * const rows = packer.take() // { bytes, starts, count: 1, width: 11 }
 */
export class RowPacker {
  #bytes = Buffer.allocUnsafeSlow(1 << 20)
  #starts = new Int32Array(1 << 14)
  #length = 0
  #count = 0

  constructor(readonly width: number) {}

  add(values: readonly string[]): void {
    let longest = 0
    for (const value of values) longest += value.length
    // UTF-8 takes at most 3 bytes for a UTF-16 unit, and each value one separator.
    this.#reserve(longest * 3 + values.length, (this.#count + 2) * this.width + 1)
    let index = this.#count * this.width
    for (let field = 0; field < this.width; field++) {
      this.#starts[index++] = this.#length
      this.#length += this.#bytes.write(values[field] ?? '', this.#length)
      this.#bytes[this.#length++] = field === this.width - 1 ? LINE_BREAK : TAB
    }
    this.#count += 1
  }

  /** The rows added since the last take, or undefined when there are none. */
  take(): PackedRows | undefined {
    if (this.#count === 0) return undefined
    this.#starts[this.#count * this.width] = this.#length
    const rows: PackedRows = {
      bytes: new Uint8Array(this.#bytes.buffer, 0, this.#length),
      starts: new Int32Array(this.#starts.buffer, 0, this.#count * this.width + 1),
      count: this.#count,
      width: this.width,
    }
    // The buffers go to another thread: the next rows start in new ones.
    this.#bytes = Buffer.allocUnsafeSlow(this.#bytes.length)
    this.#starts = new Int32Array(this.#starts.length)
    this.#length = 0
    this.#count = 0
    return rows
  }

  #reserve(bytes: number, starts: number): void {
    if (this.#length + bytes > this.#bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.#bytes.length, this.#length + bytes))
      this.#bytes.copy(grown, 0, 0, this.#length)
      this.#bytes = grown
    }
    if (starts > this.#starts.length) {
      const grown = new Int32Array(Math.max(2 * this.#starts.length, starts))
      grown.set(this.#starts)
      this.#starts = grown
    }
  }
}

/** The buffers of packed rows, to transfer them to another thread rather than copy them. */
export function transferList(rows: PackedRows): ArrayBuffer[] {
  return [rows.bytes.buffer as ArrayBuffer, rows.starts.buffer as ArrayBuffer]
}

/**
 * Positions 0…count−1 sorted by `orderOf(position)` (a whole number below 2^37), in runs of
 * 65 536: a native sort of numbers (order × 2^16 + position) takes a fraction of the time of
 * comparing strings.
 *
 * @example
 * sortedPositions(3, (position) => [30, 10, 20][position] ?? 0) // [1, 2, 0]
 */
export function sortedPositions(count: number, orderOf: (position: number) => number): number[] {
  const sorted: number[] = []
  for (let start = 0; start < count; start += POSITIONS) {
    const numbers = new Float64Array(Math.min(POSITIONS, count - start))
    for (let position = 0; position < numbers.length; position++) numbers[position] = orderOf(start + position) * POSITIONS + position
    numbers.sort()
    for (const number of numbers) sorted.push(start + (number % POSITIONS))
  }
  return sorted
}

/**
 * The rows of several packs as one pack, in the order of their keys (see {@link sortedPositions}):
 * `order` reads a key through `codeAt`, its character codes (keys are ASCII).
 *
 * @example
 * const batch = packInKeyOrder(chunks, (codeAt) => codeAt(0) - 48) // by the key's first digit
 */
export function packInKeyOrder(packs: readonly PackedRows[], order: (codeAt: (index: number) => number) => number): PackedRows {
  const width = packs[0]?.width ?? 0
  const rows: Array<{ pack: PackedRows; row: number }> = []
  let length = 0
  for (const pack of packs) {
    for (let row = 0; row < pack.count; row++) rows.push({ pack, row })
    length += pack.bytes.length
  }
  const bytes = Buffer.allocUnsafeSlow(length)
  const starts = new Int32Array(rows.length * width + 1)
  let at = 0
  let index = 0
  for (const position of sortedPositions(rows.length, (position) => {
    const { pack, row } = rows[position] as { pack: PackedRows; row: number }
    const from = pack.starts[row * width] ?? 0
    return order((offset) => pack.bytes[from + offset] ?? 0)
  })) {
    const { pack, row } = rows[position] as { pack: PackedRows; row: number }
    const from = pack.starts[row * width] ?? 0
    const to = pack.starts[(row + 1) * width] ?? from
    for (let field = 0; field < width; field++) starts[index++] = at + (pack.starts[row * width + field] ?? 0) - from
    bytes.set(pack.bytes.subarray(from, to), at)
    at += to - from
  }
  starts[index] = at
  return { bytes, starts, count: rows.length, width }
}

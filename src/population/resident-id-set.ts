const EPOCH = Date.UTC(1890, 0, 1)
const DAY_MS = 86_400_000
const EMPTY = -1

/**
 * A valid 18-character resident ID as an exact number below 2^46: address code, days since
 * 1890-01-01 and sequence. The check character follows from the rest, so it is left out.
 */
function numberOf(id: string): number {
  const address = Number(id.slice(0, 6))
  const days = (Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14))) - EPOCH) / DAY_MS
  return (address * 65_536 + days) * 1024 + Number(id.slice(14, 17))
}

/**
 * The IDs seen in one file and the row each first appeared on, for finding duplicates among ten
 * million rows in about 16–24 bytes an ID (a Set of strings would take several times that).
 *
 * @example
 * const seen = new ResidentIdSet()
 * seen.addOrGet('11010519491231002X', 2) // undefined: first time
 * seen.addOrGet('11010519491231002X', 9) // 2
 */
export class ResidentIdSet {
  #keys = new Float64Array(1 << 16).fill(EMPTY)
  #rows = new Int32Array(1 << 16)
  #size = 0

  get size(): number {
    return this.#size
  }

  /** Adds an ID first seen on `row`; when it was seen before, returns that row instead. */
  addOrGet(id: string, row: number): number | undefined {
    // Up to three quarters full: ten million IDs fit 2^24 slots, about 200 MB.
    if ((this.#size + 1) * 4 > this.#keys.length * 3) this.#grow()
    const key = numberOf(id)
    const mask = this.#keys.length - 1
    let slot = hash(key) & mask
    for (;;) {
      const stored = this.#keys[slot]
      if (stored === EMPTY) {
        this.#keys[slot] = key
        this.#rows[slot] = row
        this.#size += 1
        return undefined
      }
      if (stored === key) return this.#rows[slot]
      slot = (slot + 1) & mask
    }
  }

  #grow(): void {
    const keys = this.#keys
    const rows = this.#rows
    this.#keys = new Float64Array(keys.length * 2).fill(EMPTY)
    this.#rows = new Int32Array(keys.length * 2)
    const mask = this.#keys.length - 1
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as number
      if (key === EMPTY) continue
      let slot = hash(key) & mask
      while (this.#keys[slot] !== EMPTY) slot = (slot + 1) & mask
      this.#keys[slot] = key
      this.#rows[slot] = rows[index] as number
    }
  }
}

/** Mixes both halves of the 46-bit key so neighbouring IDs spread across the table. */
function hash(key: number): number {
  const low = key % 4_294_967_296
  const high = Math.floor(key / 4_294_967_296)
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

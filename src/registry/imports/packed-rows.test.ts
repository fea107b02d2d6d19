import { describe, expect, it } from 'vitest'
import { packInKeyOrder, RowPacker, sortedPositions, type PackedRows } from './packed-rows.js'

/** The values of packed rows, read back through their starts. */
function unpack(rows: PackedRows): string[][] {
  const bytes = Buffer.from(rows.bytes.buffer, rows.bytes.byteOffset, rows.bytes.byteLength)
  const text = (from: number, to: number) => bytes.toString('utf8', from, to)
  return Array.from({ length: rows.count }, (_, row) =>
    Array.from({ length: rows.width }, (_, field) => {
      const index = row * rows.width + field
      return text(rows.starts[index] ?? 0, (rows.starts[index + 1] ?? 0) - 1)
    }),
  )
}

describe('packed rows', () => {
  const rows = [
    ['210102198503150021', '王芳', ''],
    ['11010519491231002X', '买买提·艾力', '辽宁省沈阳市和平区南京北街100号'],
    ['21010319620708301X', 'ALI', '𠀀 (a character beyond the BMP)'],
  ]

  it('keeps every value, empty and multi-byte ones too, and the bytes are staged lines', () => {
    const packer = new RowPacker(3)
    for (const row of rows) packer.add(row)
    const packed = packer.take()
    if (packed === undefined) throw new Error('nothing packed')
    expect(unpack(packed)).toEqual(rows)
    expect(Buffer.from(packed.bytes).toString('utf8')).toBe(rows.map((row) => `${row.join('\t')}\n`).join(''))
    expect(packer.take()).toBeUndefined()
  })

  it('grows past its first buffers: more starts, more bytes', () => {
    const packer = new RowPacker(2)
    const many = [...Array.from({ length: 9000 }, (_, index) => [String(index).padStart(6, '0'), '王芳']), ['009000', '长'.repeat(400_000)]]
    for (const row of many) packer.add(row)
    const packed = packer.take()
    expect(packed?.count).toBe(9001)
    expect(packed === undefined ? [] : unpack(packed).slice(-2)).toEqual(many.slice(-2))
  })

  it('puts the rows of several packs in key order', () => {
    const packs = [rows.slice(0, 2), rows.slice(2)].map((part) => {
      const packer = new RowPacker(3)
      for (const row of part) packer.add(row)
      return packer.take() as PackedRows
    })
    // The first two digits of the ID: 11 < 21.
    const sorted = packInKeyOrder(packs, (codeAt) => (codeAt(0) - 48) * 10 + codeAt(1) - 48)
    expect(unpack(sorted).map((row) => row[0])).toEqual(['11010519491231002X', '210102198503150021', '21010319620708301X'])
  })

  it('sorts positions by their order, ties in position order, across runs of 65 536', () => {
    const orders = Array.from({ length: 70_000 }, (_, position) => (position * 7919) % 10)
    const sorted = sortedPositions(orders.length, (position) => orders[position] ?? 0)
    expect(sorted.slice(0, 3)).toEqual([0, 10, 20])
    expect(sorted.slice(65_536, 65_539)).toEqual([65_540, 65_550, 65_560])
    expect(new Set(sorted).size).toBe(70_000)
  })
})

import { describe, expect, it } from 'vitest'
import { toHalfWidth } from './half-width.js'

describe('full-width to ASCII', () => {
  it.each([
    ['２１０１０２', '210102'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['１\u3000２', '1 2'],
    ['－（）', '-()'],
    ['沈阳市 210102', '沈阳市 210102'],
  ])('%j becomes %j', (input, output) => {
    expect(toHalfWidth(input)).toBe(output)
  })
})

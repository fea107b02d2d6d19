import { describe, expect, it } from 'vitest'
import { normaliseDate } from './written-date.js'

describe('normaliseDate', () => {
  it.each([
    ['2001-02-03', '2001-02-03'],
    ['20010203', '2001-02-03'],
    ['2001/2/3', '2001-02-03'],
    ['2001.02.03', '2001-02-03'],
    ['2001年2月3日', '2001-02-03'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %s as %s', (written, date) => {
    expect(normaliseDate(written)).toBe(date)
  })

  it.each(['2001-02-30', '1900-02-29', '2001-13-01', '2001-2-3x', '', '03/02/2001'])('refuses %s, which is no calendar date', (written) => {
    expect(normaliseDate(written)).toBeUndefined()
  })
})

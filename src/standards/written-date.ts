import { isCalendarDate } from './resident-id.js'

// Dates as people write them in a spreadsheet: GB/T 7408's calendar date (2001-02-03) in its
// basic and extended forms, with the separators and 年月日 characters that forms add around it.
const DATE = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * A date as YYYY-MM-DD from the forms spreadsheets hold (2001-02-03, 20010203, 2001/2/3,
 * 2001年2月3日), or undefined when it is not a real calendar date.
 *
 * @example
 * normaliseDate('2001年2月3日') // '2001-02-03'
 * normaliseDate('2001-02-30') // undefined
 */
export function normaliseDate(value: string): string | undefined {
  if (ISO_DATE.test(value)) return isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))) ? value : undefined
  const match = DATE.exec(value)
  if (match === null) return undefined
  const [, year = '', month = '', day = ''] = match
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return undefined
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/**
 * The official decision behind a division change (国务院批复, 民政部批复, a province's notice), as
 * the areacodes data gives it: Markdown whose first heading is the title, followed by `文号：`,
 * `日期：` and `来源：` lines and the text itself. Some entries are plain text without a heading.
 */
export interface Decision {
  /** `国务院关于同意辽宁省调整沈阳市部分行政区划的批复`, or the document number when that is the heading. */
  readonly title: string
  /** `国函〔2016〕6号`, when the text names one. */
  readonly documentNumber?: string
  /** YYYY-MM-DD of the first date the text gives (`日期：` or a date opening the text). */
  readonly date?: string
  /** Where the text was taken from (a gazetteer page, the State Council Gazette), Markdown. */
  readonly source?: string
  /** The whole text, Markdown, as published. */
  readonly text: string
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 一九八五 → 1985 (digit by digit); 十一 → 11, 二十五 → 25, 三十 → 30 (a month or day); 1985 → 1985. */
function numberOf(text: string, digitByDigit: boolean): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  if (digitByDigit) {
    let value = 0
    for (const char of text) {
      const digit = CHINESE_DIGITS[char]
      if (digit === undefined) return undefined
      value = value * 10 + digit
    }
    return value
  }
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text)
  if (match === null || text === '') return undefined
  const [, tens = '', ten = '', units = ''] = match
  if (ten === '') return units === '' ? CHINESE_DIGITS[tens] : undefined
  return (tens === '' ? 1 : (CHINESE_DIGITS[tens] as number)) * 10 + (units === '' ? 0 : (CHINESE_DIGITS[units] as number))
}

const DATE = /([0-9]{4}|[〇零O一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/

/**
 * The first date written in a Chinese text, in Arabic or Chinese numerals, as YYYY-MM-DD.
 *
 * @example
 * chineseDate('日期：一九八五年四月十五日') // '1985-04-15'
 * chineseDate('2016年1月7日') // '2016-01-07'
 */
export function chineseDate(text: string): string | undefined {
  const match = DATE.exec(text)
  if (match === null) return undefined
  const year = numberOf(match[1] as string, true)
  const month = numberOf(match[2] as string, false)
  const day = numberOf(match[3] as string, false)
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const DOCUMENT_NUMBER = /[\u4e00-\u9fa5（(]{1,12}[〔[（(]?\d{2,4}[〕\]）)]?[\u4e00-\u9fa5]{0,3}\d+号/

/**
 * Reads a decision text as the areacodes data holds it.
 *
 * @example
 * parseDecision('# 国务院关于同意…的批复\n文号：国函〔2016〕6号\n日期：2016年1月7日\n来源：…\n\n辽宁省人民政府：…')
 * // { title: '国务院关于同意…的批复', documentNumber: '国函〔2016〕6号', date: '2016-01-07', source: '…', text: '…' }
 */
export function parseDecision(text: string): Decision {
  const lines = text.split('\n')
  const heading = lines
    .find((line) => line.startsWith('# '))
    ?.slice(2)
    .trim()
  const field = (key: string): string | undefined => {
    const line = lines.find((candidate) => candidate.startsWith(`${key}：`))
    return line === undefined ? undefined : line.slice(key.length + 1).trim()
  }
  const numberField = field('文号')
  const headingNumber = heading !== undefined && /号$/.test(heading) && DOCUMENT_NUMBER.test(heading) ? heading : undefined
  const documentNumber = numberField ?? headingNumber
  const date = chineseDate(field('日期') ?? '') ?? chineseDate(text)
  const source = field('来源')
  const firstLine = lines.find((line) => line.trim() !== '')?.replace(/^#+\s*/, '') ?? ''
  return {
    title: heading ?? (firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine),
    ...(documentNumber === undefined ? {} : { documentNumber }),
    ...(date === undefined ? {} : { date }),
    ...(source === undefined ? {} : { source }),
    text,
  }
}

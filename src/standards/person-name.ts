import { Converter } from 'opencc-js/t2cn'

/**
 * Personal names (姓名) as the population registry compares them: two departments' spellings of
 * one name should match however they were typed — full-width letters, stray spaces, any of the
 * middle dots used between the parts of a minority name, traditional characters.
 */

type Convert = (text: string) => string

// opencc-js 1.4.2 declares its types with extension-less relative imports ('./core'), which
// NodeNext resolution does not follow, so Converter arrives returning any: state what it returns.
const createConverter: (options: { from: string; to: string }) => Convert = Converter

const MIDDLE_DOT = '\u00B7'
// Typed for the dot in names such as 买买提·艾力: U+2022 bullet, U+2027 hyphenation point, U+2219
// bullet operator, U+22C5 dot operator, U+2E31 word separator middle dot, U+30FB katakana middle
// dot, U+A78F sinological dot. NFKC runs first and has already turned U+0387 into U+00B7, U+FF65
// into U+30FB, and the full-width full stop U+FF0E and the one-dot leader U+2024 into '.'.
const DOT_VARIANTS = /[\u2022\u2027\u2219\u22C5\u2E31\u30FB\uA78F]/g
// A full stop only stands for the middle dot between Chinese characters; in Latin names it is an
// initial ('J.R.') and stays.
const FULL_STOP_BETWEEN_HAN = /(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu
// \s covers ASCII white space, U+3000 and NBSP; the rest are invisible characters that come along
// when a name is copied from a web page or a word processor.
const SPACE_AND_INVISIBLE = /[\s\u00AD\u200B-\u200D\u2060]/g
// The common case, a name of basic CJK ideographs only, needs neither NFKC nor any of the
// replacements above, so it skips them.
const PLAIN_HAN = /^[\u4E00-\u9FFF]+$/
// Characters that OpenCC would simplify but that the Table of General Standard Chinese Characters
// (通用规范汉字表, 2013) keeps as standard in names: 乾 (qián, not 干), 於 and 氾 and 釐 as surnames,
// 昇 and 陞 and 吒 in given names. Converting them would make 张乾 and 张干 the same person.
const KEPT_IN_NAMES = /([乾於昇陞吒氾釐])/

let toSimplifiedChinese: Convert | undefined

/**
 * Traditional to simplified, created on first use: building the dictionaries takes 10–20 ms.
 * The Hong Kong source locale also folds the variant forms (衞, 綫, 裏) to the standard
 * traditional ones before simplifying, and unlike the Taiwan locale keeps 著 as 著.
 */
function converter(): Convert {
  if (toSimplifiedChinese === undefined) toSimplifiedChinese = createConverter({ from: 'hk', to: 'cn' })
  return toSimplifiedChinese
}

function simplify(text: string): string {
  const convert = converter()
  if (!KEPT_IN_NAMES.test(text)) return convert(text)
  return text
    .split(KEPT_IN_NAMES)
    .map((part, index) => (index % 2 === 1 ? part : convert(part)))
    .join('')
}

/**
 * The form in which two spellings of one name are equal: NFKC (full-width letters and digits to
 * ASCII, compatibility ideographs to the unified ones), no white space, every middle-dot variant
 * as U+00B7, traditional characters simplified, Latin letters upper-cased.
 *
 * @example
 * normalisePersonName('買買提．艾力') // '买买提·艾力'
 * normalisePersonName(' 王\u3000芳 ')  // '王芳'
 * normalisePersonName('Ａｌｉ')       // 'ALI'
 */
export function normalisePersonName(name: string): string {
  if (PLAIN_HAN.test(name)) return simplify(name)
  const folded = name.normalize('NFKC').replace(SPACE_AND_INVISIBLE, '').replace(DOT_VARIANTS, MIDDLE_DOT).replace(FULL_STOP_BETWEEN_HAN, MIDDLE_DOT)
  return simplify(folded).toUpperCase()
}

/**
 * Whether two spellings name the same person's name (see {@link normalisePersonName}).
 *
 * @example
 * samePersonName('張偉', '张伟')               // true
 * samePersonName('买买提•艾力', '买买提·艾力') // true
 * samePersonName('张伟', '张炜')               // false
 */
export function samePersonName(a: string, b: string): boolean {
  return a === b || normalisePersonName(a) === normalisePersonName(b)
}

/**
 * Folds full-width ASCII forms (U+FF01–U+FF5E, as typed with a Chinese input method) and the
 * ideographic space (U+3000) to their ASCII counterparts; every other character is kept.
 *
 * @example
 * toHalfWidth('２１０１０２\u3000ｘ') // '210102 x'
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/

export function toHalfWidth(text: string): string {
  // Most input has nothing to fold: testing first avoids building a new string per call.
  if (!FULL_WIDTH.test(text)) return text
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
}

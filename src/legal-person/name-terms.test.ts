import { describe, expect, it } from 'vitest'
import { normaliseName, parseNameQuery, PinyinReadings, regionPrefixLength } from './name-terms.js'

describe('legal-person name terms', () => {
  it.each([
    ['沈阳华信机械制造有限公司', '沈阳华信机械制造有限公司'],
    ['瀋陽華信機械製造有限公司', '沈阳华信机械制造有限公司'],
    ['沈阳华信（集团）有限公司', '沈阳华信(集团)有限公司'],
    ['沈阳ＡＢＣ科技 有限公司', '沈阳ABC科技有限公司'],
    ['shenyang abc', 'SHENYANGABC'],
    ['乾安县供销社', '乾安县供销社'],
  ])('normalises %j to %j', (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised)
  })

  it.each([
    ['沈阳华信机械制造有限公司', 2],
    ['沈阳市和平区张记面馆', 3],
    ['辽宁省软件行业协会', 3],
    ['辽宁沈阳华信', 4],
    ['辽宁省沈阳市华信机械', 6],
    ['华信机械', 0],
    ['沈河区华信', 0],
    ['', 0],
  ])('the region of %j ends at %d', (name, end) => {
    expect(regionPrefixLength(name)).toBe(end)
  })

  it.each([
    ['机械 华信', { text: '机械华信', words: ['机械', '华信'], letters: undefined, code: undefined }],
    ['华信机械', { text: '华信机械', words: ['华信', '机械'], letters: undefined, code: undefined }],
    ['华信', { text: '华信', words: [], letters: undefined, code: undefined }],
    ['华信 华信', { text: '华信华信', words: [], letters: undefined, code: undefined }],
    ['华 信', { text: '华信', words: ['华', '信'], letters: undefined, code: undefined }],
    ['A华', { text: 'A华', words: ['A', '华'], letters: undefined, code: undefined }],
    ['科技', { text: '科技', words: [], letters: undefined, code: undefined }],
    ['和平区张记', { text: '和平区张记', words: ['和平', '区张记'], letters: undefined, code: undefined }],
    ['HuaXin', { text: 'HUAXIN', words: [], letters: 'huaxin', code: 'HUAXIN' }],
    ["xi'an", { text: "XI'AN", words: [], letters: 'xian', code: undefined }],
    ['ｈｘｊｘ', { text: 'HXJX', words: [], letters: 'hxjx', code: 'HXJX' }],
    ['h', { text: 'H', words: [], letters: undefined, code: 'H' }],
    ['91210100', { text: '91210100', words: [], letters: undefined, code: '91210100' }],
    ['華信，機械', { text: '华信机械', words: ['华信', '机械'], letters: undefined, code: undefined }],
  ])('parses %j', (query, parsed) => {
    expect(parseNameQuery(query)).toEqual(parsed)
  })

  it.each(['', '   ', '\u3000', ' , ; '])('finds nothing to search in %j', (query) => {
    expect(parseNameQuery(query)).toBeUndefined()
  })

  describe('pinyin spellings', () => {
    const readings = new PinyinReadings()
    for (const char of '华化信兴新机械技沈阳行银长西安先') readings.learn(char.charCodeAt(0))
    // Each spelling as the characters of each place, sorted, to compare.
    const spelled = (letters: string) =>
      readings.spellings(letters).map((spelling) => spelling.classes.map((chars) => String.fromCharCode(...[...chars].sort((a, b) => a - b))))
    const chars = (text: string) => String.fromCharCode(...[...text].map((char) => char.charCodeAt(0)).sort((a, b) => a - b))

    it.each([
      ['huaxin', [[chars('华化'), chars('信新兴行')]]],
      ['huaxi', [[chars('华化'), chars('信新兴行西先械')]]],
      ['hxjx', [[chars('华化行'), chars('信新兴行西先械'), chars('机技'), chars('信新兴行西先械')]]],
      ['yinhang', [[chars('银'), chars('行')]]],
      ['zhang', [[chars('长')]]],
      // The fewest syllables: 先, not 西安 (typed xi'an all the same).
      ['xian', [[chars('先')]]],
      ['qqq', []],
    ])('reads %j', (letters, spellings) => {
      expect(spelled(letters)).toEqual(spellings)
    })

    it('names the letters of each place', () => {
      expect(readings.spellings('huaxi').map((spelling) => spelling.parts)).toEqual([['hua', 'xi']])
      expect(readings.spellings('hxjx').map((spelling) => spelling.parts)).toEqual([['h', 'x', 'j', 'x']])
    })

    it('knows the initials of each reading', () => {
      const initials = (char: string) => readings.initials(char.charCodeAt(0))
      const bit = (letter: string) => 1 << (letter.charCodeAt(0) - 0x61)
      expect(initials('行')).toBe(bit('x') | bit('h'))
      expect(initials('华')).toBe(bit('h'))
      expect(initials('A')).toBe(0)
    })

    it('learns a character once', () => {
      readings.learn('华'.charCodeAt(0))
      expect(spelled('hua')).toEqual([[chars('华化')]])
    })
  })
})

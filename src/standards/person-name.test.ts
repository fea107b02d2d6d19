import { describe, expect, it } from 'vitest'
import { normalisePersonName, samePersonName } from './person-name.js'

describe('person names', () => {
  it.each([
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['买买提．艾力', '买买提·艾力'],
    ['买买提・艾力', '买买提·艾力'],
    ['买买提‧艾力', '买买提·艾力'],
    ['买买提･艾力', '买买提·艾力'],
    ['买买提∙艾力', '买买提·艾力'],
    ['买买提.艾力', '买买提·艾力'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['張偉', '张伟'],
    ['歐陽鋒', '欧阳锋'],
    ['衞國', '卫国'],
    ['王 芳', '王芳'],
    ['王\u3000芳', '王芳'],
    ['\u00A0王芳\t', '王芳'],
    ['王\u200B芳', '王芳'],
    ['Ａｌｉ', 'ALI'],
    ['ali', 'ALI'],
    ['J.R. Smith', 'J.R.SMITH'],
    ['张乾', '张乾'],
    ['於梅', '於梅'],
    ['乾隆', '乾隆'],
    ['李昇', '李昇'],
    ['王芳', '王芳'],
    ['', ''],
  ])('%j becomes %j', (input, output) => {
    expect(normalisePersonName(input)).toBe(output)
  })

  it.each([
    ['买买提·艾力', '买买提•艾力'],
    ['买买提•艾力', '买买提．艾力'],
    ['买买提．艾力', '买买提・艾力'],
    ['張偉', '张伟'],
    ['王 芳', '王芳'],
    ['王\u3000芳', '王芳'],
    ['Ａｌｉ', 'ALI'],
    ['陳麗華', '陈丽华'],
  ])('%j and %j are the same name', (a, b) => {
    expect(samePersonName(a, b)).toBe(true)
  })

  it.each([
    ['张伟', '张炜'],
    ['王芳', '王方'],
    ['张乾', '张干'],
    ['买买提·艾力', '买买提艾力'],
    ['李四', '李四四'],
  ])('%j and %j are different names', (a, b) => {
    expect(samePersonName(a, b)).toBe(false)
  })
})

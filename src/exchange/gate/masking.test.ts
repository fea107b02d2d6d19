import { describe, expect, it } from 'vitest'
import { maskAddress, maskerFor, maskGeneric, maskName, maskPhone, maskResidentId } from './masking.js'

describe('masking (脱敏)', () => {
  it.each([
    [maskResidentId, '210102199003071234', '210102**********1234'],
    [maskResidentId, '21010219900307123X', '210102**********123X'],
    [maskResidentId, '210102900307123', '210102**********7123'],
    [maskName, '张三', '张*'],
    [maskName, '欧阳娜娜', '欧***'],
    [maskName, '阿依古丽·买买提', '阿*******'],
    [maskPhone, '13812345678', '138****5678'],
    [maskPhone, '138 1234 5678', '138****5678'],
    [maskPhone, '024-23456789', '*******6789'],
    [maskAddress, '辽宁省沈阳市和平区南京北街100号', '辽宁省沈阳市和平区****'],
    [maskAddress, '沈阳市浑南区创新路1号', '沈阳市浑南区****'],
    [maskAddress, '康平县胜利街道', '康平县****'],
    [maskGeneric, 'ABCDEF', 'A****F'],
  ])('%o masks %s as %s', (mask, value, expected) => {
    expect(mask(value)).toBe(expected)
  })

  it('picks a masker from what the item holds', () => {
    expect(maskerFor({ name: '公民身份号码', key: 'resident_id', identifierKind: 'residentId' })('210102199003071234')).toBe('210102**********1234')
    expect(maskerFor({ name: '姓名', key: 'name', identifierKind: null })('李四')).toBe('李*')
    expect(maskerFor({ name: '联系电话', key: 'phone', identifierKind: null })('13912345678')).toBe('139****5678')
    expect(maskerFor({ name: '居住地址', key: 'residence_address', identifierKind: null })('沈阳市铁西区北二路5号')).toBe('沈阳市铁西区****')
    expect(maskerFor({ name: '保障金额', key: 'allowance_amount', identifierKind: null })('1200')).toBe('1**0')
  })
})

import { describe, expect, it } from 'vitest'
import { checkCharacter, isValidResidentId, normaliseResidentId, parseResidentId } from './resident-id.js'

const TODAY = new Date('2024-06-01T12:00:00+08:00')

describe('resident ID numbers (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['21010219900307123', '3'],
    ['21010319851111234', '7'],
    ['21010319880808018', 'X'],
    ['21011519800101002', '0'],
  ])('the check character of %s is %s', (first17, check) => {
    expect(checkCharacter(first17)).toBe(check)
  })

  it.each(['1101051949123100', '1101051949123100X', '110105194912310021'])('checkCharacter refuses %s', (first17) => {
    expect(() => checkCharacter(first17)).toThrow(RangeError)
  })

  it.each([
    [' 11010519491231002X ', '11010519491231002X'],
    ['110105 19491231 002x', '11010519491231002X'],
    ['110105-19491231-002X', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５\u3000１９４９１２３１\u3000００２ｘ', '11010519491231002X'],
  ])('normalises %j to %s', (input, id) => {
    expect(normaliseResidentId(input)).toBe(id)
  })

  it.each([
    // the standard's own example
    ['11010519491231002X', '110105', '朝阳区', '1949-12-31', 'female', '002'],
    ['210102199003071233', '210102', '和平区', '1990-03-07', 'male', '123'],
    ['210103198511112347', '210103', '沈河区', '1985-11-11', 'female', '234'],
    ['21010319880808018X', '210103', '沈河区', '1988-08-08', 'female', '018'],
    ['210104201208150077', '210104', '大东区', '2012-08-15', 'male', '007'],
    ['210115198001010020', '210115', '辽中区', '1980-01-01', 'female', '002'],
    // 210112 was 东陵区 until 2016 and is 浑南区 now: the same code, still current
    ['210112198501010028', '210112', '浑南区', '1985-01-01', 'female', '002'],
    ['210112200002290459', '210112', '浑南区', '2000-02-29', 'male', '045'],
    ['210102189001010016', '210102', '和平区', '1890-01-01', 'male', '001'],
    ['210102202406010018', '210102', '和平区', '2024-06-01', 'male', '001'],
  ])('%s is valid: %s %s, born %s, %s', (id, addressCode, addressName, birthDate, gender, sequence) => {
    expect(parseResidentId(id, { today: TODAY })).toEqual({
      valid: true,
      id,
      converted: false,
      addressCode,
      addressName,
      addressRetired: false,
      birthDate,
      gender,
      sequence,
    })
  })

  it.each([['１１０１０５１９４９１２３１００２Ｘ'], ['11010519491231002x'], [' 110105 1949 1231 002X '], ['110105-19491231-002X']])(
    'accepts %j as 11010519491231002X',
    (input) => {
      expect(parseResidentId(input)).toMatchObject({ valid: true, id: '11010519491231002X', converted: false })
    },
  )

  it.each([
    ['210102850615123', '210102198506151230', '1985-06-15', 'male'],
    ['210122731001042', '210122197310010429', '1973-10-01', 'female'],
    ['２１０１０２ ８５０６１５ １２３', '210102198506151230', '1985-06-15', 'male'],
  ])('converts the 15-digit %j to %s', (input, id, birthDate, gender) => {
    expect(parseResidentId(input)).toMatchObject({ valid: true, id, converted: true, birthDate, gender })
  })

  it('keeps a retired address code of first registration (210122 辽中县, now 210115 辽中区)', () => {
    expect(parseResidentId('210122198506123016')).toEqual({
      valid: true,
      id: '210122198506123016',
      converted: false,
      addressCode: '210122',
      addressName: '辽中县',
      addressRetired: true,
      birthDate: '1985-06-12',
      gender: 'male',
      sequence: '301',
    })
  })

  it.each([
    ['', 'empty', '未填写'],
    ['   ', 'empty', '未填写'],
    [' - ', 'empty', '未填写'],
    ['2101021990', 'length', 'not 10'],
    ['2101021990030712331', 'length', 'not 19'],
    ['21010219900307123A', 'characters', 'X'],
    ['2101021990X3071233', 'characters', 'X'],
    ['21010285061512X', 'characters', '15'],
    ['210102199003071234', 'check', 'should be 3, not 4'],
    ['11010519491231002Y', 'characters', 'X'],
    ['110105194912310021', 'check', 'should be X, not 1'],
    ['21010219990230001X', 'birth-date', 'not a real calendar date'],
    ['210102199902310015', 'birth-date', 'not a real calendar date'],
    ['210102199913010018', 'birth-date', 'not a real calendar date'],
    ['210102199901000015', 'birth-date', 'not a real calendar date'],
    ['210102190002290011', 'birth-date', 'not a real calendar date'],
    ['210102990230001', 'birth-date', 'not a real calendar date'],
    ['210102188912310015', 'birth-date', 'before 1890-01-01'],
    ['210102202406020013', 'future-birth-date', 'future'],
    ['999999199001010016', 'address', '999999'],
  ])('%j is invalid: %s', (input, reason, message) => {
    const result = parseResidentId(input, { today: TODAY })
    expect(result).toMatchObject({ valid: false, reason })
    expect(result.valid === false && result.message).toContain(message)
    expect(result.valid === false && result.message).toMatch(/\(.*[\u4e00-\u9fff].*\)$/)
  })

  it('counts "today" in China Standard Time, whatever the time zone of the server', () => {
    const bornToday = '210102202406010018'
    expect(isValidResidentId(bornToday, { today: new Date('2024-05-31T16:30:00Z') })).toBe(true)
    expect(isValidResidentId(bornToday, { today: new Date('2024-05-31T15:30:00Z') })).toBe(false)
  })

  it('isValidResidentId agrees with parseResidentId', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(true)
    expect(isValidResidentId('110105194912310021')).toBe(false)
  })

  it('does not repeat the number in its messages', () => {
    const result = parseResidentId('21010219990230001X')
    expect(result.valid === false && result.message).not.toContain('19990230')
  })
})

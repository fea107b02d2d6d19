import { describe, expect, it } from 'vitest'
import { checkCharacter } from '../standards/resident-id.js'
import { ResidentIdSet } from './resident-id-set.js'

function idOf(address: string, date: string, sequence: number): string {
  const first17 = `${address}${date}${String(sequence).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

describe('ResidentIdSet', () => {
  it('answers the first row of an ID seen again and nothing for a new one', () => {
    const seen = new ResidentIdSet()
    expect(seen.addOrGet(idOf('210102', '19900101', 123), 2)).toBeUndefined()
    expect(seen.addOrGet(idOf('210102', '19900101', 124), 3)).toBeUndefined()
    expect(seen.addOrGet(idOf('210102', '19900101', 123), 7)).toBe(2)
    expect(seen.size).toBe(2)
  })

  it('keeps IDs that differ only in address, date or sequence apart while growing', () => {
    const seen = new ResidentIdSet()
    const ids: string[] = []
    for (const address of ['210102', '210103', '210112', '110105']) {
      for (let day = 1; day <= 28; day++) {
        for (let sequence = 0; sequence < 1000; sequence += 7) ids.push(idOf(address, `1985${'02'}${String(day).padStart(2, '0')}`, sequence))
      }
    }
    ids.forEach((id, index) => expect(seen.addOrGet(id, index + 2)).toBeUndefined())
    expect(seen.size).toBe(ids.length)
    ids.forEach((id, index) => expect(seen.addOrGet(id, 0)).toBe(index + 2))
  })
})

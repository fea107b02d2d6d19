import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblems, UNUSABLE_HASH, verifyPassword } from './passwords.js'
import { hashToken, newToken, tokenKind } from './tokens.js'

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('Huitong@2026')
    const second = await hashPassword('Huitong@2026')
    expect(first).not.toBe(second)
    expect(first.startsWith('scrypt$32768$8$3$')).toBe(true)
    expect(await verifyPassword('Huitong@2026', first)).toBe(true)
    expect(await verifyPassword('huitong@2026', first)).toBe(false)
    expect(await verifyPassword('Huitong@2026', UNUSABLE_HASH)).toBe(false)
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false)
  })
})

describe('password policy', () => {
  const policy = { minLength: 10, minClasses: 3 }
  it.each([
    ['Huitong@2026', 'police', 0],
    ['short1A!', 'police', 1],
    ['alllowercaseletters', 'police', 1],
    ['Police@2026x', 'police', 1],
    ['abc', 'police', 2],
  ])('%s for %s has %i problems', (password, username, count) => {
    expect(passwordProblems(password, policy, username)).toHaveLength(count)
  })
})

describe('tokens', () => {
  it('are opaque, prefixed by kind, and hashed for storage', () => {
    const token = newToken('client')
    expect(tokenKind(token)).toBe('client')
    expect(tokenKind(newToken('session'))).toBe('session')
    expect(tokenKind('Bearer nonsense')).toBeUndefined()
    expect(token.length).toBeGreaterThan(40)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token.slice(4))
  })
})

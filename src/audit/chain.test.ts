import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical.js'
import { chainHash, GENESIS_HASH, type ChainedContent } from './chain.js'

describe('SM3', () => {
  it('matches the GB/T 32905 example for "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  })
})

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [3, { y: 1, x: 2 }] }, '{"a":[3,{"x":2,"y":1}]}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['张三', '"张三"'],
  ])('%o → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected)
  })
})

describe('chainHash', () => {
  const row: ChainedContent = {
    seq: 1,
    occurred_at: '2026-11-26T00:00:00.000Z',
    actor_type: 'user',
    actor_id: 'u1',
    actor_name: 'police',
    department_code: '210100003',
    action: 'auth.login',
    target: 'police',
    outcome: 'success',
    request_id: 'r1',
    ip: '127.0.0.1',
    detail: '{}',
    prev_hash: GENESIS_HASH,
  }

  it('changes when any covered field changes', () => {
    const base = chainHash(row)
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    for (const [key, value] of Object.entries({ seq: 2, actor_name: 'civil', outcome: 'failure', detail: '{"x":1}', prev_hash: 'f'.repeat(64) })) {
      expect(chainHash({ ...row, [key]: value })).not.toBe(base)
    }
  })
})

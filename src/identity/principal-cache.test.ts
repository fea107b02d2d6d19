import { describe, expect, it } from 'vitest'
import type { Principal } from '../platform/auth/principal.js'
import { PrincipalCache } from './principal-cache.js'

const principal = (id: string, credentialId: string): Principal => ({
  kind: 'user',
  id,
  name: id,
  displayName: id,
  department: { id: 'd', code: '210100003', name: '市公安局' },
  roles: ['consumer'],
  credentialId,
})

describe('PrincipalCache', () => {
  it('keeps an entry for its lifetime only', () => {
    const cache = new PrincipalCache(1000)
    cache.put('h1', principal('u1', 's1'), 0)
    expect(cache.get('h1', 999)?.id).toBe('u1')
    expect(cache.get('h1', 1000)).toBeUndefined()
  })

  it('forgets a session, or every session of a principal', () => {
    const cache = new PrincipalCache()
    cache.put('a', principal('u1', 's1'))
    cache.put('b', principal('u1', 's2'))
    cache.put('c', principal('u2', 's3'))
    cache.forget({ credentialId: 's1' })
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('b')).toBeDefined()
    cache.forget({ principalId: 'u1' })
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('c')?.id).toBe('u2')
  })

  it('drops the oldest entry when full', () => {
    const cache = new PrincipalCache(60_000, 2)
    cache.put('a', principal('u1', 's1'))
    cache.put('b', principal('u2', 's2'))
    cache.put('c', principal('u3', 's3'))
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('c')?.id).toBe('u3')
  })
})

import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../platform/config.js'
import { addressKind, WebhookTargets, type HostResolver } from './webhook-targets.js'

/** A resolver answering from a table; names missing from it do not resolve. */
function resolverOf(table: Record<string, readonly string[]>): HostResolver {
  return async (host) => {
    const addresses = table[host]
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
}

const targets = (allow: string, table: Record<string, readonly string[]> = {}) =>
  new WebhookTargets(loadConfig({ HUITONG_WEBHOOK_ALLOW: allow }).webhookAllow, resolverOf(table))

describe('addressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:2', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['172.32.0.1', undefined],
    ['8.8.8.8', undefined],
    ['202.96.64.68', undefined],
    ['2400:3200::1', undefined],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind)
  })
})

describe('WebhookTargets', () => {
  const refused = /HUITONG_WEBHOOK_ALLOW/

  it('allows public addresses and refuses every special one by default', async () => {
    const policy = targets('', {
      'hook.example': ['202.96.64.68'],
      'mixed.example': ['202.96.64.68', '10.0.0.7'],
      'inside.example': ['192.168.0.9'],
      localhost: ['127.0.0.1'],
    })
    await expect(policy.check(new URL('https://202.96.64.68/in'))).resolves.toBeUndefined()
    await expect(policy.resolve(new URL('https://hook.example/in'))).resolves.toEqual({ address: '202.96.64.68', family: 4 })
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://localhost.:8080/',
      'http://[::1]/',
      'http://0.0.0.0/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:7f00:1]/',
      'http://2130706433/',
    ]) {
      await expect(policy.check(new URL(url)), url).rejects.toThrow(refused)
    }
    // A name is judged by every address it resolves to.
    await expect(policy.check(new URL('https://mixed.example/'))).rejects.toThrow('mixed.example resolves to 10.0.0.7, which is a private address')
    await expect(policy.resolve(new URL('https://inside.example/'))).rejects.toThrow(refused)
  })

  it('lets a name that does not resolve yet be subscribed, and refuses to deliver to it', async () => {
    const policy = targets('')
    await expect(policy.check(new URL('https://later.example/in'))).resolves.toBeUndefined()
    await expect(policy.resolve(new URL('https://later.example/in'))).rejects.toThrow(/ENOTFOUND/)
  })

  it('allows exactly the listed addresses, blocks and host names', async () => {
    const policy = targets('127.0.0.1, 10.20.0.0/16, *.intranet.example, hook.gov.example', {
      'a.intranet.example': ['10.9.9.9'],
      'intranet.example': ['10.9.9.9'],
      'evil-intranet.example': ['10.9.9.9'],
      'hook.gov.example': ['192.168.3.3'],
      'other.gov.example': ['192.168.3.3'],
    })
    for (const url of [
      'http://127.0.0.1:9000/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.20.3.4/',
      'https://a.intranet.example/',
      'https://hook.gov.example/',
    ]) {
      await expect(policy.resolve(new URL(url)), url).resolves.toBeDefined()
    }
    for (const url of [
      'http://127.0.0.2/',
      'http://10.21.0.1/',
      'https://intranet.example/',
      'https://evil-intranet.example/',
      'https://other.gov.example/',
      'http://[::1]/',
    ]) {
      await expect(policy.resolve(new URL(url)), url).rejects.toThrow(refused)
    }
    await expect(policy.resolve(new URL('https://a.intranet.example/'))).resolves.toEqual({ address: '10.9.9.9', family: 4 })
  })

  it('opens a metadata address only when it is listed as that one address', async () => {
    const table = { 'meta.intranet.example': ['169.254.169.254'] }
    await expect(targets('169.254.0.0/16').resolve(new URL('http://169.254.1.1/'))).resolves.toBeDefined()
    await expect(targets('169.254.0.0/16').resolve(new URL('http://169.254.169.254/'))).rejects.toThrow('169.254.169.254 is a metadata address')
    await expect(targets('*.intranet.example', table).resolve(new URL('http://meta.intranet.example/'))).rejects.toThrow(refused)
    await expect(targets('169.254.169.254').resolve(new URL('http://169.254.169.254/'))).resolves.toEqual({ address: '169.254.169.254', family: 4 })
  })
})

describe('HUITONG_WEBHOOK_ALLOW', () => {
  it('reads host names, addresses and blocks, and allows nothing special by default', () => {
    expect(loadConfig({}).webhookAllow).toEqual([])
    expect(loadConfig({ HUITONG_WEBHOOK_ALLOW: ' 127.0.0.1 ,::1, 10.0.0.0/8,fd00::/8, *.Intranet.example ,' }).webhookAllow).toEqual([
      { kind: 'block', address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { kind: 'block', address: '::1', prefix: 128, family: 'ipv6' },
      { kind: 'block', address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { kind: 'block', address: 'fd00::', prefix: 8, family: 'ipv6' },
      { kind: 'host', pattern: '*.intranet.example' },
    ])
  })

  it.each(['10.0.0.0/33', '::1/129', '10.0.0.0/x', 'http://hook.example', 'hook example', '*.', '*', 'a..b'])('refuses %s', (entry) => {
    expect(() => loadConfig({ HUITONG_WEBHOOK_ALLOW: entry })).toThrow(ConfigError)
  })
})

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'
import { openSecretBox, SECRET_KEY_FILE, SecretBox, SecretBoxError } from './secret-box.js'

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32))
  const secret = 'q0zY3lM1JrX8d6p2m4T9wE7cV5bN1aS3dF6gH8jK0lQ'

  it('seals a secret so that only the same key and context open it', () => {
    const sealed = box.seal(secret, 'subscription-1')
    expect(SecretBox.isSealed(sealed)).toBe(true)
    expect(SecretBox.isSealed(secret)).toBe(false)
    expect(sealed).not.toContain(secret)
    expect(box.seal(secret, 'subscription-1')).not.toBe(sealed)
    expect(box.open(sealed, 'subscription-1')).toBe(secret)
    expect(() => box.open(sealed, 'subscription-2')).toThrow(SecretBoxError)
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'subscription-1')).toThrow(SecretBoxError)
    const [prefix, iv, body, tag] = sealed.split('.')
    const altered = `${prefix}.${iv}.${Buffer.from(Buffer.from(body ?? '', 'base64url').map((byte, index) => (index === 0 ? byte ^ 1 : byte))).toString('base64url')}.${tag}`
    expect(() => box.open(altered, 'subscription-1')).toThrow(SecretBoxError)
    expect(() => box.open(secret, 'subscription-1')).toThrow(SecretBoxError)
  })
})

describe('openSecretBox', () => {
  const dirs: string[] = []
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-key-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('creates a key file readable by the owner only on first start, and reads it afterwards', () => {
    const dir = dataDir()
    const first = openSecretBox(loadConfig({ HUITONG_DATA_DIR: dir }))
    const file = path.join(dir, SECRET_KEY_FILE)
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(dir)).toEqual([SECRET_KEY_FILE])
    const sealed = first.seal('s3cret', 'id')
    expect(openSecretBox(loadConfig({ HUITONG_DATA_DIR: dir })).open(sealed, 'id')).toBe('s3cret')
  })

  it.skipIf(process.platform === 'win32')('refuses a key file others may read', () => {
    const dir = dataDir()
    openSecretBox(loadConfig({ HUITONG_DATA_DIR: dir }))
    fs.chmodSync(path.join(dir, SECRET_KEY_FILE), 0o644)
    expect(() => openSecretBox(loadConfig({ HUITONG_DATA_DIR: dir }))).toThrow(/chmod 600/)
  })

  it('takes the key from HUITONG_WEBHOOK_SECRET_KEY, and then writes no file', () => {
    const dir = dataDir()
    const key = randomBytes(32).toString('base64')
    const sealed = openSecretBox(loadConfig({ HUITONG_DATA_DIR: dir, HUITONG_WEBHOOK_SECRET_KEY: key })).seal('s3cret', 'id')
    expect(new SecretBox(Buffer.from(key, 'base64')).open(sealed, 'id')).toBe('s3cret')
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it.each([
    ['short', 'c2hvcnQ='],
    ['hex', randomBytes(32).toString('hex')],
    ['33 bytes', randomBytes(33).toString('base64')],
  ])('refuses a key that is %s, without repeating it', (_, value) => {
    expect(() => loadConfig({ HUITONG_WEBHOOK_SECRET_KEY: value })).toThrow(ConfigError)
    expect(() => loadConfig({ HUITONG_WEBHOOK_SECRET_KEY: value })).not.toThrow(value)
  })
})

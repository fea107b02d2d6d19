import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, type Config } from './config.js'

const ALGORITHM = 'aes-256-gcm'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
/** Sealed values start with this; base64url text never holds a dot, so clear secrets cannot. */
const PREFIX = 'v1.'
/** The key file in the data directory when HUITONG_WEBHOOK_SECRET_KEY is not set. */
export const SECRET_KEY_FILE = 'webhook-secrets.key'

/** A sealed value that does not open with this key: another node's key, or altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretBoxError'
  }
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url')

/**
 * Seals secrets the platform must keep in a usable form (webhook signing secrets) with
 * AES-256-GCM: `v1.<iv>.<ciphertext>.<tag>`, base64url. Each value is bound to a context (the
 * row it belongs to), so a sealed value copied to another row does not open there.
 *
 * @example
 * const box = new SecretBox(randomBytes(32))
 * const sealed = box.seal('s3cret', 'subscription:6f0c…')
 * box.open(sealed, 'subscription:6f0c…') // 's3cret'
 */
export class SecretBox {
  readonly #key: Buffer

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`a secret box key is ${KEY_BYTES} bytes, not ${key.length}`)
    this.#key = Buffer.from(key)
  }

  /** Whether a stored value is sealed (rather than a secret kept in clear by an older version). */
  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX)
  }

  seal(secret: string, context: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(context, 'utf8'))
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
    return `${PREFIX}${base64url(iv)}.${base64url(sealed)}.${base64url(cipher.getAuthTag())}`
  }

  open(value: string, context: string): string {
    const [iv, sealed, tag, ...rest] = value.startsWith(PREFIX) ? value.slice(PREFIX.length).split('.') : []
    if (iv === undefined || sealed === undefined || tag === undefined || rest.length > 0) throw new SecretBoxError('not a sealed value')
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
        .setAAD(Buffer.from(context, 'utf8'))
        .setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
    } catch {
      throw new SecretBoxError('the sealed value does not open with this key (another key, or altered)')
    }
  }
}

/**
 * The secret box of this node: keyed by HUITONG_WEBHOOK_SECRET_KEY, or else by the key file in
 * the data directory, which the first start creates (owner read/write only). A key file that
 * others may read is refused. Every node of a PostgreSQL deployment needs the same key.
 *
 * @example
 * const box = openSecretBox(loadConfig()) // creates ./data/webhook-secrets.key on first start
 */
export function openSecretBox(config: Pick<Config, 'dataDir' | 'webhookSecretKey'>): SecretBox {
  if (config.webhookSecretKey !== undefined) return new SecretBox(config.webhookSecretKey)
  const file = path.join(config.dataDir, SECRET_KEY_FILE)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true })
    // Written aside and linked into place: of two processes starting at once, one key wins whole.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    throw new ConfigError('HUITONG_WEBHOOK_SECRET_KEY', `the key file ${file} may be read by others: chmod 600 it`)
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== KEY_BYTES) throw new ConfigError('HUITONG_WEBHOOK_SECRET_KEY', `the key file ${file} does not hold base64 of ${KEY_BYTES} bytes`)
  return new SecretBox(key)
}

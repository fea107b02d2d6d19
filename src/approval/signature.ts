import { createHash, randomBytes } from 'node:crypto'
import smCrypto from 'sm-crypto'

// sm-crypto 0.5 exports this; its published types (0.3) predate it.
const { getPublicKeyFromPrivateKey } = smCrypto.sm2 as unknown as { getPublicKeyFromPrivateKey(privateKey: string): string }

/**
 * SM2 signatures (GB/T 32918) with SM3, as Chinese verifiers expect them: the signer's identity
 * hash Z uses the default distinguishing ID of GM/T 0009-2012, 1234567812345678. Node's own
 * crypto signs SM2 keys with an empty ID (OpenSSL 3 sets none through Node's API), which other
 * verifiers reject, so the signing is sm-crypto's; any SM2 verifier checks it, OpenSSL included:
 * `openssl dgst -sm3 -verify key.pem -sigopt distid:1234567812345678 -signature sig.der data`.
 */
export const SM2_DEFAULT_ID = '1234567812345678'

/** SM2's group order n (GB/T 32918.5). A private key d must lie in [1, n − 2]. */
const ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n

/** DER of SubjectPublicKeyInfo for id-ecPublicKey on the SM2 curve (1.2.156.10197.1.301), before the 65-byte point. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex')

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/**
 * A new SM2 private key: 32 random bytes in the key range.
 *
 * @example
 * const signer = new Sm2Signer(generateSm2PrivateKey())
 */
export function generateSm2PrivateKey(): Buffer {
  for (;;) {
    const candidate = randomBytes(32)
    const value = BigInt(`0x${candidate.toString('hex')}`)
    if (value >= 1n && value <= ORDER - 2n) return candidate
  }
}

/**
 * The uncompressed point (04 ‖ x ‖ y, hex) of an SM2 public key in PEM (SubjectPublicKeyInfo), or
 * an error naming what is wrong.
 */
export function publicPointOfPem(publicKeyPem: string): string {
  const body = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(publicKeyPem)?.[1]
  if (body === undefined) throw new Error('not a PEM public key (BEGIN PUBLIC KEY)')
  const der = Buffer.from(body.replace(/\s+/g, ''), 'base64')
  if (der.length !== SPKI_PREFIX.length + 65 || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) throw new Error('not an SM2 public key')
  return der.subarray(SPKI_PREFIX.length).toString('hex')
}

function bytesOf(data: Uint8Array | string): number[] {
  return Array.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
}

/**
 * The platform's signing key. It keeps the private key to itself and publishes the public key as
 * PEM, so anyone verifies a licence without the platform: {@link verifySm2}, OpenSSL, GmSSL.
 *
 * @example
 * const signer = new Sm2Signer(Buffer.from(process.env.KEY, 'base64'))
 * const signature = signer.sign(canonical) // DER, as OpenSSL writes it
 * verifySm2(signer.publicKeyPem, canonical, signature) // true
 */
export class Sm2Signer {
  readonly publicKeyPem: string
  /** SM3 of the public key's DER, hex: names the key on what it signed, so a verifier picks the right one after a key change. */
  readonly keyId: string
  readonly #privateKey: string
  readonly #publicPoint: string

  constructor(privateKey: Uint8Array) {
    if (privateKey.length !== 32) throw new Error('an SM2 private key is 32 bytes')
    const value = BigInt(`0x${Buffer.from(privateKey).toString('hex')}`)
    if (value < 1n || value > ORDER - 2n) throw new Error('the SM2 private key is out of range')
    this.#privateKey = Buffer.from(privateKey).toString('hex')
    this.#publicPoint = getPublicKeyFromPrivateKey(this.#privateKey)
    const spki = Buffer.concat([SPKI_PREFIX, Buffer.from(this.#publicPoint, 'hex')])
    this.publicKeyPem = pem('PUBLIC KEY', spki)
    this.keyId = createHash('sm3').update(spki).digest('hex')
  }

  /** The DER-encoded SM2 signature of `data` (a string is signed as its UTF-8 bytes). */
  sign(data: Uint8Array | string): Buffer {
    const signature = smCrypto.sm2.doSignature(bytesOf(data), this.#privateKey, { hash: true, der: true, publicKey: this.#publicPoint, userId: SM2_DEFAULT_ID })
    return Buffer.from(signature, 'hex')
  }
}

/**
 * Whether `signature` (DER) is an SM2 signature of `data` by the key in `publicKeyPem`. False for
 * any malformed signature or key, never an exception, so a verification page can say "not valid".
 */
export function verifySm2(publicKeyPem: string, data: Uint8Array | string, signature: Uint8Array): boolean {
  let point: string
  try {
    point = publicPointOfPem(publicKeyPem)
  } catch {
    return false
  }
  return smCrypto.sm2.doVerifySignature(bytesOf(data), Buffer.from(signature).toString('hex'), point, { hash: true, der: true, userId: SM2_DEFAULT_ID })
}

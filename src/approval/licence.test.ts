import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { demoMatters } from '../demo/approval-catalogue.js'
import { renderLicencePdf, locateCjkFont, verificationLink } from './licence-pdf.js'
import {
  canonicalLicence,
  isLicenceNumber,
  issueLicence,
  licenceNumber,
  newVerificationCode,
  signLicence,
  validUntilOf,
  verifyLicence,
  type SignedLicence,
} from './licence.js'
import type { Matter } from './matter.js'
import { generateSm2PrivateKey, publicPointOfPem, SM2_DEFAULT_ID, Sm2Signer, verifySm2 } from './signature.js'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-licence-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

const signer = new Sm2Signer(generateSm2PrivateKey())
const keys = new Map([[signer.keyId, signer.publicKeyPem]])

/** OpenSSL, an SM2 implementation of its own, checks a signature with the standard signer ID. */
function opensslVerifies(data: string | Buffer, signature: Buffer, publicKeyPem: string): boolean {
  const dir = fs.mkdtempSync(path.join(work, 'openssl-'))
  fs.writeFileSync(path.join(dir, 'key.pem'), publicKeyPem)
  fs.writeFileSync(path.join(dir, 'data'), data)
  fs.writeFileSync(path.join(dir, 'sig'), signature)
  try {
    execFileSync('openssl', ['dgst', '-sm3', '-verify', 'key.pem', '-sigopt', `distid:${SM2_DEFAULT_ID}`, '-signature', 'sig', 'data'], {
      cwd: dir,
      stdio: 'pipe',
    })
    return true
  } catch {
    return false
  }
}

describe('SM2 signatures', () => {
  it('verify here and in OpenSSL, and fail for other data, another key or a changed byte', () => {
    const signature = signer.sign('汇通电子证照')
    expect(verifySm2(signer.publicKeyPem, '汇通电子证照', signature)).toBe(true)
    expect(opensslVerifies('汇通电子证照', signature, signer.publicKeyPem)).toBe(true)
    expect(verifySm2(signer.publicKeyPem, '汇通电子证照。', signature)).toBe(false)
    expect(verifySm2(new Sm2Signer(generateSm2PrivateKey()).publicKeyPem, '汇通电子证照', signature)).toBe(false)
    const changed = Buffer.from(signature)
    changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 1, changed.length - 1)
    expect(verifySm2(signer.publicKeyPem, '汇通电子证照', changed)).toBe(false)
    expect(verifySm2('not a key', '汇通电子证照', signature)).toBe(false)
  })

  it('publishes a public key OpenSSL reads as SM2', () => {
    const text = execFileSync('openssl', ['pkey', '-pubin', '-text', '-noout'], { input: signer.publicKeyPem }).toString()
    expect(text).toMatch(/SM2/)
    expect(publicPointOfPem(signer.publicKeyPem)).toMatch(/^04[0-9a-f]{128}$/)
  })

  it('refuses a private key of the wrong length or out of range', () => {
    expect(() => new Sm2Signer(Buffer.alloc(31, 1))).toThrow(/32 bytes/)
    expect(() => new Sm2Signer(Buffer.alloc(32, 0))).toThrow(/out of range/)
    expect(() => new Sm2Signer(Buffer.alloc(32, 0xff))).toThrow(/out of range/)
  })
})

const registration = demoMatters().get('210100007-XK-0001') as Matter
const holder = { kind: 'organisation' as const, id: '91210102MA0QC0G16K', name: '沈阳汇通示范科技有限公司' }
const particulars = [
  { label: '类型', value: '有限责任公司（自然人投资或控股）' },
  { label: '住所', value: '辽宁省沈阳市和平区南京北街100号' },
]
const licence = issueLicence({
  matter: registration,
  departmentName: '沈阳市工商行政管理局',
  holder,
  caseId: 'case-1',
  issuedAt: '2026-03-03T07:00:00Z',
  sequence: 123,
  particulars,
})

describe('licences', () => {
  it('are numbered by department, year and sequence with a check character', () => {
    expect(licence.number).toBe(licenceNumber('210100007', 2026, 123))
    expect(licence.number.slice(0, 19)).toBe('2101000072026000123')
    expect(isLicenceNumber(licence.number)).toBe(true)
    expect(isLicenceNumber(`${licence.number.slice(0, 18)}9${licence.number.slice(19)}`)).toBe(false)
    expect(() => licenceNumber('210100007', 2026, 1_000_000)).toThrow(RangeError)
  })

  it('carry an unguessable verification code and the matter’s validity', () => {
    expect(licence.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/)
    expect(newVerificationCode()).not.toBe(newVerificationCode())
    expect(licence).toMatchObject({ issuedOn: '2026-03-03', validFrom: '2026-03-03', validUntil: null, name: '营业执照' })
    expect(validUntilOf('2026-03-05', 3)).toBe('2029-03-04')
    expect(validUntilOf('2028-02-29', 1)).toBe('2029-02-28')
  })

  it('are signed over their canonical form and verify without the private key', () => {
    const signed = signLicence(licence, signer)
    expect(verifyLicence(signed, keys)).toEqual({ valid: true })
    expect(opensslVerifies(canonicalLicence(licence), Buffer.from(signed.signature, 'base64'), signer.publicKeyPem)).toBe(true)
    expect(verifyLicence({ ...signed, licence: { ...licence, validUntil: '2099-12-31' } }, keys)).toEqual({ valid: false, reason: 'bad-signature' })
    expect(verifyLicence({ ...signed, keyId: 'f'.repeat(64) }, keys)).toEqual({ valid: false, reason: 'unknown-key' })
  })

  it('refuse a matter that issues no licence', () => {
    const seal = demoMatters().get('210100003-QT-0001') as Matter
    expect(() =>
      issueLicence({ matter: seal, departmentName: '市公安局', holder, caseId: 'c', issuedAt: '2026-03-03T07:00:00Z', sequence: 1, particulars: [] }),
    ).toThrow(/issues no licence/)
  })
})

describe('the licence PDF', () => {
  const signed: SignedLicence = signLicence(licence, signer)
  const verifyUrl = 'https://zwfw.shenyang.example/licences/verify'

  it('embeds a CJK font subset and reads back as Chinese text (poppler)', async () => {
    const file = path.join(work, 'licence.pdf')
    fs.writeFileSync(file, await renderLicencePdf(signed, { font: locateCjkFont(), verifyUrl }))
    const fonts = execFileSync('pdffonts', [file]).toString()
    expect(fonts).toMatch(/\+WenQuanYiMicroHei|\+NotoSansCJK/)
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((line) => /\byes\s+yes\s+yes\b/.test(line)),
    ).toBe(true)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    for (const expected of ['营业执照', licence.number, holder.name, holder.id, '沈阳市工商行政管理局', licence.verificationCode, '南京北街100号', '长期有效'])
      expect(text).toContain(expected)
  })

  it('carries the signed licence as an attachment that verifies offline', async () => {
    const file = path.join(work, 'attached.pdf')
    fs.writeFileSync(file, await renderLicencePdf(signed, { font: locateCjkFont(), verifyUrl }))
    execFileSync('pdfdetach', ['-saveall', '-o', work, file])
    const attached = JSON.parse(fs.readFileSync(path.join(work, 'licence.json'), 'utf8')) as SignedLicence
    expect(attached).toEqual(signed)
    expect(verifyLicence(attached, new Map([[attached.keyId, signer.publicKeyPem]]))).toEqual({ valid: true })
  })

  it('links its QR code to the verification page with the number and the code', () => {
    const link = new URL(verificationLink(verifyUrl, signed))
    expect(link.searchParams.get('number')).toBe(licence.number)
    expect(link.searchParams.get('code')).toBe(licence.verificationCode)
  })

  it('names the package to install when no CJK font is found', () => {
    expect(() => locateCjkFont({ path: path.join(work, 'missing.ttc'), face: undefined })).toThrow(
      expect.objectContaining({ code: 'HT_UNAVAILABLE', message: expect.stringContaining('fonts-wqy-microhei') }),
    )
  })
})

import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkUpload, DEFAULT_UPLOAD_LIMIT } from './upload.js'

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header[8] = 8
  header[9] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9])
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array<number>(26).fill(0), 0x50, 0x4b, 0x05, 0x06, ...Array<number>(18).fill(0)])

describe('uploads are judged by content', () => {
  it.each([
    ['a PDF', PDF, 'pdf', 'application/pdf', 'pdf'],
    ['a PNG', png(), 'png', 'image/png', 'png'],
    ['a JPEG', JPEG, 'jpeg', 'image/jpeg', 'jpg'],
  ])('takes %s and stores it by its SHA-256', async (_, content, type, mediaType, extension) => {
    const checked = await checkUpload(content, {}, '/materials/x')
    expect(checked).toMatchObject({ type, mediaType, bytes: content.length })
    expect(checked.storedName).toBe(`${checked.sha256}.${extension}`)
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a ZIP (a .docx) and plain text, whatever they are called', async () => {
    await expect(checkUpload(ZIP, {}, '/materials/articles')).rejects.toMatchObject({
      code: 'HT_UNSUPPORTED_MEDIA_TYPE',
      errors: [{ field: '/materials/articles' }],
    })
    await expect(checkUpload(Buffer.from('营业执照.pdf 其实是文本'), {}, '/materials/articles')).rejects.toMatchObject({ code: 'HT_UNSUPPORTED_MEDIA_TYPE' })
  })

  it('refuses a type the material does not take', async () => {
    await expect(checkUpload(JPEG, { types: ['pdf'] }, '/materials/articles')).rejects.toMatchObject({
      code: 'HT_UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('image/jpeg'),
    })
  })

  it('refuses a file over the limit, empty, or cut off', async () => {
    await expect(checkUpload(PDF, { maxBytes: PDF.length - 1 }, '/materials/x')).rejects.toMatchObject({ code: 'HT_PAYLOAD_TOO_LARGE' })
    await expect(checkUpload(Buffer.alloc(DEFAULT_UPLOAD_LIMIT + 1, 0x25), {}, '/materials/x')).rejects.toMatchObject({ code: 'HT_PAYLOAD_TOO_LARGE' })
    await expect(checkUpload(Buffer.alloc(0), {}, '/materials/x')).rejects.toMatchObject({ code: 'HT_VALIDATION' })
    await expect(checkUpload(PDF.subarray(0, PDF.length - 7), {}, '/materials/x')).rejects.toMatchObject({
      code: 'HT_VALIDATION',
      message: expect.stringContaining('%%EOF'),
    })
    await expect(checkUpload(JPEG.subarray(0, JPEG.length - 1), {}, '/materials/x')).rejects.toMatchObject({ code: 'HT_VALIDATION' })
    const cut = png()
    await expect(checkUpload(cut.subarray(0, cut.length - 12), {}, '/materials/x')).rejects.toMatchObject({ code: 'HT_VALIDATION' })
  })
})

import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { AppError } from '../platform/errors.js'
import { UPLOAD_TYPES, type UploadType } from './matter.js'

/** The largest upload a material takes unless it says otherwise: 10 MiB, the platform's request body limit. */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024

const MEDIA_TYPES: Readonly<Record<UploadType, string>> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' }
const EXTENSIONS: Readonly<Record<UploadType, string>> = { pdf: 'pdf', png: 'png', jpeg: 'jpg' }

/** An upload that passed: what it is by content, its hash, and the name it is stored under. */
export interface CheckedUpload {
  readonly type: UploadType
  readonly mediaType: string
  readonly bytes: number
  readonly sha256: string
  /** `<sha256>.<ext>`: identical files share one stored copy, and no applicant-given name reaches the disk. */
  readonly storedName: string
}

export interface UploadRules {
  readonly types?: readonly UploadType[]
  readonly maxBytes?: number
}

function typeOfDetected(ext: string | undefined): UploadType | undefined {
  if (ext === 'pdf') return 'pdf'
  if (ext === 'png') return 'png'
  if (ext === 'jpg') return 'jpeg'
  return undefined
}

/** Why a file whose first bytes say PDF, PNG or JPEG is still not a whole one (a cut-off upload). */
function truncation(type: UploadType, content: Uint8Array): string | undefined {
  const tail = Buffer.from(content.subarray(Math.max(0, content.length - 1024))).toString('latin1')
  if (type === 'pdf' && !tail.includes('%%EOF')) return 'the PDF has no end-of-file marker (%%EOF): the upload is cut off'
  if (type === 'png' && !tail.includes('IEND')) return 'the PNG has no IEND chunk: the upload is cut off'
  if (type === 'jpeg' && !(content.at(-2) === 0xff && content.at(-1) === 0xd9))
    return 'the JPEG does not end with its end-of-image marker: the upload is cut off'
  return undefined
}

/**
 * Checks an uploaded material by its content, never its name: the size within the material's
 * limit, the type PDF, PNG or JPEG (or what the material allows) by its magic bytes, and the file
 * whole. Returns its SHA-256 and stored name. Throws `HT_PAYLOAD_TOO_LARGE`,
 * `HT_UNSUPPORTED_MEDIA_TYPE` or `HT_VALIDATION` naming `field`.
 *
 * @example
 * await checkUpload(bytes, { types: ['pdf'] }, '/materials/articles')
 * // { type: 'pdf', mediaType: 'application/pdf', bytes: 48213, sha256: '9f…', storedName: '9f….pdf' }
 */
export async function checkUpload(content: Uint8Array, rules: UploadRules, field: string): Promise<CheckedUpload> {
  const limit = rules.maxBytes ?? DEFAULT_UPLOAD_LIMIT
  const allowed = rules.types ?? UPLOAD_TYPES
  if (content.length === 0) throw new AppError('HT_VALIDATION', 'The file is empty', [{ field, message: 'empty file' }])
  if (content.length > limit) {
    throw new AppError('HT_PAYLOAD_TOO_LARGE', `The file is ${content.length} bytes; this material takes at most ${limit}`, [
      { field, message: `at most ${limit} bytes` },
    ])
  }
  const detected = await fileTypeFromBuffer(content)
  const type = typeOfDetected(detected?.ext)
  if (type === undefined || !allowed.includes(type)) {
    const what = detected === undefined ? 'of no type we recognise' : `${detected.mime} (.${detected.ext})`
    throw new AppError('HT_UNSUPPORTED_MEDIA_TYPE', `The file is ${what}; this material takes ${allowed.map((t) => t.toUpperCase()).join(', ')}`, [
      { field, message: `${allowed.join(', ')} only, judged by content` },
    ])
  }
  const cut = truncation(type, content)
  if (cut !== undefined) throw new AppError('HT_VALIDATION', cut, [{ field, message: cut }])
  const sha256 = createHash('sha256').update(content).digest('hex')
  return { type, mediaType: MEDIA_TYPES[type], bytes: content.length, sha256, storedName: `${sha256}.${EXTENSIONS[type]}` }
}

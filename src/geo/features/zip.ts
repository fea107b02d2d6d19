import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import yauzl from 'yauzl'
import { AppError } from '../../platform/errors.js'
import type { ReadLimits } from './layer-source.js'

/** An entry of an archive, by name and size. */
export interface ZipEntryInfo {
  readonly name: string
  readonly compressedSize: number
  readonly uncompressedSize: number
}

function refused(message: string): AppError {
  return new AppError('HT_PAYLOAD_TOO_LARGE', `The archive was refused: ${message}`, [{ field: 'file', message }])
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes makes yauzl stop an entry that inflates to more than it declares.
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error !== null || zip === undefined)
        reject(new AppError('HT_VALIDATION', 'The file is not a readable zip archive', [{ field: 'file', message: error?.message ?? 'not a zip archive' }]))
      else resolve(zip)
    })
  })
}

/**
 * Lists an archive's entries after checking it against the limits: how many entries, how many
 * bytes they declare once inflated, and how far each inflates (a zip bomb inflates a thousandfold
 * and more; real data rarely past twentyfold). Nothing is inflated here.
 */
export async function zipEntries(file: string, limits: ReadLimits): Promise<ZipEntryInfo[]> {
  const zip = await openZip(file)
  try {
    if (zip.entryCount > limits.maxZipEntries) throw refused(`${zip.entryCount} entries, more than ${limits.maxZipEntries}`)
    const entries: ZipEntryInfo[] = []
    let total = 0
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
        if (total > limits.maxUncompressedBytes) return reject(refused(`the entries inflate to more than ${limits.maxUncompressedBytes} bytes`))
        if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
          return reject(refused(`${entry.fileName} inflates ${Math.round(ratio)} times, more than ${limits.maxCompressionRatio}`))
        }
        if (/\.zip$/i.test(entry.fileName)) return reject(refused(`${entry.fileName} is an archive inside the archive`))
        entries.push({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize })
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', (error: Error) => reject(new AppError('HT_VALIDATION', 'The zip archive is damaged', [{ field: 'file', message: error.message }])))
      zip.readEntry()
    })
    return entries
  } finally {
    zip.close()
  }
}

/**
 * Inflates the named entries to the given paths (never to a path the archive names, so an entry
 * called `../../etc/passwd` writes nothing outside), counting the bytes as they come and stopping
 * past the limit whatever the archive declared.
 *
 * @example
 * await extractEntries('parcels.zip', new Map([['data/parcels.shp', '/tmp/x/layer.shp']]), limits)
 */
export async function extractEntries(file: string, targets: ReadonlyMap<string, string>, limits: ReadLimits): Promise<void> {
  const zip = await openZip(file)
  let inflated = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const target = targets.get(entry.fileName)
        if (target === undefined) return zip.readEntry()
        zip.openReadStream(entry, (error, stream) => {
          if (error !== null || stream === undefined)
            return reject(new AppError('HT_VALIDATION', 'The zip archive is damaged', [{ field: 'file', message: error?.message ?? entry.fileName }]))
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              inflated += chunk.length
              if (inflated > limits.maxUncompressedBytes) callback(refused(`the entries inflate to more than ${limits.maxUncompressedBytes} bytes`))
              else callback(null, chunk)
            },
          })
          pipeline(stream, counter, createWriteStream(target)).then(
            () => zip.readEntry(),
            (failure: unknown) =>
              reject(
                failure instanceof AppError
                  ? failure
                  : new AppError('HT_VALIDATION', 'The zip archive is damaged', [
                      { field: 'file', message: `${entry.fileName}: ${(failure as Error).message}` },
                    ]),
              ),
          )
        })
      })
      zip.on('end', () => resolve())
      zip.on('error', (error: Error) => reject(new AppError('HT_VALIDATION', 'The zip archive is damaged', [{ field: 'file', message: error.message }])))
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import { converterFor, crsName, parseCrs, type CrsConverter } from './crs.js'
import { limitsOf, readGeometry, type LayerSource, type ReadFeature, type ReadLimits, type ReadOptions } from './layer-source.js'

/**
 * One member of the top-level object, or one element of its `features` array, as raw JSON text.
 * The features are cut out of the stream by a small scanner and each parsed on its own with
 * JSON.parse: memory holds one feature at a time, and a feature or member past the size limit
 * stops the read with the feature's number. (stream-json, the usual streaming parser, says it is
 * not made for untrusted input; cutting the array apart needs no more than tracking strings and
 * brackets.)
 */
type Piece =
  { readonly kind: 'member'; readonly key: string; readonly text: string } | { readonly kind: 'feature'; readonly index: number; readonly text: string }

function tooLarge(what: string, limit: number): AppError {
  return new AppError('HT_PAYLOAD_TOO_LARGE', `${what} is larger than ${limit} bytes`, [{ field: 'file', message: `${what} is larger than ${limit} bytes` }])
}

function malformed(message: string): AppError {
  return new AppError('HT_VALIDATION', `The GeoJSON is malformed: ${message}`, [{ field: 'file', message }])
}

/** A JSON value being cut out of the text: ends at a comma or closing bracket outside any string or nesting. */
class Capture {
  text = ''
  private nesting = 0
  private escaped = false
  inString = false

  /** Takes the next character; true when it ended the value (the character itself is not part of it). */
  take(char: string): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false
      else if (char === '\\') this.escaped = true
      else if (char === '"') this.inString = false
    } else if (char === '"') this.inString = true
    else if (char === '{' || char === '[') this.nesting++
    else if (char === '}' || char === ']') {
      if (this.nesting === 0) return true
      this.nesting--
    } else if (char === ',' && this.nesting === 0) return true
    this.text += char
    return false
  }
}

type State = 'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'member' | 'element-or-end' | 'feature' | 'end'

async function* pieces(file: string, limits: ReadLimits): AsyncGenerator<Piece> {
  const decoder = new StringDecoder('utf8')
  let state: State = 'start'
  let key = ''
  let capture = new Capture()
  let featureIndex = 0
  const isSpace = (char: string): boolean => char === ' ' || char === '\n' || char === '\r' || char === '\t'
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    const text = decoder.write(chunk as Buffer)
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string
      switch (state) {
        case 'start':
          if (char === '\uFEFF' || isSpace(char)) continue
          if (char !== '{') throw malformed('the file does not start with a JSON object')
          state = 'key-or-end'
          continue
        case 'key-or-end':
          if (isSpace(char) || char === ',') continue
          if (char === '}') state = 'end'
          else if (char === '"') {
            capture = new Capture()
            capture.take(char)
            state = 'key'
          } else throw malformed(`unexpected "${char}" where a member name belongs`)
          continue
        case 'key':
          capture.take(char)
          if (!capture.inString) {
            key = JSON.parse(capture.text) as string
            state = 'colon'
          } else if (capture.text.length > 1024) throw malformed('a member name is longer than 1024 characters')
          continue
        case 'colon':
          if (isSpace(char)) continue
          if (char !== ':') throw malformed(`":" is missing after "${key}"`)
          state = 'value'
          continue
        case 'value':
          if (isSpace(char)) continue
          if (key === 'features' && char === '[') {
            state = 'element-or-end'
            continue
          }
          capture = new Capture()
          if (capture.take(char)) throw malformed(`the value of "${key}" is missing`)
          state = 'member'
          continue
        case 'member':
          if (capture.take(char)) {
            yield { kind: 'member', key, text: capture.text }
            state = char === '}' ? 'end' : 'key-or-end'
          } else if (capture.text.length > limits.maxFeatureBytes) throw tooLarge(`member "${key}"`, limits.maxFeatureBytes)
          continue
        case 'element-or-end':
          if (isSpace(char) || char === ',') continue
          if (char === ']') {
            state = 'key-or-end'
            continue
          }
          capture = new Capture()
          capture.take(char)
          state = 'feature'
          continue
        case 'feature':
          if (capture.take(char)) {
            featureIndex++
            yield { kind: 'feature', index: featureIndex, text: capture.text }
            state = char === ']' ? 'key-or-end' : 'element-or-end'
          } else if (capture.text.length > limits.maxFeatureBytes) throw tooLarge(`feature ${featureIndex + 1}`, limits.maxFeatureBytes)
          continue
        case 'end':
          if (!isSpace(char)) throw malformed('text follows the end of the top-level object')
          continue
      }
    }
  }
  if (state !== 'end')
    throw malformed(
      state === 'feature' || state === 'element-or-end'
        ? `the file ends inside feature ${featureIndex + 1}`
        : 'the file ends before the top-level object closes',
    )
}

/**
 * Opens a GeoJSON file (a FeatureCollection, or a single Feature) as a layer source. The CRS is
 * the one declared, else the file's `crs` member (GeoJSON 2008), else WGS 84 as RFC 7946 says;
 * features are converted to CGCS2000 as read.
 *
 * @example
 * for await (const { row, feature, problems } of (await openGeoJson('schools.geojson')).features) …
 */
export async function openGeoJson(file: string, options: ReadOptions = {}): Promise<LayerSource> {
  const limits = limitsOf(options)
  const size = (await stat(file)).size
  if (size > limits.maxFileBytes) throw tooLarge('the file', limits.maxFileBytes)
  const name = path.basename(file).replace(/\.(geo)?json$/i, '')
  let converter: CrsConverter | undefined = options.crs === undefined ? undefined : requireKnown(options.crs)
  const features = async function* (): AsyncGenerator<ReadFeature> {
    let seenFeature = false
    const single: Record<string, string> = {}
    let type: string | undefined
    for await (const piece of pieces(file, limits)) {
      if (piece.kind === 'member') {
        if (piece.key === 'type') type = parseMember(piece) as string
        if (piece.key === 'crs') {
          if (seenFeature) throw malformed('the "crs" member must come before "features"')
          if (options.crs === undefined) converter = requireKnown(crsOfMember(parseMember(piece)))
        }
        if (piece.key === 'geometry' || piece.key === 'properties' || piece.key === 'id') single[piece.key] = piece.text
        continue
      }
      if (type !== undefined && type !== 'FeatureCollection') throw malformed(`a "features" array belongs to a FeatureCollection, not a ${type}`)
      seenFeature = true
      converter ??= requireKnown({ epsg: 4326 })
      if (piece.index > limits.maxFeatures) {
        throw new AppError('HT_PAYLOAD_TOO_LARGE', `More than ${limits.maxFeatures} features`, [
          { field: 'file', message: `more than ${limits.maxFeatures} features` },
        ])
      }
      yield featureOf(piece.index, piece.text, converter, options)
    }
    if (type === 'Feature') {
      converter ??= requireKnown({ epsg: 4326 })
      const text = `{"type":"Feature"${Object.entries(single)
        .filter(([key]) => key !== 'type')
        .map(([key, value]) => `,${JSON.stringify(key)}:${value}`)
        .join('')}}`
      yield featureOf(1, text, converter, options)
    } else if (type !== 'FeatureCollection') {
      throw malformed(`the top-level "type" is ${JSON.stringify(type ?? null)}, not FeatureCollection or Feature`)
    }
  }
  return {
    name,
    // A GeoJSON file names its CRS among its members, so the conversion is known once they are read.
    get conversion() {
      return converter?.conversion
    },
    features: features(),
  }
}

function requireKnown(crs: ReturnType<typeof parseCrs>): CrsConverter {
  if (crs === undefined)
    throw new AppError('HT_VALIDATION', 'The layer names a CRS the registry does not know', [
      { field: 'crs', message: 'unknown CRS; declare EPSG:4490, EPSG:4326, GCJ-02 or BD-09' },
    ])
  const converter = converterFor(crs)
  if ('problem' in converter) throw new AppError('HT_VALIDATION', `Unsupported CRS ${crsName(crs)}`, [{ field: 'crs', message: converter.problem }])
  return converter
}

function parseMember(piece: { readonly key: string; readonly text: string }): unknown {
  try {
    return JSON.parse(piece.text)
  } catch {
    throw malformed(`the "${piece.key}" member is not valid JSON`)
  }
}

/** The 2008 GeoJSON `crs` member: `{ "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::4490" } }`. */
function crsOfMember(member: unknown): ReturnType<typeof parseCrs> {
  const name = (member as { properties?: { name?: unknown } } | null)?.properties?.name
  return typeof name === 'string' ? parseCrs(name) : undefined
}

function featureOf(row: number, text: string, converter: CrsConverter, options: ReadOptions): ReadFeature {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { row, problems: [{ row, field: 'feature', message: `not valid JSON: ${(error as Error).message}` }] }
  }
  if (value === null || typeof value !== 'object' || (value as { type?: unknown }).type !== 'Feature') {
    return { row, problems: [{ row, field: 'type', message: 'not a GeoJSON Feature' }] }
  }
  const record = value as { id?: unknown; geometry?: unknown; properties?: unknown }
  const problems: FieldProblem[] = []
  if (record.properties !== undefined && record.properties !== null && (typeof record.properties !== 'object' || Array.isArray(record.properties))) {
    problems.push({ row, field: 'properties', message: 'properties is not an object' })
  }
  if (record.id !== undefined && typeof record.id !== 'string' && typeof record.id !== 'number')
    problems.push({ row, field: 'id', message: 'id is neither a string nor a number' })
  const geometry = readGeometry(row, record.geometry, converter, options)
  problems.push(...geometry.problems)
  if (problems.length > 0 || geometry.geometry === undefined) return { row, problems }
  const id = record.id as string | number | undefined
  return {
    row,
    problems: [],
    feature: { ...(id === undefined ? {} : { id }), geometry: geometry.geometry, properties: (record.properties ?? {}) as Record<string, unknown> },
  }
}

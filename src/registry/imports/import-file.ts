import fs from 'node:fs'
import path from 'node:path'
import { beijingDate } from '../../calendar/working-days.js'
import type { SqliteBulkLoad } from './bulk-load.js'
import type { CheckSummary } from './check-file.js'
import { checkInThread, type CheckRequest } from './check-thread.js'
import { packInKeyOrder, sortedPositions, type PackedRows } from './packed-rows.js'

/** Rows written per transaction: each batch is atomic, and a resumed import restarts at a batch boundary. */
const WRITE_BATCH = 50_000
/** Files from this size take the bulk path when the registry is empty (about 100 000 persons). */
const BULK_LOAD_BYTES = 16 * 1024 * 1024

/** Where a registry's import writes: upserts by key, and the first load into an empty registry. */
/**
 * The `record` of an {@link ImportTarget} whose records are plain text fields: a checked row's
 * values named by the checker's fields, in order (a missing one empty).
 *
 * @example
 * recordOf<Person>(PERSON_FIELDS)(['110105194912310021', '王芳']) // { resident_id: '110105194912310021', name: '王芳', … }
 */
export function recordOf<R>(fields: readonly string[]): (values: readonly string[]) => R {
  return (values) => {
    const record: Record<string, string> = {}
    fields.forEach((field, index) => {
      record[field] = values[index] ?? ''
    })
    return record as R
  }
}

export interface ImportTarget<R> {
  /** The module exporting the registry's `rowChecker`, loaded by the check thread. */
  readonly checker: string
  /** A checked row's values (in the checker's field order) as the record the registry writes. */
  record(values: readonly string[]): R
  /**
   * A whole number below 2^37 that grows with a record's key (ties allowed), which it reads
   * through `codeAt`, the key's character codes: batches are written in this order, so
   * neighbouring keys share index pages, and the indexes a first load builds at the end sort
   * runs rather than random rows.
   */
  order(codeAt: (index: number) => number): number
  /**
   * Upserts records by key, one transaction. An existing record changes only in `fields` (a
   * file without a column leaves that field as it is); unchanged records are left alone;
   * a change writes a history entry.
   */
  applyBatch(
    records: readonly R[],
    fields: readonly string[],
    source: string,
    changedBy: string,
  ): Promise<{ created: number; updated: number; unchanged: number }>
  /** The first load; undefined where the registry offers none (PostgreSQL, or an importer held to some records). */
  readonly bulk?: SqliteBulkLoad
}

/**
 * Where an import stands, saved after each batch so a crashed job resumes: a normal import at
 * its next staged batch; a first load (bulk) starts again from an empty registry.
 */
export type ImportCheckpoint = { readonly phase: 'write'; readonly applied: number; readonly summary: CheckSummary } | { readonly phase: 'bulk' }

export interface ImportReport extends CheckSummary {
  readonly status: 'applied'
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejectionsFile: boolean
  /** True when the registry was empty and the file was loaded in bulk. */
  readonly bulk: boolean
}

export interface ImportProgress {
  readonly phase: 'check' | 'write' | 'index'
  /** Rows checked, or rows written. */
  readonly done: number
  /** 0–1 through the whole import. */
  readonly fraction: number
}

export interface ImportOptions {
  readonly changedBy: string
  readonly source: string
  /** Where the checked rows wait between the two phases, and where rejected rows are listed. */
  readonly workDir: string
  readonly onProgress?: (progress: ImportProgress) => Promise<void> | void
  /** Where an earlier attempt of the same import stopped. */
  readonly resume?: ImportCheckpoint
  readonly onBatch?: (checkpoint: ImportCheckpoint) => Promise<void> | void
  /** Files from this size take the bulk path into an empty registry; default 16 MiB. */
  readonly bulkFromBytes?: number
}

/**
 * Imports a registry's records from a CSV (UTF-8, GBK, GB18030) or XLSX file of any size. The
 * file is read and checked on a worker thread (every row validated and normalised; rejected rows
 * listed with the field and the reason in `rejections.csv`); a file-level problem — wrong
 * encoding, missing columns, a truncated file — means nothing is imported.
 *
 * - **Normal import** (records already in the registry): checked rows are staged in a work file
 *   while the check runs; only when the whole file has passed are they upserted by key, in key
 *   order, in batches of 50 000, each one transaction. Unchanged records stay untouched, changes
 *   land in the history, so the same file again changes nothing. A crash leaves whole batches
 *   only; the job resumes at the next batch.
 * - **First load** (SQLite, empty registry, a large file): rows are inserted as the check passes
 *   them, without indexes, which are built at the end. A file-level problem found late empties
 *   the registry again, as it was; a crash makes the resumed job start over from empty.
 *
 * @example
 * await importFile(target, 'persons.csv', { changedBy: 'police', source: 'import:1', workDir })
 */
export async function importFile<R>(target: ImportTarget<R>, file: string, input: ImportOptions): Promise<ImportReport> {
  const options = { ...input, onProgress: reportingLater(input.onProgress) }
  fs.mkdirSync(options.workDir, { recursive: true })
  const request: CheckRequest = {
    checker: target.checker,
    file,
    rejectionsFile: path.join(options.workDir, 'rejections.csv'),
    today: beijingDate(),
    maxUntakenRows: 2 * WRITE_BATCH,
  }
  const bulk = target.bulk
  if (bulk !== undefined && options.resume?.phase === 'bulk') await bulk.abandon()
  if (
    bulk !== undefined &&
    options.resume?.phase !== 'write' &&
    fs.statSync(file).size >= (options.bulkFromBytes ?? BULK_LOAD_BYTES) &&
    (await bulk.possible())
  )
    return bulkLoad(bulk, target.order, request, options)

  const staged = path.join(options.workDir, 'staged.tsv')
  const summary = options.resume?.phase === 'write' ? options.resume.summary : await checkToStage(request, staged, options)
  let created = 0
  let updated = 0
  let unchanged = 0
  let applied = 0
  const skip = options.resume?.phase === 'write' ? options.resume.applied : 0
  let batch: string[] = []
  const flush = async () => {
    if (batch.length === 0) return
    if (applied >= skip) {
      const result = await target.applyBatch(
        sortedPositions(batch.length, (position) => {
          const line = batch[position] ?? ''
          return target.order((index) => line.charCodeAt(index))
        }).map((position) => target.record((batch[position] ?? '').split('\t'))),
        summary.fields,
        options.source,
        options.changedBy,
      )
      created += result.created
      updated += result.updated
      unchanged += result.unchanged
    }
    applied += batch.length
    batch = []
    await options.onBatch?.({ phase: 'write', applied, summary })
    await options.onProgress({ phase: 'write', done: applied, fraction: 0.5 + (0.5 * applied) / Math.max(1, summary.accepted) })
    options.onProgress.check()
  }
  for await (const lines of readLines(staged)) {
    for (const line of lines) {
      batch.push(line)
      if (batch.length === WRITE_BATCH) await flush()
    }
  }
  await flush()
  fs.rmSync(staged, { force: true })
  return { status: 'applied', ...summary, created, updated, unchanged, rejectionsFile: summary.rejected > 0, bulk: false }
}

/** The check of a normal import: accepted rows staged in `staged`, nothing written to the registry. */
async function checkToStage(request: CheckRequest, staged: string, options: ImportOptions & { onProgress: LaterReport }): Promise<CheckSummary> {
  const out = fs.createWriteStream(staged)
  try {
    const summary = await checkInThread(request, {
      accept: async (rows) => {
        options.onProgress.check()
        if (!out.write(rows.bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      },
      progress: (fraction, rows) => void options.onProgress({ phase: 'check', done: rows, fraction: 0.5 * fraction }),
    })
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    return summary
  } catch (error) {
    out.destroy()
    fs.rmSync(staged, { force: true })
    throw error
  }
}

async function bulkLoad(
  bulk: SqliteBulkLoad,
  order: ImportTarget<unknown>['order'],
  request: CheckRequest,
  options: ImportOptions & { onProgress: LaterReport },
): Promise<ImportReport> {
  await options.onBatch?.({ phase: 'bulk' })
  await bulk.begin()
  let pending: PackedRows[] = []
  let pendingRows = 0
  let written = 0
  const write = async () => {
    if (pendingRows === 0) return
    const rows = packInKeyOrder(pending, order)
    pending = []
    pendingRows = 0
    written += await bulk.insert(rows)
  }
  let summary: CheckSummary
  try {
    summary = await checkInThread(request, {
      accept: async (rows) => {
        options.onProgress.check()
        pending.push(rows)
        pendingRows += rows.count
        if (pendingRows >= WRITE_BATCH) await write()
      },
      progress: (fraction) => void options.onProgress({ phase: 'write', done: written, fraction: 0.8 * fraction }),
    })
    await write()
    await options.onProgress({ phase: 'index', done: written, fraction: 0.8 })
    // A job cancelled now leaves the registry as it was before too.
    options.onProgress.check()
  } catch (error) {
    await bulk.abandon()
    throw error
  }
  await bulk.finish()
  return { status: 'applied', ...summary, created: written, updated: 0, unchanged: 0, rejectionsFile: summary.rejected > 0, bulk: true }
}

type LaterReport = ((progress: ImportProgress) => Promise<void>) & { readonly check: () => void }

/**
 * Progress reports from synchronous callbacks: each report waits for the one before; a report
 * that failed (the job was cancelled) makes `check` throw, which the import does per batch.
 */
function reportingLater(report: ImportOptions['onProgress']): LaterReport {
  let last: Promise<void> = Promise.resolve()
  let failure: unknown
  const later = (progress: ImportProgress) => {
    last = last
      .then(() => report?.(progress))
      .catch((error: unknown) => {
        failure ??= error
      })
    return last
  }
  return Object.assign(later, {
    check: () => {
      if (failure !== undefined) throw failure
    },
  })
}

/** The lines of a staged file, a chunk at a time. */
async function* readLines(file: string): AsyncGenerator<string[]> {
  let rest = ''
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string)
    const end = text.lastIndexOf('\n')
    if (end === -1) {
      rest = text
      continue
    }
    rest = text.slice(end + 1)
    yield text.slice(0, end).split('\n')
  }
  if (rest !== '') yield [rest]
}

import fs from 'node:fs'
import path from 'node:path'
import type { Principal } from '../identity/principal.js'
import { auditActor } from '../platform/audit/actor.js'
import type { AuditLog } from '../platform/audit/audit-log.js'
import { beijingDate } from '../platform/calendar/working-days.js'
import { AppError } from '../platform/errors.js'
import { newId } from '../platform/ids.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { createTableWriter } from '../platform/files/table-writer.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'
import { personOfLine, type CheckSummary } from './import-check.js'
import { checkInThread, type CheckRequest } from './import-check-thread.js'
import type { Person, PersonField } from './model.js'
import type { PersonRepository } from './repository.js'
import type { PopulationService } from './service.js'

export const POPULATION_IMPORT_JOB = 'population.import'

/** Rows written per transaction: each batch is atomic, and a resumed import restarts at a batch boundary. */
const WRITE_BATCH = 50_000
/** Files from this size take the bulk path when the registry is empty (about 100 000 persons). */
const BULK_LOAD_BYTES = 16 * 1024 * 1024

interface ImportPayload {
  readonly principal: Principal
  readonly file: string
  readonly fileName: string
}

/**
 * Where an import stands, saved after each batch so a crashed job resumes: a normal import at
 * its next staged batch; a first load (bulk) starts again from an empty registry.
 */
type ImportCheckpoint = { readonly phase: 'write'; readonly applied: number; readonly summary: CheckSummary } | { readonly phase: 'bulk' }

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
  /** Rows checked, or staged rows written. */
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
  /** Files from this size take the bulk path into an empty registry; default {@link BULK_LOAD_BYTES}. */
  readonly bulkFromBytes?: number
}

/**
 * Imports the core from a CSV (UTF-8, GBK, GB18030) or XLSX file of any size. The file is read
 * and checked on a worker thread (every row validated and normalised; rejected rows listed with
 * the field and the reason in `rejections.csv`); a file-level problem — wrong encoding, missing
 * columns, a truncated file — means nothing is imported.
 *
 * - **Normal import** (persons already in the registry): checked rows are staged in a work file
 *   while the check runs; only when the whole file has passed are they upserted by resident ID
 *   in batches of {@link WRITE_BATCH}, each one transaction. Unchanged persons stay untouched,
 *   changes land in the history, so the same file again changes nothing. A crash leaves whole
 *   batches only; the job resumes at the next batch.
 * - **First load** (SQLite, empty registry, a large file): rows are inserted as the check passes
 *   them, without indexes, which are built at the end. A file-level problem found late empties
 *   the registry again, as it was; a crash makes the resumed job start over from empty.
 *
 * @example
 * await importPersons(persons, 'persons.csv', { changedBy: 'police', source: 'import:1', workDir })
 */
export async function importPersons(persons: PersonRepository, file: string, input: ImportOptions): Promise<ImportReport> {
  const options = { ...input, onProgress: reportingLater(input.onProgress) }
  fs.mkdirSync(options.workDir, { recursive: true })
  const rejectionsFile = path.join(options.workDir, 'rejections.csv')
  const request = { file, rejectionsFile, today: beijingDate() }
  if (options.resume?.phase === 'bulk') await persons.clearBulkLoad()
  if (options.resume?.phase !== 'write' && fs.statSync(file).size >= (options.bulkFromBytes ?? BULK_LOAD_BYTES) && (await persons.canBulkLoad())) return bulkLoad(persons, request, options)

  const staged = path.join(options.workDir, 'staged.tsv')
  let summary: CheckSummary
  if (options.resume?.phase === 'write') summary = options.resume.summary
  else {
    const out = fs.createWriteStream(staged)
    try {
      summary = await checkInThread(request, {
        accept: async (lines) => {
          options.onProgress.check()
          if (!out.write(lines)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        },
        progress: (fraction, rows) => void options.onProgress({ phase: 'check', done: rows, fraction: 0.5 * fraction }),
      })
    } catch (error) {
      out.destroy()
      fs.rmSync(staged, { force: true })
      throw error
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  }
  let created = 0
  let updated = 0
  let unchanged = 0
  let applied = 0
  const skip = options.resume?.phase === 'write' ? options.resume.applied : 0
  const total = summary.accepted
  let batch: Person[] = []
  const flush = async () => {
    if (batch.length === 0) return
    if (applied >= skip) {
      // In key order: neighbouring IDs share index pages.
      batch.sort((a, b) => (a.resident_id < b.resident_id ? -1 : 1))
      const result = await persons.applyBatch(batch.map((person) => ({ person })), options.source, options.changedBy, { fields: summary.fields as readonly PersonField[] })
      created += result.created
      updated += result.updated
      unchanged += result.unchanged
    }
    applied += batch.length
    batch = []
    await options.onBatch?.({ phase: 'write', applied, summary })
    await options.onProgress({ phase: 'write', done: applied, fraction: 0.5 + (0.5 * applied) / Math.max(1, total) })
    options.onProgress.check()
  }
  for await (const lines of readLines(staged)) {
    for (const line of lines) {
      batch.push(personOfLine(line))
      if (batch.length === WRITE_BATCH) await flush()
    }
  }
  await flush()
  fs.rmSync(staged, { force: true })
  return { status: 'applied', ...summary, created, updated, unchanged, rejectionsFile: summary.rejected > 0, bulk: false }
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
    last = last.then(() => report?.(progress)).catch((error: unknown) => {
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

async function bulkLoad(persons: PersonRepository, request: CheckRequest, options: ImportOptions & { onProgress: LaterReport }): Promise<ImportReport> {
  await options.onBatch?.({ phase: 'bulk' })
  await persons.dropIndexes()
  let pending: string[] = []
  let written = 0
  const write = async () => {
    if (pending.length === 0) return
    written += await persons.bulkInsert(pending)
    pending = []
  }
  let summary: CheckSummary
  try {
    summary = await checkInThread(request, {
      accept: async (lines) => {
        options.onProgress.check()
        const split = lines.split('\n')
        split.pop()
        pending.push(...split)
        if (pending.length >= WRITE_BATCH) await write()
      },
      progress: (fraction) => void options.onProgress({ phase: 'write', done: written, fraction: 0.8 * fraction }),
    })
    await write()
  } catch (error) {
    await persons.clearBulkLoad()
    await persons.buildIndexes()
    throw error
  }
  await options.onProgress({ phase: 'index', done: written, fraction: 0.8 })
  options.onProgress.check()
  await persons.buildIndexes()
  return { status: 'applied', ...summary, created: written, updated: 0, unchanged: 0, rejectionsFile: summary.rejected > 0, bulk: true }
}

/** The lines of a staged file, a chunk at a time. */
export async function* readLines(file: string): AsyncGenerator<string[]> {
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

/** Population imports as jobs with progress: uploaded files, checked and written in the background. */
export class PopulationImports {
  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobQueue,
    private readonly persons: PersonRepository,
    private readonly population: PopulationService,
    private readonly audit: AuditLog,
    private readonly wake: () => void,
  ) {}

  #directory(...parts: string[]): string {
    const directory = path.join(this.dataDir, 'population', ...parts)
    fs.mkdirSync(directory, { recursive: true })
    return directory
  }

  async upload(principal: Principal, file: Buffer, fileName: string) {
    await this.population.ownCore(principal)
    if (file.length === 0) throw new AppError('HT_VALIDATION', 'The file is empty (文件为空)', [{ field: 'file', message: 'empty' }])
    // Each upload its own file: a finished job deletes its upload, which another job of the same bytes may still need.
    const stored = path.join(this.#directory('uploads'), newId())
    fs.writeFileSync(stored, file)
    const payload: ImportPayload = { principal, file: stored, fileName }
    const job = await this.jobs.enqueue(POPULATION_IMPORT_JOB, payload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 3 })
    this.wake()
    return job
  }

  /** The rejected rows of an import, for the user who started it: the CSV, or an XLSX made from it. */
  async rejections(principal: Principal, jobId: string, format: 'csv' | 'xlsx'): Promise<{ path: string; name: string }> {
    const job = await this.jobs.get(jobId)
    if (job === undefined || job.type !== POPULATION_IMPORT_JOB || job.createdBy !== principal.id) throw new AppError('HT_NOT_FOUND', `No import ${jobId}`)
    const csv = path.join(this.dataDir, 'population', 'imports', jobId, 'rejections.csv')
    if (!fs.existsSync(csv)) throw new AppError('HT_NOT_FOUND', `Import ${jobId} rejected no rows`)
    const name = `${(job.payload as ImportPayload).fileName.replace(/\.[^.]+$/, '')}-rejected.${format}`
    if (format === 'csv') return { path: csv, name }
    return { path: await toXlsx(csv), name }
  }

  handler(): JobHandler {
    return async ({ job, progress }) => {
      const payload = job.payload as ImportPayload
      await this.population.ownCore(payload.principal)
      let lastReport = 0
      const report = await importPersons(this.persons, payload.file, {
        changedBy: payload.principal.name,
        source: `import:${job.id}`,
        workDir: this.#directory('imports', job.id),
        ...(job.checkpoint === null ? {} : { resume: job.checkpoint as ImportCheckpoint }),
        onProgress: async ({ phase, done, fraction }) => {
          if (Date.now() - lastReport < 500) return
          lastReport = Date.now()
          const message = phase === 'check' ? `checking row ${done} (校验第${done}行)` : phase === 'index' ? 'building indexes (建立索引)' : `writing ${done} persons (已写入${done}人)`
          await progress(Math.floor(fraction * 99), message)
        },
        onBatch: async (checkpoint) =>
          checkpoint.phase === 'bulk'
            ? progress(1, 'first load into an empty registry (首次装载)', checkpoint)
            : progress(50 + Math.floor((49 * checkpoint.applied) / Math.max(1, checkpoint.summary.accepted)), `writing ${checkpoint.applied} persons (已写入${checkpoint.applied}人)`, checkpoint),
      })
      await this.audit.append({
        ...auditActor(payload.principal, { requestId: job.id, ip: null }),
        action: 'population.import',
        target: payload.fileName,
        outcome: 'success',
        detail: { ...report },
      })
      this.population.forgetStatistics()
      fs.rmSync(payload.file, { force: true })
      return report
    }
  }
}

/** Converts a CSV report to XLSX once, next to it. */
export async function toXlsx(csv: string): Promise<string> {
  const xlsx = csv.replace(/\.csv$/, '.xlsx')
  if (fs.existsSync(xlsx)) return xlsx
  const table = await openTableStream(csv)
  const partial = `${xlsx}.part`
  const writer = await createTableWriter(partial, 'xlsx', table.headers)
  for await (const chunk of table.rows()) for (const { cells } of chunk) await writer.write(cells)
  await writer.close()
  fs.renameSync(partial, xlsx)
  return xlsx
}

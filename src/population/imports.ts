import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Principal } from '../identity/principal.js'
import { auditActor } from '../platform/audit/actor.js'
import type { AuditLog } from '../platform/audit/audit-log.js'
import { beijingDate } from '../platform/calendar/working-days.js'
import { AppError } from '../platform/errors.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { createTableWriter, type TableWriter } from '../platform/files/table-writer.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'
import { PERSON_FIELDS, type Person } from './model.js'
import { mapColumns, parsePersonRow } from './person-input.js'
import type { PersonRepository } from './repository.js'
import { ResidentIdSet } from './resident-id-set.js'
import type { PopulationService } from './service.js'

export const POPULATION_IMPORT_JOB = 'population.import'

/** Rows written per transaction: each batch is atomic, and a resumed import restarts at a batch boundary. */
const WRITE_BATCH = 20_000
const REJECTION_HEADERS = ['行号 row', '身份证号码 residentId', '字段 field', '原因 reason']

interface ImportPayload {
  readonly principal: Principal
  readonly file: string
  readonly fileName: string
}

interface ImportCheckpoint {
  readonly phase: 'write'
  /** Staged rows already written. */
  readonly applied: number
  readonly summary: CheckSummary
}

interface CheckSummary {
  readonly rows: number
  readonly accepted: number
  readonly rejected: number
  readonly encoding: string
  readonly ignoredColumns: readonly string[]
}

export interface ImportReport extends CheckSummary {
  readonly status: 'applied'
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejectionsFile: boolean
}

export interface ImportProgress {
  readonly phase: 'check' | 'write'
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
  /** Staged rows already written by an earlier attempt of the same import. */
  readonly resume?: ImportCheckpoint
  readonly onBatch?: (checkpoint: ImportCheckpoint) => Promise<void> | void
}

/**
 * Imports the core from a CSV (UTF-8, GBK, GB18030) or XLSX file of any size, in two phases.
 *
 * 1. **Check**: the file is streamed, every row validated and normalised; good rows are staged in
 *    a work file, rejected rows (with the field and the reason) listed. A file-level problem —
 *    wrong encoding, missing columns, a truncated file — stops the import here, before anything
 *    is written.
 * 2. **Write**: the staged rows are upserted by resident ID in batches of {@link WRITE_BATCH}, each
 *    one transaction. Unchanged persons stay untouched, changes land in the history, so running
 *    the same file again changes nothing. A crash leaves whole batches only; the job resumes at
 *    the next batch.
 *
 * @example
 * await importPersons(persons, 'persons.csv', { changedBy: 'police', source: 'import:1', workDir })
 */
export async function importPersons(persons: PersonRepository, file: string, options: ImportOptions): Promise<ImportReport> {
  fs.mkdirSync(options.workDir, { recursive: true })
  const staged = path.join(options.workDir, 'staged.tsv')
  const rejectionsFile = path.join(options.workDir, 'rejections.csv')
  const summary = options.resume?.summary ?? (await checkFile(file, staged, rejectionsFile, options))
  let created = 0
  let updated = 0
  let unchanged = 0
  let applied = 0
  const skip = options.resume?.applied ?? 0
  const total = summary.accepted
  let batch: Person[] = []
  const flush = async () => {
    if (batch.length === 0) return
    if (applied >= skip) {
      const result = await persons.applyBatch(batch.map((person) => ({ person })), options.source, options.changedBy)
      created += result.created
      updated += result.updated
      unchanged += result.unchanged
    }
    applied += batch.length
    batch = []
    await options.onBatch?.({ phase: 'write', applied, summary })
    await options.onProgress?.({ phase: 'write', done: applied, fraction: 0.5 + (0.5 * applied) / Math.max(1, total) })
  }
  for await (const lines of readLines(staged)) {
    for (const line of lines) {
      batch.push(personOfLine(line))
      if (batch.length === WRITE_BATCH) await flush()
    }
  }
  await flush()
  fs.rmSync(staged, { force: true })
  return { status: 'applied', ...summary, created, updated, unchanged, rejectionsFile: summary.rejected > 0 }
}

async function checkFile(file: string, staged: string, rejectionsFile: string, options: ImportOptions): Promise<CheckSummary> {
  const table = await openTableStream(file, { maxCellLength: 10_000 })
  const { columns, missing, ignored } = mapColumns(table.headers)
  if (missing.length > 0) {
    throw new AppError('HT_VALIDATION', `Missing columns: ${missing.join(', ')}; nothing was imported (缺少必需的列，未导入任何数据)`, missing.map((column) => ({ row: 1, field: column, message: 'missing column (缺少此列)' })))
  }
  const today = beijingDate()
  const seen = new ResidentIdSet()
  const out = fs.createWriteStream(staged)
  let rejections: TableWriter | undefined
  let rows = 0
  let accepted = 0
  let rejected = 0
  const reject = async (row: number, id: string, field: string, reason: string) => {
    rejections ??= await createTableWriter(rejectionsFile, 'csv', REJECTION_HEADERS)
    await rejections.write([String(row), id, field, reason])
  }
  const idColumn = columns.get('resident_id') ?? 0
  try {
    for await (const chunk of table.rows()) {
      let text = ''
      for (const { row, cells, formulas } of chunk) {
        rows += 1
        const submittedId = cells[idColumn] ?? ''
        if (formulas.length > 0) {
          rejected += 1
          await reject(row, submittedId, table.headers[formulas[0] ?? 0] ?? '', 'the cell holds a formula, not a value (单元格含公式)')
          continue
        }
        if (cells.length !== table.headers.length) {
          rejected += 1
          await reject(row, submittedId, 'row', `has ${cells.length} cells where the header has ${table.headers.length} (列数与表头不一致)`)
          continue
        }
        const parsed = parsePersonRow(cells, columns, today)
        if (parsed.problems !== undefined) {
          rejected += 1
          for (const problem of parsed.problems) await reject(row, submittedId, problem.field, problem.message)
          continue
        }
        const first = seen.addOrGet(parsed.person.resident_id, row)
        if (first !== undefined) {
          rejected += 1
          await reject(row, submittedId, 'resident_id', `repeats the resident ID of row ${first} (与第${first}行身份证号码重复)`)
          continue
        }
        accepted += 1
        text += `${lineOf(parsed.person)}\n`
      }
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      await options.onProgress?.({ phase: 'check', done: rows, fraction: (0.5 * table.bytesRead()) / Math.max(1, table.size) })
    }
  } catch (error) {
    out.destroy()
    await (rejections as TableWriter | undefined)?.close()
    fs.rmSync(staged, { force: true })
    throw error
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  await (rejections as TableWriter | undefined)?.close()
  return { rows, accepted, rejected, encoding: table.encoding ?? table.format, ignoredColumns: ignored }
}

function lineOf(person: Person): string {
  return PERSON_FIELDS.map((field) => person[field]).join('\t')
}

function personOfLine(line: string): Person {
  const values = line.split('\t')
  const person: Record<string, string> = {}
  PERSON_FIELDS.forEach((field, index) => {
    person[field] = values[index] ?? ''
  })
  return person as unknown as Person
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
    const digest = createHash('sha256').update(file).digest('hex')
    const stored = path.join(this.#directory('uploads'), digest)
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
          await progress(Math.floor(fraction * 99), phase === 'check' ? `checking row ${done} (校验第${done}行)` : `writing ${done} persons (已写入${done}人)`)
        },
        onBatch: async (checkpoint) => progress(50 + Math.floor((49 * checkpoint.applied) / Math.max(1, checkpoint.summary.accepted)), `writing ${checkpoint.applied} persons (已写入${checkpoint.applied}人)`, checkpoint),
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

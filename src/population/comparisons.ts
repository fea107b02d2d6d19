import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Decision } from '../exchange/gate/gate.js'
import type { AccessGate } from '../exchange/gate/gate.js'
import type { Principal } from '../platform/auth/principal.js'
import type { RequestMeta } from '../audit/actor.js'
import { AppError } from '../platform/errors.js'
import { openTableStream, type StreamedRow } from '../platform/files/table-stream.js'
import { createTableWriter } from '../platform/files/table-writer.js'
import type { Job, JobQueue } from '../platform/jobs/job-queue.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'
import type { ComparisonRowRepository, ProblemRow } from './comparison-repository.js'
import { judgeInThread } from './comparison-thread.js'
import { judgeBatch, OUTCOMES, parseBatchIds, type BatchVerdicts, type JudgeOptions, type Outcome, type SubmittedBatch } from './comparison-verdicts.js'
import { toXlsx } from './imports.js'
import { normaliseDate } from '../standards/written-date.js'
import type { PersonRepository } from './repository.js'
import type { PopulationService } from './service.js'

// The outcomes belong to the verdicts; the routes take them from here, with the job.
export { OUTCOMES, type Outcome } from './comparison-verdicts.js'

export const POPULATION_COMPARE_JOB = 'population.compare'

/** The columns a comparison file maps: the resident ID always, the rest when the department has them. */
export const MAPPABLE = ['residentId', 'name', 'gender', 'birthDate'] as const
export type Mappable = (typeof MAPPABLE)[number]
export type ColumnMapping = { readonly residentId: string } & Partial<Record<Exclude<Mappable, 'residentId'>, string>>

const ITEM_OF: Readonly<Record<Exclude<Mappable, 'residentId'>, string>> = { name: 'name', gender: 'gender', birthDate: 'birth_date' }
const HEADER_HINTS: Readonly<Record<Mappable, RegExp>> = {
  residentId: /身份证|证件号|公民身份号码|resident_?id|id_?no/i,
  name: /姓名|名字|^name$/i,
  gender: /性别|gender|sex/i,
  birthDate: /出生|birth/i,
}

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  ok: '一致 ok',
  'invalid-id': '身份证号码无效 invalid ID',
  'not-found': '人口库中无此人 not found',
  deceased: '已死亡 deceased',
  'moved-out': '已迁出 moved out',
  cancelled: '已注销 cancelled',
  'name-mismatch': '姓名不一致 name mismatch',
  'field-mismatch': '其他信息不一致 field mismatch',
}

export interface ComparisonCounts {
  total: number
  ok: number
  invalidId: number
  notFound: number
  nameMismatch: number
  fieldMismatch: number
  deceased: number
  movedOut: number
  cancelled: number
}

const COUNT_OF: Readonly<Record<Outcome, keyof ComparisonCounts>> = {
  ok: 'ok',
  'invalid-id': 'invalidId',
  'not-found': 'notFound',
  deceased: 'deceased',
  'moved-out': 'movedOut',
  cancelled: 'cancelled',
  'name-mismatch': 'nameMismatch',
  'field-mismatch': 'fieldMismatch',
}

interface ComparePayload {
  readonly principal: Principal
  readonly file: string
  readonly fileName: string
  readonly mapping: ColumnMapping
  readonly deceasedBefore: string | null
}

const REPORT_HEADERS = ['行号 row', '身份证号码 residentId', '姓名 name', '标准化身份证号码 normalisedId', '结果 outcome', '说明 detail']

/** Guesses which header holds which field, from the usual Chinese and English headings. */
export function suggestMapping(headers: readonly string[]): Partial<Record<Mappable, string>> {
  const suggested: Partial<Record<Mappable, string>> = {}
  for (const field of MAPPABLE) {
    const header = headers.find((candidate) => HEADER_HINTS[field].test(candidate) && !Object.values(suggested).includes(candidate))
    if (header !== undefined) suggested[field] = header
  }
  return suggested
}

/** Problem rows held per write: each write is one transaction, and fewer of them commit faster. */
const ROW_BATCH = 20_000
/**
 * Rows judged together: their IDs are looked up in one statement. Small enough that a batch this
 * thread judges itself holds up its event loop for tens of milliseconds at most.
 */
const BATCH_ROWS = 4096
/** Batches handed to the judges and not yet written: enough to keep both threads busy. */
const BATCHES_AHEAD = 2
/** Batches the worker thread may hold unanswered before this thread judges the next one itself. */
const THREAD_BACKLOG = 2
/**
 * From this size on a file is judged on a worker thread (on SQLite): below it, starting the
 * thread costs more than it saves.
 */
const THREAD_MIN_BYTES = 4 * 1024 * 1024

/**
 * Batch comparison (比对) of a department's own records against the population registry, as a
 * job: one gate decision (operation verify, covering the mapped items) and one audit row for the
 * whole file, written before the report is available. The report lists every row; the rows that
 * are not ok are kept in the database for browsing by outcome; the department's members can
 * return to both later.
 */
export class PopulationComparisons {
  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobQueue,
    private readonly persons: PersonRepository,
    private readonly results: ComparisonRowRepository,
    private readonly population: PopulationService,
    private readonly gate: AccessGate,
    private readonly wake: () => void,
  ) {}

  #directory(...parts: string[]): string {
    const directory = path.join(this.dataDir, 'population', 'comparisons', ...parts)
    fs.mkdirSync(directory, { recursive: true })
    return directory
  }

  #uploadPath(principal: Principal, uploadId: string): string {
    if (!/^[0-9a-f]{64}$/.test(uploadId))
      throw new AppError('HT_VALIDATION', 'uploadId is the id a preview answered', [{ field: 'uploadId', message: 'unknown upload' }])
    return path.join(this.#directory('uploads', principal.department.id), uploadId)
  }

  /** Stores an uploaded file for the caller's department and shows its headers, first rows and a suggested mapping. */
  async preview(principal: Principal, file: Buffer, fileName: string) {
    if (file.length === 0) throw new AppError('HT_VALIDATION', 'The file is empty (文件为空)', [{ field: 'file', message: 'empty' }])
    const uploadId = createHash('sha256').update(file).digest('hex')
    const stored = this.#uploadPath(principal, uploadId)
    fs.writeFileSync(stored, file)
    const table = await openTableStream(stored)
    const sample: string[][] = []
    for await (const chunk of table.rows()) {
      for (const { cells } of chunk) {
        if (sample.length < 5) sample.push(cells)
      }
      if (sample.length >= 5) break
    }
    return {
      uploadId,
      fileName,
      format: table.format,
      encoding: table.encoding ?? null,
      headers: table.headers,
      sample,
      suggested: suggestMapping(table.headers),
    }
  }

  /** Starts a comparison; the gate decides at once, so a caller without a verify grant is refused (and audited) now. */
  async start(
    principal: Principal,
    input: { uploadId: string; fileName: string; mapping: ColumnMapping; deceasedBefore?: string },
    meta: RequestMeta,
  ): Promise<Job> {
    const file = this.#uploadPath(principal, input.uploadId)
    if (!fs.existsSync(file)) throw new AppError('HT_NOT_FOUND', 'No such upload: preview the file first (请先上传文件)')
    if (input.deceasedBefore !== undefined && normaliseDate(input.deceasedBefore) !== input.deceasedBefore)
      throw new AppError('HT_VALIDATION', 'deceasedBefore is a date, YYYY-MM-DD', [{ field: 'deceasedBefore', message: 'YYYY-MM-DD' }])
    const table = await openTableStream(file)
    const unknown = Object.entries(input.mapping).filter(([, header]) => header !== undefined && !table.headers.includes(header))
    if (unknown.length > 0)
      throw new AppError(
        'HT_VALIDATION',
        'The mapping names columns the file does not have (映射的列不存在)',
        unknown.map(([field, header]) => ({ field: `mapping.${field}`, message: `no column "${header}"` })),
      )
    const code = await this.population.coreCode()
    await this.gate.decide(principal, code, 'verify', this.#items(input.mapping), meta, { comparison: input.fileName, queued: true })
    const payload: ComparePayload = { principal, file, fileName: input.fileName, mapping: input.mapping, deceasedBefore: input.deceasedBefore ?? null }
    const job = await this.jobs.enqueue(POPULATION_COMPARE_JOB, payload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 2 })
    this.wake()
    return job
  }

  #items(mapping: ColumnMapping): string[] {
    return Object.entries(ITEM_OF).flatMap(([column, item]) => (mapping[column as Exclude<Mappable, 'residentId'>] === undefined ? [] : [item]))
  }

  /** A comparison job of the caller's department. */
  async #job(principal: Principal, id: string): Promise<Job> {
    const job = await this.jobs.get(id)
    if (job === undefined || job.type !== POPULATION_COMPARE_JOB || job.departmentId !== principal.department.id)
      throw new AppError('HT_NOT_FOUND', `No comparison ${id}`)
    return job
  }

  summary(job: Job) {
    const payload = job.payload as ComparePayload
    const result = job.result as { counts?: ComparisonCounts } | null
    return {
      id: job.id,
      status: job.status,
      progress: job.progress,
      message: job.progressMessage,
      error: job.error,
      fileName: payload.fileName,
      createdBy: payload.principal.name,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      deceasedBefore: payload.deceasedBefore,
      mapping: payload.mapping,
      counts: result?.counts ?? null,
    }
  }

  async get(principal: Principal, id: string) {
    return this.summary(await this.#job(principal, id))
  }

  async list(principal: Principal, limit: number, offset: number) {
    const page = await this.jobs.list({ type: POPULATION_COMPARE_JOB, departmentId: principal.department.id, limit, offset })
    return { items: page.items.map((job) => this.summary(job)), total: page.total }
  }

  async rows(principal: Principal, id: string, outcome: Outcome | undefined, limit: number, offset: number) {
    const job = await this.#job(principal, id)
    // Rows become readable with the report, once the read is on the audit record.
    if (job.status !== 'succeeded') throw new AppError('HT_NOT_FOUND', `Comparison ${id} has no results yet (比对尚未完成)`)
    return this.results.page(id, outcome, limit, offset)
  }

  async report(principal: Principal, id: string, format: 'csv' | 'xlsx'): Promise<{ path: string; name: string }> {
    const job = await this.#job(principal, id)
    const csv = path.join(this.#directory(job.id), 'report.csv')
    if (job.status !== 'succeeded' || !fs.existsSync(csv)) throw new AppError('HT_NOT_FOUND', `Comparison ${id} has no report yet (比对尚未完成)`)
    const name = `${(job.payload as ComparePayload).fileName.replace(/\.[^.]+$/, '')}-比对结果.${format}`
    return { path: format === 'csv' ? csv : await toXlsx(csv), name }
  }

  handler(): JobHandler {
    return async ({ job, progress }) => {
      const payload = job.payload as ComparePayload
      const meta = { requestId: job.id, ip: null }
      const code = await this.population.coreCode()
      const summary = { comparison: payload.fileName, job: job.id }
      const decision = await this.gate.decide(payload.principal, code, 'verify', this.#items(payload.mapping), meta, summary)
      const report = path.join(this.#directory(job.id), 'report.csv')
      // A retried job starts over.
      await this.results.clear(job.id)
      const counts = await compareFile(this.persons, payload.file, {
        mapping: payload.mapping,
        deceasedBefore: payload.deceasedBefore,
        seeStatus: seesClear(decision, 'status'),
        seeDates: seesClear(decision, 'death_date') && seesClear(decision, 'emigration_date'),
        reportFile: report,
        onProblems: (rows) => this.results.append(job.id, rows),
        onProgress: async (fraction, done) => progress(Math.floor(fraction * 99), `compared ${done} rows (已比对${done}行)`),
      })
      // The read is on the record before the report can be fetched.
      await this.gate.recordBulk(payload.principal, code, 'verify', decision, { ...summary, counts }, counts.total - counts.invalidId - counts.notFound, meta)
      return { counts }
    }
  }
}

/** Whether the decision shows an item in clear. */
export function seesClear(decision: Decision, item: string): boolean {
  const visible = decision.items.get(item)
  return visible !== undefined && visible.masker === undefined
}

export interface CompareOptions extends JudgeOptions {
  readonly mapping: ColumnMapping
  readonly reportFile: string
  /** Takes the rows that are not ok, in file order, up to 20 000 at a time. */
  readonly onProblems?: (rows: ProblemRow[]) => Promise<void>
  readonly onProgress?: (fraction: number, rows: number) => Promise<void>
  /** Where to judge: on a worker thread (SQLite only) or on this one; by default by the file's size. */
  readonly thread?: boolean
}

/** A batch handed to the judge, whose verdicts are still to be written. */
interface PendingBatch {
  readonly rows: readonly StreamedRow[]
  readonly verdicts: Promise<BatchVerdicts>
}

/** Judges on this thread, through the repository's connection: PostgreSQL, small files, and a busy worker's overflow. */
function judgeHere(persons: PersonRepository, options: JudgeOptions): (batch: SubmittedBatch) => Promise<BatchVerdicts> {
  return async (batch) => {
    const { ids, lookup } = parseBatchIds(batch)
    return judgeBatch(batch, ids, await persons.compareMany(lookup), options)
  }
}

/**
 * Streams a file through the comparison: parse, normalise, look the IDs up a batch at a time
 * (one statement a batch), judge each row, write the report row by row and hand the problem
 * rows on. On SQLite a large file is judged on a worker thread while this one parses and
 * writes; on PostgreSQL the database searches for the next batches while this process writes.
 *
 * @example
 * const counts = await compareFile(persons, '/data/低保名单.csv', { mapping: { residentId: '身份证号', name: '姓名' }, deceasedBefore: null, seeStatus: true, reportFile: '/tmp/report.csv' })
 * counts.notFound // 1
 */
export async function compareFile(persons: PersonRepository, file: string, options: CompareOptions): Promise<ComparisonCounts> {
  const table = await openTableStream(file)
  const column = (field: Mappable) => {
    const header = options.mapping[field]
    return header === undefined ? -1 : table.headers.indexOf(header)
  }
  const idColumn = column('residentId')
  const nameColumn = column('name')
  const cellsOf = (rows: readonly StreamedRow[], index: number) => rows.map(({ cells }) => (index < 0 ? '' : (cells[index] ?? '')))
  const columnOf = (rows: readonly StreamedRow[], field: Mappable) => (column(field) < 0 ? undefined : cellsOf(rows, column(field)))
  const judgeOptions: JudgeOptions = { seeStatus: options.seeStatus, seeDates: options.seeDates === true, deceasedBefore: options.deceasedBefore }
  const counts: ComparisonCounts = { total: 0, ok: 0, invalidId: 0, notFound: 0, nameMismatch: 0, fieldMismatch: 0, deceased: 0, movedOut: 0, cancelled: 0 }
  const writer = await createTableWriter(`${options.reportFile}.part`, 'csv', REPORT_HEADERS)
  const sqliteFile = persons.sqliteFile
  const here = judgeHere(persons, judgeOptions)
  const thread =
    sqliteFile !== undefined && (options.thread ?? table.size >= THREAD_MIN_BYTES) ? judgeInThread({ sqliteFile, options: judgeOptions }) : undefined
  // The worker takes the batches while it keeps up; when it falls behind (its lookups cost more
  // in a large registry), this thread judges the next batch itself, so the two share the work.
  const judge = (batch: SubmittedBatch) => (thread !== undefined && thread.backlog() < THREAD_BACKLOG ? thread.judge(batch) : here(batch))
  let problems: ProblemRow[] = []
  let lastProgress = 0

  const submit = (rows: StreamedRow[]): PendingBatch => {
    const batch: SubmittedBatch = {
      residentIds: cellsOf(rows, idColumn),
      names: columnOf(rows, 'name'),
      genders: columnOf(rows, 'gender'),
      birthDates: columnOf(rows, 'birthDate'),
    }
    const verdicts = judge(batch)
    // Awaited once the batches ahead are written; until then a failure must not count as unhandled.
    verdicts.catch(() => undefined)
    return { rows, verdicts }
  }

  const write = async ({ rows, verdicts }: PendingBatch) => {
    const { outcomes, noted, normalisedIds, details } = await verdicts
    let note = 0
    for (const [position, { row, cells }] of rows.entries()) {
      const outcome = OUTCOMES[outcomes[position] as number] as Outcome
      const residentId = idColumn < 0 ? '' : (cells[idColumn] ?? '')
      const name = nameColumn < 0 ? '' : (cells[nameColumn] ?? '')
      let normalisedId = residentId
      let detail = ''
      if (noted[note] === position) {
        normalisedId = normalisedIds[note] as string
        detail = details[note] as string
        note++
      }
      counts.total += 1
      counts[COUNT_OF[outcome]] += 1
      const written = writer.write([String(row), residentId, name, normalisedId, OUTCOME_LABELS[outcome], detail])
      if (written !== undefined) await written
      if (outcome !== 'ok') problems.push({ row, residentId, name, outcome, detail })
    }
    if (problems.length >= ROW_BATCH) {
      await options.onProblems?.(problems)
      problems = []
    }
    if (Date.now() - lastProgress > 500) {
      lastProgress = Date.now()
      await options.onProgress?.(table.bytesRead() / Math.max(1, table.size), counts.total)
    }
  }

  try {
    const ahead: PendingBatch[] = []
    let streamed: StreamedRow[] = []
    for await (const chunk of table.rows()) {
      for (const row of chunk) streamed.push(row)
      if (streamed.length < BATCH_ROWS) continue
      ahead.push(submit(streamed))
      streamed = []
      if (ahead.length > BATCHES_AHEAD) await write(ahead.shift() as PendingBatch)
    }
    if (streamed.length > 0) ahead.push(submit(streamed))
    for (const batch of ahead) await write(batch)
  } finally {
    await thread?.close()
  }
  if (problems.length > 0) await options.onProblems?.(problems)
  await writer.close()
  fs.renameSync(`${options.reportFile}.part`, options.reportFile)
  return counts
}

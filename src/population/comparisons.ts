import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Decision } from '../exchange/gate.js'
import type { AccessGate } from '../exchange/gate.js'
import type { Principal } from '../identity/principal.js'
import type { RequestMeta } from '../platform/audit/actor.js'
import type { Db } from '../platform/db/database.js'
import { AppError } from '../platform/errors.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { createTableWriter } from '../platform/files/table-writer.js'
import type { Job, JobQueue } from '../platform/jobs/job-queue.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'
import { parseResidentId, type ResidentIdResult } from '../standards/resident-id.js'
import { PERSON_STATUSES } from './model.js'
import { normaliseDate } from './person-input.js'
import { sameItem } from './provider.js'
import type { ComparedPerson, PersonRepository } from './repository.js'
import { toXlsx } from './imports.js'
import type { PopulationService } from './service.js'

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

export const OUTCOMES = ['ok', 'invalid-id', 'not-found', 'deceased', 'moved-out', 'cancelled', 'name-mismatch', 'field-mismatch'] as const
export type Outcome = (typeof OUTCOMES)[number]

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

export interface CompareRow {
  readonly row: number
  readonly residentId: string
  readonly name: string
  readonly cells: Readonly<Partial<Record<Mappable, string>>>
}

export interface RowVerdict {
  readonly outcome: Outcome
  readonly normalisedId: string
  readonly detail: string
}

/**
 * Judges one row against the registry: an invalid ID says why; otherwise found or not, status
 * (deceased — before `deceasedBefore` when given —, moved out, cancelled, when the caller may
 * see the status), then the compared fields. The first problem names the outcome; the detail
 * lists them all.
 */
export function judgeRow(row: CompareRow, id: ResidentIdResult, person: ComparedPerson | undefined, options: { seeStatus: boolean; seeDates?: boolean; deceasedBefore: string | null }): RowVerdict {
  if (!id.valid) return { outcome: 'invalid-id', normalisedId: '', detail: id.message }
  if (person === undefined) return { outcome: 'not-found', normalisedId: id.id, detail: 'not in the population registry (人口库中无此人)' }
  const mismatch = (column: Exclude<Mappable, 'residentId'>, stored: string) => {
    const value = row.cells[column]
    return value !== undefined && value !== '' && !sameItem(ITEM_OF[column], value, stored)
  }
  const problems: Array<{ outcome: Outcome; text: string }> = []
  if (options.seeStatus) {
    // The dates themselves appear only to a caller who may see them in clear.
    const on = options.seeDates === true ? person.status_date : ''
    if (person.status === PERSON_STATUSES.deceased && (options.deceasedBefore === null || person.status_date < options.deceasedBefore)) problems.push({ outcome: 'deceased', text: on === '' ? 'deceased (已死亡)' : `deceased on ${on} (已于${on}死亡)` })
    if (person.status === PERSON_STATUSES.movedOut) problems.push({ outcome: 'moved-out', text: on === '' ? 'moved out of the city (已迁出)' : `moved out of the city on ${on} (已于${on}迁出)` })
    if (person.status === PERSON_STATUSES.cancelled) problems.push({ outcome: 'cancelled', text: 'registration cancelled (户口已注销)' })
  }
  if (mismatch('name', person.name)) problems.push({ outcome: 'name-mismatch', text: 'name differs from the registry (姓名与人口库不一致)' })
  if (mismatch('gender', person.gender)) problems.push({ outcome: 'field-mismatch', text: 'gender (性别) differs from the registry (与人口库不一致)' })
  if (mismatch('birthDate', person.birth_date)) problems.push({ outcome: 'field-mismatch', text: 'birth date (出生日期) differs from the registry (与人口库不一致)' })
  const first = problems[0]
  return first === undefined ? { outcome: 'ok', normalisedId: id.id, detail: '' } : { outcome: first.outcome, normalisedId: id.id, detail: problems.map((problem) => problem.text).join('; ') }
}

/** Guesses which header holds which field, from the usual Chinese and English headings. */
export function suggestMapping(headers: readonly string[]): Partial<Record<Mappable, string>> {
  const suggested: Partial<Record<Mappable, string>> = {}
  for (const field of MAPPABLE) {
    const header = headers.find((candidate) => HEADER_HINTS[field].test(candidate) && !Object.values(suggested).includes(candidate))
    if (header !== undefined) suggested[field] = header
  }
  return suggested
}

/** Rows of a comparison held per write: the problem rows go to the database in batches this size. */
const ROW_BATCH = 5_000

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
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly persons: PersonRepository,
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
    if (!/^[0-9a-f]{64}$/.test(uploadId)) throw new AppError('HT_VALIDATION', 'uploadId is the id a preview answered', [{ field: 'uploadId', message: 'unknown upload' }])
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
    return { uploadId, fileName, format: table.format, encoding: table.encoding ?? null, headers: table.headers, sample, suggested: suggestMapping(table.headers) }
  }

  /** Starts a comparison; the gate decides at once, so a caller without a verify grant is refused (and audited) now. */
  async start(principal: Principal, input: { uploadId: string; fileName: string; mapping: ColumnMapping; deceasedBefore?: string }, meta: RequestMeta): Promise<Job> {
    const file = this.#uploadPath(principal, input.uploadId)
    if (!fs.existsSync(file)) throw new AppError('HT_NOT_FOUND', 'No such upload: preview the file first (请先上传文件)')
    if (input.deceasedBefore !== undefined && normaliseDate(input.deceasedBefore) !== input.deceasedBefore) throw new AppError('HT_VALIDATION', 'deceasedBefore is a date, YYYY-MM-DD', [{ field: 'deceasedBefore', message: 'YYYY-MM-DD' }])
    const table = await openTableStream(file)
    const unknown = Object.entries(input.mapping).filter(([, header]) => header !== undefined && !table.headers.includes(header))
    if (unknown.length > 0) throw new AppError('HT_VALIDATION', 'The mapping names columns the file does not have (映射的列不存在)', unknown.map(([field, header]) => ({ field: `mapping.${field}`, message: `no column "${header}"` })))
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
    if (job === undefined || job.type !== POPULATION_COMPARE_JOB || job.departmentId !== principal.department.id) throw new AppError('HT_NOT_FOUND', `No comparison ${id}`)
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
    let query = this.db.selectFrom('comparison_rows').where('comparison_id', '=', id)
    if (outcome !== undefined) query = query.where('outcome', '=', outcome)
    const [items, total] = await Promise.all([
      query.select(['row', 'resident_id', 'name', 'outcome', 'detail']).orderBy('row').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return { items: items.map((row) => ({ row: row.row, residentId: row.resident_id, name: row.name, outcome: row.outcome, detail: row.detail })), total: Number(total.total) }
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
      const counts = await compareFile(this.persons, payload.file, {
        mapping: payload.mapping,
        deceasedBefore: payload.deceasedBefore,
        seeStatus: seesClear(decision, 'status'),
        seeDates: seesClear(decision, 'death_date') && seesClear(decision, 'emigration_date'),
        reportFile: report,
        onProblems: async (rows) => {
          await this.db.deleteFrom('comparison_rows').where('comparison_id', '=', job.id).where('row', 'in', rows.map((row) => row.row)).execute()
          await this.db.insertInto('comparison_rows').values(rows.map((row) => ({ comparison_id: job.id, row: row.row, outcome: row.outcome, resident_id: row.residentId, name: row.name, detail: row.detail }))).execute()
        },
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

export interface CompareOptions {
  readonly mapping: ColumnMapping
  readonly deceasedBefore: string | null
  readonly seeStatus: boolean
  /** Whether the report may give dates of death and moving out. */
  readonly seeDates?: boolean
  readonly reportFile: string
  readonly onProblems?: (rows: Array<CompareRow & RowVerdict>) => Promise<void>
  readonly onProgress?: (fraction: number, rows: number) => Promise<void>
}

/**
 * Streams a file through the comparison: parse, normalise, look the IDs up a chunk at a time (in
 * key order), judge each row, write the report row by row.
 */
export async function compareFile(persons: PersonRepository, file: string, options: CompareOptions): Promise<ComparisonCounts> {
  const table = await openTableStream(file)
  const index = (header: string | undefined) => (header === undefined ? -1 : table.headers.indexOf(header))
  const columns = Object.fromEntries(MAPPABLE.map((field) => [field, index(options.mapping[field])])) as Record<Mappable, number>
  const counts: ComparisonCounts = { total: 0, ok: 0, invalidId: 0, notFound: 0, nameMismatch: 0, fieldMismatch: 0, deceased: 0, movedOut: 0, cancelled: 0 }
  const writer = await createTableWriter(`${options.reportFile}.part`, 'csv', REPORT_HEADERS)
  let problems: Array<CompareRow & RowVerdict> = []
  let lastProgress = 0
  for await (const chunk of table.rows()) {
    const rows: CompareRow[] = chunk.map(({ row, cells }) => ({
      row,
      residentId: columns.residentId < 0 ? '' : (cells[columns.residentId] ?? ''),
      name: columns.name < 0 ? '' : (cells[columns.name] ?? ''),
      cells: Object.fromEntries(MAPPABLE.filter((field) => columns[field] >= 0).map((field) => [field, cells[columns[field]] ?? ''])),
    }))
    const parsed = rows.map((row) => parseResidentId(row.residentId))
    const found = await persons.compareMany(parsed.flatMap((id) => (id.valid ? [id.id] : [])))
    for (const [position, row] of rows.entries()) {
      const id = parsed[position] as ResidentIdResult
      const verdict = judgeRow(row, id, id.valid ? found.get(id.id) : undefined, options)
      counts.total += 1
      counts[COUNT_OF[verdict.outcome]] += 1
      await writer.write([String(row.row), row.residentId, row.name, verdict.normalisedId, OUTCOME_LABELS[verdict.outcome], verdict.detail])
      if (verdict.outcome !== 'ok') problems.push({ ...row, ...verdict })
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
  if (problems.length > 0) await options.onProblems?.(problems)
  await writer.close()
  fs.renameSync(`${options.reportFile}.part`, options.reportFile)
  return counts
}

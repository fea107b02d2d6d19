import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Principal } from '../../platform/auth/principal.js'
import type { RequestMeta } from '../../audit/actor.js'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import { readTable, writeTable, type TableFormat, type TextEncoding } from '../../platform/files/table-file.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { JobHandler } from '../../platform/jobs/job-worker.js'
import { type RecordFilter } from '../gate/provider.js'
import type { DatasetService } from './service.js'
import type { AccessGate } from '../gate/gate.js'

export const DATASET_UPLOAD_JOB = 'dataset.upload'
export const DATASET_EXPORT_JOB = 'exchange.export'

/** The caller as a job carries it: the job acts with the rights its creator had. */
type PrincipalSnapshot = Principal

interface UploadPayload {
  readonly principal: PrincipalSnapshot
  readonly code: string
  readonly file: string
  readonly batchId: string
  readonly fileName: string
}

interface ExportPayload {
  readonly principal: PrincipalSnapshot
  readonly code: string
  readonly filters: RecordFilter[]
  readonly format: TableFormat
  readonly encoding: TextEncoding
}

/** Rows validated between two progress reports. */
const PROGRESS_EVERY = 5000
const EXPORT_PAGE = 5000

/**
 * File uploads and bulk exports of hosted datasets, as jobs with progress. An upload is all or
 * nothing: a file with any bad row is rejected with a downloadable report of every bad row and
 * field; a good one is one batch, idempotent by the file's content (or the batch id given).
 */
export class DatasetJobs {
  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobQueue,
    private readonly datasets: DatasetService,
    private readonly gate: AccessGate,
    private readonly wake: () => void,
  ) {}

  #path(kind: 'uploads' | 'reports' | 'exports', name: string): string {
    const directory = path.join(this.dataDir, kind)
    fs.mkdirSync(directory, { recursive: true })
    return path.join(directory, name)
  }

  /** Stores an uploaded file and queues its import. */
  async upload(principal: Principal, code: string, file: Buffer, options: { batchId?: string; fileName?: string }) {
    const description = await this.datasets.ownResource(principal, code)
    const digest = createHash('sha256').update(file).digest('hex')
    const stored = this.#path('uploads', `${digest}`)
    fs.writeFileSync(stored, file)
    const payload: UploadPayload = {
      principal,
      code: description.code,
      file: stored,
      batchId: options.batchId ?? `file:${digest}`,
      fileName: options.fileName ?? 'upload',
    }
    const job = await this.jobs.enqueue(DATASET_UPLOAD_JOB, payload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 2 })
    this.wake()
    return job
  }

  /**
   * Queues a bulk export through the gate (operation `export`). The gate decides now, so a caller
   * without an export grant is refused (and audited) at once; the job reads through it again.
   */
  async export(principal: Principal, code: string, options: { filters: RecordFilter[]; format: TableFormat; encoding: TextEncoding }, meta: RequestMeta) {
    await this.gate.decide(
      principal,
      code,
      'export',
      options.filters.map((filter) => filter.key),
      meta,
      { filters: options.filters, queued: true },
    )
    const payload: ExportPayload = { principal, code, ...options }
    const job = await this.jobs.enqueue(DATASET_EXPORT_JOB, payload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 2 })
    this.wake()
    return job
  }

  /** A finished job's file (an upload's error report, an export), for the job's creator only. */
  async file(principal: Principal, jobId: string): Promise<{ path: string; name: string; contentType: string }> {
    const job = await this.jobs.get(jobId)
    if (job === undefined || job.createdBy !== principal.id) throw new AppError('HT_NOT_FOUND', `No job ${jobId}`)
    const result = job.result as { file?: string; fileName?: string; contentType?: string } | null
    if (job.status !== 'succeeded' || result?.file === undefined) throw new AppError('HT_NOT_FOUND', `Job ${jobId} has no file`)
    return { path: result.file, name: result.fileName ?? 'file', contentType: result.contentType ?? 'application/octet-stream' }
  }

  uploadHandler(): JobHandler {
    return async ({ job, progress }) => {
      const payload = job.payload as UploadPayload
      await progress(2, 'reading file (读取文件)')
      const table = await readTable(fs.readFileSync(payload.file), { maxCellLength: 10_000 })
      const description = await this.datasets.ownResource(payload.principal, payload.code)
      const problems: FieldProblem[] = []
      const known = new Set(description.items.map((item) => item.key))
      const byName = new Map(description.items.map((item) => [item.name, item.key]))
      // Columns may be headed by item key or by item name.
      const columns = table.headers.map((header) => (known.has(header) ? header : byName.get(header)))
      table.headers.forEach((header, index) => {
        if (columns[index] === undefined) problems.push({ row: 1, field: header, message: 'is not an item of this resource (非本资源信息项)' })
      })
      const upserts = table.rows.map((row) => Object.fromEntries(columns.flatMap((key, index) => (key === undefined ? [] : [[key, row[index] ?? '']]))))
      const prepared: ReturnType<DatasetService['prepare']> = { upserts: [], deletes: [] }
      const seen = new Map<string, number>()
      for (let start = 0; start < upserts.length; start += PROGRESS_EVERY) {
        await progress(5 + Math.floor((start / Math.max(1, upserts.length)) * 55), `validating ${start} / ${upserts.length} (校验)`)
        const rowNumbers = table.rowNumbers.slice(start, start + PROGRESS_EVERY)
        try {
          const part = this.datasets.prepare(description, { upserts: upserts.slice(start, start + PROGRESS_EVERY), deletes: [] }, rowNumbers)
          part.upserts.forEach((upsert, index) => {
            const row = rowNumbers[index] ?? start + index + 2
            const first = seen.get(upsert.key)
            if (first !== undefined) problems.push({ row, field: description.keyItems[0] ?? 'key', message: `repeats the key of row ${first} (主键重复)` })
            else seen.set(upsert.key, row)
            prepared.upserts.push(upsert)
          })
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          problems.push(...error.errors)
        }
      }
      if (problems.length > 0) {
        const report = this.#path('reports', `${job.id}.csv`)
        fs.writeFileSync(
          report,
          await writeTable(
            { name: 'errors', headers: ['行 row', '字段 field', '问题 problem'], rows: problems.map((p) => [String(p.row ?? ''), p.field, p.message]) },
            'csv',
          ),
        )
        return {
          status: 'rejected',
          rows: table.rows.length,
          invalidRows: new Set(problems.map((p) => p.row)).size,
          problems: problems.slice(0, 200),
          file: report,
          fileName: `${payload.fileName}-errors.csv`,
          contentType: 'text/csv; charset=utf-8',
        }
      }
      await progress(65, `writing ${prepared.upserts.length} records (写入)`)
      const result = await this.datasets.write(payload.principal, description, payload.batchId, prepared, { requestId: job.id, ip: null })
      fs.rmSync(payload.file, { force: true })
      return { status: 'applied', rows: table.rows.length, encoding: table.encoding ?? 'xlsx', ...result }
    }
  }

  exportHandler(): JobHandler {
    return async ({ job, progress }) => {
      const payload = job.payload as ExportPayload
      const meta = { requestId: job.id, ip: null }
      const first = await this.gate.query(payload.principal, payload.code, { filters: payload.filters, limit: EXPORT_PAGE, offset: 0 }, meta, 'export')
      const rows = [...first.items]
      while (rows.length < first.total) {
        await progress(Math.floor((rows.length / first.total) * 90), `${rows.length} / ${first.total}`)
        const page = await this.gate.query(
          payload.principal,
          payload.code,
          { filters: payload.filters, limit: EXPORT_PAGE, offset: rows.length },
          meta,
          'export',
        )
        if (page.items.length === 0) break
        rows.push(...page.items)
      }
      const headers = Object.keys(rows[0] ?? {})
      const file = this.#path('exports', `${job.id}.${payload.format}`)
      fs.writeFileSync(
        file,
        await writeTable(
          { name: 'data', headers, rows: rows.map((row) => headers.map((key) => (row[key] === null || row[key] === undefined ? '' : String(row[key])))) },
          payload.format,
          payload.encoding,
        ),
      )
      return {
        rows: rows.length,
        file,
        fileName: `${payload.code.replace('/', '-')}.${payload.format}`,
        contentType: payload.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : `text/csv; charset=${payload.encoding}`,
      }
    }
  }
}

import fs from 'node:fs'
import path from 'node:path'
import type { Principal } from '../identity/principal.js'
import { auditActor } from '../platform/audit/actor.js'
import type { AuditLog } from '../platform/audit/audit-log.js'
import { beijingDate } from '../platform/calendar/working-days.js'
import { AppError } from '../platform/errors.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { createTableWriter, type TableWriter } from '../platform/files/table-writer.js'
import { newId } from '../platform/ids.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'
import type { CheckSummary } from '../population/import-check.js'
import { readLines, toXlsx } from '../population/imports.js'
import { mapEntityColumns, parseEntityRow } from './entity-input.js'
import { ENTITY_FIELDS, type Entity, type EntityField } from './model.js'
import type { EntityRepository } from './repository.js'
import type { LegalPersonService } from './service.js'

export const LEGAL_PERSON_IMPORT_JOB = 'legal-person.import'

const REJECTION_HEADERS = ['行号 row', '统一社会信用代码 creditCode', '字段 field', '原因 reason']

/** Entities written per transaction. */
const WRITE_BATCH = 20_000

type EntityCheckpoint = { readonly applied: number; readonly summary: CheckSummary }

export interface EntityImportReport extends CheckSummary {
  readonly status: 'applied'
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejectionsFile: boolean
}

export interface EntityImportOptions {
  readonly changedBy: string
  readonly source: string
  readonly workDir: string
  readonly onProgress?: (fraction: number, message: string) => Promise<void> | void
  readonly resume?: EntityCheckpoint
  readonly onBatch?: (checkpoint: EntityCheckpoint) => Promise<void> | void
}

/**
 * Imports entities from CSV (UTF-8 / GBK, detected) or XLSX in two phases: the whole file is
 * checked first (rejected rows listed with the field and reason; a file-level problem writes
 * nothing), then the checked rows are upserted by credit code in atomic batches. Each changed
 * entity gains a change-history entry with every changed field; unchanged entities stay as they
 * are, so the same file again changes nothing. A resumed job continues at its next batch.
 *
 * @example
 * await importEntities(entities, 'entities.csv', { changedBy: 'market', source: 'import:1', workDir })
 */
export async function importEntities(entities: EntityRepository, file: string, options: EntityImportOptions): Promise<EntityImportReport> {
  fs.mkdirSync(options.workDir, { recursive: true })
  const staged = path.join(options.workDir, 'staged.tsv')
  const summary = options.resume?.summary ?? (await checkEntityFile(file, staged, path.join(options.workDir, 'rejections.csv'), options))
  let created = 0
  let updated = 0
  let unchanged = 0
  let applied = 0
  const skip = options.resume?.applied ?? 0
  let batch: Entity[] = []
  const flush = async () => {
    if (batch.length === 0) return
    if (applied >= skip) {
      const result = await entities.applyBatch(batch, options.source, options.changedBy, { fields: summary.fields as readonly EntityField[] })
      created += result.created
      updated += result.updated
      unchanged += result.unchanged
    }
    applied += batch.length
    batch = []
    await options.onBatch?.({ applied, summary })
    await options.onProgress?.(0.5 + (0.5 * applied) / Math.max(1, summary.accepted), `writing ${applied} entities (已写入${applied}户)`)
  }
  for await (const lines of readLines(staged)) {
    for (const line of lines) {
      const values = line.split('\t')
      batch.push(Object.fromEntries(ENTITY_FIELDS.map((field, index) => [field, values[index] ?? ''])) as unknown as Entity)
      if (batch.length === WRITE_BATCH) await flush()
    }
  }
  await flush()
  fs.rmSync(staged, { force: true })
  return { status: 'applied', ...summary, created, updated, unchanged, rejectionsFile: summary.rejected > 0 }
}

async function checkEntityFile(file: string, staged: string, rejectionsFile: string, options: EntityImportOptions): Promise<CheckSummary> {
  const table = await openTableStream(file, { maxCellLength: 10_000 })
  const { columns, missing, ignored } = mapEntityColumns(table.headers)
  if (missing.length > 0) {
    throw new AppError('HT_VALIDATION', `Missing columns: ${missing.join(', ')}; nothing was imported (缺少必需的列，未导入任何数据)`, missing.map((column) => ({ row: 1, field: column, message: 'missing column (缺少此列)' })))
  }
  const today = beijingDate()
  const seen = new Map<string, number>()
  const out = fs.createWriteStream(staged)
  let rejections: TableWriter | undefined
  let rows = 0
  let accepted = 0
  let rejected = 0
  const reject = async (row: number, code: string, field: string, reason: string) => {
    rejections ??= await createTableWriter(rejectionsFile, 'csv', REJECTION_HEADERS)
    await rejections.write([String(row), code, field, reason])
  }
  const codeColumn = columns.get('credit_code') ?? 0
  try {
    for await (const chunk of table.rows()) {
      let text = ''
      for (const { row, cells, formulas } of chunk) {
        rows += 1
        const submitted = cells[codeColumn] ?? ''
        if (formulas.length > 0) {
          rejected += 1
          await reject(row, submitted, table.headers[formulas[0] ?? 0] ?? '', 'the cell holds a formula, not a value (单元格含公式)')
          continue
        }
        if (cells.length !== table.headers.length) {
          rejected += 1
          await reject(row, submitted, 'row', `has ${cells.length} cells where the header has ${table.headers.length} (列数与表头不一致)`)
          continue
        }
        const parsed = parseEntityRow(cells, columns, today)
        if (parsed.problems !== undefined) {
          rejected += 1
          for (const problem of parsed.problems) await reject(row, submitted, problem.field, problem.message)
          continue
        }
        const first = seen.get(parsed.entity.credit_code)
        if (first !== undefined) {
          rejected += 1
          await reject(row, submitted, 'credit_code', `repeats the credit code of row ${first} (与第${first}行统一社会信用代码重复)`)
          continue
        }
        seen.set(parsed.entity.credit_code, row)
        accepted += 1
        text += `${ENTITY_FIELDS.map((field) => parsed.entity[field]).join('\t')}\n`
      }
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      await options.onProgress?.((0.5 * table.bytesRead()) / Math.max(1, table.size), `checking row ${rows} (校验第${rows}行)`)
    }
  } catch (error) {
    out.destroy()
    await (rejections as TableWriter | undefined)?.close()
    fs.rmSync(staged, { force: true })
    throw error
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  await (rejections as TableWriter | undefined)?.close()
  // Fields derived when their column is missing count as carried: the division from the code, the source from its authority.
  const fields = new Set<string>([...columns.keys(), 'division_code', 'source_department', 'currency'])
  return { rows, accepted, rejected, encoding: table.encoding ?? table.format, ignoredColumns: ignored, fields: [...fields] }
}

interface ImportPayload {
  readonly principal: Principal
  readonly file: string
  readonly fileName: string
}

/** Legal-person imports as jobs with progress. */
export class LegalPersonImports {
  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobQueue,
    private readonly entities: EntityRepository,
    private readonly legalPersons: LegalPersonService,
    private readonly audit: AuditLog,
    private readonly wake: () => void,
  ) {}

  #directory(...parts: string[]): string {
    const directory = path.join(this.dataDir, 'legal-persons', ...parts)
    fs.mkdirSync(directory, { recursive: true })
    return directory
  }

  async upload(principal: Principal, file: Buffer, fileName: string) {
    await this.legalPersons.registry.ownCore(principal)
    if (file.length === 0) throw new AppError('HT_VALIDATION', 'The file is empty (文件为空)', [{ field: 'file', message: 'empty' }])
    const stored = path.join(this.#directory('uploads'), newId())
    fs.writeFileSync(stored, file)
    const job = await this.jobs.enqueue(LEGAL_PERSON_IMPORT_JOB, { principal, file: stored, fileName } satisfies ImportPayload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 3 })
    this.wake()
    return job
  }

  async rejections(principal: Principal, jobId: string, format: 'csv' | 'xlsx'): Promise<{ path: string; name: string }> {
    const job = await this.jobs.get(jobId)
    if (job === undefined || job.type !== LEGAL_PERSON_IMPORT_JOB || job.departmentId !== principal.department.id) throw new AppError('HT_NOT_FOUND', `No import ${jobId}`)
    const csv = path.join(this.dataDir, 'legal-persons', 'imports', jobId, 'rejections.csv')
    if (!fs.existsSync(csv)) throw new AppError('HT_NOT_FOUND', `Import ${jobId} rejected no rows`)
    const name = `${(job.payload as ImportPayload).fileName.replace(/\.[^.]+$/, '')}-rejected.${format}`
    return { path: format === 'csv' ? csv : await toXlsx(csv), name }
  }

  handler(): JobHandler {
    return async ({ job, progress }) => {
      const payload = job.payload as ImportPayload
      await this.legalPersons.registry.ownCore(payload.principal)
      let last = 0
      const report = await importEntities(this.entities, payload.file, {
        changedBy: payload.principal.name,
        source: `import:${job.id}`,
        workDir: this.#directory('imports', job.id),
        ...(job.checkpoint === null ? {} : { resume: job.checkpoint as EntityCheckpoint }),
        onProgress: async (fraction, message) => {
          if (Date.now() - last < 500) return
          last = Date.now()
          await progress(Math.floor(fraction * 99), message)
        },
        onBatch: (checkpoint) => progress(50 + Math.floor((49 * checkpoint.applied) / Math.max(1, checkpoint.summary.accepted)), `writing ${checkpoint.applied} entities (已写入${checkpoint.applied}户)`, checkpoint),
      })
      await this.audit.append({ ...auditActor(payload.principal, { requestId: job.id, ip: null }), action: 'legal-person.import', target: payload.fileName, outcome: 'success', detail: { ...report } })
      this.legalPersons.changed()
      fs.rmSync(payload.file, { force: true })
      return report
    }
  }
}

import fs from 'node:fs'
import path from 'node:path'
import type { Principal } from '../../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { AppError } from '../../platform/errors.js'
import { openTableStream } from '../../platform/files/table-stream.js'
import { createTableWriter } from '../../platform/files/table-writer.js'
import { newId } from '../../platform/ids.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { JobHandler } from '../../platform/jobs/job-worker.js'
import { importFile, type ImportCheckpoint, type ImportOptions, type ImportProgress, type ImportReport, type ImportTarget } from './import-file.js'

/** How one registry takes imports as jobs: its names, and who may import what. */
export interface ImportingRegistry<R> {
  /** The job type, e.g. `population.import`; also the audit action. */
  readonly jobType: string
  /** The registry's folder under the data directory: uploads and each import's work. */
  readonly directory: string
  /** What a progress message counts: `{ en: 'persons', zh: '人' }`. */
  readonly noun: { readonly en: string; readonly zh: string }
  /** Who may download an import's rejected rows: the user who started it, or any member of their department. */
  readonly rejectionsFor: 'creator' | 'department'
  /**
   * Refuses with `HT_FORBIDDEN` a principal who may not import into the registry, or, given a
   * `file`, may not import the records it names; the caller audits the refusal.
   */
  authorize(principal: Principal, file?: string): Promise<void>
  /** Where an import of `principal` writes; asked again when the job runs. */
  target(principal: Principal): Promise<ImportTarget<R>>
  /** After an import: cached statistics forgotten, change deliveries started. */
  changed(): void
}

interface ImportPayload {
  readonly principal: Principal
  readonly file: string
  readonly fileName: string
}

const NO_META: RequestMeta = { requestId: null, ip: null }

/**
 * A registry's imports as jobs with progress: uploaded files checked and written in the
 * background by {@link importFile}, each import audited, refusals too.
 *
 * @example
 * const imports = new RegistryImports(dataDir, jobs, audit, registry, () => worker.poke())
 * const job = await imports.upload(principal, body, 'persons.csv', meta) // queued; handler() runs it
 */
export class RegistryImports<R> {
  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    private readonly registry: ImportingRegistry<R>,
    private readonly wake: () => void,
  ) {}

  #directory(...parts: string[]): string {
    const directory = path.join(this.dataDir, this.registry.directory, ...parts)
    fs.mkdirSync(directory, { recursive: true })
    return directory
  }

  /** Stores an uploaded file and queues its import, once the principal may import it. */
  async upload(principal: Principal, file: Buffer, fileName: string, meta: RequestMeta = NO_META) {
    if (file.length === 0) {
      await this.#refusing(principal, fileName, meta, () => this.registry.authorize(principal))
      throw new AppError('HT_VALIDATION', 'The file is empty (文件为空)', [{ field: 'file', message: 'empty' }])
    }
    // Each upload its own file: a finished job deletes its upload, which another job of the same bytes may still need.
    const stored = path.join(this.#directory('uploads'), newId())
    fs.writeFileSync(stored, file)
    try {
      await this.#refusing(principal, fileName, meta, () => this.registry.authorize(principal, stored))
    } catch (error) {
      fs.rmSync(stored, { force: true })
      throw error
    }
    const payload: ImportPayload = { principal, file: stored, fileName }
    const job = await this.jobs.enqueue(this.registry.jobType, payload, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 3 })
    this.wake()
    return job
  }

  /** The rejected rows of an import, for those who may see them: the CSV, or an XLSX made from it. */
  async rejections(principal: Principal, jobId: string, format: 'csv' | 'xlsx'): Promise<{ path: string; name: string }> {
    const job = await this.jobs.get(jobId)
    const theirs = this.registry.rejectionsFor === 'creator' ? job?.createdBy === principal.id : job?.departmentId === principal.department.id
    if (job === undefined || job.type !== this.registry.jobType || !theirs) throw new AppError('HT_NOT_FOUND', `No import ${jobId}`)
    const csv = path.join(this.dataDir, this.registry.directory, 'imports', jobId, 'rejections.csv')
    if (!fs.existsSync(csv)) throw new AppError('HT_NOT_FOUND', `Import ${jobId} rejected no rows`)
    const name = `${(job.payload as ImportPayload).fileName.replace(/\.[^.]+$/, '')}-rejected.${format}`
    return { path: format === 'csv' ? csv : await toXlsx(csv), name }
  }

  /**
   * Imports a file at once, as the command line does: authorized as an upload is (a refusal
   * audited), imported, and audited with `via`.
   */
  async run(principal: Principal, file: string, options: Omit<ImportOptions, 'changedBy'>, via: string): Promise<ImportReport> {
    const name = path.basename(file)
    await this.#refusing(principal, name, NO_META, () => this.registry.authorize(principal, file))
    const target = await this.#refusing(principal, name, NO_META, () => this.registry.target(principal))
    const report = await this.#refusing(principal, name, NO_META, () => importFile(target, file, { ...options, changedBy: principal.name }))
    await this.audit.append({ ...auditActor(principal, NO_META), action: this.registry.jobType, target: name, outcome: 'success', detail: { ...report, via } })
    this.registry.changed()
    return report
  }

  handler(): JobHandler {
    const { en, zh } = this.registry.noun
    return async ({ job, progress }) => {
      const payload = job.payload as ImportPayload
      const meta = { requestId: job.id, ip: null }
      const target = await this.#refusing(payload.principal, payload.fileName, meta, () => this.registry.target(payload.principal))
      let lastReport = 0
      const onProgress = async ({ phase, done, fraction }: ImportProgress) => {
        if (Date.now() - lastReport < 500) return
        lastReport = Date.now()
        await progress(Math.floor(fraction * 99), progressMessage(phase, done, this.registry.noun))
      }
      const report = await this.#refusing(payload.principal, payload.fileName, meta, () =>
        importFile(target, payload.file, {
          changedBy: payload.principal.name,
          source: `import:${job.id}`,
          workDir: this.#directory('imports', job.id),
          ...(job.checkpoint === null ? {} : { resume: job.checkpoint as ImportCheckpoint }),
          onProgress,
          onBatch: async (checkpoint) =>
            checkpoint.phase === 'bulk'
              ? progress(1, 'first load into an empty registry (首次装载)', checkpoint)
              : progress(
                  50 + Math.floor((49 * checkpoint.applied) / Math.max(1, checkpoint.summary.accepted)),
                  `writing ${checkpoint.applied} ${en} (已写入${checkpoint.applied}${zh})`,
                  checkpoint,
                ),
        }),
      )
      await this.audit.append({
        ...auditActor(payload.principal, meta),
        action: this.registry.jobType,
        target: payload.fileName,
        outcome: 'success',
        detail: { ...report },
      })
      this.registry.changed()
      fs.rmSync(payload.file, { force: true })
      return report
    }
  }

  /** Runs `work`; a refusal it throws (`HT_FORBIDDEN`) is audited before it goes on. */
  async #refusing<T>(principal: Principal, fileName: string, meta: RequestMeta, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof AppError && error.code === 'HT_FORBIDDEN') {
        await this.audit.append({
          ...auditActor(principal, meta),
          action: this.registry.jobType,
          target: fileName,
          outcome: 'denied',
          detail: { reason: error.message, rows: error.errors.slice(0, 20) },
        })
      }
      throw error
    }
  }
}

/**
 * A progress message of an import phase, in English and Chinese.
 *
 * @example
 * progressMessage('write', 50_000, { en: 'persons', zh: '人' }) // 'writing 50000 persons (已写入50000人)'
 */
export function progressMessage(phase: ImportProgress['phase'], done: number, noun: ImportingRegistry<unknown>['noun']): string {
  if (phase === 'check') return `checking row ${done} (校验第${done}行)`
  if (phase === 'index') return 'building indexes (建立索引)'
  return `writing ${done} ${noun.en} (已写入${done}${noun.zh})`
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

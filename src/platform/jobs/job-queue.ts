import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/database.js'
import type { JobTable, JobTables } from './tables.js'
import { fromNow, newId, now } from '../ids.js'

export type JobStatus = JobTable['status']

/** What a module that enqueues announces: a job waits, so a worker can start it at once. */
export interface JobEvents {
  'jobs.enqueued': Readonly<Record<string, never>>
}

/** A job as the API and the worker see it, JSON parsed. */
export interface Job {
  readonly id: string
  readonly type: string
  readonly payload: unknown
  readonly status: JobStatus
  /** 0–100. */
  readonly progress: number
  readonly progressMessage: string | null
  readonly checkpoint: unknown
  readonly result: unknown
  readonly error: string | null
  readonly attempts: number
  readonly maxAttempts: number
  readonly runAfter: string
  readonly createdBy: string | null
  readonly departmentId: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly finishedAt: string | null
}

export interface EnqueueOptions {
  readonly maxAttempts?: number
  readonly createdBy?: string | null
  readonly departmentId?: string | null
  readonly runAfter?: string
}

export interface ListJobsFilter {
  readonly createdBy?: string
  readonly departmentId?: string
  readonly type?: string
  readonly status?: JobStatus
  readonly limit?: number
  readonly offset?: number
}

/** First retry after this long; each further retry waits twice as long, up to the cap. */
export const RETRY_BASE_MS = 2_000
const RETRY_CAP_MS = 10 * 60_000

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown)
}

function toJob(row: Selectable<JobTable>): Job {
  return {
    id: row.id,
    type: row.type,
    payload: parse(row.payload),
    status: row.status,
    progress: Number(row.progress),
    progressMessage: row.progress_message,
    checkpoint: parse(row.checkpoint),
    result: parse(row.result),
    error: row.error,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAfter: row.run_after,
    createdBy: row.created_by,
    departmentId: row.department_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  }
}

/**
 * The jobs table: enqueue, claim with a lease, report progress, finish, retry with backoff.
 * A job whose worker died is claimed again once its lease runs out, with its last checkpoint.
 *
 * @example
 * const job = await queue.enqueue('audit.verify', {}, { createdBy: user.id })
 */
export class JobQueue {
  readonly #db: Kysely<JobTables>

  constructor(private readonly database: Database) {
    this.#db = database.tables<JobTables>()
  }

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<Job> {
    const timestamp = now()
    const row: Selectable<JobTable> = {
      id: newId(),
      type,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      progress: 0,
      progress_message: null,
      checkpoint: null,
      result: null,
      error: null,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 3,
      run_after: options.runAfter ?? timestamp,
      locked_by: null,
      locked_until: null,
      created_by: options.createdBy ?? null,
      department_id: options.departmentId ?? null,
      created_at: timestamp,
      updated_at: timestamp,
      finished_at: null,
    }
    await this.#db.insertInto('jobs').values(row).execute()
    return toJob(row)
  }

  /** Whether a job of `type` with exactly this payload waits in the queue, not yet claimed. */
  async isQueued(type: string, payload: unknown): Promise<boolean> {
    const row = await this.#db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', type)
      .where('status', '=', 'queued')
      .where('payload', '=', JSON.stringify(payload ?? null))
      .executeTakeFirst()
    return row !== undefined
  }

  async get(id: string): Promise<Job | undefined> {
    const row = await this.#db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toJob(row)
  }

  async list(filter: ListJobsFilter = {}): Promise<{ items: Job[]; total: number }> {
    let query = this.#db.selectFrom('jobs')
    if (filter.createdBy !== undefined) query = query.where('created_by', '=', filter.createdBy)
    if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId)
    if (filter.type !== undefined) query = query.where('type', '=', filter.type)
    if (filter.status !== undefined) query = query.where('status', '=', filter.status)
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(filter.limit ?? 50)
        .offset(filter.offset ?? 0)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map(toJob), total: Number(count.total) }
  }

  /**
   * Takes the next due job of one of `types` for `workerId`, or one whose lease ran out.
   * On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several nodes claim side by side; on SQLite the
   * single writer serialises claims.
   */
  async claim(workerId: string, types: readonly string[], leaseMs: number): Promise<Job | undefined> {
    if (types.length === 0) return undefined
    const timestamp = now()
    const db = this.#db
    const kind = this.database.kind
    const row = await db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: fromNow(leaseMs),
        attempts: eb('attempts', '+', 1),
        updated_at: timestamp,
      }))
      .where('id', '=', (eb) => {
        const next = eb
          .selectFrom('jobs')
          .select('id')
          .where('type', 'in', types)
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_after', '<=', timestamp)]),
              w.and([w('status', '=', 'running'), w('locked_until', '<', timestamp)]),
            ]),
          )
          .orderBy('run_after')
          .limit(1)
        return kind === 'postgres' ? next.forUpdate().skipLocked() : next
      })
      .returningAll()
      .executeTakeFirst()
    if (row === undefined) return undefined
    const job = toJob(row)
    if (job.attempts > job.maxAttempts) {
      await this.fail(job.id, workerId, 'the job was interrupted more often than its attempts allow', false)
      return this.claim(workerId, types, leaseMs)
    }
    return job
  }

  /**
   * Records progress and extends the lease. Returns false when the worker no longer holds the
   * job (its lease ran out and another worker took it), so the caller must stop.
   */
  async progress(id: string, workerId: string, progress: number, leaseMs: number, message?: string, checkpoint?: unknown): Promise<boolean> {
    const result = await this.#db
      .updateTable('jobs')
      .set({
        progress: Math.max(0, Math.min(100, progress)),
        locked_until: fromNow(leaseMs),
        updated_at: now(),
        ...(message === undefined ? {} : { progress_message: message }),
        ...(checkpoint === undefined ? {} : { checkpoint: JSON.stringify(checkpoint) }),
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async complete(id: string, workerId: string, result: unknown): Promise<boolean> {
    const timestamp = now()
    const update = await this.#db
      .updateTable('jobs')
      .set({
        status: 'succeeded',
        progress: 100,
        result: JSON.stringify(result ?? null),
        error: null,
        locked_by: null,
        locked_until: null,
        updated_at: timestamp,
        finished_at: timestamp,
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .executeTakeFirst()
    return Number(update.numUpdatedRows) === 1
  }

  /** Fails the attempt: queued again after a backoff while attempts remain, else failed for good. */
  async fail(id: string, workerId: string, error: string, retry = true): Promise<void> {
    const job = await this.get(id)
    if (job === undefined) return
    const timestamp = now()
    const again = retry && job.attempts < job.maxAttempts
    const delay = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, job.attempts - 1))
    await this.#db
      .updateTable('jobs')
      .set({
        status: again ? 'queued' : 'failed',
        error,
        run_after: again ? fromNow(delay) : job.runAfter,
        locked_by: null,
        locked_until: null,
        updated_at: timestamp,
        finished_at: again ? null : timestamp,
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute()
  }

  /** Hands a job back untouched (graceful shutdown): the interrupted attempt does not count. */
  async release(id: string, workerId: string): Promise<void> {
    await this.#db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        attempts: eb('attempts', '-', 1),
        locked_by: null,
        locked_until: null,
        run_after: now(),
        updated_at: now(),
      }))
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute()
  }

  async cancel(id: string): Promise<boolean> {
    const update = await this.#db
      .updateTable('jobs')
      .set({ status: 'cancelled', locked_by: null, locked_until: null, updated_at: now(), finished_at: now() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst()
    return Number(update.numUpdatedRows) === 1
  }
}

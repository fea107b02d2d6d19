import { hostname } from 'node:os'
import type { Logger } from 'pino'
import { AppError } from '../errors.js'
import { newId } from '../ids.js'
import type { Job, JobQueue } from './job-queue.js'

/** What a handler gets: the job, a way to report progress, and a signal to stop early. */
export interface JobContext {
  readonly job: Job
  readonly signal: AbortSignal
  /**
   * Records progress (0–100) and, optionally, a checkpoint the handler reads back from
   * `job.checkpoint` if the job is resumed after a crash. Throws once the job is lost or cancelled.
   */
  progress(percent: number, message?: string, checkpoint?: unknown): Promise<void>
}

export type JobHandler = (context: JobContext) => Promise<unknown>

export interface WorkerOptions {
  readonly pollMs?: number
  /** How long a claim lasts without a heartbeat before another worker may take the job. */
  readonly leaseMs?: number
  readonly logger?: Logger
}

/** Thrown into a handler's progress call when the worker no longer holds its job. */
export class JobLostError extends Error {
  constructor(id: string) {
    super(`job ${id} was cancelled or taken over by another worker`)
    this.name = 'JobLostError'
  }
}

/**
 * The in-process worker: polls the queue, runs one job at a time, keeps its lease alive with
 * heartbeats and reports the outcome. `stop()` hands a running job back to the queue.
 *
 * @example
 * const worker = new JobWorker(queue, { 'audit.verify': verifyHandler })
 * worker.start()
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`
  readonly #pollMs: number
  readonly #leaseMs: number
  #running = false
  #timer: NodeJS.Timeout | undefined
  #loop: Promise<void> | undefined
  #current: AbortController | undefined
  #wake: (() => void) | undefined

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly options: WorkerOptions = {},
  ) {
    this.#pollMs = options.pollMs ?? 1000
    this.#leaseMs = options.leaseMs ?? 30_000
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  /** Asks the worker to look for work now rather than at the next poll. */
  poke(): void {
    this.#wake?.()
  }

  async stop(): Promise<void> {
    this.#running = false
    this.#current?.abort()
    this.poke()
    await this.#loop
  }

  async #run(): Promise<void> {
    const types = Object.keys(this.handlers)
    while (this.#running) {
      let job: Job | undefined
      try {
        job = await this.queue.claim(this.id, types, this.#leaseMs)
      } catch (error) {
        this.options.logger?.error({ err: error }, 'job claim failed')
      }
      if (job !== undefined) {
        await this.#execute(job)
        continue
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve
        this.#timer = setTimeout(resolve, this.#pollMs)
      })
      clearTimeout(this.#timer)
      this.#wake = undefined
    }
  }

  async #execute(job: Job): Promise<void> {
    const handler = this.handlers[job.type]
    if (handler === undefined) return
    const controller = new AbortController()
    this.#current = controller
    const log = this.options.logger?.child({ jobId: job.id, jobType: job.type })
    let lost = false
    const heartbeat = setInterval(
      () => {
        this.queue
          .progress(job.id, this.id, job.progress, this.#leaseMs)
          .then((held) => {
            if (!held) {
              lost = true
              controller.abort()
            }
          })
          .catch(() => undefined)
      },
      Math.max(50, this.#leaseMs / 3),
    )
    let lastPercent = job.progress
    const context: JobContext = {
      job,
      signal: controller.signal,
      progress: async (percent, message, checkpoint) => {
        lastPercent = percent
        const held = await this.queue.progress(job.id, this.id, percent, this.#leaseMs, message, checkpoint)
        if (!held) {
          lost = true
          controller.abort()
          throw new JobLostError(job.id)
        }
      },
    }
    try {
      log?.info({ attempt: job.attempts }, 'job started')
      const result = await handler(context)
      if (!lost) {
        await this.queue.complete(job.id, this.id, result)
        log?.info('job succeeded')
      }
    } catch (error) {
      if (lost) {
        log?.warn('job lost; left to whoever holds it now')
      } else if (controller.signal.aborted && !this.#running) {
        await this.queue.release(job.id, this.id)
        log?.info({ progress: lastPercent }, 'job handed back on shutdown')
      } else {
        const message = error instanceof Error ? error.message : String(error)
        log?.warn({ err: error }, 'job attempt failed')
        // Bad input (a 4xx AppError) fails the same way on every attempt: no retry.
        await this.queue.fail(job.id, this.id, message, !(error instanceof AppError && error.status < 500))
      }
    } finally {
      clearInterval(heartbeat)
      this.#current = undefined
    }
  }
}

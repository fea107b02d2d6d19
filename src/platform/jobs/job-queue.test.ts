import { spawn } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COUNTING_JOB, countingHandler } from '../../../test/support/counting-job.js'
import { DIALECTS, openTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../../../test/support/databases.js'
import { fromNow } from '../ids.js'
import { JobQueue } from './job-queue.js'
import { JobWorker } from './job-worker.js'

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

for (const dialect of DIALECTS) {
  describe(`jobs on ${dialect}`, () => {
    let testDatabase: TestDatabase
    let queue: JobQueue
    const workers: JobWorker[] = []

    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      queue = new JobQueue(testDatabase.database)
    })
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((worker) => worker.stop()))
      await testDatabase.drop()
    })

    const startWorker = (handlers: ConstructorParameters<typeof JobWorker>[1], leaseMs = 1000) => {
      const worker = new JobWorker(queue, handlers, { pollMs: 20, leaseMs })
      workers.push(worker)
      worker.start()
      return worker
    }

    it('runs a job to completion with progress and a result', async () => {
      const job = await queue.enqueue(COUNTING_JOB, { steps: 4 }, { createdBy: 'u1' })
      expect(job).toMatchObject({ status: 'queued', progress: 0, attempts: 0 })
      startWorker({ [COUNTING_JOB]: countingHandler(5) })
      const done = await until(async () => {
        const current = await queue.get(job.id)
        return current?.status === 'succeeded' ? current : undefined
      })
      expect(done).toMatchObject({ progress: 100, attempts: 1, result: { resumedFrom: 0, steps: 4 }, error: null })
      expect(done.finishedAt).not.toBeNull()
    })

    it('retries a failing job with backoff, then fails it for good', async () => {
      const job = await queue.enqueue('test.flaky', {}, { maxAttempts: 2 })
      let calls = 0
      startWorker({
        'test.flaky': async () => {
          calls += 1
          throw new Error(`boom ${calls}`)
        },
      })
      const retried = await until(async () => {
        const current = await queue.get(job.id)
        return current?.attempts === 1 && current.status === 'queued' ? current : undefined
      })
      expect(retried.error).toBe('boom 1')
      expect(Date.parse(retried.runAfter)).toBeGreaterThan(Date.now() + 500)
      // Skip the backoff rather than wait it out.
      await testDatabase.database.db
        .updateTable('jobs')
        .set({ run_after: fromNow(-1) })
        .where('id', '=', job.id)
        .execute()
      const failed = await until(async () => {
        const current = await queue.get(job.id)
        return current?.status === 'failed' ? current : undefined
      })
      expect(failed).toMatchObject({ attempts: 2, error: 'boom 2' })
      expect(calls).toBe(2)
    })

    it('resumes from its checkpoint after the worker process is killed mid-job', async () => {
      const job = await queue.enqueue(COUNTING_JOB, { steps: 12 }, { maxAttempts: 3 })
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-worker-process.ts'], {
        env: {
          ...process.env,
          TEST_DATA_DIR: testDatabase.config.dataDir,
          ...(dialect === 'postgres' ? { TEST_DATABASE_URL: TEST_POSTGRES_URL, TEST_SCHEMA: testDatabase.schema } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('step 4')) resolve()
        })
        child.on('exit', (code) => reject(new Error(`worker exited early with ${code}`)))
      })
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))

      const orphaned = await queue.get(job.id)
      expect(orphaned?.status).toBe('running')
      const savedAt = (orphaned?.checkpoint as { done: number }).done
      expect(savedAt).toBeGreaterThanOrEqual(4)
      expect(savedAt).toBeLessThan(12)

      startWorker({ [COUNTING_JOB]: countingHandler(5) }, 600)
      const resumed = await until(async () => {
        const current = await queue.get(job.id)
        return current?.status === 'succeeded' ? current : undefined
      })
      expect(resumed.attempts).toBe(2)
      expect((resumed.result as { resumedFrom: number }).resumedFrom).toBeGreaterThanOrEqual(savedAt)
    })

    it('hands a running job back on graceful stop without using up an attempt', async () => {
      const job = await queue.enqueue(COUNTING_JOB, { steps: 50 })
      const worker = startWorker({ [COUNTING_JOB]: countingHandler(20) })
      await until(async () => ((await queue.get(job.id))?.progress ?? 0) > 0 || undefined)
      await worker.stop()
      const released = await queue.get(job.id)
      expect(released).toMatchObject({ status: 'queued', attempts: 0 })
    })

    it('cancels a running job and the worker stops working on it', async () => {
      const job = await queue.enqueue(COUNTING_JOB, { steps: 200 })
      startWorker({ [COUNTING_JOB]: countingHandler(10) })
      await until(async () => ((await queue.get(job.id))?.progress ?? 0) > 0 || undefined)
      expect(await queue.cancel(job.id)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const cancelled = await queue.get(job.id)
      expect(cancelled?.status).toBe('cancelled')
      expect(await queue.cancel(job.id)).toBe(false)
    })

    it('never gives one job to two workers', async () => {
      const jobs = await Promise.all(Array.from({ length: 20 }, () => queue.enqueue(COUNTING_JOB, { steps: 1 })))
      const claims = await Promise.all(Array.from({ length: 30 }, (_, n) => queue.claim(`worker-${n}`, [COUNTING_JOB], 10_000)))
      const claimed = claims.filter((job) => job !== undefined).map((job) => job.id)
      expect(new Set(claimed).size).toBe(claimed.length)
      expect(claimed).toHaveLength(jobs.length)
    })
  })
}

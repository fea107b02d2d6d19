/**
 * A worker in its own process, so a test can kill it with SIGKILL mid-job like a crash.
 * Environment: TEST_DATA_DIR, TEST_DATABASE_URL (optional), TEST_SCHEMA (with PostgreSQL).
 */
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase } from '../../src/platform/db/database.js'
import type { Tables } from '../../src/tables.js'
import { JobQueue } from '../../src/platform/jobs/job-queue.js'
import { JobWorker } from '../../src/platform/jobs/job-worker.js'
import { COUNTING_JOB, countingHandler } from './counting-job.js'

const config = loadConfig({
  HUITONG_DATA_DIR: process.env.TEST_DATA_DIR,
  ...(process.env.TEST_DATABASE_URL === undefined ? {} : { HUITONG_DATABASE_URL: process.env.TEST_DATABASE_URL }),
})
const database = await openDatabase<Tables>(config, process.env.TEST_SCHEMA === undefined ? {} : { schema: process.env.TEST_SCHEMA })
const worker = new JobWorker(
  new JobQueue(database),
  { [COUNTING_JOB]: countingHandler(40, (step) => process.stdout.write(`step ${step}\n`)) },
  { pollMs: 20, leaseMs: 600 },
)
worker.start()
process.stdout.write('ready\n')

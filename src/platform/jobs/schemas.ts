import { Type } from 'typebox'
import type { Job } from './job-queue.js'

export const JobStatusSchema = Type.Enum(['queued', 'running', 'succeeded', 'failed', 'cancelled'])

export const JobSchema = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    status: JobStatusSchema,
    progress: Type.Number({ minimum: 0, maximum: 100 }),
    progressMessage: Type.Union([Type.String(), Type.Null()]),
    result: Type.Unknown(),
    error: Type.Union([Type.String(), Type.Null()]),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Job' },
)

/** What the API shows of a job: not its payload or checkpoint, which may hold internal paths. */
export function toJobView(job: Job) {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    progressMessage: job.progressMessage,
    result: job.result,
    error: job.error,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  }
}

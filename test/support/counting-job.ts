import type { JobHandler } from '../../src/platform/jobs/job-worker.js'

export const COUNTING_JOB = 'test.count'

/**
 * A resumable job for tests: counts to `payload.steps`, saving a checkpoint after each step, and
 * reports where it resumed from. `onStep` lets a test know how far it got.
 */
export function countingHandler(stepMs: number, onStep: (step: number) => void = () => undefined): JobHandler {
  return async ({ job, progress, signal }) => {
    const { steps } = job.payload as { steps: number }
    const resumedFrom = (job.checkpoint as { done?: number } | null)?.done ?? 0
    for (let done = resumedFrom + 1; done <= steps; done++) {
      await new Promise((resolve) => setTimeout(resolve, stepMs))
      if (signal.aborted) throw new Error('aborted')
      await progress((done / steps) * 100, `step ${done}`, { done })
      onStep(done)
    }
    return { resumedFrom, steps }
  }
}

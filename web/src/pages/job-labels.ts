import type { JobStatus } from '../api/types'
import { isMessageKey, type Translate } from '../i18n'

export const JOB_STATUS_COLORS: Readonly<Record<JobStatus, string>> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
}

/** A job type's name, or the type itself for types without one. */
export function jobTypeLabel(t: Translate, type: string): string {
  const key = `job.type.${type}`
  return isMessageKey(key) ? t(key) : type
}

export function jobStatusLabel(t: Translate, status: JobStatus): string {
  return t(`job.status.${status}`)
}

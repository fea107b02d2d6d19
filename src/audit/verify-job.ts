import { verifyAuditChain } from './audit-log.js'
import type { Database } from '../platform/db/database.js'
import type { JobHandler } from '../platform/jobs/job-worker.js'

export const AUDIT_VERIFY_JOB = 'audit.verify'

/** Recomputes the audit chain, reporting progress as it goes; the report is the job's result. */
export function auditVerifyHandler(database: Database): JobHandler {
  return async ({ progress }) => {
    const report = await verifyAuditChain(database, async (checked, total) => {
      await progress(total === 0 ? 100 : Math.floor((checked / total) * 100), `${checked} / ${total}`)
    })
    return report
  }
}

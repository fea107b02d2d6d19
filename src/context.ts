import type { Logger } from 'pino'
import { AuditRepository } from './audit/repository.js'
import { CatalogRepository } from './catalog/repository.js'
import { CatalogSearchIndex } from './catalog/search-index.js'
import { CatalogService } from './catalog/service.js'
import { CatalogTransfer } from './catalog/transfer.js'
import { AUDIT_VERIFY_JOB, auditVerifyHandler } from './audit/verify-job.js'
import { IdentityRepository } from './identity/repository.js'
import { IdentityService, type SecuritySettings } from './identity/service.js'
import { AuditLog } from './platform/audit/audit-log.js'
import type { Config } from './platform/config.js'
import type { Database } from './platform/db/database.js'
import { JobQueue } from './platform/jobs/job-queue.js'
import { JobWorker, type JobHandler } from './platform/jobs/job-worker.js'

/** Everything a running Huitong node holds: configuration, storage and the module services. */
export interface Context {
  readonly config: Config
  readonly database: Database
  readonly audit: AuditLog
  readonly jobs: JobQueue
  readonly worker: JobWorker
  readonly identity: IdentityService
  readonly auditRepository: AuditRepository
  readonly catalog: CatalogService
  readonly catalogTransfer: CatalogTransfer
  /** Flushes pending audit rows and stops the worker; the database stays open. */
  close(): Promise<void>
}

export interface ContextOptions {
  readonly logger?: Logger
  /** Worker polling interval and lease, shortened by tests. */
  readonly worker?: { readonly pollMs?: number; readonly leaseMs?: number }
}

export function defaultSecuritySettings(config: Config): SecuritySettings {
  return {
    passwordMinLength: 10,
    passwordMinClasses: 3,
    lockoutThreshold: 5,
    lockoutWindowMinutes: 15,
    sessionTtlMinutes: config.tokenTtlMinutes,
  }
}

/**
 * Wires the services over an open, migrated database. The job worker is created but not started.
 *
 * @example
 * const context = createContext(config, await openDatabase(config))
 * context.worker.start()
 */
export function createContext(config: Config, database: Database, options: ContextOptions = {}): Context {
  const audit = new AuditLog(database)
  const jobs = new JobQueue(database)
  const identity = new IdentityService(new IdentityRepository(database.db), audit, defaultSecuritySettings(config))
  const catalogRepository = new CatalogRepository(database.db)
  const catalogIndex = new CatalogSearchIndex(catalogRepository)
  const catalog = new CatalogService(catalogRepository, catalogIndex, audit)
  const handlers: Record<string, JobHandler> = {
    [AUDIT_VERIFY_JOB]: auditVerifyHandler(database),
  }
  const worker = new JobWorker(jobs, handlers, { ...options.worker, ...(options.logger === undefined ? {} : { logger: options.logger }) })
  return {
    config,
    database,
    audit,
    jobs,
    worker,
    identity,
    auditRepository: new AuditRepository(database.db),
    catalog,
    catalogTransfer: new CatalogTransfer(catalogRepository, catalogIndex, catalog, audit),
    async close() {
      await worker.stop()
      await audit.flush()
    },
  }
}

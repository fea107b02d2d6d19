import type { Logger } from 'pino'
import { AuditRepository } from './audit/repository.js'
import { CatalogRepository } from './catalog/repository.js'
import { CatalogSearchIndex } from './catalog/search-index.js'
import { CatalogService } from './catalog/service.js'
import { CatalogTransfer } from './catalog/transfer.js'
import { AUDIT_VERIFY_JOB, auditVerifyHandler } from './audit/verify-job.js'
import { DATASET_EXPORT_JOB, DATASET_UPLOAD_JOB, DatasetJobs } from './exchange/datasets/jobs.js'
import { DatasetRepository } from './exchange/datasets/repository.js'
import { DatasetService } from './exchange/datasets/service.js'
import { AccessGate } from './exchange/gate/gate.js'
import { AttachmentFinder } from './registry/attachments.js'
import { BoundRegistry } from './registry/bound-registry.js'
import { ProviderDirectory } from './exchange/gate/provider-directory.js'
import { ObjectionService } from './exchange/sharing/objections.js'
import { SubscriptionService } from './exchange/feeds/service.js'
import { WebhookTargets } from './exchange/feeds/webhook-targets.js'
import { scheduleDeliveries, WEBHOOK_DELIVERY_JOB, webhookDeliveryHandler } from './exchange/feeds/webhooks.js'
import { SharingRepository } from './exchange/sharing/repository.js'
import { SharingService } from './exchange/sharing/service.js'
import { UsageCounter } from './exchange/gate/usage.js'
import { ComparisonRowRepository } from './population/comparison-repository.js'
import { POPULATION_COMPARE_JOB, PopulationComparisons } from './population/comparisons.js'
import { POPULATION_IMPORT_JOB, PopulationImports } from './population/imports.js'
import { POPULATION_REGISTRY } from './population/model.js'
import { PopulationProvider } from './population/provider.js'
import { PersonRepository } from './population/repository.js'
import { PopulationService } from './population/service.js'
import { LEGAL_PERSON_IMPORT_JOB, LegalPersonImports } from './legal-person/imports.js'
import { LEGAL_PERSON_REGISTRY } from './legal-person/model.js'
import { EntityNameSearch } from './legal-person/name-search.js'
import { LegalPersonProvider } from './legal-person/provider.js'
import { EntityRepository } from './legal-person/repository.js'
import { LegalPersonService } from './legal-person/service.js'
import { IdentityRepository } from './identity/repository.js'
import { IdentityService, type SecuritySettings } from './identity/service.js'
import { NotificationService } from './notifications/service.js'
import { AuditLog } from './audit/audit-log.js'
import { WorkingDayCalendar } from './calendar/working-days.js'
import type { Config } from './platform/config.js'
import type { Database } from './platform/db/database.js'
import { JobQueue } from './platform/jobs/job-queue.js'
import { JobWorker, type JobHandler } from './platform/jobs/job-worker.js'
import { openSecretBox } from './platform/secret-box.js'

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
  readonly calendar: WorkingDayCalendar
  readonly notifications: NotificationService
  readonly sharing: SharingService
  readonly gate: AccessGate
  readonly datasets: DatasetService
  readonly usage: UsageCounter
  readonly datasetJobs: DatasetJobs
  readonly objections: ObjectionService
  readonly subscriptions: SubscriptionService
  readonly providers: ProviderDirectory
  readonly persons: PersonRepository
  readonly population: PopulationService
  readonly populationImports: PopulationImports
  readonly comparisons: PopulationComparisons
  readonly entities: EntityRepository
  readonly legalPersons: LegalPersonService
  readonly legalPersonImports: LegalPersonImports
  /** Starts the background work of a serving node: the job worker, usage counters, overdue checks. */
  start(): void
  /** Flushes pending audit rows and stops the worker; the database stays open. */
  close(): Promise<void>
}

export interface ContextOptions {
  readonly logger?: Logger
  /** Worker polling interval and lease, shortened by tests. */
  readonly worker?: { readonly pollMs?: number; readonly leaseMs?: number }
}

/** How often a node looks for sharing requests that have just passed their deadline. */
const OVERDUE_CHECK_MS = 10 * 60_000

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
  const calendar = new WorkingDayCalendar(database.db)
  const notifications = new NotificationService(database.db)
  const sharingRepository = new SharingRepository(database.db)
  const usage = new UsageCounter(database.db)
  const datasetRepository = new DatasetRepository(database)
  const providers = new ProviderDirectory(database.db, datasetRepository)
  const persons = new PersonRepository(database)
  providers.register(POPULATION_REGISTRY, (description) => new PopulationProvider(description, persons))
  const entities = new EntityRepository(database)
  const entityNames = new EntityNameSearch(entities, { onError: (error: unknown) => options.logger?.error({ err: error }, 'name index rebuild failed') })
  providers.register(LEGAL_PERSON_REGISTRY, (description) => new LegalPersonProvider(description, entities, entityNames))
  const gate = new AccessGate(catalogRepository, sharingRepository, providers, audit, usage)
  const attachments = new AttachmentFinder(catalogRepository, gate)
  const populationRegistry = new BoundRegistry(
    { registry: POPULATION_REGISTRY, keyItem: 'resident_id', label: 'population registry (人口库)' },
    providers,
    catalogRepository,
    gate,
    attachments,
    audit,
  )
  const population = new PopulationService(persons, populationRegistry, gate, attachments, audit)
  const legalPersonRegistry = new BoundRegistry(
    { registry: LEGAL_PERSON_REGISTRY, keyItem: 'credit_code', label: 'legal-person registry (法人库)' },
    providers,
    catalogRepository,
    gate,
    attachments,
    audit,
  )
  const legalPersons = new LegalPersonService(entities, legalPersonRegistry, gate, attachments)
  const sharing = new SharingService(sharingRepository, catalogRepository, calendar, notifications, audit)
  sharing.onGrantChange = () => gate.forgetGrants()
  const datasets = new DatasetService(datasetRepository, gate, providers, audit)
  let overdueTimer: NodeJS.Timeout | undefined
  const handlers: Record<string, JobHandler> = {
    [AUDIT_VERIFY_JOB]: auditVerifyHandler(database),
  }
  const worker = new JobWorker(jobs, handlers, { ...options.worker, ...(options.logger === undefined ? {} : { logger: options.logger }) })
  const datasetJobs = new DatasetJobs(config.dataDir, jobs, datasets, gate, () => worker.poke())
  handlers[DATASET_UPLOAD_JOB] = datasetJobs.uploadHandler()
  handlers[DATASET_EXPORT_JOB] = datasetJobs.exportHandler()
  const webhooks = { targets: new WebhookTargets(config.webhookAllow), secrets: openSecretBox(config) }
  handlers[WEBHOOK_DELIVERY_JOB] = webhookDeliveryHandler({ db: database.db, gate, ...webhooks })
  const populationImports = new PopulationImports(config.dataDir, jobs, persons, population, audit, () => worker.poke())
  const comparisons = new PopulationComparisons(config.dataDir, jobs, persons, new ComparisonRowRepository(database), population, gate, () => worker.poke())
  handlers[POPULATION_IMPORT_JOB] = populationImports.handler()
  handlers[POPULATION_COMPARE_JOB] = comparisons.handler()
  const legalPersonImports = new LegalPersonImports(config.dataDir, jobs, entities, legalPersons, audit, config.legalPersonSources, () => worker.poke())
  handlers[LEGAL_PERSON_IMPORT_JOB] = legalPersonImports.handler()
  const subscriptions = new SubscriptionService(database.db, gate, providers, jobs, audit, webhooks)
  subscriptions.onEnqueue = () => worker.poke()
  const registryChanged = (registry: string) => () => {
    providers
      .resourceOf(registry)
      .then((resourceId) => (resourceId === undefined ? undefined : datasets.onChanged(resourceId)))
      .catch((error: unknown) => options.logger?.error({ err: error }, 'webhook scheduling failed'))
  }
  population.onChanged = registryChanged(POPULATION_REGISTRY)
  legalPersons.onChanged = registryChanged(LEGAL_PERSON_REGISTRY)
  datasets.onChanged = (resourceId) => {
    scheduleDeliveries({ db: database.db, jobs }, resourceId)
      .then((queued) => (queued > 0 ? worker.poke() : undefined))
      .catch((error: unknown) => options.logger?.error({ err: error }, 'webhook scheduling failed'))
  }
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
    calendar,
    notifications,
    sharing,
    gate,
    datasets,
    usage,
    datasetJobs,
    objections: new ObjectionService(database.db, gate, sharingRepository, notifications, audit),
    subscriptions,
    providers,
    persons,
    population,
    populationImports,
    comparisons,
    entities,
    legalPersons,
    legalPersonImports,
    start() {
      // A first load interrupted for good may have left a registry's indexes dropped.
      persons.buildIndexes().catch((error: unknown) => options.logger?.error({ err: error }, 'persons index check failed'))
      entities.buildIndexes().catch((error: unknown) => options.logger?.error({ err: error }, 'entities index check failed'))
      worker.start()
      usage.start()
      // Built in the background (on a worker thread): requests go on meanwhile.
      entityNames.warm().catch((error: unknown) => options.logger?.error({ err: error }, 'name index build failed'))
      const flag = () => void sharing.flagOverdue().catch((error: unknown) => options.logger?.error({ err: error }, 'overdue check failed'))
      flag()
      overdueTimer = setInterval(flag, OVERDUE_CHECK_MS)
      overdueTimer.unref()
    },
    async close() {
      clearInterval(overdueTimer)
      entityNames.close()
      await worker.stop()
      await usage.stop()
      await audit.close()
    },
  }
}

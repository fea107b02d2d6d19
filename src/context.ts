import type { Logger } from 'pino'
import { AuditLog } from './audit/audit-log.js'
import { AuditRepository } from './audit/repository.js'
import { AUDIT_VERIFY_JOB, auditVerifyHandler } from './audit/verify-job.js'
import { CalendarRepository } from './calendar/repository.js'
import { WorkingDayCalendar } from './calendar/working-days.js'
import { CatalogRepository } from './catalog/repository.js'
import { CatalogSearchIndex } from './catalog/search-index.js'
import { CatalogService } from './catalog/service.js'
import { CatalogTransfer } from './catalog/transfer.js'
import { HostedProvider } from './exchange/datasets/hosted-provider.js'
import { DATASET_EXPORT_JOB, DATASET_UPLOAD_JOB, DatasetJobs } from './exchange/datasets/jobs.js'
import { DatasetRepository } from './exchange/datasets/repository.js'
import { DatasetService, type DatasetEvents } from './exchange/datasets/service.js'
import { SubscriptionRepository } from './exchange/feeds/repository.js'
import { SubscriptionService } from './exchange/feeds/service.js'
import { WebhookTargets } from './exchange/feeds/webhook-targets.js'
import { scheduleDeliveries, WEBHOOK_DELIVERY_JOB, webhookDeliveryHandler } from './exchange/feeds/webhooks.js'
import { AccessGate } from './exchange/gate/gate.js'
import { ProviderDirectory } from './exchange/gate/provider-directory.js'
import { UsageRepository } from './exchange/gate/usage-repository.js'
import { UsageCounter } from './exchange/gate/usage.js'
import type { SharingEvents } from './exchange/sharing/model.js'
import { ObjectionRepository } from './exchange/sharing/objection-repository.js'
import { ObjectionService } from './exchange/sharing/objections.js'
import { SharingRepository } from './exchange/sharing/repository.js'
import { SharingService } from './exchange/sharing/service.js'
import { StatisticsRepository } from './exchange/sharing/statistics-repository.js'
import { SharingStatistics } from './exchange/sharing/statistics.js'
import { IdentityRepository } from './identity/repository.js'
import { IdentityService, type SecuritySettings } from './identity/service.js'
import { LEGAL_PERSON_IMPORT_JOB, LegalPersonImports } from './legal-person/imports.js'
import { LEGAL_PERSON_REGISTRY } from './legal-person/model.js'
import { EntityNameSearch } from './legal-person/name-search.js'
import { LegalPersonProvider } from './legal-person/provider.js'
import { EntityRepository } from './legal-person/repository.js'
import { LegalPersonService } from './legal-person/service.js'
import { NotificationRepository } from './notifications/repository.js'
import { NotificationService } from './notifications/service.js'
import type { Config } from './platform/config.js'
import type { DatabaseOf } from './platform/db/database.js'
import { EventBus } from './platform/events.js'
import { JobQueue, type JobEvents } from './platform/jobs/job-queue.js'
import { JobWorker } from './platform/jobs/job-worker.js'
import { openSecretBox } from './platform/secret-box.js'
import { ComparisonRowRepository } from './population/comparison-repository.js'
import { POPULATION_COMPARE_JOB, PopulationComparisons } from './population/comparisons.js'
import { POPULATION_IMPORT_JOB, PopulationImports } from './population/imports.js'
import { POPULATION_REGISTRY } from './population/model.js'
import { PopulationProvider } from './population/provider.js'
import { PersonRepository } from './population/repository.js'
import { PopulationService } from './population/service.js'
import { AttachmentFinder } from './registry/attachments.js'
import { RegistryBindingRepository } from './registry/binding-repository.js'
import { BoundRegistry, type RegistrySpec } from './registry/bound-registry.js'
import type { RegistryEvents } from './registry/events.js'
import type { Tables } from './tables.js'

/** Everything a running Huitong node holds: configuration, storage and the module services. */
export interface Context {
  readonly config: Config
  readonly database: DatabaseOf<Tables>
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
  readonly statistics: SharingStatistics
  readonly subscriptions: SubscriptionService
  readonly providers: ProviderDirectory
  readonly persons: PersonRepository
  readonly population: PopulationService
  readonly populationImports: PopulationImports
  readonly comparisons: PopulationComparisons
  readonly entities: EntityRepository
  readonly legalPerson: LegalPersonService
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

/** What the modules announce on the node's event bus; who listens is decided below. */
type Events = JobEvents & SharingEvents & DatasetEvents & RegistryEvents

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
 * The composition root: builds the modules over an open, migrated database, one at a time and
 * each from what it needs, lowest layer first, then says who listens to which event. The job
 * worker is created but not started.
 *
 * @example
 * const context = createContext(config, await openDatabase<Tables>(config))
 * context.worker.start()
 */
export function createContext(config: Config, database: DatabaseOf<Tables>, options: ContextOptions = {}): Context {
  const logError = (what: string) => (error: unknown) => options.logger?.error({ err: error }, what)
  const events = new EventBus<Events>()
  const wake = () => events.emit('jobs.enqueued', {})

  // Core: audit, jobs, identity, calendar, notifications.
  const audit = new AuditLog(database)
  const jobs = new JobQueue(database)
  const identity = new IdentityService(new IdentityRepository(database), audit, defaultSecuritySettings(config))
  const calendar = new WorkingDayCalendar(new CalendarRepository(database))
  const notifications = new NotificationService(new NotificationRepository(database))

  // Catalog.
  const catalogRepository = new CatalogRepository(database)
  const catalogIndex = new CatalogSearchIndex(catalogRepository)
  const catalog = new CatalogService(catalogRepository, catalogIndex, audit)
  const catalogTransfer = new CatalogTransfer(catalogRepository, catalogIndex, catalog, audit)

  // Exchange: the gate, over the sharing room's grants and the provider directory, whose fallback
  // is the hosted datasets; then the rooms that read through it.
  const sharingRepository = new SharingRepository(database)
  const datasetRepository = new DatasetRepository(database)
  const usage = new UsageCounter(new UsageRepository(database))
  const providers = new ProviderDirectory(new RegistryBindingRepository(database), (description) => new HostedProvider(description, datasetRepository))
  const gate = new AccessGate(catalogRepository, sharingRepository, providers, audit, usage)
  const sharing = new SharingService(sharingRepository, catalogRepository, calendar, notifications, audit, events)
  const objections = new ObjectionService(new ObjectionRepository(database), gate, sharingRepository, notifications, audit)
  const statistics = new SharingStatistics(new StatisticsRepository(database), calendar)
  const datasets = new DatasetService(datasetRepository, gate, providers, audit, events)
  const datasetJobs = new DatasetJobs(config.dataDir, jobs, datasets, gate, wake)
  const webhooks = { targets: new WebhookTargets(config.webhookAllow), secrets: openSecretBox(config) }
  const subscriptionRepository = new SubscriptionRepository(database)
  const subscriptions = new SubscriptionService(subscriptionRepository, gate, providers, jobs, audit, webhooks, events)

  // Registries, each bound to the catalog entry it serves and read through the gate.
  const attachments = new AttachmentFinder(catalogRepository, gate)
  const boundRegistry = (spec: RegistrySpec) => new BoundRegistry(spec, providers, catalogRepository, gate, attachments, audit)
  const persons = new PersonRepository(database)
  providers.register(POPULATION_REGISTRY, (description) => new PopulationProvider(description, persons))
  const population = new PopulationService(
    persons,
    boundRegistry({ registry: POPULATION_REGISTRY, keyItem: 'resident_id', label: 'population registry (人口库)' }),
    gate,
    attachments,
    audit,
    events,
  )
  const populationImports = new PopulationImports(config.dataDir, jobs, persons, population, audit, wake)
  const comparisons = new PopulationComparisons(config.dataDir, jobs, persons, new ComparisonRowRepository(database), population, gate, wake)
  const entities = new EntityRepository(database)
  const entityNames = new EntityNameSearch(entities, { onError: logError('name index rebuild failed') })
  providers.register(LEGAL_PERSON_REGISTRY, (description) => new LegalPersonProvider(description, entities, entityNames))
  const legalPerson = new LegalPersonService(
    entities,
    boundRegistry({ registry: LEGAL_PERSON_REGISTRY, keyItem: 'credit_code', label: 'legal-person registry (法人库)' }),
    gate,
    attachments,
    events,
  )
  const legalPersonImports = new LegalPersonImports(config.dataDir, jobs, entities, legalPerson, audit, config.legalPersonSources, wake)

  // The job worker, with every module's job handlers.
  const worker = new JobWorker(
    jobs,
    {
      [AUDIT_VERIFY_JOB]: auditVerifyHandler(database),
      [DATASET_UPLOAD_JOB]: datasetJobs.uploadHandler(),
      [DATASET_EXPORT_JOB]: datasetJobs.exportHandler(),
      [WEBHOOK_DELIVERY_JOB]: webhookDeliveryHandler({ subscriptions: subscriptionRepository, gate, ...webhooks }),
      [POPULATION_IMPORT_JOB]: populationImports.handler(),
      [POPULATION_COMPARE_JOB]: comparisons.handler(),
      [LEGAL_PERSON_IMPORT_JOB]: legalPersonImports.handler(),
    },
    { ...options.worker, ...(options.logger === undefined ? {} : { logger: options.logger }) },
  )

  // Who listens to what.
  events.on('jobs.enqueued', () => worker.poke())
  events.on('grants.changed', () => gate.forgetGrants())
  events.on('registry.changed', ({ registry }) => {
    providers
      .resourceOf(registry)
      .then((resourceId) => (resourceId === undefined ? undefined : events.emit('records.changed', { resourceId })))
      .catch(logError('webhook scheduling failed'))
  })
  events.on('records.changed', ({ resourceId }) => {
    scheduleDeliveries({ subscriptions: subscriptionRepository, jobs }, resourceId)
      .then((queued) => (queued > 0 ? worker.poke() : undefined))
      .catch(logError('webhook scheduling failed'))
  })

  let overdueTimer: NodeJS.Timeout | undefined
  return {
    config,
    database,
    audit,
    jobs,
    worker,
    identity,
    auditRepository: new AuditRepository(database),
    catalog,
    catalogTransfer,
    calendar,
    notifications,
    sharing,
    gate,
    datasets,
    usage,
    datasetJobs,
    objections,
    statistics,
    subscriptions,
    providers,
    persons,
    population,
    populationImports,
    comparisons,
    entities,
    legalPerson,
    legalPersonImports,
    start() {
      // A first load interrupted for good may have left a registry's indexes dropped.
      persons.buildIndexes().catch(logError('persons index check failed'))
      entities.buildIndexes().catch(logError('entities index check failed'))
      worker.start()
      usage.start()
      // Built in the background (on a worker thread): requests go on meanwhile.
      entityNames.warm().catch(logError('name index build failed'))
      const flag = () => void sharing.flagOverdue().catch(logError('overdue check failed'))
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

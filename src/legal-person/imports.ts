import type { AuditLog } from '../audit/audit-log.js'
import { siblingModule } from '../registry/imports/check-thread.js'
import { importFile, recordOf, type ImportOptions, type ImportReport, type ImportTarget } from '../registry/imports/import-file.js'
import { RegistryImports } from '../registry/imports/import-jobs.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import { CREDIT_CODE_CHARACTERS } from '../standards/credit-code.js'
import { EntityImportAccess } from './import-access.js'
import { ENTITY_FIELDS, type Entity, type EntityField } from './model.js'
import type { EntityRepository, EntityVet } from './repository.js'
import type { LegalPersonService } from './service.js'

export const LEGAL_PERSON_IMPORT_JOB = 'legal-person.import'

/** Each credit-code character's value (0–30) by its character code. */
const CREDIT_CODE_VALUES: readonly number[] = [...CREDIT_CODE_CHARACTERS].reduce<number[]>((values, char, value) => {
  values[char.charCodeAt(0)] = value
  return values
}, [])

/**
 * The registering authority and entity type (characters 1–2), the division (3–8) and the first
 * character of the organisation code, as a number that grows with the code: below 2^35.
 */
function creditCodeOrder(codeAt: (index: number) => number): number {
  const value = (index: number) => CREDIT_CODE_VALUES[codeAt(index)] ?? 0
  let division = 0
  for (let index = 2; index < 8; index++) division = division * 10 + codeAt(index) - 48
  return ((value(0) * 31 + value(1)) * 1_000_000 + division) * 31 + value(8)
}

/**
 * Where an import writes: entities upserted by credit code, or loaded in bulk into an empty
 * registry. An importer held to some entities writes through their `vet`, never in bulk.
 */
function entityTarget(entities: EntityRepository, vet?: EntityVet): ImportTarget<Entity> {
  return {
    checker: siblingModule(import.meta.url, 'import-check'),
    record: recordOf<Entity>(ENTITY_FIELDS),
    order: creditCodeOrder,
    applyBatch: (records, fields, source, changedBy) =>
      entities.applyBatch(records, source, changedBy, { fields: fields as readonly EntityField[], ...(vet === undefined ? {} : { vet }) }),
    ...(vet === undefined && entities.bulkLoad !== undefined ? { bulk: entities.bulkLoad } : {}),
  }
}

/**
 * Imports entities from CSV (UTF-8 / GBK, detected) or XLSX, as {@link importFile} does for
 * every registry: checked on a worker thread (rejected rows listed; a file-level problem writes
 * nothing), then upserted by credit code in atomic batches, each changed entity gaining a
 * change-record entry with every changed field, or loaded in bulk into an empty registry on
 * SQLite. For the registry's keepers, who may write every entity.
 *
 * @example
 * await importEntities(entities, 'entities.csv', { changedBy: 'market', source: 'import:1', workDir })
 */
export function importEntities(entities: EntityRepository, file: string, options: ImportOptions): Promise<ImportReport> {
  return importFile(entityTarget(entities), file, options)
}

/** Legal-person imports as jobs with progress, for the provider department and each source department. */
export class LegalPersonImports extends RegistryImports<Entity> {
  constructor(
    dataDir: string,
    jobs: JobQueue,
    entities: EntityRepository,
    legalPerson: LegalPersonService,
    audit: AuditLog,
    sources: Readonly<Record<string, string>>,
    wake: () => void,
  ) {
    const access = new EntityImportAccess(legalPerson.registry, entities, sources)
    super(
      dataDir,
      jobs,
      audit,
      {
        jobType: LEGAL_PERSON_IMPORT_JOB,
        directory: 'legal-persons',
        noun: { en: 'entities', zh: '户' },
        rejectionsFor: 'department',
        authorize: async (principal, file) => {
          const scope = await access.scopeOf(principal)
          if (file !== undefined) await access.refuseForeignRows(scope, file)
        },
        target: async (principal) => entityTarget(entities, access.vetFor(await access.scopeOf(principal))),
        changed: () => legalPerson.changed(),
      },
      wake,
    )
  }
}

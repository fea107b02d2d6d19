import type { Principal } from '../platform/auth/principal.js'
import type { AuditLog } from '../audit/audit-log.js'
import { siblingModule } from '../registry/imports/check-thread.js'
import { importFile, recordOf, type ImportOptions, type ImportReport, type ImportTarget } from '../registry/imports/import-file.js'
import { RegistryImports } from '../registry/imports/import-jobs.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import { PERSON_FIELDS, type Person, type PersonField } from './model.js'
import type { PersonRepository } from './repository.js'
import type { PopulationService } from './service.js'

export type { ImportProgress, ImportReport } from '../registry/imports/import-file.js'
export { toXlsx } from '../registry/imports/import-jobs.js'

export const POPULATION_IMPORT_JOB = 'population.import'

/** The digits of a key from `start` to `end` as a number, read through `codeAt`. */
function digits(codeAt: (index: number) => number, start: number, end: number): number {
  let value = 0
  for (let index = start; index < end; index++) value = value * 10 + codeAt(index) - 48
  return value
}

/** The address code, then the date of birth (from 1880, a month counting 31 days), as a number that grows with the ID: below 2^37. */
function residentIdOrder(codeAt: (index: number) => number): number {
  return digits(codeAt, 0, 6) * 78_000 + (digits(codeAt, 6, 10) - 1880) * 372 + digits(codeAt, 10, 12) * 31 + digits(codeAt, 12, 14)
}

/** Where a population import writes: the persons, upserted by resident ID, or loaded in bulk into an empty registry. */
function personTarget(persons: PersonRepository): ImportTarget<Person> {
  return {
    checker: siblingModule(import.meta.url, 'import-check'),
    record: recordOf<Person>(PERSON_FIELDS),
    order: residentIdOrder,
    applyBatch: (records, fields, source, changedBy) =>
      persons.applyBatch(
        records.map((person) => ({ person })),
        source,
        changedBy,
        { fields: fields as readonly PersonField[] },
      ),
    bulk: persons.bulkLoad,
  }
}

/**
 * Imports the core from a CSV (UTF-8, GBK, GB18030) or XLSX file of any size, as
 * {@link importFile} does for every registry: checked on a worker thread, then upserted by
 * resident ID in atomic batches (a status change recorded as its event), or loaded in bulk into
 * an empty registry on SQLite.
 *
 * @example
 * await importPersons(persons, 'persons.csv', { changedBy: 'police', source: 'import:1', workDir })
 */
export function importPersons(persons: PersonRepository, file: string, options: ImportOptions): Promise<ImportReport> {
  return importFile(personTarget(persons), file, options)
}

/** Population imports as jobs with progress: uploaded files, checked and written in the background. */
export class PopulationImports extends RegistryImports<Person> {
  constructor(dataDir: string, jobs: JobQueue, persons: PersonRepository, population: PopulationService, audit: AuditLog, wake: () => void) {
    const keeper = async (principal: Principal) => void (await population.ownCore(principal))
    super(
      dataDir,
      jobs,
      audit,
      {
        jobType: POPULATION_IMPORT_JOB,
        directory: 'population',
        noun: { en: 'persons', zh: '人' },
        rejectionsFor: 'creator',
        authorize: keeper,
        target: async (principal) => {
          await keeper(principal)
          return personTarget(persons)
        },
        changed: () => population.forgetStatistics(),
      },
      wake,
    )
  }
}

/**
 * The `population` benchmark's steps that run in a process of their own (through `runTask`), one
 * step a process, so each one's peak RSS is its own. The argument is one JSON task:
 *   generate  the CSV of N generated persons (writePopulationCsv);
 *   seed      a fresh database with the demo catalog and accounts but no persons, the registry
 *             bound to 人口基础信息, heping's automatic grant on it checked and its rate limit lifted;
 *   import    importPersons(context.persons, file) timed, with its two phases and the peak RSS;
 *   sample    persons drawn from the registry: the lookup keys, and a department file with noise;
 *   compare   compareFile(context.persons, file) timed, then the report converted to XLSX.
 * The database is left in place for the next step and the servers; the parent removes it.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import { compareFile, type ComparisonCounts } from '../src/population/comparisons.js'
import { writePopulationCsv } from '../src/population/generator.js'
import { importPersons, toXlsx, type ImportReport } from '../src/population/imports.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { TaskResultMessage } from './support/child-task.js'
import { writeDepartmentFile, type DepartmentFile } from './support/department-file.js'
import { openStore, type StoreSpec } from './support/open-store.js'
import { samplePersons } from './support/person-sample.js'

export type { StoreSpec }

/** The department whose consumer account, heping, reads the registry under test. */
export const HEPING_DEPARTMENT = '210102000'
/** The column mapping of the department file (see support/department-file.ts). */
export const DEPARTMENT_MAPPING = { residentId: '身份证号', name: '姓名' } as const

export type PopulationTask =
  | { readonly task: 'generate'; readonly file: string; readonly persons: number; readonly seed: number }
  | { readonly task: 'seed'; readonly store: StoreSpec }
  | { readonly task: 'import'; readonly store: StoreSpec; readonly file: string; readonly workDir: string }
  | { readonly task: 'sample'; readonly store: StoreSpec; readonly lookupKeys: number; readonly comparisonRows: number; readonly comparisonFile: string }
  | { readonly task: 'compare'; readonly store: StoreSpec; readonly file: string; readonly reportFile: string; readonly xlsx: boolean }

export interface GenerateResult {
  readonly rows: number
  readonly bytes: number
  readonly ms: number
}

export interface SeedResult {
  /** The population core's catalog code. */
  readonly code: string
  /** heping's grants on it, given at once because every requested item is unconditional. */
  readonly grantIds: readonly string[]
  /** Their rate limit as granted, before the benchmark lifted it. */
  readonly grantedRateLimit: number
  readonly ms: number
}

/**
 * One phase of an import as its progress reports tell it ('check', 'write', 'index', …): from the
 * end of the phase before (or the start) to its own last report; the last phase runs to the end.
 */
export interface ImportPhase {
  readonly phase: string
  readonly ms: number
  /** The rows the phase's last report counted. */
  readonly done: number
  readonly reports: number
  /** The largest RSS seen at its reports, in bytes. */
  readonly maxRssBytes: number
}

export interface ImportResult {
  readonly report: ImportReport
  readonly ms: number
  readonly phases: readonly ImportPhase[]
  /** The child's peak RSS over its whole life (process.resourceUsage().maxRSS), in KB. */
  readonly maxRssKb: number
  /** The same, read just before the import began: the process's own cost (tsx, modules, connection). */
  readonly maxRssBeforeKb: number
  /** SQLite only: the database file after the import, WAL checkpointed. */
  readonly databaseBytes: number | null
}

export interface SampleResult {
  readonly lookupKeys: readonly string[]
  readonly file: DepartmentFile
  readonly ms: number
}

export interface CompareResult {
  readonly counts: ComparisonCounts
  readonly ms: number
  readonly maxRssKb: number
  readonly reportBytes: number
  /** Converting the report to XLSX with toXlsx, after the comparison; null when not asked. */
  readonly xlsx: { readonly ms: number; readonly bytes: number; readonly maxRssKb: number } | null
}

const maxRssKb = (): number => process.resourceUsage().maxRSS


async function generate(task: Extract<PopulationTask, { task: 'generate' }>): Promise<GenerateResult> {
  const started = performance.now()
  const { rows, bytes } = await writePopulationCsv(task.file, { count: task.persons, seed: task.seed })
  return { rows, bytes, ms: performance.now() - started }
}

async function seed(task: Extract<PopulationTask, { task: 'seed' }>): Promise<SeedResult> {
  const started = performance.now()
  const { database, context, close } = await openStore(task.store)
  try {
    await seedDemo(context, DEFAULT_DEMO_PASSWORD, { persons: 0 })
    const code = await context.population.coreCode()
    const department = (await context.identity.listDepartments()).find((candidate) => candidate.code === HEPING_DEPARTMENT)
    if (department === undefined) throw new Error(`department ${HEPING_DEPARTMENT} was not seeded`)
    const grants = await database.db
      .selectFrom('grants')
      .innerJoin('catalog_resources as r', 'r.id', 'grants.resource_id')
      .select(['grants.id', 'grants.rate_limit'])
      .where('r.code', '=', code)
      .where('grants.consumer_department_id', '=', department.id)
      .where('grants.status', '=', 'active')
      .execute()
    if (grants.length === 0) throw new Error(`heping has no grant on ${code}: the demo seed's request was not granted at once`)
    // An automatic grant allows 6 000 reads a minute, which would refuse nearly every request of
    // a load test, and no API changes it: lift it in the table, before any server reads grants.
    await database.db.updateTable('grants').set({ rate_limit: 0 }).where('id', 'in', grants.map((grant) => grant.id)).execute()
    return { code, grantIds: grants.map((grant) => grant.id), grantedRateLimit: Math.max(...grants.map((grant) => Number(grant.rate_limit))), ms: performance.now() - started }
  } finally {
    await close()
  }
}

async function runImport(task: Extract<PopulationTask, { task: 'import' }>): Promise<ImportResult> {
  const { context, close } = await openStore(task.store)
  let result: Omit<ImportResult, 'databaseBytes'>
  try {
    const maxRssBeforeKb = maxRssKb()
    const started = performance.now()
    // The phases in the order they first report, each with the time of its last report.
    const seen: Array<{ phase: string; lastAt: number; done: number; reports: number; maxRssBytes: number }> = []
    const report = await importPersons(context.persons, task.file, {
      changedBy: 'police',
      source: 'bench',
      workDir: task.workDir,
      onProgress: ({ phase, done }) => {
        let current = seen.at(-1)
        if (current?.phase !== phase) {
          current = { phase, lastAt: 0, done: 0, reports: 0, maxRssBytes: 0 }
          seen.push(current)
        }
        current.lastAt = performance.now()
        current.done = done
        current.reports += 1
        current.maxRssBytes = Math.max(current.maxRssBytes, process.memoryUsage.rss())
      },
    })
    const ended = performance.now()
    const phases = seen.map(({ phase, lastAt, done, reports, maxRssBytes }, index): ImportPhase => {
      const from = index === 0 ? started : (seen[index - 1]?.lastAt ?? started)
      const to = index === seen.length - 1 ? ended : lastAt
      return { phase, ms: to - from, done, reports, maxRssBytes }
    })
    result = { report, ms: ended - started, phases, maxRssKb: maxRssKb(), maxRssBeforeKb }
  } finally {
    await close()
  }
  return { ...result, databaseBytes: task.store.postgres === undefined ? fs.statSync(sqliteFile({ dataDir: task.store.dataDir })).size : null }
}

async function sample(task: Extract<PopulationTask, { task: 'sample' }>): Promise<SampleResult> {
  const started = performance.now()
  const { database, close } = await openStore(task.store)
  try {
    const lookupKeys = (await samplePersons(database, task.lookupKeys, 0x5eed)).map((person) => person.resident_id)
    const file = await writeDepartmentFile(task.comparisonFile, await samplePersons(database, task.comparisonRows, 2026))
    return { lookupKeys, file, ms: performance.now() - started }
  } finally {
    await close()
  }
}

async function compare(task: Extract<PopulationTask, { task: 'compare' }>): Promise<CompareResult> {
  const { context, close } = await openStore(task.store)
  try {
    const started = performance.now()
    const counts = await compareFile(context.persons, task.file, { mapping: DEPARTMENT_MAPPING, deceasedBefore: null, seeStatus: true, reportFile: task.reportFile })
    const ms = performance.now() - started
    const compared = maxRssKb()
    let xlsx: CompareResult['xlsx'] = null
    if (task.xlsx) {
      const converting = performance.now()
      const file = await toXlsx(task.reportFile)
      xlsx = { ms: performance.now() - converting, bytes: fs.statSync(file).size, maxRssKb: maxRssKb() }
    }
    return { counts, ms, maxRssKb: compared, reportBytes: fs.statSync(task.reportFile).size, xlsx }
  } finally {
    await close()
  }
}

function run(task: PopulationTask): Promise<unknown> {
  switch (task.task) {
    case 'generate':
      return generate(task)
    case 'seed':
      return seed(task)
    case 'import':
      return runImport(task)
    case 'sample':
      return sample(task)
    case 'compare':
      return compare(task)
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as PopulationTask
const result = await run(task)
process.send?.({ type: 'result', result } satisfies TaskResultMessage<unknown>, () => process.exit(0))

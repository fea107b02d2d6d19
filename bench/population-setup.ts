/**
 * The `population` benchmark's steps that run in a process of their own (through `runTask`), one
 * step a process, so each one's peak RSS is its own. The argument is one JSON task:
 *   generate  the CSV of N generated persons (writePopulationCsv);
 *   seed      a fresh database with the demo catalog and accounts but no persons, the registry
 *             bound to 人口基础信息, heping's automatic grant on it checked and its rate limit lifted;
 *   import    importPersons(context.persons, file) timed, with its two phases and the peak RSS;
 *   sample    persons drawn from the registry: the lookup keys, and a department file with noise;
 *   compare   heping's comparison job over the file, timed from its start to its success (the
 *             gate's decision, the comparison, the problem rows stored, the audit row), then the
 *             report converted to XLSX as its first XLSX download does, and compareFile alone
 *             over the same file (parse, normalise, compare, write the report), as earlier
 *             figures measured it.
 * The database is left in place for the next step and the servers; the parent removes it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { seedDemo } from '../src/demo/seed.js'
import type { Principal } from '../src/platform/auth/principal.js'
import { compareFile, type ComparisonCounts } from '../src/population/comparisons.js'
import { writePopulationCsv } from '../src/demo/generators/population.js'
import { importPersons } from '../src/population/imports.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { TaskResultMessage } from './support/child-task.js'
import { writeDepartmentFile, type DepartmentFile } from './support/department-file.js'
import { openStore, type StoreSpec } from './support/open-store.js'
import { samplePersons } from './support/person-sample.js'
import { timeImport, type ImportPhase, type TimedImport } from './support/timed-import.js'

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
  | { readonly task: 'compare'; readonly store: StoreSpec; readonly file: string; readonly xlsx: boolean }

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

export type { ImportPhase }

export interface ImportResult extends TimedImport {
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
  /** From the job's start to its success, as heping's department waits for it. */
  readonly ms: number
  readonly maxRssKb: number
  readonly reportBytes: number
  /** The problem rows the job stored for browsing: every row that is not ok. */
  readonly storedRows: number
  /** compareFile alone over the same file, after the job: no gate, no rows stored, no audit. */
  readonly fileMs: number
  /** Converting the report to XLSX, as its first XLSX download does, after the job; null when not asked. */
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
    await database.db
      .updateTable('grants')
      .set({ rate_limit: 0 })
      .where(
        'id',
        'in',
        grants.map((grant) => grant.id),
      )
      .execute()
    return {
      code,
      grantIds: grants.map((grant) => grant.id),
      grantedRateLimit: Math.max(...grants.map((grant) => Number(grant.rate_limit))),
      ms: performance.now() - started,
    }
  } finally {
    await close()
  }
}

async function runImport(task: Extract<PopulationTask, { task: 'import' }>): Promise<ImportResult> {
  const { context, close } = await openStore(task.store)
  let timed: TimedImport
  try {
    timed = await timeImport((onProgress) =>
      importPersons(context.persons, task.file, { changedBy: 'police', source: 'bench', workDir: task.workDir, onProgress }),
    )
  } finally {
    await close()
  }
  return { ...timed, databaseBytes: task.store.postgres === undefined ? fs.statSync(sqliteFile({ dataDir: task.store.dataDir })).size : null }
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** heping's comparison job, run by the context's job worker as a server runs it. */
async function compare(task: Extract<PopulationTask, { task: 'compare' }>): Promise<CompareResult> {
  const { context, close } = await openStore(task.store)
  try {
    const user = await context.identity.getUser('heping')
    const principal: Principal = {
      kind: 'user',
      id: user.id,
      name: user.username,
      displayName: user.displayName,
      department: user.department,
      roles: user.roles,
      credentialId: 'bench',
    }
    const meta = { requestId: 'bench', ip: null }
    // The upload is stored before the job starts, as the preview step of the API does.
    const { uploadId } = await context.comparisons.preview(principal, fs.readFileSync(task.file), path.basename(task.file))
    // Only the job worker: the context's other background work (warming the name index) would
    // share the cores with the comparison.
    context.worker.start()
    const started = performance.now()
    const { id } = await context.comparisons.start(principal, { uploadId, fileName: path.basename(task.file), mapping: DEPARTMENT_MAPPING }, meta)
    let job = await context.comparisons.get(principal, id)
    while (job.status === 'queued' || job.status === 'running') {
      await sleep(20)
      job = await context.comparisons.get(principal, id)
    }
    const ms = performance.now() - started
    if (job.status !== 'succeeded' || job.counts === null) throw new Error(`the comparison job ${job.status}: ${job.error ?? ''}`)
    const compared = maxRssKb()
    const report = await context.comparisons.report(principal, id, 'csv')
    const storedRows = (await context.comparisons.rows(principal, id, undefined, 1, 0)).total
    let xlsx: CompareResult['xlsx'] = null
    if (task.xlsx) {
      const converting = performance.now()
      const file = (await context.comparisons.report(principal, id, 'xlsx')).path
      xlsx = { ms: performance.now() - converting, bytes: fs.statSync(file).size, maxRssKb: maxRssKb() }
    }
    const direct = performance.now()
    await compareFile(context.persons, task.file, {
      mapping: DEPARTMENT_MAPPING,
      deceasedBefore: null,
      seeStatus: true,
      seeDates: true,
      reportFile: `${task.file}.report.csv`,
    })
    const fileMs = performance.now() - direct
    return { counts: job.counts, ms, maxRssKb: compared, reportBytes: fs.statSync(report.path).size, storedRows, fileMs, xlsx }
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

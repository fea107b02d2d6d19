/**
 * The population base registry's hot paths at city scale, on SQLite (10 M generated persons by
 * default) and, when reachable, PostgreSQL (1 M, in a schema of its own dropped afterwards):
 *   - import: importPersons over a CSV that writePopulationCsv generated, into a fresh database
 *     seeded with the demo catalog and accounts but no persons: rows/s end to end, its check phase
 *     (parse, validate, stage) and write phase (upsert in batches) apart, and the importing
 *     process's peak RSS, since a city's file must not need a big machine; then, in the full run,
 *     the same file again, every row unchanged (the idempotent path a re-sent file takes);
 *   - lookup by resident ID over HTTP as heping, through the gate (granted items only, name
 *     masked, audit row committed before the answer), against a bare Fastify app reading the same
 *     table of the same database, in the same run;
 *   - batch comparison (比对) of a department file (resident ID, name, remark) of persons sampled
 *     from the registry with planted noise, as heping's comparison job run by the job worker: the
 *     gate's decision, parse, normalise, look up, judge, write the report, store the problem rows,
 *     the audit row; rows/s end to end, from the job's start to its success. Converting the report
 *     to XLSX (its first XLSX download) is timed apart, and so is compareFile alone (no gate, no
 *     rows stored, no audit), as earlier figures measured it.
 * Each step runs in a process of its own (`population-setup.ts`), so a peak RSS is that step's
 * alone; each server runs in its own process (`population-target.ts`).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DEMO_PASSWORD } from '../src/demo/departments.js'
import { sqliteFile } from '../src/platform/db/database.js'
import type { CompareResult, GenerateResult, ImportResult, PopulationTask, SampleResult, SeedResult, StoreSpec } from './population-setup.js'
import type { PopulationTargetSpec } from './population-target.js'
import { forkServer, type ChildServer } from './support/child-server.js'
import { runTask } from './support/child-task.js'
import { expectOk, getJson, login } from './support/huitong-client.js'
import { loadAverage, loadCase, printLookups, printLookupTargets, runLookupRounds, type LookupCase } from './support/lookup-rounds.js'
import { BENCH_POSTGRES_URL, dropSchema, postgresReachable } from './support/postgres.js'
import { printProfile, printThreadProfiles } from './support/profile-report.js'
import { printTable, writeResults } from './support/report.js'
import { IMPORT_TABLE_COLUMNS, importTableRow, phaseSummary } from './support/timed-import.js'
import { formatNumber } from './support/stats.js'

export interface PopulationBenchOptions {
  /** Persons generated and imported on SQLite. */
  readonly persons: number
  /** Rows of the department file compared on SQLite. */
  readonly comparisonRows: number
  /** The same on PostgreSQL: fewer, as its import writes through multi-row statements over the network. */
  readonly postgresPersons: number
  readonly postgresComparisonRows: number
  /** Import the same file a second time, every row unchanged. */
  readonly reimport: boolean
  /** Distinct existing resident IDs the lookup load cycles through. */
  readonly lookupKeys: number
  readonly rounds: number
  /** Connection levels of the lookup load (see LookupLoadOptions). */
  readonly connections: readonly number[]
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Profile the import and comparison processes and each Huitong server under the lookup load, and summarise. */
  readonly cpuProfile: boolean
}

export const POPULATION_DEFAULTS: PopulationBenchOptions = {
  persons: 10_000_000,
  comparisonRows: 1_000_000,
  postgresPersons: 1_000_000,
  postgresComparisonRows: 200_000,
  reimport: true,
  lookupKeys: 4000,
  rounds: 3,
  connections: [10, 64],
  warmupSeconds: 1,
  durationSeconds: 5,
  cpuProfile: false,
}

/** The issue's targets, set for SQLite at 10 M persons and a 1 M-row comparison file. */
const TARGETS = {
  persons: 10_000_000,
  comparisonRows: 1_000_000,
  importRowsPerSecond: 100_000,
  importPeakRssMb: 1024,
  lookupRequestsPerSecond: 3000,
  lookupRatioToBare: 0.4,
  comparisonRowsPerSecond: 100_000,
}
const GENERATOR_SEED = 2026
const SETUP_ENTRY = new URL('./population-setup.ts', import.meta.url)
const TARGET_ENTRY = new URL('./population-target.ts', import.meta.url)
const PROFILE_DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url))

type Kind = 'sqlite' | 'postgres'

interface Store {
  readonly kind: Kind
  /** A temporary directory for everything of this store: the data directory, the files, the reports. */
  readonly root: string
  readonly spec: StoreSpec
  readonly persons: number
  readonly comparisonRows: number
  generated?: GenerateResult
  seeded?: SeedResult
  imported?: ImportResult
  reimported?: ImportResult
  sampled?: SampleResult
  compared?: CompareResult
}

const perSecond = (rows: number, ms: number): number => (rows * 1000) / ms
const megabytes = (bytes: number): string => formatNumber(bytes / 1024 / 1024)
const meets = (ok: boolean): string => (ok ? 'meets' : 'MISSES')
const seconds = (ms: number): string => (ms / 1000).toFixed(1)

export async function benchPopulation(options: PopulationBenchOptions = POPULATION_DEFAULTS): Promise<void> {
  const withPostgres = await postgresReachable()
  if (!withPostgres) console.log(`PostgreSQL at ${BENCH_POSTGRES_URL} does not answer: SQLite only`)
  let profileDir: string | undefined
  if (options.cpuProfile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    profileDir = fs.mkdtempSync(path.join(PROFILE_DIR, 'population-'))
    console.log('  --cpu-prof: the import and comparison processes are profiled while they are measured, which slows them a little')
  }
  // A directory per process and Node's own file names: each thread writes its profile (tsx's
  // loader thread and any worker too), and one fixed name would let the last overwrite the rest.
  const profileFlags = (name: string): string[] => (profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`])
  const loadAverages: Record<string, string> = { start: loadAverage() }
  const newStore = (kind: Kind, persons: number, comparisonRows: number): Store => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-population-'))
    const dataDir = path.join(root, 'data')
    const spec: StoreSpec =
      kind === 'sqlite' ? { dataDir } : { dataDir, postgres: { url: BENCH_POSTGRES_URL, schema: `bench_${randomBytes(6).toString('hex')}` } }
    return { kind, root, spec, persons, comparisonRows }
  }
  const stores: Store[] = [newStore('sqlite', options.persons, options.comparisonRows)]
  if (withPostgres) stores.push(newStore('postgres', options.postgresPersons, options.postgresComparisonRows))
  const servers: ChildServer[] = []
  try {
    for (const store of stores) {
      const step = <T>(task: PopulationTask, profile?: string): Promise<T> =>
        runTask<T>(SETUP_ENTRY, [JSON.stringify(task)], profile === undefined ? [] : profileFlags(profile))
      const csv = path.join(store.root, 'persons.csv')
      console.log(`  ${store.kind}: generating ${formatNumber(store.persons)} persons into ${csv} (load average ${loadAverage()})`)
      store.generated = await step<GenerateResult>({ task: 'generate', file: csv, persons: store.persons, seed: GENERATOR_SEED })
      console.log(
        `  ${store.kind}: ${megabytes(store.generated.bytes)} MB in ${seconds(store.generated.ms)} s; seeding the demo catalog and accounts, no persons`,
      )
      store.seeded = await step<SeedResult>({ task: 'seed', store: store.spec })
      console.log(
        `  ${store.kind}: registry bound to ${store.seeded.code}; heping's automatic grant (${formatNumber(store.seeded.grantedRateLimit)} reads a minute) lifted to no limit; importing (load average ${loadAverage()})`,
      )
      const importTask: PopulationTask = { task: 'import', store: store.spec, file: csv, workDir: path.join(store.root, 'import') }
      store.imported = await step<ImportResult>(importTask, `import-${store.kind}`)
      const imported = store.imported
      console.log(
        `  ${store.kind}: imported ${formatNumber(imported.report.rows)} rows at ${formatNumber(perSecond(imported.report.rows, imported.ms))} rows/s in ${seconds(imported.ms)} s ` +
          `(${phaseSummary(imported)} s), CPU ${seconds(imported.cpuMs.user + imported.cpuMs.system)} s, peak RSS ${megabytes(imported.maxRssKb * 1024)} MB (load average ${loadAverage()})`,
      )
      if (imported.report.created !== store.persons || imported.report.rejected > 0) {
        console.log(
          `  WARNING ${store.kind}: ${formatNumber(imported.report.created)} created and ${formatNumber(imported.report.rejected)} rejected of ${formatNumber(store.persons)} generated persons`,
        )
      }
      if (options.reimport) {
        console.log(`  ${store.kind}: importing the same file again (load average ${loadAverage()})`)
        store.reimported = await step<ImportResult>(importTask)
        const again = store.reimported
        console.log(
          `  ${store.kind}: re-imported at ${formatNumber(perSecond(again.report.rows, again.ms))} rows/s, ${formatNumber(again.report.unchanged)} unchanged, peak RSS ${megabytes(again.maxRssKb * 1024)} MB`,
        )
        if (again.report.unchanged !== imported.report.accepted)
          console.log(
            `  WARNING ${store.kind}: the same file again left ${formatNumber(again.report.unchanged)} of ${formatNumber(imported.report.accepted)} unchanged`,
          )
      }
      fs.rmSync(csv, { force: true })

      const departmentFile = path.join(store.root, 'department.csv')
      store.sampled = await step<SampleResult>({
        task: 'sample',
        store: store.spec,
        lookupKeys: options.lookupKeys,
        comparisonRows: store.comparisonRows,
        comparisonFile: departmentFile,
      })
      console.log(
        `  ${store.kind}: department file of ${formatNumber(store.sampled.file.rows)} rows sampled and written in ${seconds(store.sampled.ms)} s; comparing (load average ${loadAverage()})`,
      )
      store.compared = await step<CompareResult>({ task: 'compare', store: store.spec, file: departmentFile, xlsx: true }, `compare-${store.kind}`)
      const compared = store.compared
      console.log(
        `  ${store.kind}: compared ${formatNumber(compared.counts.total)} rows at ${formatNumber(perSecond(compared.counts.total, compared.ms))} rows/s in ${seconds(compared.ms)} s ` +
          `(compareFile alone ${formatNumber(perSecond(compared.counts.total, compared.fileMs))} rows/s)` +
          (compared.xlsx === null ? '' : `; report to XLSX in ${seconds(compared.xlsx.ms)} s`),
      )
      // A comparison that stopped finding what was planted would look fast for the wrong reason.
      const planted = store.sampled.file
      if (compared.storedRows !== compared.counts.total - compared.counts.ok) {
        console.log(
          `  WARNING ${store.kind}: the job stored ${formatNumber(compared.storedRows)} problem rows of ${formatNumber(compared.counts.total - compared.counts.ok)}`,
        )
      }
      if (compared.counts.total !== planted.rows || compared.counts.invalidId !== planted.invalidId || compared.counts.notFound !== planted.unknownId) {
        console.log(
          `  WARNING ${store.kind}: compared ${formatNumber(compared.counts.total)} of ${formatNumber(planted.rows)} rows, found ${formatNumber(compared.counts.invalidId)} invalid IDs of ${formatNumber(planted.invalidId)} planted ` +
            `and ${formatNumber(compared.counts.notFound)} unknown of ${formatNumber(planted.unknownId)}`,
        )
      }
    }
    loadAverages.afterLoading = loadAverage()

    const cases: LookupCase[] = []
    const masking: Array<{ kind: Kind; key: string; registryName: unknown; hepingName: unknown; masked: boolean }> = []
    for (const store of stores) {
      const keys = store.sampled?.lookupKeys ?? []
      // Huitong first: its connection creates the WAL index a read-only connection needs.
      const huitongSpec: PopulationTargetSpec = {
        kind: 'huitong',
        dataDir: store.spec.dataDir,
        ...(store.spec.postgres === undefined ? {} : { postgres: store.spec.postgres }),
      }
      const huitong = await forkServer(TARGET_ENTRY, [JSON.stringify(huitongSpec)])
      servers.push(huitong)
      const bareSpec: PopulationTargetSpec =
        store.spec.postgres === undefined
          ? { kind: 'bare-sqlite', file: sqliteFile({ dataDir: store.spec.dataDir }) }
          : { kind: 'bare-postgres', url: store.spec.postgres.url, schema: store.spec.postgres.schema }
      const bare = await forkServer(TARGET_ENTRY, [JSON.stringify(bareSpec)])
      servers.push(bare)
      const token = await login(huitong.url, 'heping', DEFAULT_DEMO_PASSWORD)
      const headers = { authorization: `Bearer ${token}` }
      const huitongPaths = keys.map((key) => `/api/v1/population/persons/${key}`)
      const barePaths = keys.map((key) => `/persons/${key}`)
      await expectOk(huitong.url, huitongPaths[0] ?? '', headers)
      await expectOk(bare.url, barePaths[0] ?? '')
      const registryName = (await getJson(bare.url, barePaths[0] ?? '')).name
      const hepingName = (await getJson(huitong.url, huitongPaths[0] ?? '', headers)).name
      masking.push({ kind: store.kind, key: keys[0] ?? '', registryName, hepingName, masked: typeof hepingName === 'string' && hepingName !== registryName })
      if (hepingName === registryName)
        console.log(`  WARNING ${store.kind}: heping sees ${keys[0] ?? ''}'s name in clear (${String(hepingName)}); the grant masks it`)
      const bareName = `${store.kind} bare fastify + ${store.kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`
      cases.push(
        { name: bareName, server: bare, paths: barePaths, headers: {} },
        { name: `${store.kind} huitong lookup (gate, audit)`, server: huitong, paths: huitongPaths, headers, baseline: bareName },
      )
    }
    console.log(
      `\n  lookup over HTTP: ${options.rounds} round(s) at ${options.connections.join(' and ')} connections, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up, ` +
        `${formatNumber(options.lookupKeys)} distinct existing IDs; heping sees ${masking.map((m) => `${String(m.registryName)} as ${String(m.hepingName)}`).join(', ')}`,
    )
    const lookups = await runLookupRounds(cases, options)
    loadAverages.end = loadAverage()

    printTable(
      'import: importPersons over the generated CSV (UTF-8), first into a registry with no persons; phases as its progress reports name them, each up to its last report (the last one to the end)',
      IMPORT_TABLE_COLUMNS,
      stores.flatMap((store) => [
        ...(store.imported === undefined ? [] : [importTableRow(store.kind, 'new persons', store.imported)]),
        ...(store.reimported === undefined ? [] : [importTableRow(store.kind, 'same file again', store.reimported)]),
      ]),
    )
    console.log(
      'peak RSS is the importing process\'s maxRSS over its life (worker threads included); "before" is the same read when the import began (tsx, modules, connection), each phase\'s the largest RSS seen at its progress reports.',
    )
    for (const store of stores) {
      const { generated, imported } = store
      if (generated === undefined || imported === undefined) continue
      console.log(
        `${store.kind}: CSV of ${formatNumber(generated.rows)} persons ${megabytes(generated.bytes)} MB, generated in ${seconds(generated.ms)} s` +
          (imported.databaseBytes === null ? '' : `; SQLite file after the import ${megabytes(imported.databaseBytes)} MB`),
      )
    }

    printTable(
      "batch comparison: heping's job over a department file (身份证号, 姓名, 备注) of sampled persons with planted noise, seeing the status; rows/s is end to end (the gate, parse, normalise, compare, write the report, store the problem rows, audit)",
      [
        'database',
        'registry',
        'rows',
        'rows/s',
        's',
        'compareFile rows/s',
        'peak RSS MB',
        'ok',
        'invalid ID',
        'not found',
        'name mismatch',
        'deceased / moved out / cancelled',
        'planted name / invalid / unknown',
        'rows stored',
        'XLSX s (rows/s)',
      ],
      stores.flatMap((store) => {
        const { compared, sampled } = store
        if (compared === undefined || sampled === undefined) return []
        const { counts } = compared
        return [
          [
            store.kind,
            formatNumber(store.persons),
            formatNumber(counts.total),
            formatNumber(perSecond(counts.total, compared.ms)),
            seconds(compared.ms),
            formatNumber(perSecond(counts.total, compared.fileMs)),
            megabytes(compared.maxRssKb * 1024),
            formatNumber(counts.ok),
            formatNumber(counts.invalidId),
            formatNumber(counts.notFound),
            formatNumber(counts.nameMismatch),
            `${formatNumber(counts.deceased)} / ${formatNumber(counts.movedOut)} / ${formatNumber(counts.cancelled)}`,
            `${formatNumber(sampled.file.nameChanged)} / ${formatNumber(sampled.file.invalidId)} / ${formatNumber(sampled.file.unknownId)}`,
            formatNumber(compared.storedRows),
            compared.xlsx === null ? '' : `${seconds(compared.xlsx.ms)} (${formatNumber(perSecond(counts.total, compared.xlsx.ms))}/s)`,
          ],
        ]
      }),
    )
    console.log(
      "a changed name counts as a name mismatch unless the person's status comes first (deceased, moved out, cancelled); the XLSX conversion (toXlsx) is not part of the end-to-end figure.",
    )
    console.log(
      "the job is timed from its start to its success as the job worker ran it (two gate decisions, the audit row and the job's own writes add a fixed cost whatever the size); " +
        'compareFile alone runs after it. On SQLite a file of 4 MiB or more is judged on a worker thread, which under tsx (as here) takes about a second longer to start than compiled.',
    )

    printLookups(
      `lookup over HTTP: median of ${options.rounds} run(s) at each level, ${options.durationSeconds} s each; heping through the gate (granted items, name masked, audit row committed before the answer) against a bare server on the same table`,
      lookups,
    )
    console.log(
      `load average (1, 5, 15 min): ${Object.entries(loadAverages)
        .map(([at, value]) => `${at} ${value}`)
        .join('; ')} on ${os.availableParallelism()} cores`,
    )

    console.log(
      `\ntargets (set for SQLite at ${formatNumber(TARGETS.persons)} persons and a ${formatNumber(TARGETS.comparisonRows)}-row file; other scales are shown against them for reference):`,
    )
    for (const store of stores) {
      const scale = `${store.kind}, ${formatNumber(store.persons)} persons`
      const { imported, compared } = store
      if (imported !== undefined) {
        const rate = perSecond(imported.report.rows, imported.ms)
        const rssMb = imported.maxRssKb / 1024
        console.log(
          `  import (${scale}): ${formatNumber(rate)} rows/s ${meets(rate >= TARGETS.importRowsPerSecond)} ≥ ${formatNumber(TARGETS.importRowsPerSecond)}; ` +
            `peak RSS ${formatNumber(rssMb)} MB ${meets(rssMb < TARGETS.importPeakRssMb)} < ${formatNumber(TARGETS.importPeakRssMb)} MB`,
        )
      }
      if (compared !== undefined) {
        const rate = perSecond(compared.counts.total, compared.ms)
        console.log(
          `  comparison (${scale}, ${formatNumber(compared.counts.total)} rows): ${formatNumber(rate)} rows/s ${meets(rate >= TARGETS.comparisonRowsPerSecond)} ≥ ${formatNumber(TARGETS.comparisonRowsPerSecond)}`,
        )
      }
    }
    printLookupTargets(lookups, TARGETS, (r) => `${formatNumber(stores.find((store) => r.name.startsWith(store.kind))?.persons ?? 0)} persons`)

    const file = writeResults('population', {
      options,
      targets: TARGETS,
      loadAverages,
      stores: stores.map((store) => ({
        kind: store.kind,
        persons: store.persons,
        comparisonRows: store.comparisonRows,
        generated: store.generated,
        seeded: store.seeded,
        imported: store.imported,
        reimported: store.reimported,
        comparisonFile: store.sampled?.file,
        compared: store.compared,
      })),
      masking,
      lookups,
    })
    console.log(`results: ${file}`)

    // Profiled lookups come after the measured ones: the sampler slows the server down.
    if (profileDir !== undefined) {
      for (const store of stores) {
        printThreadProfiles(`the import on ${store.kind}`, path.join(profileDir, `import-${store.kind}`))
        printThreadProfiles(`the comparison on ${store.kind}`, path.join(profileDir, `compare-${store.kind}`))
      }
      for (const c of cases.filter((candidate) => candidate.baseline !== undefined)) {
        const kind = c.name.split(' ')[0] ?? 'server'
        const profile = path.join(profileDir, `lookup-${kind}.cpuprofile`)
        await c.server.profile(profile, () => loadCase(c, options, options.connections.at(-1) ?? 10))
        printProfile(`the ${kind} Huitong server under the lookup load`, profile)
      }
    }
  } finally {
    for (const server of servers) await server.stop()
    for (const store of stores) {
      const postgres = store.spec.postgres
      if (postgres !== undefined)
        await dropSchema(postgres.url, postgres.schema).catch((error: unknown) => console.error(`dropping ${postgres.schema}:`, error))
      fs.rmSync(store.root, { recursive: true, force: true })
    }
  }
}

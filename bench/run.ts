/**
 * Huitong's benchmarks. `npm run bench` runs all; name one to run only it:
 *   npm run bench -- http [--quick] [--cpu-prof]
 *   npm run bench -- sqlite-prepare [--quick]
 *   npm run bench -- rss [--quick]
 *   npm run bench -- catalog-search [--quick] [--cpu-prof]
 *   npm run bench -- exchange [--quick] [--cpu-prof]
 *   npm run bench -- population [--quick | --comparison] [--persons=N] [--comparison-rows=N] [--cpu-prof]
 *     (--comparison: the comparison's full case, 1 M rows against 10 M persons, without the
 *     re-import and with a short lookup check)
 *   npm run bench -- legal-persons [--quick] [--entities=N] [--cpu-prof] [--only search]
 *   npm run bench -- geo [--quick]
 *   npm run bench -- approval [--quick]
 * Figures are medians of several runs with ratios against a baseline measured in the same run;
 * nothing here asserts a time.
 */
import { APPROVAL_CORE_DEFAULTS, benchApprovalCore } from './approval-core.js'
import { benchCatalogSearch, CATALOG_SEARCH_DEFAULTS } from './catalog-search.js'
import { benchExchange, EXCHANGE_DEFAULTS } from './exchange.js'
import { benchGeoCore, GEO_CORE_DEFAULTS } from './geo-core.js'
import { benchHttp, HTTP_DEFAULTS } from './http.js'
import { benchLegalPersons, LEGAL_PERSONS_DEFAULTS } from './legal-persons.js'
import { benchPopulation, POPULATION_DEFAULTS } from './population.js'
import { benchRss, RSS_DEFAULTS } from './rss.js'
import { benchSqlitePrepare, SQLITE_PREPARE_DEFAULTS } from './sqlite-prepare.js'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
/** `--name=N` as a number, when given. */
const numberArg = (name: string): number | undefined => {
  const value = args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  return value === undefined ? undefined : Number(value)
}
/** `--only <part>`: the part of a benchmark to run, where it has parts. */
const onlyAt = args.indexOf('--only')
const only = onlyAt < 0 ? undefined : args[onlyAt + 1]

const BENCHMARKS: Record<string, () => Promise<void>> = {
  http: () =>
    benchHttp({
      ...HTTP_DEFAULTS,
      ...(quick ? { rounds: 1, durationSeconds: 2 } : {}),
      cpuProfile: args.includes('--cpu-prof'),
    }),
  'sqlite-prepare': () => benchSqlitePrepare({ ...SQLITE_PREPARE_DEFAULTS, ...(quick ? { runs: 1 } : {}) }),
  rss: () => benchRss({ ...RSS_DEFAULTS, ...(quick ? { runs: 1 } : {}) }),
  'catalog-search': () =>
    benchCatalogSearch({
      ...CATALOG_SEARCH_DEFAULTS,
      ...(quick ? { buildRuns: 1, searches: 1000, warmupSearches: 100, baselineSearches: 36, rounds: 1, durationSeconds: 3 } : {}),
      cpuProfile: args.includes('--cpu-prof'),
    }),
  exchange: () =>
    benchExchange({
      ...EXCHANGE_DEFAULTS,
      ...(quick ? { records: 100_000, postgresRecords: 50_000, changeFeedRuns: 1, rounds: 1, durationSeconds: 3 } : {}),
      cpuProfile: args.includes('--cpu-prof'),
    }),
  population: () =>
    benchPopulation({
      ...POPULATION_DEFAULTS,
      ...(quick
        ? { persons: 200_000, comparisonRows: 50_000, postgresPersons: 100_000, postgresComparisonRows: 20_000, reimport: false, rounds: 1, durationSeconds: 3 }
        : {}),
      ...(args.includes('--comparison') ? { reimport: false, rounds: 1, durationSeconds: 2 } : {}),
      ...(numberArg('persons') === undefined ? {} : { persons: numberArg('persons') }),
      ...(numberArg('comparison-rows') === undefined ? {} : { comparisonRows: numberArg('comparison-rows') }),
      cpuProfile: args.includes('--cpu-prof'),
    }),
  'legal-persons': () =>
    benchLegalPersons({
      ...LEGAL_PERSONS_DEFAULTS,
      ...(quick
        ? {
            entities: 200_000,
            postgresEntities: 50_000,
            reimport: false,
            searchRebuilds: 0,
            searches: 1000,
            warmupSearches: 100,
            rounds: 1,
            durationSeconds: 3,
          }
        : {}),
      ...(numberArg('entities') === undefined ? {} : { entities: numberArg('entities') }),
      cpuProfile: args.includes('--cpu-prof'),
      searchOnly: only === 'search',
    }),
  geo: () => benchGeoCore({ ...GEO_CORE_DEFAULTS, ...(quick ? { durationSeconds: 1, rounds: 1, addresses: 6_000, tilePoints: 100_000, tiles: 50 } : {}) }),
  approval: () => benchApprovalCore({ ...APPROVAL_CORE_DEFAULTS, ...(quick ? { reviews: 200_000, queue: 100_000, rounds: 1 } : {}) }),
}

const named = args.filter((arg, at) => !arg.startsWith('--') && !(onlyAt >= 0 && at === onlyAt + 1))
const unknown = named.filter((name) => !(name in BENCHMARKS))
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`)
  process.exit(2)
}
for (const name of named.length === 0 ? Object.keys(BENCHMARKS) : named) {
  console.log(`\n== ${name}`)
  await BENCHMARKS[name]?.()
}

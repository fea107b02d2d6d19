/**
 * The layers of Huitong, bottom to top (docs/architecture.md explains them). A folder imports
 * only from the layers below it and from itself; `npm run lint` runs these rules.
 *
 *   standards → platform → core (audit < identity, calendar, notifications) → catalog → exchange
 *   (gate < datasets, sharing, feeds) → registry → registries → work modules → demo → composition
 */

const STANDARDS = '^src/standards/'
const PLATFORM = '^src/platform/'
const AUDIT = '^src/audit/'
const CORE = '^src/(identity|calendar|notifications)/'
const CATALOG = '^src/catalog/'
const EXCHANGE = '^src/exchange/'
const REGISTRY = '^src/registry/'
const REGISTRIES = '^src/(population|legal-person|geo|economy)/'
const WORK = '^src/(approval|supervision|office|inventory|insight|portal)/'
const DEMO = '^src/demo/'
const MIGRATIONS = '^src/migrations/'
const COMPOSITION = '^src/(context|app|cli|server|tables)\\.ts$'
const TESTS = '\\.test\\.ts$'
/** Table declarations: who may import them is `tables-are-private`'s business alone. */
const TABLES = '/tables\\.ts$'

/** A module's folder: an exchange room or a platform part counts as a module of its own. */
const MODULE = '^src/(exchange/[^/]+|platform/[^/]+|[^/]+)/'

/**
 * Listings that join another module's table, read only, by name. Each says why in its own file.
 * Reading another module's data goes through its service everywhere else.
 */
const TABLE_READERS = [
  // The catalog names each entry's department.
  { reader: '^src/catalog/repository\\.ts$', own: '^src/catalog/', reads: '^src/identity/tables\\.ts$' },
  // Notifications find their recipients by role and department.
  { reader: '^src/notifications/repository\\.ts$', own: '^src/notifications/', reads: '^src/identity/tables\\.ts$' },
  // Sharing requests, grants and objections name resources and departments; the statistics count usage too.
  {
    reader: '^src/exchange/sharing/(repository|objection-repository)\\.ts$',
    own: '^src/exchange/sharing/',
    reads: '^src/(catalog|identity)/tables\\.ts$',
  },
  {
    reader: '^src/exchange/sharing/statistics-repository\\.ts$',
    own: '^src/exchange/sharing/',
    reads: '^src/(catalog|identity|exchange/gate)/tables\\.ts$',
  },
  // Subscriptions name their resource and departments.
  { reader: '^src/exchange/feeds/repository\\.ts$', own: '^src/exchange/feeds/', reads: '^src/(catalog|identity)/tables\\.ts$' },
  // The registries keep their heads in the registry kernel's table until the kernel owns the write path.
  { reader: '^src/population/repository\\.ts$', own: '^src/population/', reads: '^src/registry/tables\\.ts$' },
  { reader: '^src/legal-person/repository\\.ts$', own: '^src/legal-person/', reads: '^src/registry/tables\\.ts$' },
]

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; break it with a port or by moving what both need down a layer.',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'standards-are-pure',
      severity: 'error',
      comment: 'src/standards holds pure functions for national standards: it imports nothing of ours.',
      from: { path: STANDARDS },
      to: { path: '^(src|web)/', pathNot: STANDARDS },
    },
    {
      name: 'platform-knows-no-feature',
      severity: 'error',
      comment: 'Platform is infrastructure without business meaning: it imports only platform and standards.',
      from: { path: PLATFORM },
      to: { path: '^(src|web)/', pathNot: [PLATFORM, STANDARDS] },
    },
    {
      name: 'audit-below-core',
      severity: 'error',
      comment: 'The audit chain is written by every module, so it imports only platform and standards.',
      from: { path: AUDIT },
      to: { path: '^src/', pathNot: [DEMO, TABLES, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'core-downwards',
      severity: 'error',
      comment: 'Identity, calendar and notifications import audit, platform and standards, not each other and nothing above.',
      from: { path: '^src/(identity|calendar|notifications)/' },
      to: { path: '^src/', pathNot: [DEMO, TABLES, '^src/$1/', AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'catalog-downwards',
      severity: 'error',
      comment: 'The catalog imports the core, platform and standards only.',
      from: { path: CATALOG },
      to: { path: '^src/', pathNot: [DEMO, TABLES, CATALOG, CORE, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'exchange-downwards',
      severity: 'error',
      comment: 'The exchange imports the catalog and below; registries plug into it through its Provider interface.',
      from: { path: EXCHANGE },
      to: { path: '^src/', pathNot: [DEMO, TABLES, EXCHANGE, CATALOG, CORE, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'gate-imports-no-room',
      severity: 'error',
      comment: 'The gate is every read’s way in: it depends on ports (grant source, registry bindings, hosted fallback), never on another room.',
      from: { path: '^src/exchange/gate/' },
      to: { path: EXCHANGE, pathNot: '^src/exchange/gate/' },
    },
    {
      name: 'rooms-import-only-the-gate',
      severity: 'error',
      comment: 'Datasets, sharing and feeds meet through the gate (and the composition root), not sideways.',
      from: { path: '^src/exchange/([^/]+)/' },
      to: { path: EXCHANGE, pathNot: ['^src/exchange/$1/', '^src/exchange/gate/'] },
    },
    {
      name: 'registry-kernel-downwards',
      severity: 'error',
      comment: 'The registry kernel serves the registries and knows none of them.',
      from: { path: REGISTRY },
      to: { path: '^src/', pathNot: [DEMO, TABLES, REGISTRY, EXCHANGE, CATALOG, CORE, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'registries-downwards',
      severity: 'error',
      comment: 'A registry builds on the registry kernel and imports no other registry (shared code goes down a layer).',
      from: { path: REGISTRIES },
      to: { path: '^src/', pathNot: [DEMO, TABLES, '^src/$1/', REGISTRY, EXCHANGE, CATALOG, CORE, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'work-modules-downwards',
      severity: 'error',
      comment: 'Cross-department work builds on the registries and the exchange, and imports no other work module.',
      from: { path: WORK },
      to: { path: '^src/', pathNot: [DEMO, TABLES, '^src/$1/', REGISTRIES, REGISTRY, EXCHANGE, CATALOG, CORE, AUDIT, PLATFORM, STANDARDS] },
    },
    {
      name: 'demo-is-not-imported',
      severity: 'error',
      comment: 'Seed data and generators serve the CLI, the demo server, tests and benchmarks; no module imports them.',
      from: { path: '^src/', pathNot: [DEMO, COMPOSITION, TESTS] },
      to: { path: DEMO },
    },
    {
      name: 'composition-is-not-imported',
      severity: 'error',
      comment: 'The composition root and the migrations sit on top: no module imports them (demo seeds a Context).',
      from: { path: '^src/', pathNot: [COMPOSITION, MIGRATIONS, DEMO, TESTS] },
      to: { path: [COMPOSITION, MIGRATIONS] },
    },
    {
      name: 'tables-are-private',
      severity: 'error',
      comment: 'A module’s tables.ts is its own: others read its data through its service (named read-only joins excepted).',
      from: { path: MODULE, pathNot: [COMPOSITION, MIGRATIONS, ...TABLE_READERS.map(({ reader }) => reader)] },
      to: { path: '/tables\\.ts$', pathNot: '^src/$1/' },
    },
    ...TABLE_READERS.map(({ reader, own, reads }) => ({
      name: 'tables-are-private',
      severity: 'error',
      comment: 'A named table reader reads only its own tables and those named for it.',
      from: { path: reader },
      to: { path: '/tables\\.ts$', pathNot: [own, reads] },
    })),
    {
      name: 'repositories-are-private',
      severity: 'error',
      comment: 'A module’s repositories are its own: other modules use its service or a port it declares.',
      from: { path: MODULE, pathNot: [COMPOSITION, MIGRATIONS, DEMO, TESTS] },
      to: { path: 'repository\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'web-imports-no-server',
      severity: 'error',
      comment:
        'The console speaks to the server over HTTP; its API types and code tables are generated from the server (npm run api:types), never imported from its source.',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^web/dist/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}

/**
 * What the console takes from the server, generated rather than copied: its API types, from the
 * server's own OpenAPI document — the app is built in process over a throw-away SQLite database
 * (no server, no port, no network), and the document every node serves at /api/openapi.json goes
 * through openapi-typescript into web/src/api/schema.d.ts — and the code tables and catalog
 * vocabularies it names values with, from src/standards and src/catalog/model.ts into
 * web/src/api/code-tables.ts. Both files are checked in.
 *
 *   npm run api:types          writes both files
 *   npm run api:types:check    fails when a checked-in file is not what the server declares
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import prettier from 'prettier'
import { buildApp } from '../src/app.js'
import { createContext } from '../src/context.js'
import { loadConfig } from '../src/platform/config.js'
import { openDatabase } from '../src/platform/db/database.js'
import { migrateToLatest } from '../src/migrations/index.js'
import type { Tables } from '../src/tables.js'
import {
  BASE_KINDS,
  CLASSIFICATION_LABELS,
  FORMAT_CLASS_LABELS,
  FORMAT_TYPES,
  IDENTIFIER_KIND_LABELS,
  ITEM_TYPE_LABELS,
  RECORD_FORMAT_CLASSES,
  SHARE_METHOD_LABELS,
  SHARE_TYPE_LABELS,
  SIZED_ITEM_TYPES,
  STATUS_LABELS,
  THEMES,
  UPDATE_CYCLE_LABELS,
} from '../src/catalog/model.js'
import { ETHNIC_GROUPS } from '../src/standards/ethnic-group.js'
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../src/standards/industry.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const API_TYPES = path.join(ROOT, 'web/src/api/schema.d.ts')
const CODE_TABLES = path.join(ROOT, 'web/src/api/code-tables.ts')

const banner = (what: string, source: string) => `/**
 * ${what}, generated from ${source}
 * by scripts/openapi.ts (npm run api:types). Do not edit; change the server instead.
 */
`

/** The document a node serves at /api/openapi.json, from an app built over a database that is thrown away after. */
async function openapiDocument(): Promise<OpenAPI3> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-openapi-'))
  try {
    const config = loadConfig({ HUITONG_DATA_DIR: dataDir, HUITONG_LOG_LEVEL: 'silent' })
    const database = await openDatabase<Tables>(config)
    try {
      await migrateToLatest(database)
      const context = createContext(config, database)
      const app = await buildApp(context, { console: false })
      try {
        await app.ready()
        // Through JSON and back: the document as a client reads it, with nothing but data in it.
        return JSON.parse(JSON.stringify(app.swagger())) as OpenAPI3
      } finally {
        await app.close()
        await context.close()
      }
    } finally {
      await database.close()
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Formats as the repository formats code, so the check and prettier agree. */
async function formatted(file: string, text: string): Promise<string> {
  return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file })
}

/** The TypeScript for an OpenAPI document. */
async function typesOf(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, { emptyObjectsUnknown: true })
  return banner('The Huitong API as the server declares it', "the server's OpenAPI document") + astToString(ast)
}

const CODED = 'ReadonlyArray<{ readonly code: string; readonly name: string }>'
const DIVISIONS = 'ReadonlyArray<{ readonly code: string; readonly name: string; readonly section: string }>'

/**
 * The tables the console names values with, as the server holds them: national code tables and
 * the catalog's vocabularies (names in Chinese and English, suggested format types).
 */
const CODE_TABLES_CONTENT: ReadonlyArray<{ readonly name: string; readonly doc: string; readonly value: unknown; readonly type?: string }> = [
  { name: 'ETHNIC_GROUPS', doc: "Ethnic groups (民族) and their codes, GB/T 3304-1991, in the standard's order.", value: ETHNIC_GROUPS, type: CODED },
  { name: 'INDUSTRY_SECTIONS', doc: 'The sections (门类, A–T) of GB/T 4754-2017.', value: INDUSTRY_SECTIONS, type: CODED },
  {
    name: 'INDUSTRY_DIVISIONS',
    doc: 'The divisions (大类, 01–97) of GB/T 4754-2017, with the letter of their section.',
    value: INDUSTRY_DIVISIONS,
    type: DIVISIONS,
  },
  { name: 'CLASSIFICATION_LABELS', doc: '基础 / 主题 / 部门 信息资源, with the digit that starts their catalog codes.', value: CLASSIFICATION_LABELS },
  { name: 'BASE_KINDS', doc: 'The five kinds of base information resources, with their two-digit codes.', value: BASE_KINDS },
  { name: 'THEMES', doc: 'Themes named by the compilation guide, with their two-digit codes.', value: THEMES },
  { name: 'FORMAT_CLASS_LABELS', doc: 'The English names of the format classes (格式分类).', value: FORMAT_CLASS_LABELS },
  { name: 'FORMAT_TYPES', doc: 'Common format types per class, offered as suggestions; other types are allowed.', value: FORMAT_TYPES },
  {
    name: 'RECORD_FORMAT_CLASSES',
    doc: 'Resources in these format classes hold records, so they need a primary key.',
    value: RECORD_FORMAT_CLASSES,
    type: 'readonly string[]',
  },
  { name: 'ITEM_TYPE_LABELS', doc: '信息项数据类型.', value: ITEM_TYPE_LABELS },
  { name: 'SIZED_ITEM_TYPES', doc: 'Item types whose values have a length worth stating.', value: SIZED_ITEM_TYPES, type: 'readonly string[]' },
  { name: 'IDENTIFIER_KIND_LABELS', doc: "The platform's identifiers an item may hold.", value: IDENTIFIER_KIND_LABELS },
  { name: 'SHARE_TYPE_LABELS', doc: '共享类型 (国发〔2016〕51号).', value: SHARE_TYPE_LABELS },
  { name: 'SHARE_METHOD_LABELS', doc: '共享方式.', value: SHARE_METHOD_LABELS },
  { name: 'UPDATE_CYCLE_LABELS', doc: '更新周期, with their DCAT frequencies.', value: UPDATE_CYCLE_LABELS },
  { name: 'STATUS_LABELS', doc: 'The statuses of a catalog entry version.', value: STATUS_LABELS },
]

function codeTables(): string {
  // Lists looked up by any string are typed wide; tables keyed by the API's values keep their literal keys.
  const tables = CODE_TABLES_CONTENT.map(({ name, doc, value, type }) =>
    type === undefined
      ? `\n/** ${doc} */\nexport const ${name} = ${JSON.stringify(value)} as const\n`
      : `\n/** ${doc} */\nexport const ${name}: ${type} = ${JSON.stringify(value)}\n`,
  )
  return banner('Code tables and vocabularies', 'src/standards and src/catalog/model.ts') + tables.join('')
}

/** The first line where two texts part, for a message that points at the drift. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n')
  const have = actual.split('\n')
  const line = want.findIndex((text, index) => text !== have[index])
  const at = line === -1 ? want.length : line
  return `line ${at + 1}:\n  checked in: ${have[at] ?? '(end of file)'}\n  server:     ${want[at] ?? '(end of file)'}`
}

async function main(check: boolean): Promise<number> {
  const outputs = [
    { file: API_TYPES, text: await formatted(API_TYPES, await typesOf(await openapiDocument())) },
    { file: CODE_TABLES, text: await formatted(CODE_TABLES, codeTables()) },
  ]
  if (!check) {
    for (const { file, text } of outputs) fs.writeFileSync(file, text)
    console.log(`wrote ${outputs.map(({ file }) => path.relative(ROOT, file)).join(', ')}`)
    return 0
  }
  const stale = outputs.filter(({ file, text }) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text)
  if (stale.length === 0) {
    console.log(`${outputs.map(({ file }) => path.relative(ROOT, file)).join(', ')} match the server`)
    return 0
  }
  const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-api-types-'))
  for (const { file, text } of stale) {
    const fresh = path.join(freshDir, path.basename(file))
    fs.writeFileSync(fresh, text)
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    console.error(
      `${path.relative(ROOT, file)} is out of date: the server changed since it was generated. ` +
        `Regenerated as ${fresh}; first difference at ${firstDifference(text, current)}`,
    )
  }
  console.error('Run `npm run api:types` and commit the result.')
  return 1
}

process.exitCode = await main(process.argv.includes('--check'))

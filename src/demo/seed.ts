import type { Context } from '../context.js'
import type { Principal } from '../platform/auth/principal.js'
import type { Role } from '../platform/auth/roles.js'
import { DEMO_RESOURCES } from './catalog-resources.js'
import { generatePopulation } from './generators/population.js'
import type { Person } from '../population/model.js'
import { demoRecords, type DemoEntity, type DemoPerson } from './records.js'
import { entityOfGenerated, generateEntities } from './generators/legal-person.js'
import type { Entity } from '../legal-person/model.js'
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, type DemoAccount } from './departments.js'

export interface SeedReport {
  readonly departments: number
  readonly accounts: number
  readonly resources: number
  readonly records: number
  readonly persons: number
  readonly entities: number
}

export interface SeedOptions {
  /** Seed the demo catalog and exchange (default true). */
  readonly catalog?: boolean
  /** Persons generated into the population registry (default {@link DEMO_PERSONS}). */
  readonly persons?: number
  /** Entities generated into the legal-person registry (default {@link DEMO_ENTITIES}). */
  readonly entities?: number
}

/** The demo's legal persons, their representatives drawn from the demo population. */
export const DEMO_ENTITIES = 20_000
const ENTITY_SEED = 2016

/** The demo's population: a district-sized city, enough for the statistics to look like one. */
export const DEMO_PERSONS = 100_000
const POPULATION_SEED = 2026

/**
 * Demo entries that get hosted records, and how many. 婚姻登记信息 stays empty: the console's
 * exchange walkthrough publishes its first records itself.
 */
const DEMO_DATASETS: ReadonlyArray<readonly [name: string, count: number]> = [
  ['城乡低保对象信息', 200],
  ['社会保险参保信息', 300],
  ['残疾人证信息', 100],
  ['就业失业登记信息', 300],
  ['出生医学证明信息', 100],
  ['居民电子健康档案', 400],
  ['居住证信息', 150],
  ['纳税信用等级信息', 150],
  ['行政处罚信息（双公示）', 150],
  ['行政许可信息（双公示）', 200],
  ['社会保险参保单位信息', 200],
  ['质量管理体系认证信息', 100],
]

/** Entries the demo leaves in the review queue and as a draft, so those screens have something to show. */
const LEFT_SUBMITTED = 2
const LEFT_DRAFT = 1

const SEED_META = { requestId: null, ip: null }

/**
 * Seeds the demo's departments and accounts where they are missing; running it again adds nothing.
 * Only `huitong demo` (and `npm start`) calls this: `huitong serve` never creates demo accounts.
 *
 * @example
 * await seedDemo(context, 'Huitong@2026') // { departments: 29, accounts: 18 } on a new database
 */
export async function seedDemo(context: Context, password: string, options: SeedOptions = {}): Promise<SeedReport> {
  const { identity } = context
  const existing = new Set((await identity.listDepartments()).map((department) => department.code))
  let departments = 0
  for (const department of DEMO_DEPARTMENTS) {
    if (existing.has(department.code)) continue
    await identity.createDepartment('seed', department, SEED_META)
    departments += 1
  }
  const missing: DemoAccount[] = []
  for (const account of DEMO_ACCOUNTS) {
    const page = await identity.listUsers({ q: account.username, limit: 50, offset: 0 })
    if (!page.items.some((user) => user.username === account.username)) missing.push(account)
  }
  // Password hashing runs on libuv's thread pool, so accounts are created a few at a time.
  for (let start = 0; start < missing.length; start += 4) {
    await Promise.all(missing.slice(start, start + 4).map((account) => identity.createUser('cli', { ...account, password }, SEED_META)))
  }
  const resources = options.catalog === false ? 0 : await seedCatalog(context)
  if (resources === 0) return { departments, accounts: missing.length, resources, records: 0, persons: 0, entities: 0 }
  const personCount = options.persons ?? DEMO_PERSONS
  const people = await seedPopulation(context, personCount)
  const organisations = await seedLegalPersons(context, options.entities ?? DEMO_ENTITIES, personCount)
  return {
    departments,
    accounts: missing.length,
    resources,
    records: await seedExchange(context, people, organisations),
    persons: (await context.persons.head()).recordCount,
    entities: (await context.entities.head()).recordCount,
  }
}

/**
 * Publishes records for a few entries and files sharing requests through the same services the
 * console uses: an approved conditional grant, an unconditional one, and one waiting for an answer.
 */
async function seedExchange(context: Context, people: readonly DemoPerson[], organisations: readonly DemoEntity[]): Promise<number> {
  const { database, datasets, gate, sharing, identity } = context
  const departments = new Map((await identity.listDepartments()).map((department) => [department.code, department]))
  const actor = (code: string, roles: Role[], name = 'demo-seed'): Principal => {
    const department = departments.get(code)
    if (department === undefined) throw new Error(`demo department ${code} is missing`)
    return { kind: 'user', id: name, name, displayName: '演示数据', department, roles, credentialId: name }
  }
  const codeOf = async (name: string) =>
    (await database.db.selectFrom('catalog_resources').select('code').where('name', '=', name).executeTakeFirstOrThrow()).code
  let records = 0
  for (const [index, [name, count]] of DEMO_DATASETS.entries()) {
    const description = await gate.describe(await codeOf(name))
    const provider = DEMO_RESOURCES.find((resource) => resource.content.name === name)?.department
    if (description === undefined || provider === undefined) continue
    const steward = actor(provider, ['steward'])
    const prepared = datasets.prepare(description, { upserts: demoRecords(description.items, count, index + 1, people, organisations), deletes: [] })
    records += (await datasets.write(steward, description, 'demo-seed', prepared, SEED_META)).upserted
  }
  const until = '2027-12-31'
  const allowance = await codeOf('城乡低保对象信息')
  const approved = await sharing.request(
    actor('210102000', ['consumer'], 'heping'),
    {
      resource: allowance,
      items: [
        { key: 'resident_id', masked: false },
        { key: 'name', masked: true },
        { key: 'allowance_amount', masked: false },
      ],
      operations: ['lookup', 'query', 'verify', 'subscribe', 'export'],
      purpose: '辖区低保对象动态复核',
      legalBasis: '《社会救助暂行办法》第十一条',
      validUntil: until,
    },
    SEED_META,
  )
  await sharing.approve(actor('210100005', ['steward'], 'civil'), approved.id, { comment: '同意，姓名脱敏' }, SEED_META)
  await sharing.request(
    actor('210100004', ['consumer'], 'hrss'),
    {
      resource: await codeOf('人口基础信息'),
      items: [
        { key: 'resident_id', masked: false },
        { key: 'name', masked: false },
        { key: 'birth_date', masked: false },
      ],
      operations: ['lookup', 'verify'],
      purpose: '社会保险参保登记身份核验',
      legalBasis: '《社会保险法》',
      validUntil: until,
    },
    SEED_META,
  )
  const population = await codeOf('人口基础信息')
  await sharing.request(
    actor('210102000', ['consumer'], 'heping'),
    {
      resource: population,
      items: [
        'resident_id',
        'name',
        'gender',
        'ethnic_group',
        'birth_date',
        'household_division',
        'household_address',
        'status',
        'death_date',
        'emigration_date',
      ].map((key) => ({ key, masked: key === 'name' || key === 'household_address' })),
      operations: ['lookup', 'verify', 'query'],
      purpose: '社区网格化服务人口核查',
      legalBasis: '《居民身份证法》《国务院关于加快推进“互联网+政务服务”工作的指导意见》',
      validUntil: until,
    },
    SEED_META,
  )
  await sharing.request(
    actor('210102000', ['consumer'], 'heping'),
    {
      resource: await codeOf('法人基础信息'),
      items: [
        'credit_code',
        'name',
        'former_name',
        'entity_type',
        'legal_representative',
        'registered_capital',
        'established_on',
        'domicile',
        'division_code',
        'industry_code',
        'business_scope',
        'registration_status',
        'status_date',
        'registration_authority',
      ].map((key) => ({ key, masked: key === 'legal_representative' })),
      operations: ['lookup', 'verify', 'query'],
      purpose: '辖区市场主体走访服务',
      legalBasis: '《优化营商环境条例》',
      validUntil: until,
    },
    SEED_META,
  )
  const employment = await codeOf('就业失业登记信息')
  const employmentRequest = await sharing
    .request(
      actor('210102000', ['consumer'], 'heping'),
      {
        resource: employment,
        items: ['registration_no', 'resident_id', 'name', 'registration_type', 'hardship'].map((key) => ({ key, masked: false })),
        operations: ['lookup', 'query'],
        purpose: '就业援助对象走访',
        legalBasis: '《就业促进法》',
        validUntil: until,
      },
      SEED_META,
    )
    .catch(() => undefined)
  if (employmentRequest?.status === 'pending')
    await sharing.approve(actor('210100004', ['steward'], 'hrss'), employmentRequest.id, { comment: '同意' }, SEED_META)
  await sharing.request(
    actor('210100006', ['consumer'], 'health'),
    {
      resource: allowance,
      items: [
        { key: 'resident_id', masked: false },
        { key: 'allowance_amount', masked: false },
      ],
      operations: ['verify'],
      purpose: '医疗救助对象资格核验',
      legalBasis: '《社会救助暂行办法》第二十八条',
      validUntil: until,
    },
    SEED_META,
  )
  return records
}

/**
 * Binds the population registry to its catalog entry and fills it with a generated population
 * (the same seed gives the same persons). Returns who they are, for the attachments.
 */
async function seedPopulation(context: Context, count: number): Promise<DemoPerson[]> {
  const { database, population, persons, identity } = context
  const code = (await database.db.selectFrom('catalog_resources').select('code').where('name', '=', '人口基础信息').executeTakeFirstOrThrow()).code
  const department = (await identity.listDepartments()).find((candidate) => candidate.code === '210100002')
  if (department === undefined) throw new Error('the data office department is missing')
  const office: Principal = {
    kind: 'user',
    id: 'demo-seed',
    name: 'demo-seed',
    displayName: '演示数据',
    department,
    roles: ['dataoffice'],
    credentialId: 'demo-seed',
  }
  await population.bind(office, code, SEED_META)
  const people: DemoPerson[] = []
  if (count === 0) return people
  let batch: Array<{ person: Person }> = []
  for (const generated of generatePopulation({ count, seed: POPULATION_SEED })) {
    const { death_date: deathDate, emigration_date: emigrationDate, ...rest } = generated
    batch.push({ person: { ...rest, status_date: deathDate || emigrationDate } as Person })
    if (generated.status === '10' && people.length < 5_000) people.push({ resident_id: generated.resident_id, name: generated.name })
    if (batch.length === 20_000) {
      await persons.applyBatch(batch, 'demo-seed', 'demo-seed')
      batch = []
    }
  }
  if (batch.length > 0) await persons.applyBatch(batch, 'demo-seed', 'demo-seed')
  return people
}

/**
 * Binds the legal-person registry to its catalog entry and fills it with generated entities whose
 * representatives are persons of the demo population. Returns some active ones, for attachments.
 */
async function seedLegalPersons(context: Context, count: number, populationCount: number): Promise<DemoEntity[]> {
  const { database, legalPerson, entities, identity } = context
  const code = (await database.db.selectFrom('catalog_resources').select('code').where('name', '=', '法人基础信息').executeTakeFirstOrThrow()).code
  const department = (await identity.listDepartments()).find((candidate) => candidate.code === '210100002')
  if (department === undefined) throw new Error('the data office department is missing')
  await legalPerson.registry.bind(
    { kind: 'user', id: 'demo-seed', name: 'demo-seed', displayName: '演示数据', department, roles: ['dataoffice'], credentialId: 'demo-seed' },
    code,
    SEED_META,
  )
  const organisations: DemoEntity[] = []
  if (count === 0 || populationCount === 0) return organisations
  let batch: Entity[] = []
  for (const generated of generateEntities({ count, seed: ENTITY_SEED, populationCount, populationSeed: POPULATION_SEED })) {
    const entity = entityOfGenerated(generated)
    batch.push(entity)
    if ((entity.registration_status === '1' || entity.registration_status === '2') && organisations.length < 5_000)
      organisations.push({ credit_code: generated.credit_code, name: generated.name })
    if (batch.length === 5_000) {
      await entities.applyBatch(batch, 'demo-seed', 'demo-seed')
      batch = []
    }
  }
  if (batch.length > 0) await entities.applyBatch(batch, 'demo-seed', 'demo-seed')
  return organisations
}

/**
 * Registers the demo catalog through the same lifecycle stewards use: each department's entries
 * are created, submitted and approved by the data office. Runs only on an empty catalog.
 */
async function seedCatalog(context: Context): Promise<number> {
  const { catalog, identity } = context
  if ((await catalog.search({ limit: 1, offset: 0 })).total > 0) return 0
  const departments = new Map((await identity.listDepartments()).map((department) => [department.code, department]))
  const actor = (code: string, roles: Role[]): Principal => {
    const department = departments.get(code)
    if (department === undefined) throw new Error(`demo department ${code} is missing`)
    return { kind: 'user', id: 'demo-seed', name: 'demo-seed', displayName: '演示数据', department, roles, credentialId: 'demo-seed' }
  }
  const office = actor('210100002', ['dataoffice'])
  let count = 0
  for (const [index, { department, content }] of DEMO_RESOURCES.entries()) {
    const steward = actor(department, ['steward'])
    const created = await catalog.create(steward, content, SEED_META)
    count += 1
    const remaining = DEMO_RESOURCES.length - index
    if (remaining <= LEFT_DRAFT) continue
    await catalog.submit(steward, created.code, SEED_META)
    if (remaining <= LEFT_DRAFT + LEFT_SUBMITTED) continue
    await catalog.approve(office, created.code, '符合目录编制要求', SEED_META)
    if (index === 0) {
      // A second version of the population registry's entry, so version history and diffs have content.
      await catalog.saveDraft(
        steward,
        created.code,
        { ...content, tags: [...content.tags, '一人一档'], abstract: `${content.abstract}支持一人一档查询。` },
        SEED_META,
      )
      await catalog.submit(steward, created.code, SEED_META)
      await catalog.approve(office, created.code, '同意更新', SEED_META)
    }
  }
  return count
}

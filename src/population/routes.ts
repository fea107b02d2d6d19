import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AppError } from '../platform/errors.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { sendTableFile, statedPurpose } from '../platform/http/replies.js'
import { ERROR_RESPONSES, PageOf, PagingQuery } from '../platform/http/schemas.js'
import { JobSchema, JobStatusSchema, toJobView } from '../platform/jobs/schemas.js'
import { AttachmentSchema, RecordValue } from '../exchange/gate/schemas.js'
import type { PopulationComparisons } from './comparisons.js'
import { OUTCOMES } from './comparisons.js'
import type { PopulationImports } from './imports.js'
import type { PersonEvent } from './model.js'
import type { PopulationService } from './service.js'

const READERS = ['consumer', 'steward'] as const
const RecordSchema = Type.Record(Type.String(), RecordValue, { description: 'A record: granted items only, masked where granted masked' })
const ResidentIdParam = Type.Object({
  residentId: Type.String({ minLength: 1, maxLength: 40, description: '18-character resident ID (15-digit and full-width forms are normalised)' }),
})
const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
const FormatQuery = Type.Object({ format: Type.Optional(Type.Enum(['csv', 'xlsx'], { default: 'csv' })) }, { additionalProperties: false })
const FileNameQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false })
const Verdict = Type.Enum(['match', 'mismatch', 'absent'])
const UPLOAD_LIMIT = 1024 * 1024 * 1024
/** The outcomes a comparison keeps rows of: every one but ok. */
const ProblemOutcome = Type.Enum(OUTCOMES.filter((outcome) => outcome !== 'ok'))

const VerifyRecord = Type.Object(
  {
    residentId: Type.String({ maxLength: 40 }),
    name: Type.Optional(Type.String({ maxLength: 100 })),
    formerName: Type.Optional(Type.String({ maxLength: 100 })),
    gender: Type.Optional(Type.String({ maxLength: 10 })),
    birthDate: Type.Optional(Type.String({ maxLength: 20 })),
    ethnicGroup: Type.Optional(Type.String({ maxLength: 20 })),
    householdDivision: Type.Optional(Type.String({ maxLength: 12 })),
    householdAddress: Type.Optional(Type.String({ maxLength: 200 })),
    residenceAddress: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)

const VerifyOutcomeSchema = Type.Object(
  {
    residentId: Type.String(),
    validity: Type.Enum(['valid', 'empty', 'length', 'characters', 'check', 'birth-date', 'future-birth-date', 'address']),
    message: Type.Optional(Type.String()),
    normalisedId: Type.Optional(Type.String({ description: 'the ID in its 18-character form, when it differs from what was submitted' })),
    found: Type.Boolean(),
    fields: Type.Record(Type.String(), Verdict),
    flags: Type.Optional(
      Type.Object(
        { deceased: Type.Boolean(), movedOut: Type.Boolean(), cancelled: Type.Boolean() },
        { description: 'only when the caller may read the status item' },
      ),
    ),
  },
  { $id: 'PersonVerifyOutcome' },
)

const HistorySchema = Type.Object(
  {
    seq: Type.Integer(),
    event: Type.Enum(['create', 'update', 'death', 'move-out', 'cancel', 'restore'] satisfies PersonEvent[]),
    effectiveDate: Type.String(),
    at: Type.String(),
    changedBy: Type.String(),
    source: Type.String(),
    changes: Type.Array(
      Type.Object({ item: Type.String(), before: Type.Union([Type.String(), Type.Null()]), after: Type.Union([Type.String(), Type.Null()]) }),
    ),
  },
  { $id: 'PersonHistoryEntry' },
)

const CountsSchema = Type.Object(
  {
    total: Type.Integer(),
    ok: Type.Integer(),
    invalidId: Type.Integer(),
    notFound: Type.Integer(),
    nameMismatch: Type.Integer(),
    fieldMismatch: Type.Integer(),
    deceased: Type.Integer(),
    movedOut: Type.Integer(),
    cancelled: Type.Integer(),
  },
  { $id: 'ComparisonCounts' },
)

const Mapping = Type.Object(
  {
    residentId: Type.String({ minLength: 1, maxLength: 200 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    gender: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    birthDate: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
)

const ComparisonSchema = Type.Object(
  {
    id: Type.String(),
    status: JobStatusSchema,
    progress: Type.Number(),
    message: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    fileName: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    deceasedBefore: Type.Union([Type.String(), Type.Null()]),
    mapping: Mapping,
    counts: Type.Union([CountsSchema, Type.Null()]),
  },
  { $id: 'Comparison' },
)

function fileBody(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body))
    throw new AppError('HT_UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body (application/octet-stream, text/csv or the XLSX content type)')
  return request.body
}

/** The population base registry's API: lookup, search, profile, history, verification, import, events, comparison, statistics. */
export const populationRoutes: FastifyPluginAsyncTypebox<{
  population: PopulationService
  imports: PopulationImports
  comparisons: PopulationComparisons
}> = async (app, { population, imports, comparisons }) => {
  app.get(
    '/population/binding',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['population'],
        summary: 'The catalog entry the population registry serves (人口库对应的目录)',
        response: { 200: Type.Object({ code: Type.Union([Type.String(), Type.Null()]) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ code: await population.coreCode().catch(() => null) }),
  )

  app.put(
    '/population/binding',
    {
      config: { access: ['dataoffice'] },
      schema: {
        tags: ['population'],
        summary: 'Bind the registry to the published catalog entry it serves (关联人口库目录)',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ registry: Type.String(), code: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => population.bind(principalOf(request), request.body.code, metaOf(request)),
  )

  app.get(
    '/population/persons/:residentId',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Look a person up by resident ID, through the gate (按身份证号码查询)',
        description:
          'Granted items only, masked as granted, audited. `asOf` reads the record as the registry held it at the end of that day. State the purpose in the X-Huitong-Purpose header (URL-encoded).',
        params: ResidentIdParam,
        querystring: Type.Object({ asOf: Type.Optional(Day) }, { additionalProperties: false }),
        response: { 200: RecordSchema, ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const purpose = statedPurpose(request)
      return population.lookup(principalOf(request), request.params.residentId, metaOf(request), {
        ...(request.query.asOf === undefined ? {} : { asOf: request.query.asOf }),
        ...(purpose === undefined ? {} : { purpose }),
      })
    },
  )

  app.get(
    '/population/persons',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Search persons by name and date of birth, through the gate (按姓名和出生日期查询)',
        querystring: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 50 }), birthDate: Type.Optional(Day), ...PagingQuery },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(RecordSchema), ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) =>
      population.search(
        principalOf(request),
        {
          name: request.query.name,
          ...(request.query.birthDate === undefined ? {} : { birthDate: request.query.birthDate }),
          limit: request.query.limit ?? 50,
          offset: request.query.offset ?? 0,
        },
        metaOf(request),
      ),
  )

  app.get(
    '/population/persons/:residentId/profile',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Person profile: the core and the granted attachments (一人一档)',
        description: 'Every attachment read passes the gate and is audited; attachments without a grant are listed by name only (granted: false).',
        params: ResidentIdParam,
        response: {
          200: Type.Object({
            residentId: Type.String(),
            person: RecordSchema,
            attachments: Type.Array(AttachmentSchema),
          }),
          ...ERROR_RESPONSES,
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request) => population.profile(principalOf(request), request.params.residentId, metaOf(request)),
  )

  app.get(
    '/population/persons/:residentId/history',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'A person’s change history, newest first, through the gate (变更历史)',
        params: ResidentIdParam,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => ({ items: await population.history(principalOf(request), request.params.residentId, metaOf(request)) }),
  )

  app.post(
    '/population/verify',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Verify records against the registry without seeing it (身份核验)',
        description:
          'Per record: whether the ID is valid (or why not, and its normalised 18-character form), whether the registry knows it, per submitted field match / mismatch / absent, and status flags when the caller may see the status item. Names compare ignoring width, spaces, middle-dot variants and traditional/simplified characters.',
        body: Type.Object({ records: Type.Array(VerifyRecord, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ results: Type.Array(VerifyOutcomeSchema) }), ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => ({ results: await population.verify(principalOf(request), request.body.records, metaOf(request)) }),
  )

  app.post(
    '/population/events',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['population'],
        summary: 'Apply deaths, moves out of the city, cancellations and restorations (死亡、迁出、注销事件)',
        description: 'All or nothing; each event lands in the person’s history with its effective date. Only the registry’s provider department.',
        body: Type.Object(
          {
            events: Type.Array(
              Type.Object(
                {
                  residentId: Type.String({ maxLength: 40 }),
                  type: Type.Enum(['death', 'move-out', 'cancel', 'restore']),
                  date: Type.String({ maxLength: 10 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 10_000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), fromSeq: Type.Integer(), toSeq: Type.Integer() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => population.applyEvents(principalOf(request), request.body.events, metaOf(request)),
  )

  app.post(
    '/population/imports',
    {
      config: { access: ['steward'] },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['population'],
        summary: 'Import persons from CSV (UTF-8 / GBK / GB18030, detected) or XLSX, as a job (导入人口数据)',
        description:
          'Columns by key or Chinese header (公民身份号码, 姓名, 性别, 民族, 出生日期, 户籍地行政区划, 户籍地址; optional 曾用名, 居住地址, 人员状态, 死亡日期, 迁出日期). Upsert by resident ID; the same file again changes nothing. Rejected rows are listed at /population/imports/{jobId}/rejections. Follow the job at /jobs/{id}.',
        querystring: FileNameQuery,
        response: { 202: JobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toJobView(await imports.upload(principalOf(request), fileBody(request), request.query.fileName ?? 'import.csv', metaOf(request)))),
  )

  app.get(
    '/population/imports/:id/rejections',
    {
      config: { access: ['steward'] },
      schema: { tags: ['population'], summary: 'Download an import’s rejected rows with reasons (下载被拒绝的行)', params: IdParam, querystring: FormatQuery },
    },
    async (request, reply) => sendTableFile(reply, await imports.rejections(principalOf(request), request.params.id, request.query.format ?? 'csv')),
  )

  app.post(
    '/population/comparisons/preview',
    {
      config: { access: [...READERS] },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['population'],
        summary: 'Upload a file to compare and see its columns (上传比对文件)',
        querystring: FileNameQuery,
        response: {
          200: Type.Object({
            uploadId: Type.String(),
            fileName: Type.String(),
            format: Type.Enum(['csv', 'xlsx']),
            encoding: Type.Union([Type.String(), Type.Null()]),
            headers: Type.Array(Type.String()),
            sample: Type.Array(Type.Array(Type.String())),
            suggested: Type.Object({
              residentId: Type.Optional(Type.String()),
              name: Type.Optional(Type.String()),
              gender: Type.Optional(Type.String()),
              birthDate: Type.Optional(Type.String()),
            }),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => comparisons.preview(principalOf(request), fileBody(request), request.query.fileName ?? 'comparison.csv'),
  )

  app.post(
    '/population/comparisons',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Compare an uploaded file against the registry, as a job (批量比对)',
        description: 'Needs a verify grant covering the mapped items. Follow the job at /jobs/{id}; the report at /population/comparisons/{id}.',
        body: Type.Object(
          {
            uploadId: Type.String({ minLength: 1, maxLength: 64 }),
            fileName: Type.String({ minLength: 1, maxLength: 200 }),
            mapping: Mapping,
            deceasedBefore: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
        response: { 202: JobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.status(202).send(toJobView(await comparisons.start(principalOf(request), request.body, metaOf(request)))),
  )

  app.get(
    '/population/comparisons',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'Your department’s comparisons, newest first (本部门比对记录)',
        querystring: Type.Object(PagingQuery, { additionalProperties: false }),
        response: { 200: PageOf(ComparisonSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => comparisons.list(principalOf(request), request.query.limit ?? 50, request.query.offset ?? 0),
  )

  app.get(
    '/population/comparisons/:id',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'A comparison’s status and counts (比对结果)',
        params: IdParam,
        response: { 200: ComparisonSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => comparisons.get(principalOf(request), request.params.id),
  )

  app.get(
    '/population/comparisons/:id/rows',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['population'],
        summary: 'The rows of a comparison that are not ok, by outcome (比对问题明细)',
        params: IdParam,
        querystring: Type.Object({ outcome: Type.Optional(ProblemOutcome), ...PagingQuery }, { additionalProperties: false }),
        response: {
          200: PageOf(
            Type.Object(
              {
                row: Type.Integer({ description: 'the row number in the file; the header is row 1' }),
                residentId: Type.String(),
                name: Type.String(),
                outcome: ProblemOutcome,
                detail: Type.String(),
              },
              { $id: 'ComparisonRow' },
            ),
          ),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => comparisons.rows(principalOf(request), request.params.id, request.query.outcome, request.query.limit ?? 50, request.query.offset ?? 0),
  )

  app.get(
    '/population/comparisons/:id/report',
    {
      config: { access: [...READERS] },
      schema: { tags: ['population'], summary: 'Download a comparison’s full report (下载比对报告)', params: IdParam, querystring: FormatQuery },
    },
    async (request, reply) => sendTableFile(reply, await comparisons.report(principalOf(request), request.params.id, request.query.format ?? 'csv')),
  )

  app.get(
    '/population/statistics',
    {
      config: { access: ['consumer', 'steward', 'dataoffice'] },
      schema: {
        tags: ['population'],
        summary: 'Population statistics: districts, age pyramid, gender, ethnic groups, status (人口统计)',
        description: 'Aggregates only, no person’s data.',
        response: {
          200: Type.Object({
            total: Type.Integer(),
            living: Type.Integer(),
            byDistrict: Type.Array(Type.Object({ division: Type.String(), name: Type.String(), count: Type.Integer() })),
            byGender: Type.Array(Type.Object({ gender: Type.String(), count: Type.Integer() })),
            byStatus: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
            byEthnicGroup: Type.Array(Type.Object({ ethnicGroup: Type.String(), count: Type.Integer() })),
            pyramid: Type.Array(Type.Object({ group: Type.String(), male: Type.Integer(), female: Type.Integer() })),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async () => population.statistics(),
  )
}

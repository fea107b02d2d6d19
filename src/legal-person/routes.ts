import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../platform/errors.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { sendTableFile, statedPurpose } from '../platform/http/replies.js'
import { ERROR_RESPONSES, PageOf, PagingQuery } from '../platform/http/schemas.js'
import { JobSchema, toJobView } from '../platform/jobs/schemas.js'
import { AttachmentSchema, RecordValue } from '../exchange/gate/schemas.js'
import type { LegalPersonImports } from './imports.js'
import type { EntityEvent } from './model.js'
import type { LegalPersonService } from './service.js'

const READERS = ['consumer', 'steward'] as const
const RecordSchema = Type.Record(Type.String(), RecordValue, { description: 'An entity: granted items only, masked where granted masked' })
const CodeParam = Type.Object({
  creditCode: Type.String({
    minLength: 1,
    maxLength: 40,
    description: '18-character unified social credit code; a 15-digit registration number or 9-character organisation code is resolved where known',
  }),
})
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
const Verdict = Type.Enum(['match', 'mismatch', 'absent'])
const HistorySchema = Type.Object(
  {
    seq: Type.Integer(),
    event: Type.Enum(['create', 'update', 'rename', 'representative', 'status'] satisfies Array<EntityEvent | 'create'>),
    effectiveDate: Type.String(),
    at: Type.String(),
    changedBy: Type.String(),
    source: Type.String(),
    changes: Type.Array(
      Type.Object({ item: Type.String(), before: Type.Union([Type.String(), Type.Null()]), after: Type.Union([Type.String(), Type.Null()]) }),
    ),
  },
  { $id: 'EntityHistoryEntry' },
)

/** The legal-person base registry's API: lookup, name search, profile, change history, verification, import, statistics. */
export const legalPersonRoutes: FastifyPluginAsyncTypebox<{ legalPerson: LegalPersonService; imports: LegalPersonImports }> = async (
  app,
  { legalPerson, imports },
) => {
  app.get(
    '/legal-persons/binding',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['legal-persons'],
        summary: 'The catalog entry the legal-person registry serves (法人库对应的目录)',
        response: { 200: Type.Object({ code: Type.Union([Type.String(), Type.Null()]) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ code: await legalPerson.registry.boundCode() }),
  )

  app.put(
    '/legal-persons/binding',
    {
      config: { access: ['dataoffice'] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Bind the registry to the published catalog entry it serves (关联法人库目录)',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ registry: Type.String(), code: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => legalPerson.registry.bind(principalOf(request), request.body.code, metaOf(request)),
  )

  app.get(
    '/legal-persons/statistics',
    {
      config: { access: ['consumer', 'steward', 'dataoffice'] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Legal-person statistics: industry, status, district, establishment trend (法人统计)',
        description: 'Aggregates only.',
        response: {
          200: Type.Object({
            total: Type.Integer(),
            byIndustry: Type.Array(Type.Object({ section: Type.String(), name: Type.String(), count: Type.Integer() })),
            byStatus: Type.Array(Type.Object({ status: Type.String(), name: Type.String(), count: Type.Integer() })),
            byDistrict: Type.Array(Type.Object({ division: Type.String(), name: Type.String(), count: Type.Integer() })),
            byYear: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
            bySource: Type.Array(Type.Object({ source: Type.String(), count: Type.Integer() })),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async () => legalPerson.statistics(),
  )

  app.get(
    '/legal-persons',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Search entities by name: substring, words in any order, pinyin or initials, credit-code prefix; ranked (名称检索)',
        description:
          'Best first; `total` counts the matches up to 10 000, and pages end there. Former names are searched only for a caller granted `former_name` in clear. ' +
          'While the node is still building its name index after a start, the answer is `503` with a `Retry-After` header.',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }), ...PagingQuery }, { additionalProperties: false }),
        response: { 200: PageOf(RecordSchema), ...ERROR_RESPONSES, 429: Type.Ref('Problem'), 503: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      try {
        return await legalPerson.search(
          principalOf(request),
          { q: request.query.q, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 },
          metaOf(request),
        )
      } catch (error) {
        if (error instanceof AppError && typeof error.extra.retryAfter === 'number') void reply.header('retry-after', String(error.extra.retryAfter))
        throw error
      }
    },
  )

  app.get(
    '/legal-persons/:creditCode',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Look an entity up by credit code, through the gate (按统一社会信用代码查询)',
        description: 'Granted items only, masked as granted, audited. `asOf` reads the entity as the registry held it at the end of that day.',
        params: CodeParam,
        querystring: Type.Object({ asOf: Type.Optional(Day) }, { additionalProperties: false }),
        response: { 200: RecordSchema, ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const purpose = statedPurpose(request)
      return legalPerson.lookup(principalOf(request), request.params.creditCode, metaOf(request), {
        ...(request.query.asOf === undefined ? {} : { asOf: request.query.asOf }),
        ...(purpose === undefined ? {} : { purpose }),
      })
    },
  )

  app.get(
    '/legal-persons/:creditCode/profile',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Entity profile: the core and the granted attachments (一企一档)',
        params: CodeParam,
        response: {
          200: Type.Object({
            creditCode: Type.String(),
            entity: RecordSchema,
            attachments: Type.Array(AttachmentSchema),
          }),
          ...ERROR_RESPONSES,
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request) => legalPerson.profile(principalOf(request), request.params.creditCode, metaOf(request)),
  )

  app.get(
    '/legal-persons/:creditCode/history',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['legal-persons'],
        summary: 'An entity’s change record, newest first, through the gate (变更记录)',
        params: CodeParam,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => ({ items: await legalPerson.history(principalOf(request), request.params.creditCode, metaOf(request)) }),
  )

  app.post(
    '/legal-persons/verify',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Verify entities against the registry without seeing it (主体核验)',
        description:
          'Per record: whether the credit code is valid (or why not), whether the registry knows it, and per submitted field match / mismatch / absent; status flags when the caller may see the status item.',
        body: Type.Object(
          {
            records: Type.Array(
              Type.Object(
                {
                  creditCode: Type.String({ maxLength: 40 }),
                  name: Type.Optional(Type.String({ maxLength: 200 })),
                  legalRepresentative: Type.Optional(Type.String({ maxLength: 50 })),
                  representativeId: Type.Optional(Type.String({ maxLength: 40 })),
                  establishedOn: Type.Optional(Type.String({ maxLength: 20 })),
                  domicile: Type.Optional(Type.String({ maxLength: 200 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 1000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object(
                {
                  creditCode: Type.String(),
                  validity: Type.Enum(['valid', 'empty', 'length', 'characters', 'check', 'organisation-check', 'authority']),
                  message: Type.Optional(Type.String()),
                  normalisedCode: Type.Optional(Type.String({ description: 'the code in its normal form, when it differs from what was submitted' })),
                  found: Type.Boolean(),
                  fields: Type.Record(Type.String(), Verdict),
                  flags: Type.Optional(
                    Type.Object(
                      { active: Type.Boolean(), revoked: Type.Boolean(), deregistered: Type.Boolean(), movedOut: Type.Boolean() },
                      { description: 'only when the caller may read the status item' },
                    ),
                  ),
                },
                { $id: 'EntityVerifyOutcome' },
              ),
            ),
          }),
          ...ERROR_RESPONSES,
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request) => ({ results: await legalPerson.verify(principalOf(request), request.body.records, metaOf(request)) }),
  )

  app.post(
    '/legal-persons/imports',
    {
      config: { access: ['steward'] },
      bodyLimit: 1024 * 1024 * 1024,
      schema: {
        tags: ['legal-persons'],
        summary: 'Import entities from CSV (UTF-8 / GBK / GB18030, detected) or XLSX, as a job (导入法人数据)',
        description:
          'Columns by key or Chinese header. Upsert by credit code; each change becomes a change-record entry and reaches subscribers through the change feed. Rejected rows at /legal-persons/imports/{jobId}/rejections.',
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: { 202: JobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError('HT_UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body (application/octet-stream, text/csv or the XLSX content type)')
      return reply
        .status(202)
        .send(toJobView(await imports.upload(principalOf(request), request.body, request.query.fileName ?? 'entities.csv', metaOf(request))))
    },
  )

  app.get(
    '/legal-persons/imports/:id/rejections',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['legal-persons'],
        summary: 'Download an import’s rejected rows with reasons (下载被拒绝的行)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ format: Type.Optional(Type.Enum(['csv', 'xlsx'], { default: 'csv' })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => sendTableFile(reply, await imports.rejections(principalOf(request), request.params.id, request.query.format ?? 'csv')),
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CodeParam, codeOf } from '../../catalog/code-param.js'
import { AppError } from '../../platform/errors.js'
import { metaOf, principalOf } from '../../platform/http/access.js'
import { statedPurpose } from '../../platform/http/replies.js'
import { ERROR_RESPONSES, PageOf } from '../../platform/http/schemas.js'
import { CHANGE_PAGE_TYPE, changePageJson } from './change-page-json.js'
import type { AccessGate } from './gate.js'
import type { RecordFilter } from './provider.js'
import { ChangesSchema, RecordSchema } from './schemas.js'

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}
const READERS = ['consumer', 'steward'] as const

/** `filter.<item>=value` query parameters, `*` at the end for a prefix. */
function filtersOf(query: Record<string, unknown>): RecordFilter[] {
  return Object.entries(query)
    .filter(([name]) => name.startsWith('filter.'))
    .map(([name, value]) => ({ key: name.slice('filter.'.length), value: String(value) }))
}

/** Reads of any published resource through the gate: lookup, query, verify, changes. */
export const gateRoutes: FastifyPluginAsyncTypebox<{ gate: AccessGate }> = async (app, { gate }) => {
  // Reading through the gate

  app.get(
    '/exchange/resources/:code/records/:key',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Look a record up by its key (按键查询); composite keys joined by |',
        description:
          'Through the access gate: granted items only, masked where granted masked, audited. State the purpose of this read in the X-Huitong-Purpose header (URL-encoded).',
        params: Type.Object({ ...CodeParam.properties, key: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: RecordSchema, ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => gate.lookup(principalOf(request), codeOf(request.params.code), request.params.key, metaOf(request), statedPurpose(request)),
  )

  app.get(
    '/exchange/resources/:code/records',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Query records: filter.<item>=value (value* for a prefix), sort, paging (条件查询)',
        params: CodeParam,
        querystring: Type.Object(
          { sort: Type.Optional(Type.String({ pattern: '^-?[a-z][a-z0-9_]*$', description: 'item key, - for descending' })), ...Paging },
          { additionalProperties: Type.String({ maxLength: 200 }), patternProperties: { '^filter\\.[a-z][a-z0-9_]*$': Type.String({ maxLength: 200 }) } },
        ),
        response: { 200: PageOf(RecordSchema), ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const query = request.query as Record<string, unknown> & { sort?: string; limit?: number; offset?: number }
      const unknown = Object.keys(query).filter((name) => !['sort', 'limit', 'offset'].includes(name) && !name.startsWith('filter.'))
      if (unknown.length > 0)
        throw new AppError(
          'HT_VALIDATION',
          `Unknown query parameter ${unknown[0]}`,
          unknown.map((name) => ({ field: `querystring:/${name}`, message: 'unknown parameter' })),
        )
      const sort =
        query.sort === undefined
          ? undefined
          : { key: query.sort.replace(/^-/, ''), direction: query.sort.startsWith('-') ? ('desc' as const) : ('asc' as const) }
      return gate.query(
        principalOf(request),
        codeOf((request.params as { code: string }).code),
        { filters: filtersOf(query), ...(sort === undefined ? {} : { sort }), limit: query.limit ?? 50, offset: query.offset ?? 0 },
        metaOf(request),
      )
    },
  )

  app.post(
    '/exchange/resources/:code/verify',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Verify submitted values against a record without seeing it (核验)',
        params: CodeParam,
        body: Type.Object(
          { key: Type.String({ minLength: 1, maxLength: 500 }), fields: Type.Record(Type.String(), Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ found: Type.Boolean(), fields: Type.Record(Type.String(), Type.Enum(['match', 'mismatch', 'absent'])) }),
          ...ERROR_RESPONSES,
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request) => gate.verify(principalOf(request), codeOf(request.params.code), request.body.key, request.body.fields, metaOf(request)),
  )

  app.get(
    '/exchange/resources/:code/changes',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Changes after a sequence number; deletions as tombstones (变更订阅)',
        params: CodeParam,
        querystring: Type.Object(
          {
            after: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ChangesSchema, ...ERROR_RESPONSES, 429: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const page = await gate.changes(principalOf(request), codeOf(request.params.code), request.query.after ?? 0, request.query.limit ?? 1000, metaOf(request))
      return reply.type(CHANGE_PAGE_TYPE).send(changePageJson(page))
    },
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../platform/errors.js'
import { metaOf, principalOf } from '../../platform/http/access.js'
import { statedPurpose } from '../../platform/http/replies.js'
import { ERROR_RESPONSES, PageOf } from '../../platform/http/schemas.js'
import { CHANGE_PAGE_TYPE, changePageJson } from '../gate/change-page-json.js'
import type { DatasetService } from '../datasets/service.js'
import type { RecordFilter } from '../datasets/repository.js'
import type { AccessGate } from '../gate/gate.js'
import {
  ApproveBody,
  BatchBody,
  BatchResultSchema,
  ChangeSchema,
  ChangesSchema,
  GrantSchema,
  ReasonBody,
  RecordSchema,
  RequestBody,
  SharingRequestSchema,
} from './schemas.js'
import type { SharingService } from './service.js'
import { CodeParam, codeOf } from '../../catalog/code-param.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}
const READERS = ['consumer', 'steward'] as const
const CONFLICT = { 409: Type.Ref('Problem') }

/** `filter.<item>=value` query parameters, `*` at the end for a prefix. */
function filtersOf(query: Record<string, unknown>): RecordFilter[] {
  return Object.entries(query)
    .filter(([name]) => name.startsWith('filter.'))
    .map(([name, value]) => ({ key: name.slice('filter.'.length), value: String(value) }))
}

/** Sharing requests and grants, reads through the gate, and hosted datasets. */
export const exchangeRoutes: FastifyPluginAsyncTypebox<{ sharing: SharingService; gate: AccessGate; datasets: DatasetService }> = async (
  app,
  { sharing, gate, datasets },
) => {
  // Sharing requests (共享申请)

  app.post(
    '/exchange/requests',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Request access to a resource for my department (申请共享)',
        description: 'Unconditionally shared items are granted at once; conditional ones wait for the provider, who answers within 10 working days.',
        body: RequestBody,
        response: { 201: SharingRequestSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sharing.request(principalOf(request), { ...request.body, resource: codeOf(request.body.resource) }, metaOf(request))),
  )

  app.get(
    '/exchange/requests',
    {
      config: { access: [...READERS, 'dataoffice'] },
      schema: {
        tags: ['exchange'],
        summary: 'Sharing requests: made by my department, received by it, or all (data office)',
        querystring: Type.Object(
          {
            direction: Type.Optional(Type.Enum(['incoming', 'outgoing', 'all'], { default: 'outgoing' })),
            status: Type.Optional(Type.Enum(['pending', 'approved', 'refused', 'cancelled'])),
            overdue: Type.Optional(Type.Boolean()),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(SharingRequestSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { direction = 'outgoing', limit = 50, offset = 0, ...rest } = request.query
      return sharing.list(principalOf(request), { direction, limit, offset, ...rest })
    },
  )

  app.get(
    '/exchange/requests/:id',
    {
      config: { access: [...READERS, 'dataoffice'] },
      schema: { tags: ['exchange'], summary: 'One sharing request', params: IdParam, response: { 200: SharingRequestSchema, ...ERROR_RESPONSES } },
    },
    async (request) => sharing.get(principalOf(request), request.params.id),
  )

  app.post(
    '/exchange/requests/:id/approve',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Approve, possibly narrowing items, operations or period (同意)',
        params: IdParam,
        body: ApproveBody,
        response: { 200: SharingRequestSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => sharing.approve(principalOf(request), request.params.id, request.body, metaOf(request)),
  )

  app.post(
    '/exchange/requests/:id/refuse',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Refuse with a reason (不同意)',
        params: IdParam,
        body: ReasonBody,
        response: { 200: SharingRequestSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => sharing.refuse(principalOf(request), request.params.id, request.body.reason, metaOf(request)),
  )

  app.post(
    '/exchange/requests/:id/cancel',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Withdraw my department’s pending request (撤回申请)',
        params: IdParam,
        response: { 200: SharingRequestSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => sharing.cancel(principalOf(request), request.params.id, metaOf(request)),
  )

  // Grants (授权)

  app.get(
    '/exchange/grants',
    {
      config: { access: [...READERS, 'dataoffice'] },
      schema: {
        tags: ['exchange'],
        summary: 'Grants: to my department (incoming), given by it (outgoing), or all (data office)',
        querystring: Type.Object(
          {
            direction: Type.Optional(Type.Enum(['incoming', 'outgoing', 'all'], { default: 'incoming' })),
            status: Type.Optional(Type.Enum(['active', 'revoked'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(GrantSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => sharing.listGrants(principalOf(request), request.query.direction ?? 'incoming', request.query.status),
  )

  app.get(
    '/exchange/grants/:id',
    {
      config: { access: [...READERS, 'dataoffice'] },
      schema: { tags: ['exchange'], summary: 'One grant', params: IdParam, response: { 200: GrantSchema, ...ERROR_RESPONSES } },
    },
    async (request) => sharing.getGrant(principalOf(request), request.params.id),
  )

  app.post(
    '/exchange/grants/:id/revoke',
    {
      config: { access: ['steward', 'dataoffice'] },
      schema: {
        tags: ['exchange'],
        summary: 'Revoke a grant; reads stop (撤销授权)',
        params: IdParam,
        body: ReasonBody,
        response: { 200: GrantSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => sharing.revoke(principalOf(request), request.params.id, request.body.reason, metaOf(request)),
  )

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

  // Hosted datasets: the provider publishes records (托管数据集)

  app.post(
    '/exchange/datasets/:code/batches',
    {
      config: { access: ['steward'] },
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: ['exchange'],
        summary: 'Publish a batch of upserts and deletes, atomically and idempotently (发布数据)',
        description:
          'Every record is validated against the resource’s items; any bad row refuses the whole batch, listing every bad row and field. Sending a batch id again returns its first result.',
        params: CodeParam,
        body: BatchBody,
        response: { 200: BatchResultSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) =>
      datasets.publish(
        principalOf(request),
        codeOf(request.params.code),
        { batchId: request.body.batchId, upserts: request.body.upserts ?? [], deletes: request.body.deletes ?? [] },
        metaOf(request),
      ),
  )

  app.get(
    '/exchange/datasets/:code',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'My department’s dataset: record count and last change (数据集概况)',
        params: CodeParam,
        response: {
          200: Type.Object({
            code: Type.String(),
            name: Type.String(),
            keyItems: Type.Array(Type.String()),
            lastSeq: Type.Integer(),
            recordCount: Type.Integer(),
            updatedAt: Type.Union([Type.String(), Type.Null()]),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => datasets.summary(principalOf(request), codeOf(request.params.code)),
  )

  app.get(
    '/exchange/datasets/:code/records/:key/history',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'A record’s history, newest first (历史记录)',
        params: Type.Object({ ...CodeParam.properties, key: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Array(ChangeSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => datasets.history(principalOf(request), codeOf(request.params.code), request.params.key),
  )
}

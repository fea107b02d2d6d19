import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { codeOf } from '../../catalog/code-param.js'
import { metaOf, principalOf } from '../../platform/http/access.js'
import { ERROR_RESPONSES, PageOf } from '../../platform/http/schemas.js'
import type { ObjectionService } from './objections.js'
import { ApproveBody, ExchangeStatsSchema, GrantSchema, ReasonBody, RequestBody, SharingRequestSchema } from './schemas.js'
import type { SharingService } from './service.js'
import type { SharingStatistics } from './statistics.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}
const READERS = ['consumer', 'steward'] as const
const CONFLICT = { 409: Type.Ref('Problem') }

const ObjectionSchema = Type.Object(
  {
    id: Type.String(),
    resourceCode: Type.String(),
    resourceName: Type.String(),
    provider: Type.Object({ code: Type.String(), name: Type.String() }),
    consumer: Type.Object({ code: Type.String(), name: Type.String() }),
    recordKey: Type.String(),
    note: Type.String(),
    raisedBy: Type.String(),
    status: Type.Enum(['open', 'answered']),
    answer: Type.Union([Type.String(), Type.Null()]),
    answeredBy: Type.Union([Type.String(), Type.Null()]),
    answeredAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  },
  { $id: 'Objection' },
)

/** Sharing requests, grants, data objections and the exchange's statistics. */
export const sharingRoutes: FastifyPluginAsyncTypebox<{
  sharing: SharingService
  objections: ObjectionService
  statistics: SharingStatistics
}> = async (app, { sharing, objections, statistics }) => {
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

  // Data objections (数据异议)

  app.post(
    '/exchange/objections',
    {
      config: { access: ['consumer', 'steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Flag a record as wrong (提出数据异议)',
        body: Type.Object(
          {
            resource: Type.String({ minLength: 1, maxLength: 20 }),
            recordKey: Type.String({ minLength: 1, maxLength: 500 }),
            note: Type.String({ minLength: 2, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ObjectionSchema, ...ERROR_RESPONSES, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await objections.raise(principalOf(request), codeOf(request.body.resource), request.body.recordKey, request.body.note, metaOf(request))),
  )

  app.get(
    '/exchange/objections',
    {
      config: { access: ['consumer', 'steward', 'dataoffice'] },
      schema: {
        tags: ['exchange'],
        summary: 'Objections my department raised (outgoing), received (incoming), or all (data office)',
        querystring: Type.Object(
          {
            direction: Type.Optional(Type.Enum(['incoming', 'outgoing', 'all'], { default: 'outgoing' })),
            status: Type.Optional(Type.Enum(['open', 'answered'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ObjectionSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => objections.list(principalOf(request), request.query.direction ?? 'outgoing', request.query.status),
  )

  app.post(
    '/exchange/objections/:id/answer',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Answer an objection (答复异议)',
        params: IdParam,
        body: Type.Object({ answer: Type.String({ minLength: 2, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: ObjectionSchema, ...ERROR_RESPONSES, 409: Type.Ref('Problem') },
      },
    },
    async (request) => objections.answer(principalOf(request), request.params.id, request.body.answer, metaOf(request)),
  )

  app.get(
    '/exchange/stats',
    {
      config: { access: ['dataoffice', 'steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Requests, approval time in working days, grants, reads, records delivered, sharing rate (共享统计)',
        response: { 200: ExchangeStatsSchema, ...ERROR_RESPONSES },
      },
    },
    async () => statistics.figures(),
  )
}

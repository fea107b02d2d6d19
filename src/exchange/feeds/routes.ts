import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { metaOf, principalOf } from '../../platform/http/access.js'
import { ERROR_RESPONSES, PageOf, PagingQuery } from '../../platform/http/schemas.js'
import { CHANGE_PAGE_TYPE, changePageJson } from '../gate/change-page-json.js'
import { ChangesSchema } from '../gate/schemas.js'
import type { SubscriptionService } from './service.js'

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })
const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })
const Status = Type.Enum(['active', 'paused', 'cancelled'])
const READERS = ['consumer', 'steward'] as const
const CONFLICT = { 409: Type.Ref('Problem') }
const Seq = (description: string) => Type.Integer({ minimum: 0, description })

export const SubscriptionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  resourceCode: Type.String(),
  resourceName: Type.String(),
  provider: DepartmentRef,
  consumer: DepartmentRef,
  grantId: Type.String(),
  direction: Type.Enum(['incoming', 'outgoing'], { description: 'outgoing: my department subscribed; incoming: a subscription to my department’s resource' }),
  cursor: Seq('pull cursor: the last sequence number acknowledged'),
  webhookUrl: Type.Union([Type.String(), Type.Null()]),
  webhookCursor: Seq('the last sequence number a webhook receiver answered 2xx for'),
  status: Status,
  consecutiveFailures: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const WebhookDeliverySchema = Type.Object({
  id: Type.String(),
  fromSeq: Type.Integer(),
  toSeq: Type.Integer(),
  changes: Type.Integer(),
  attempt: Type.Integer(),
  status: Type.Enum(['delivered', 'failed']),
  httpStatus: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
  at: Type.String(),
})

export const CreateSubscriptionBody = Type.Object(
  {
    resource: Type.String({ pattern: '^\\d{3,10}[-/]\\d{6}$', description: 'catalog code, e.g. 202/000001' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    webhookUrl: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) address that receives the changes; none to pull only' }), Type.Null()]),
    ),
    from: Type.Optional(Type.Enum(['start', 'now'], { default: 'start', description: 'start: every change since the first; now: only changes from now on' })),
  },
  { additionalProperties: false },
)

/** Change-feed subscriptions with a cursor, and their webhook deliveries (变更订阅). */
export const feedRoutes: FastifyPluginAsyncTypebox<{ subscriptions: SubscriptionService }> = async (app, { subscriptions }) => {
  app.post(
    '/exchange/subscriptions',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Subscribe my department to a resource’s changes (订阅变更)',
        description:
          'Needs a grant with the subscribe operation. With a webhookUrl, changes are pushed signed with HMAC-SM3; the secret is in this response only and is never shown again. A loopback, private, link-local or metadata address, or a name resolving to one, is refused (422 HT_WEBHOOK_TARGET_REFUSED) unless the operator allows it (HUITONG_WEBHOOK_ALLOW). See docs/webhooks.md.',
        body: CreateSubscriptionBody,
        response: {
          201: Type.Object({ subscription: SubscriptionSchema, secret: Type.Union([Type.String(), Type.Null()]) }),
          ...ERROR_RESPONSES,
          ...CONFLICT,
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { resource, ...rest } = request.body
      return reply.status(201).send(await subscriptions.create(principalOf(request), { ...rest, resource: resource.replace('-', '/') }, metaOf(request)))
    },
  )

  app.get(
    '/exchange/subscriptions',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'My department’s subscriptions, and for stewards those to its resources (订阅列表)',
        querystring: Type.Object({ status: Type.Optional(Status) }, { additionalProperties: false }),
        response: { 200: Type.Array(SubscriptionSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => subscriptions.list(principalOf(request), request.query),
  )

  app.get(
    '/exchange/subscriptions/:id',
    {
      config: { access: [...READERS] },
      schema: { tags: ['exchange'], summary: 'One subscription (订阅详情)', params: IdParam, response: { 200: SubscriptionSchema, ...ERROR_RESPONSES } },
    },
    async (request) => subscriptions.get(principalOf(request), request.params.id),
  )

  app.get(
    '/exchange/subscriptions/:id/changes',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Changes after the acknowledged cursor, or after `after`; deletions as tombstones (拉取变更)',
        description: 'Through the access gate with my department’s grants. Reading does not move the cursor: acknowledge what was processed.',
        params: IdParam,
        querystring: Type.Object(
          {
            after: Type.Optional(Seq('defaults to the acknowledged cursor')),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ChangesSchema, ...ERROR_RESPONSES, ...CONFLICT, 429: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { after, limit = 1000 } = request.query
      const page = await subscriptions.changes(principalOf(request), request.params.id, { ...(after === undefined ? {} : { after }), limit }, metaOf(request))
      return reply.type(CHANGE_PAGE_TYPE).send(changePageJson(page))
    },
  )

  app.post(
    '/exchange/subscriptions/:id/ack',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Acknowledge changes up to a sequence number; the cursor never moves back (确认)',
        params: IdParam,
        body: Type.Object({ seq: Seq('the last change processed') }, { additionalProperties: false }),
        response: { 200: SubscriptionSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => subscriptions.acknowledge(principalOf(request), request.params.id, request.body.seq),
  )

  app.post(
    '/exchange/subscriptions/:id/replay',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Start again from a sequence number, pull and webhook alike; resumes a paused subscription (重放)',
        params: IdParam,
        body: Type.Object({ fromSeq: Type.Integer({ minimum: 1, description: 'the first change to send again' }) }, { additionalProperties: false }),
        response: { 200: SubscriptionSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => subscriptions.replay(principalOf(request), request.params.id, request.body.fromSeq, metaOf(request)),
  )

  app.post(
    '/exchange/subscriptions/:id/pause',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Pause webhook pushes (暂停推送)',
        params: IdParam,
        response: { 200: SubscriptionSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => subscriptions.pause(principalOf(request), request.params.id, metaOf(request)),
  )

  app.post(
    '/exchange/subscriptions/:id/resume',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Resume webhook pushes where they stopped (恢复推送)',
        params: IdParam,
        response: { 200: SubscriptionSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => subscriptions.resume(principalOf(request), request.params.id, metaOf(request)),
  )

  app.delete(
    '/exchange/subscriptions/:id',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Cancel a subscription; its delivery log stays (取消订阅)',
        params: IdParam,
        response: { 200: SubscriptionSchema, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => subscriptions.cancel(principalOf(request), request.params.id, metaOf(request)),
  )

  app.get(
    '/exchange/subscriptions/:id/deliveries',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['exchange'],
        summary: 'Webhook deliveries, newest first; the consumer and the provider both see them (推送记录)',
        params: IdParam,
        querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
        response: { 200: PageOf(WebhookDeliverySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      subscriptions.deliveries(principalOf(request), request.params.id, { limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  )
}

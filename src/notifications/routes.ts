import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES } from '../platform/http/schemas.js'
import type { NotificationService } from './service.js'

const NotificationSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    readAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Notification' },
)

/** The signed-in person's inbox. API clients have none. */
export const notificationRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (app, { notifications }) => {
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: 'My messages, newest first (消息)',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(NotificationSchema), total: Type.Integer(), unread: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      notifications.list(principalOf(request).id, {
        unreadOnly: request.query.unread ?? false,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      }),
  )

  app.post(
    '/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: 'Mark messages read (标记已读)',
        body: Type.Object({ ids: Type.Optional(Type.Array(Type.String(), { maxItems: 500 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ marked: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ marked: await notifications.markRead(principalOf(request).id, request.body.ids ?? 'all') }),
  )
}

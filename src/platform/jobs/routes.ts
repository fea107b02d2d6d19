import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../errors.js'
import { principalOf } from '../http/access.js'
import { ERROR_RESPONSES, PageOf } from '../http/schemas.js'
import type { JobQueue } from './job-queue.js'
import { JobSchema, toJobView } from './schemas.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** The caller's own jobs: list, progress, cancel. Nobody sees another person's jobs. */
export const jobRoutes: FastifyPluginAsyncTypebox<{ jobs: JobQueue }> = async (app, { jobs }) => {
  const own = async (id: string, principalId: string) => {
    const job = await jobs.get(id)
    if (job === undefined || job.createdBy !== principalId) throw new AppError('HT_NOT_FOUND', `No job ${id}`)
    return job
  }

  app.get(
    '/jobs',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: 'My jobs, newest first (我的任务)',
        querystring: Type.Object(
          {
            type: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(JobSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await jobs.list({ createdBy: principalOf(request).id, ...request.query })
      return { items: page.items.map(toJobView), total: page.total }
    },
  )

  app.get(
    '/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['jobs'], summary: 'A job’s status and progress (任务进度)', params: IdParam, response: { 200: JobSchema, ...ERROR_RESPONSES } },
    },
    async (request) => toJobView(await own(request.params.id, principalOf(request).id)),
  )

  app.post(
    '/jobs/:id/cancel',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['jobs'], summary: 'Cancel a queued or running job (取消任务)', params: IdParam, response: { 200: JobSchema, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const job = await own(request.params.id, principalOf(request).id)
      if (!(await jobs.cancel(job.id))) throw new AppError('HT_CONFLICT', `Job ${job.id} has already finished`)
      return toJobView((await jobs.get(job.id)) ?? job)
    },
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { AuditLog } from './audit-log.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES, PageOf } from '../platform/http/schemas.js'
import type { JobQueue } from '../platform/jobs/job-queue.js'
import { JobSchema, toJobView } from '../platform/jobs/schemas.js'
import type { AuditRepository } from './repository.js'
import { AUDIT_VERIFY_JOB } from './verify-job.js'

const AuditRecordSchema = Type.Object(
  {
    seq: Type.Integer(),
    occurredAt: Type.String(),
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    departmentCode: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    target: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.Enum(['success', 'failure', 'denied']),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Unknown({ description: 'what the action concerned, as the action records it' }),
    hash: Type.String(),
  },
  { $id: 'AuditRecord' },
)

const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64, description: 'username or client name' })),
    action: Type.Optional(Type.String({ maxLength: 64, description: 'exact action, or a prefix ending in * (e.g. auth.*)' })),
    department: Type.Optional(Type.String({ maxLength: 32 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ maxLength: 64 })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)

/** The auditor's view of the log: list with filters, and verification of the chain as a job. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ repository: AuditRepository; audit: AuditLog; jobs: JobQueue; onEnqueue: () => void }> = async (
  app,
  { repository, audit, jobs, onEnqueue },
) => {
  app.get(
    '/audit',
    {
      config: { access: ['auditor'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit log with filters and paging (审计日志)',
        querystring: AuditQuery,
        response: { 200: PageOf(AuditRecordSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { from, to, order = 'desc', limit = 50, offset = 0, ...rest } = request.query
      return repository.list({
        ...rest,
        ...(from === undefined ? {} : { from: new Date(from).toISOString() }),
        ...(to === undefined ? {} : { to: new Date(to).toISOString() }),
        order,
        limit,
        offset,
      })
    },
  )

  app.post(
    '/audit/verify',
    {
      config: { access: ['auditor'] },
      schema: { tags: ['audit'], summary: 'Verify the SM3 hash chain, as a job with progress (校验审计链)', response: { 202: JobSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      const job = await jobs.enqueue(AUDIT_VERIFY_JOB, {}, { createdBy: principal.id, departmentId: principal.department.id, maxAttempts: 2 })
      await audit.append({
        actorType: principal.kind,
        actorId: principal.id,
        actorName: principal.name,
        departmentCode: principal.department.code,
        ...metaOf(request),
        action: 'audit.verify',
        target: job.id,
        outcome: 'success',
      })
      onEnqueue()
      return reply.status(202).send(toJobView(job))
    },
  )
}

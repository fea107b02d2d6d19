import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { auditActor } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { AppError } from '../platform/errors.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES } from '../platform/http/schemas.js'
import type { WorkingDayCalendar } from './working-days.js'

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
const DayStatus = Type.Object(
  {
    date: Type.String(),
    working: Type.Boolean(),
    source: Type.Enum(['override', 'schedule', 'weekday'], {
      description: "override: the administrator's; schedule: the State Council's; weekday: Monday to Friday",
    }),
    name: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'CalendarDay' },
)
const OverrideSchema = Type.Object(
  { date: Type.String(), working: Type.Boolean(), note: Type.String(), updatedBy: Type.String(), updatedAt: Type.String() },
  { $id: 'CalendarOverride' },
)

/** The working-day calendar: anyone reads it; the system administrator keeps its overrides. */
export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: WorkingDayCalendar; audit: AuditLog }> = async (app, { calendar, audit }) => {
  app.get(
    '/calendar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: 'Working days between two dates (工作日历)',
        querystring: Type.Object({ from: Day, to: Day }, { additionalProperties: false }),
        response: { 200: Type.Array(DayStatus), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      if (request.query.to < request.query.from)
        throw new AppError('HT_VALIDATION', 'to is before from', [{ field: 'querystring:/to', message: 'before from' }])
      return calendar.range(request.query.from, request.query.to)
    },
  )

  app.get(
    '/calendar/overrides',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: 'Days the administrator has set by hand (日历调整)',
        response: { 200: Type.Array(OverrideSchema), ...ERROR_RESPONSES },
      },
    },
    async () => calendar.listOverrides(),
  )

  app.put(
    '/calendar/overrides/:date',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['platform'],
        summary: 'Set a day as working or not, e.g. from next year’s holiday schedule (设置工作日/节假日)',
        params: Type.Object({ date: Day }),
        body: Type.Object({ working: Type.Boolean(), note: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { date } = request.params
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        throw new AppError('HT_VALIDATION', `${date} is not a date`, [{ field: 'params:/date', message: 'not a date' }])
      const principal = principalOf(request)
      await calendar.setOverride(date, request.body.working, request.body.note, principal.name)
      await audit.append({
        ...auditActor(principal, metaOf(request)),
        action: 'calendar.override.set',
        target: date,
        outcome: 'success',
        detail: { ...request.body },
      })
      return reply.status(204).send(null)
    },
  )

  app.delete(
    '/calendar/overrides/:date',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['platform'],
        summary: 'Remove an override (删除调整)',
        params: Type.Object({ date: Day }),
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!(await calendar.removeOverride(request.params.date))) throw new AppError('HT_NOT_FOUND', `No override for ${request.params.date}`)
      await audit.append({
        ...auditActor(principalOf(request), metaOf(request)),
        action: 'calendar.override.remove',
        target: request.params.date,
        outcome: 'success',
      })
      return reply.status(204).send(null)
    },
  )
}

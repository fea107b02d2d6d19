import fs from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WorkingDayCalendar } from '../platform/calendar/working-days.js'
import type { Db } from '../platform/db/database.js'
import { AppError } from '../platform/errors.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES } from '../platform/http/schemas.js'
import { JobSchema, toJobView } from '../platform/jobs/schemas.js'
import type { DatasetJobs } from './dataset-jobs.js'
import type { ObjectionService } from './objections.js'
import { ExchangeStatsSchema } from './schemas.js'
import { exchangeStatistics } from './statistics.js'
import { CodeParam, codeOf } from '../catalog/code-param.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

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

/** Dataset file uploads and bulk exports as jobs, data objections, and the exchange's statistics. */
export const exchangeMoreRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  calendar: WorkingDayCalendar
  datasetJobs: DatasetJobs
  objections: ObjectionService
}> = async (app, { db, calendar, datasetJobs, objections }) => {
  app.post(
    '/exchange/datasets/:code/uploads',
    {
      config: { access: ['steward'] },
      bodyLimit: 512 * 1024 * 1024,
      schema: {
        tags: ['exchange'],
        summary: 'Upload a CSV (UTF-8, GBK or GB18030, detected) or XLSX file of records, as a job (上传数据文件)',
        description:
          'Columns are headed by item key or item name. Follow the job at /api/v1/jobs/{id}; a rejected file has a downloadable report of every bad row at /api/v1/exchange/files/{jobId}. The same file again changes nothing.',
        params: CodeParam,
        querystring: Type.Object(
          { batchId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), fileName: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 202: JobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError('HT_UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, as text/csv or an XLSX content type')
      const job = await datasetJobs.upload(principalOf(request), codeOf(request.params.code), request.body, request.query)
      return reply.status(202).send(toJobView(job))
    },
  )

  app.post(
    '/exchange/resources/:code/exports',
    {
      config: { access: ['consumer', 'steward'] },
      schema: {
        tags: ['exchange'],
        summary: 'Export granted records to CSV or XLSX, as a job through the gate (批量导出)',
        params: CodeParam,
        body: Type.Object(
          {
            format: Type.Optional(Type.Enum(['csv', 'xlsx'], { default: 'xlsx' })),
            encoding: Type.Optional(Type.Enum(['utf-8', 'gbk'], { default: 'utf-8' })),
            filters: Type.Optional(
              Type.Array(Type.Object({ key: Type.String({ maxLength: 63 }), value: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), {
                maxItems: 20,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 202: JobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const job = await datasetJobs.export(
        principalOf(request),
        codeOf(request.params.code),
        { filters: request.body.filters ?? [], format: request.body.format ?? 'xlsx', encoding: request.body.encoding ?? 'utf-8' },
        metaOf(request),
      )
      return reply.status(202).send(toJobView(job))
    },
  )

  app.get(
    '/exchange/files/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['exchange'], summary: 'Download a job’s file: an export, or an upload’s error report (下载文件)', params: IdParam },
    },
    async (request, reply) => {
      const file = await datasetJobs.file(principalOf(request), request.params.id)
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(fs.createReadStream(file.path))
    },
  )

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
    async () => exchangeStatistics(db, calendar),
  )
}

import fs from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CodeParam, codeOf } from '../../catalog/code-param.js'
import { AppError } from '../../platform/errors.js'
import { metaOf, principalOf } from '../../platform/http/access.js'
import { ERROR_RESPONSES } from '../../platform/http/schemas.js'
import { JobSchema, toJobView } from '../../platform/jobs/schemas.js'
import { ChangeSchema } from '../gate/schemas.js'
import type { DatasetJobs } from './jobs.js'
import { BatchBody, BatchResultSchema } from './schemas.js'
import type { DatasetService } from './service.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const CONFLICT = { 409: Type.Ref('Problem') }

/** Hosted datasets: batches, file uploads and bulk exports as jobs, and the files they leave. */
export const datasetRoutes: FastifyPluginAsyncTypebox<{ datasets: DatasetService; datasetJobs: DatasetJobs }> = async (app, { datasets, datasetJobs }) => {
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
}

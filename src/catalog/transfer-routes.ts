import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../platform/errors.js'
import { CONTENT_TYPES } from '../platform/files/table-file.js'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES } from '../platform/http/schemas.js'
import { FACETS, type Facet } from './search-index.js'
import { SearchQuerySchema } from './schemas.js'
import type { CatalogTransfer } from './transfer.js'

const Format = Type.Optional(Type.Enum(['xlsx', 'csv'], { default: 'xlsx' }))
const Encoding = Type.Optional(Type.Enum(['utf-8', 'gbk'], { default: 'utf-8', description: 'CSV only' }))

function attachment(name: string, format: 'xlsx' | 'csv') {
  const file = `${name}.${format}`
  return `attachment; filename="catalog.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`
}

/** The catalog spreadsheet: template, export and import. */
export const catalogTransferRoutes: FastifyPluginAsyncTypebox<{ transfer: CatalogTransfer }> = async (app, { transfer }) => {
  app.get(
    '/catalog/template',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Download the catalog import template (目录导入模板)',
        description: 'One row per data item, the resource columns repeated; the XLSX has a second sheet explaining each column.',
        querystring: Type.Object({ format: Format }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx'
      const body = await transfer.template(format, principalOf(request))
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment('政务信息资源目录导入模板', format)).send(body)
    },
  )

  app.get(
    '/catalog/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Export published entries matching a search (目录导出)',
        querystring: Type.Object({ ...SearchQuerySchema.properties, format: Format, encoding: Encoding }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { format = 'xlsx', encoding = 'utf-8', q, sort, limit: _limit, offset: _offset, ...rest } = request.query
      const filters: Partial<Record<Facet, readonly string[]>> = {}
      for (const facet of FACETS) if (rest[facet] !== undefined) filters[facet] = rest[facet]
      const body = await transfer.export({ ...(q === undefined ? {} : { q }), ...(sort === undefined ? {} : { sort }), filters }, format, encoding)
      const type = format === 'csv' ? `text/csv; charset=${encoding === 'gbk' ? 'gbk' : 'utf-8'}` : CONTENT_TYPES.xlsx
      return reply.type(type).header('content-disposition', attachment('政务信息资源目录', format)).send(body)
    },
  )

  app.post(
    '/catalog/import',
    {
      config: { access: ['steward'] },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['catalog'],
        summary: 'Import my department’s entries from the catalog spreadsheet, atomically (目录导入)',
        description:
          'Send the XLSX or CSV file (UTF-8, GBK or GB18030) as the request body with Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream. Any bad row refuses the whole file; the problem lists every row and column.',
        querystring: Type.Object(
          { submit: Type.Optional(Type.Boolean({ default: false, description: 'submit the imported drafts for review' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            created: Type.Array(Type.String()),
            updated: Type.Array(Type.String()),
            unchanged: Type.Array(Type.String()),
            submitted: Type.Array(Type.String()),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('HT_UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, as text/csv or an XLSX content type')
      }
      return transfer.import(principalOf(request), request.body, { submit: request.query.submit ?? false }, metaOf(request))
    },
  )
}

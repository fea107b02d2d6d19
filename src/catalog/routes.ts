import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES, PageOf } from '../platform/http/schemas.js'
import type { Facet } from './search-index.js'
import { FACETS } from './search-index.js'
import { CATALOG_META } from './meta.js'
import {
  CatalogMetaSchema,
  DiffSchema,
  ResourceContentSchema,
  ResourceRecordSchema,
  ResourceViewSchema,
  SearchQuerySchema,
  SearchResultSchema,
  StatisticsSchema,
  VersionSchema,
} from './schemas.js'
import type { Principal } from '../platform/auth/principal.js'
import type { RequestMeta } from '../audit/actor.js'
import type { CatalogService, ResourceView } from './service.js'
import { CodeParam, codeOf } from './code-param.js'

const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`

const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false })
const Comment = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false })
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}
const VIEW = { 200: ResourceViewSchema, ...ERROR_RESPONSES, 409: Type.Ref('Problem') }

/** Search, read, register, edit and review catalog entries. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/catalog/resources',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Search published resources with facets (资源目录检索)',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { q, sort, limit = 20, offset = 0, ...rest } = request.query
      const filters: Partial<Record<Facet, readonly string[]>> = {}
      for (const facet of FACETS) {
        const values = rest[facet]
        if (values !== undefined) filters[facet] = values
      }
      return catalog.search({ ...(q === undefined ? {} : { q }), ...(sort === undefined ? {} : { sort }), filters, limit, offset })
    },
  )

  app.get(
    '/catalog/suggest',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Names to suggest while typing (检索提示)',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), department: Type.String() })), ...ERROR_RESPONSES },
      },
    },
    async (request) => catalog.suggest(request.query.q),
  )

  app.get(
    '/catalog/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'My department’s resources in every state (本部门资源)',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['draft', 'submitted', 'returned', 'published', 'retired'])),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(ResourceRecordSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => catalog.listOwn(principalOf(request), { limit: 20, offset: 0, ...request.query }),
  )

  app.get(
    '/catalog/reviews',
    {
      config: { access: ['dataoffice'] },
      schema: {
        tags: ['catalog'],
        summary: 'Entries waiting for the data office’s review (待审核)',
        querystring: Type.Object(Paging, { additionalProperties: false }),
        response: { 200: PageOf(ResourceRecordSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => catalog.reviewQueue({ limit: 20, offset: 0, ...request.query }),
  )

  app.get(
    '/catalog/meta',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'The catalog’s code lists with Chinese and English names (代码表)',
        response: { 200: CatalogMetaSchema, ...ERROR_RESPONSES },
      },
    },
    async () => CATALOG_META,
  )

  app.get(
    '/catalog/stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Counts by department, status, classification, share type, openness (目录统计)',
        response: { 200: StatisticsSchema, ...ERROR_RESPONSES },
      },
    },
    async () => catalog.statistics(),
  )

  app.get(
    '/catalog/dcat.jsonld',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'The published catalog as DCAT-AP JSON-LD (DCAT-AP 导出)',
        description: 'One dcat:Catalog with one dcat:Dataset per published resource; the @context is inline.',
      },
    },
    async (request, reply) => reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(await catalog.dcat(baseUrl(request)))),
  )

  app.get(
    '/catalog/resources/:code/dcat.jsonld',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['catalog'], summary: 'One published resource as a DCAT-AP dcat:Dataset', params: CodeParam },
    },
    async (request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(await catalog.dcatResource(baseUrl(request), codeOf(request.params.code)))),
  )

  app.post(
    '/catalog/resources',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['catalog'],
        summary: 'Register a resource as a draft of my department (登记资源)',
        body: ResourceContentSchema,
        response: { 201: ResourceViewSchema, ...ERROR_RESPONSES, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => reply.status(201).send(await catalog.create(principalOf(request), request.body, metaOf(request))),
  )

  app.get(
    '/catalog/resources/:code',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['catalog'], summary: 'A resource with its versions (资源详情)', params: CodeParam, response: VIEW },
    },
    async (request) => catalog.get(principalOf(request), codeOf(request.params.code)),
  )

  app.get(
    '/catalog/resources/:code/versions/:version',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'One version of a resource (历史版本)',
        params: Type.Object({ ...CodeParam.properties, version: Type.Integer({ minimum: 1 }) }),
        response: { 200: VersionSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => catalog.getVersion(principalOf(request), codeOf(request.params.code), request.params.version),
  )

  app.get(
    '/catalog/resources/:code/diff',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'What changed between two versions (版本比较)',
        params: CodeParam,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: DiffSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => catalog.diff(principalOf(request), codeOf(request.params.code), request.query.from, request.query.to),
  )

  app.put(
    '/catalog/resources/:code/draft',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['catalog'],
        summary: 'Save the working draft; on a published resource this opens a new version (编辑草稿)',
        params: CodeParam,
        body: ResourceContentSchema,
        response: VIEW,
      },
    },
    async (request) => catalog.saveDraft(principalOf(request), codeOf(request.params.code), request.body, metaOf(request)),
  )

  app.delete(
    '/catalog/resources/:code/draft',
    {
      config: { access: ['steward'] },
      schema: {
        tags: ['catalog'],
        summary: 'Discard the working draft (放弃草稿)',
        params: CodeParam,
        response: { 200: Type.Object({ deleted: Type.Boolean() }), ...ERROR_RESPONSES, 409: Type.Ref('Problem') },
      },
    },
    async (request) => catalog.discard(principalOf(request), codeOf(request.params.code), metaOf(request)),
  )

  /** One step of the review lifecycle: who may take it, what it takes, and the view it leaves. */
  const transition = (
    path: string,
    summary: string,
    roles: Array<'steward' | 'dataoffice'>,
    body: typeof Reason | typeof Comment | undefined,
    act: (principal: Principal, code: string, text: { reason?: string; comment?: string }, meta: RequestMeta) => Promise<ResourceView>,
  ) =>
    app.post(
      `/catalog/resources/:code/${path}`,
      {
        config: { access: roles },
        schema: { tags: ['catalog'], summary, params: CodeParam, ...(body === undefined ? {} : { body }), response: VIEW },
      },
      async (request) => act(principalOf(request), codeOf(request.params.code), (request.body ?? {}) as { reason?: string; comment?: string }, metaOf(request)),
    )

  transition('submit', 'Submit the draft for review (提交审核)', ['steward'], undefined, (principal, code, _text, meta) =>
    catalog.submit(principal, code, meta),
  )
  transition('withdraw', 'Withdraw a submission (撤回)', ['steward'], undefined, (principal, code, _text, meta) => catalog.withdraw(principal, code, meta))
  transition('approve', 'Approve and publish (审核通过)', ['dataoffice'], Comment, (principal, code, text, meta) =>
    catalog.approve(principal, code, text.comment ?? null, meta),
  )
  transition('return', 'Return for changes with a reason (退回修改)', ['dataoffice'], Reason, (principal, code, text, meta) =>
    catalog.returnForChanges(principal, code, text.reason ?? '', meta),
  )
  transition('retire', 'Retire a published resource (停用)', ['steward', 'dataoffice'], Reason, (principal, code, text, meta) =>
    catalog.retire(principal, code, text.reason ?? '', meta),
  )
}

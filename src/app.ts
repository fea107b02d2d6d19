import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Ajv, type Options as AjvOptions } from 'ajv'
import addFormats from 'ajv-formats'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { Type } from 'typebox'
import { auditRoutes } from './audit/routes.js'
import { catalogRoutes } from './catalog/routes.js'
import { catalogTransferRoutes } from './catalog/transfer-routes.js'
import { datasetRoutes } from './exchange/datasets/routes.js'
import { gateRoutes } from './exchange/gate/routes.js'
import { populationRoutes } from './population/routes.js'
import { legalPersonRoutes } from './legal-person/routes.js'
import { sharingRoutes } from './exchange/sharing/routes.js'
import { feedRoutes } from './exchange/feeds/routes.js'
import { notificationRoutes } from './notifications/routes.js'
import { calendarRoutes } from './calendar/routes.js'
import type { Context } from './context.js'
import { identityRoutes } from './identity/routes.js'
import { AppError } from './platform/errors.js'
import { CONTENT_TYPES } from './platform/files/table-file.js'
import { registerAccessControl } from './platform/http/access.js'
import { registerErrorHandling, sendProblem } from './platform/http/error-handler.js'
import { ProblemSchema } from './platform/http/schemas.js'
import { jobRoutes } from './platform/jobs/routes.js'

const require = createRequire(import.meta.url)
export const VERSION = (require('../package.json') as { version: string }).version

/** The built console, beside `src/` and `dist/` alike. */
const CONSOLE_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url))

export interface AppOptions {
  /** The pino logger to use; none in tests. */
  readonly logger?: FastifyBaseLogger
  /** Serve the built web console at `/` (default true). */
  readonly console?: boolean
}

/** Fields pino must never write, wherever they appear in a logged object. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.currentPassword', '*.newPassword', '*.token', '*.secret']

function validatorCompiler() {
  // Bodies are validated strictly: a string where a number belongs is an error naming the field.
  // Query strings and path parameters arrive as text, so they are coerced.
  const base: AjvOptions = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false }
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }))
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }))
  for (const ajv of [strict, coercing]) ajv.addSchema(ProblemSchema)
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => (httpPart === 'body' ? strict : coercing).compile(schema)
}

/**
 * Builds the Fastify app over a context: error handling, access control, OpenAPI, the module
 * routes under /api/v1 and the web console.
 *
 * @example
 * const app = await buildApp(context)
 * const response = await app.inject({ method: 'GET', url: '/healthz' })
 */
export async function buildApp(context: Context, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = context
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler())
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  registerErrorHandling(app)
  // Spreadsheets arrive as the raw request body.
  app.addContentTypeParser(['text/csv', CONTENT_TYPES.xlsx, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
  registerAccessControl(app, context.identity)
  app.addSchema(ProblemSchema)

  await app.register(fastifySwagger, {
    // A schema with an $id is a named component of the document (and a named type for clients
    // generated from it), under that name rather than def-N.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Huitong (汇通) API',
        version: VERSION,
        description: 'Data sharing and exchange between the departments of a city government. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'identity', description: 'Sign-in, users, roles, departments, API clients (身份与权限)' },
        { name: 'audit', description: 'The SM3-chained audit log (审计)' },
        { name: 'jobs', description: 'Long-running work with progress (后台任务)' },
        { name: 'catalog', description: 'The government information resource catalog (政务信息资源目录)' },
        { name: 'exchange', description: 'Sharing requests, grants, reads through the access gate, hosted datasets, change feeds (共享交换)' },
        { name: 'population', description: 'The population base registry: lookup, profiles, verification, comparison, import (人口基础数据库)' },
        {
          name: 'legal-persons',
          description: 'The legal-person base registry: lookup, name search, entity profiles, change records, verification, import (法人基础数据库)',
        },
        { name: 'platform', description: 'Health and metadata' },
      ],
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
            version: Type.String(),
          }),
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(context.database.db)
      } catch {
        throw new AppError('HT_UNAVAILABLE', 'The database does not answer')
      }
      return { status: 'ok' as const, database: context.database.kind, version: VERSION }
    },
  )

  await app.register(
    async (api) => {
      await api.register(identityRoutes, { identity: context.identity })
      await api.register(auditRoutes, {
        repository: context.auditRepository,
        audit: context.audit,
        jobs: context.jobs,
        onEnqueue: () => context.worker.poke(),
      })
      await api.register(jobRoutes, { jobs: context.jobs })
      await api.register(catalogRoutes, { catalog: context.catalog })
      await api.register(catalogTransferRoutes, { transfer: context.catalogTransfer })
      await api.register(sharingRoutes, { sharing: context.sharing, objections: context.objections, statistics: context.statistics })
      await api.register(gateRoutes, { gate: context.gate })
      await api.register(datasetRoutes, { datasets: context.datasets, datasetJobs: context.datasetJobs })
      await api.register(feedRoutes, { subscriptions: context.subscriptions })
      await api.register(notificationRoutes, { notifications: context.notifications })
      await api.register(calendarRoutes, { calendar: context.calendar, audit: context.audit })
      await api.register(populationRoutes, { population: context.population, imports: context.populationImports, comparisons: context.comparisons })
      await api.register(legalPersonRoutes, { legalPerson: context.legalPerson, imports: context.legalPersonImports })
    },
    { prefix: '/api/v1' },
  )

  const serveConsole = options.console !== false && fs.existsSync(`${CONSOLE_DIR}index.html`)
  if (serveConsole) {
    await app.register(fastifyStatic, { root: CONSOLE_DIR, wildcard: false, index: 'index.html' })
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && request.headers.accept?.includes('text/html')
    if (isPage && serveConsole) return reply.type('text/html').sendFile('index.html')
    return sendProblem(reply, new AppError('HT_ROUTE_NOT_FOUND', `No endpoint ${request.method} ${request.url.split('?')[0]}`), request)
  })

  return app
}

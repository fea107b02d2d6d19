import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Principal } from '../auth/principal.js'
import { hasAnyRole } from '../auth/principal.js'
import { ROLE_LABELS, type Role } from '../auth/roles.js'
import { AppError } from '../errors.js'

/**
 * Who may call a route: anyone, anyone signed in, or holders of one of the listed roles.
 * Every route under /api/v1 must declare it; a route that does not stops the server at start.
 */
export type Access = 'public' | 'authenticated' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | undefined
  }
}

export interface Authenticator {
  authenticate(token: string): Promise<Principal | undefined>
  recordDenied(principal: Principal, meta: { requestId: string; ip: string }, route: string): Promise<void>
}

const BEARER = /^Bearer\s+(\S+)$/i

/** The signed-in caller; only for routes whose access is not 'public'. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new AppError('HT_UNAUTHENTICATED')
  return request.principal
}

export function metaOf(request: FastifyRequest): { requestId: string; ip: string } {
  return { requestId: request.id, ip: request.ip }
}

function describeAccess(access: Access): string {
  if (access === 'public') return 'Access: public.'
  if (access === 'authenticated') return 'Access: any signed-in user or API client.'
  return `Access: ${access.map((role) => `${role} (${ROLE_LABELS[role].zh})`).join(', ')}.`
}

/**
 * Default deny. Declares bearer authentication in the OpenAPI document, refuses routes that
 * declare no access, and checks every request against its route's declaration.
 */
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('principal', undefined)

  /** The check for one route, with its access declaration closed over (no lookup per request). */
  const guard = (access: Access, url: string) =>
    async function checkAccess(request: FastifyRequest): Promise<void> {
      const header = request.headers.authorization
      const match = header === undefined ? null : BEARER.exec(header)
      if (match?.[1] !== undefined) request.principal = await authenticator.authenticate(match[1])
      if (access === 'public') return
      if (request.principal === undefined) {
        throw new AppError(header === undefined ? 'HT_UNAUTHENTICATED' : 'HT_TOKEN_INVALID')
      }
      if (access !== 'authenticated' && !hasAnyRole(request.principal, access)) {
        await authenticator.recordDenied(request.principal, metaOf(request), `${request.method} ${url}`)
        throw new AppError('HT_FORBIDDEN', `This action needs one of the roles: ${access.join(', ')}`)
      }
    }

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return
    const access = route.config?.access
    if (access === undefined) {
      throw new Error(`${String(route.method)} ${route.url} declares no access; every API route must`)
    }
    // Access is checked first, before any other onRequest hook of the route.
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    route.onRequest = [guard(access, route.url), ...own]
    if (route.schema?.hide === true) return
    const schema = { ...(route.schema ?? {}) } as Record<string, unknown>
    if (access !== 'public') schema.security = [{ bearerAuth: [] }]
    schema.description = [schema.description, describeAccess(access)].filter(Boolean).join('\n\n')
    route.schema = schema
  })
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, PROBLEM_CONTENT_TYPE, toProblem, type FieldProblem } from '../errors.js'

interface AjvIssue {
  readonly instancePath?: string
  readonly keyword?: string
  readonly message?: string
  readonly params?: Record<string, unknown>
}

/** Turns Ajv's issues into field problems that name the offending field. */
function fieldProblems(issues: readonly AjvIssue[], part: string | undefined): FieldProblem[] {
  return issues.map((issue) => {
    let field = issue.instancePath ?? ''
    if (issue.keyword === 'additionalProperties' && typeof issue.params?.additionalProperty === 'string') {
      field = `${field}/${issue.params.additionalProperty}`
      return { field: `${part ?? 'body'}:${field}`, message: 'unknown field (不允许的字段)' }
    }
    if (issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string') {
      field = `${field}/${issue.params.missingProperty}`
      return { field: `${part ?? 'body'}:${field}`, message: 'is required (必填)' }
    }
    return { field: `${part ?? 'body'}:${field === '' ? '/' : field}`, message: issue.message ?? 'is invalid' }
  })
}

/** Maps Fastify's own errors (parsing, limits, validation) onto the catalogue. */
function toAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error
  if (error.validation !== undefined) {
    const problems = fieldProblems(error.validation as AjvIssue[], error.validationContext)
    const first = problems[0]
    return new AppError('HT_VALIDATION', first === undefined ? error.message : `${first.field} ${first.message}`, problems)
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('HT_PAYLOAD_TOO_LARGE')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('HT_MALFORMED_JSON', 'The request body is not valid JSON')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('HT_UNSUPPORTED_MEDIA_TYPE', error.message)
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('HT_MALFORMED_JSON', 'The request body is not valid JSON')
  }
  if (error.statusCode === 429) return new AppError('HT_RATE_LIMITED')
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('HT_BAD_REQUEST', error.message)
  }
  return undefined
}

export function sendProblem(reply: FastifyReply, error: AppError, request: FastifyRequest): FastifyReply {
  return reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(toProblem(error, request.url.split('?')[0]))
}

/**
 * The central error handler: every failure leaves as RFC 9457 problem+json with a stable code.
 * Unexpected errors are logged with the request id and answered with a generic 500.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error)
    if (known !== undefined) {
      if (known.status >= 500) request.log.error({ err: error }, known.message)
      return sendProblem(reply, known, request)
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(
      reply,
      new AppError('HT_INTERNAL', `An internal error occurred. Quote request id ${request.id} to the administrator.`, [], {
        requestId: request.id,
      }),
      request,
    )
  })
}

/**
 * The one catalogue of Huitong errors. Each entry has a stable code (clients match on it),
 * an HTTP status and a title; the detail is filled in per occurrence. The central error
 * handler turns an {@link AppError} into RFC 9457 problem+json.
 */
export const ERRORS = {
  HT_VALIDATION: { status: 400, title: 'Request validation failed' },
  HT_MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  HT_BAD_REQUEST: { status: 400, title: 'Bad request' },
  HT_UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  HT_TOKEN_INVALID: { status: 401, title: 'Token missing, invalid, revoked or expired' },
  HT_LOGIN_FAILED: { status: 401, title: 'Wrong username or password' },
  HT_ACCOUNT_LOCKED: { status: 423, title: 'Account temporarily locked after repeated failed logins' },
  HT_ACCOUNT_DISABLED: { status: 403, title: 'Account disabled' },
  HT_FORBIDDEN: { status: 403, title: 'Your role does not allow this action' },
  HT_NOT_GRANTED: { status: 403, title: 'No grant covers this read' },
  HT_SEPARATION_OF_DUTIES: { status: 409, title: 'Roles would break the separation of the three administrators' },
  HT_PASSWORD_POLICY: { status: 422, title: 'Password does not meet the password policy' },
  HT_WEBHOOK_TARGET_REFUSED: { status: 422, title: 'Webhooks may not be sent to this address' },
  HT_NOT_FOUND: { status: 404, title: 'Not found' },
  HT_ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  HT_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  HT_CONFLICT: { status: 409, title: 'Conflicts with the current state' },
  HT_DUPLICATE: { status: 409, title: 'Already exists' },
  HT_PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  HT_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  HT_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  HT_INTERNAL: { status: 500, title: 'Internal error' },
  HT_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERRORS

/** One problem with one field (and, for file imports, one row). */
export interface FieldProblem {
  /** JSON pointer or column name of the field, e.g. `/password` or `resident_id`. */
  readonly field: string
  readonly message: string
  /** 1-based row number for imports and batches. */
  readonly row?: number
}

/** An expected failure with a stable code; never a bug. */
export class AppError extends Error {
  readonly status: number
  readonly title: string

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? ERRORS[code].title)
    this.name = 'AppError'
    this.status = ERRORS[code].status
    this.title = ERRORS[code].title
  }
}

/** The RFC 9457 body Huitong sends. */
export interface Problem {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail: string
  instance?: string
  errors?: FieldProblem[]
  [extension: string]: unknown
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export function toProblem(error: AppError, instance?: string): Problem {
  const problem: Problem = {
    ...error.extra,
    type: `urn:huitong:problem:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.message,
  }
  if (instance !== undefined) problem.instance = instance
  if (error.errors.length > 0) problem.errors = [...error.errors]
  return problem
}

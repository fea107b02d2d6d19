/**
 * The shapes of the Huitong API, taken from the types generated out of the server's OpenAPI
 * document (schema.d.ts, `npm run api:types`): the console copies none of them by hand.
 */
import type { components, paths } from './schema'

/** The schemas the server names: User, Grant, ResourceContent … */
export type Schemas = components['schemas']

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never

/**
 * What `method path` answers when it succeeds: the JSON of its 200, 201 or 202 response.
 *
 * @example
 * type Me = ResponseOf<'/api/v1/me', 'get'>
 */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]>
  : never

/** The JSON body `method path` takes. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never

/** The query parameters `method path` takes. */
export type QueryOf<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

/**
 * Lists every member of a union the API declares, in the order the console shows them: a member
 * the server adds or drops fails the typecheck here, so the list cannot drift from the schema.
 *
 * @example
 * const SHARE_TYPES = membersOf<ShareType>()(['unconditional', 'conditional', 'none'])
 */
export function membersOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { readonly missing: Exclude<T, L[number]> })): L => list
}

export type User = Schemas['User']
export type Role = User['roles'][number]
export type UserStatus = User['status']
export type DepartmentRef = User['department']
export type Me = ResponseOf<'/api/v1/me', 'get'>
export type LoginResponse = ResponseOf<'/api/v1/auth/login', 'post'>
export type RoleInfo = Schemas['RoleInfo']
export type Department = Schemas['Department']
export type DepartmentKind = Department['kind']
/** A department as the form edits it: the code only when creating one. */
export type DepartmentInput = Omit<BodyOf<'/api/v1/departments', 'post'>, 'code'> & { readonly code?: string }
export type ApiClient = Schemas['ApiClient']
export type SecuritySettings = ResponseOf<'/api/v1/security/settings', 'get'>
export type AuditRecord = Schemas['AuditRecord']
export type AuditOutcome = AuditRecord['outcome']
export type Job = Schemas['Job']
export type JobStatus = Job['status']
export type Health = ResponseOf<'/healthz', 'get'>

export const ROLES = membersOf<Role>()(['sysadmin', 'secadmin', 'auditor', 'dataoffice', 'steward', 'consumer', 'approver', 'supervisor'])

/** The three administrators (三员分立); each excludes every other role. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor']

/** Roles an API client may carry. */
export const CLIENT_ROLES: readonly Role[] = ['consumer', 'steward']

/**
 * What the audit-chain verification job reports when it succeeds. Job results are not in the
 * OpenAPI document (the job API serves every kind of job), so this one shape is the console's.
 */
export interface ChainReport {
  readonly ok: boolean
  readonly checked: number
  readonly lastSeq: number
  readonly firstBreak?: { readonly seq: number; readonly reason: string; readonly message: string }
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled'
}

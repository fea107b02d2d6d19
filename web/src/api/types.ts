/** The shapes the Huitong HTTP API returns (see /api/openapi.json). */

export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'dataoffice', 'steward', 'consumer', 'approver', 'supervisor'] as const
export type Role = (typeof ROLES)[number]

/** The three administrators (三员分立); each excludes every other role. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor']

/** Roles an API client may carry. */
export const CLIENT_ROLES: readonly Role[] = ['consumer', 'steward']

export interface Page<T> {
  readonly items: T[]
  readonly total: number
}

export interface DepartmentRef {
  readonly id: string
  readonly code: string
  readonly name: string
}

export interface Me {
  readonly kind: 'user' | 'client'
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly department: DepartmentRef
  readonly roles: Role[]
}

export type UserStatus = 'active' | 'disabled'

export interface User {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly department: DepartmentRef
  readonly roles: Role[]
  readonly status: UserStatus
  readonly createdAt: string
  readonly updatedAt: string
}

export interface LoginResponse {
  readonly token: string
  readonly expiresAt: string
  readonly user: User
}

export interface RoleInfo {
  readonly role: Role
  readonly zh: string
  readonly en: string
}

export type DepartmentKind = 'city' | 'district'

export interface Department {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly shortName: string
  readonly nameEn: string
  readonly parentId: string | null
  readonly kind: DepartmentKind
  readonly divisionCode: string | null
}

export interface DepartmentInput {
  readonly code?: string
  readonly name: string
  readonly shortName: string
  readonly nameEn: string
  readonly parent?: string | null
  readonly kind: DepartmentKind
  readonly divisionCode: string | null
}

export interface ApiClient {
  readonly id: string
  readonly name: string
  readonly department: DepartmentRef
  readonly roles: Role[]
  readonly tokenPrefix: string
  readonly createdBy: string
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly revokedAt: string | null
  readonly lastUsedAt: string | null
}

export interface SecuritySettings {
  readonly passwordMinLength: number
  readonly passwordMinClasses: number
  readonly lockoutThreshold: number
  readonly lockoutWindowMinutes: number
  readonly sessionTtlMinutes: number
}

export type AuditOutcome = 'success' | 'failure' | 'denied'

export interface AuditRecord {
  readonly seq: number
  readonly occurredAt: string
  readonly actorType: string
  readonly actorName: string | null
  readonly departmentCode: string | null
  readonly action: string
  readonly target: string | null
  readonly outcome: AuditOutcome
  readonly requestId: string | null
  readonly ip: string | null
  readonly detail: unknown
  readonly hash: string
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'

export interface Job {
  readonly id: string
  readonly type: string
  readonly status: JobStatus
  readonly progress: number
  readonly progressMessage: string | null
  readonly result: unknown
  readonly error: string | null
  readonly createdAt: string
  readonly finishedAt: string | null
}

export interface ChainReport {
  readonly ok: boolean
  readonly checked: number
  readonly lastSeq: number
  readonly firstBreak?: { readonly seq: number; readonly reason: string; readonly message: string }
}

export interface Health {
  readonly status: 'ok'
  readonly database: 'sqlite' | 'postgres'
  readonly version: string
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled'
}

import type { Role } from './roles.js'

export interface DepartmentRef {
  readonly id: string
  readonly code: string
  readonly name: string
}

/** Who is calling: a person signed in to the console, or a department's system (API client). */
export interface Principal {
  readonly kind: 'user' | 'client'
  readonly id: string
  /** Username of a person, name of an API client. */
  readonly name: string
  readonly displayName: string
  readonly department: DepartmentRef
  readonly roles: readonly Role[]
  /** The session or client row this request authenticated with. */
  readonly credentialId: string
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role))
}

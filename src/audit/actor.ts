import type { Principal } from '../platform/auth/principal.js'
import type { AuditEntry } from './entry.js'

/** Where a request came from, for the audit row. */
export interface RequestMeta {
  readonly requestId: string | null
  readonly ip: string | null
}

/** The audit fields that say who acted, from where. */
export function auditActor(
  principal: Principal,
  meta: RequestMeta,
): Pick<AuditEntry, 'actorType' | 'actorId' | 'actorName' | 'departmentCode' | 'requestId' | 'ip'> {
  return {
    actorType: principal.kind,
    actorId: principal.id,
    actorName: principal.name,
    departmentCode: principal.department.code,
    requestId: meta.requestId,
    ip: meta.ip,
  }
}

import type { DepartmentRef, GrantItem, Operation } from '../gate/model.js'

export type RequestStatus = 'pending' | 'approved' | 'refused' | 'cancelled'

export interface SharingRequest {
  readonly id: string
  readonly resourceCode: string
  readonly resourceName: string
  readonly shareType: string
  readonly provider: DepartmentRef
  readonly consumer: DepartmentRef
  readonly requestedBy: string
  readonly items: GrantItem[]
  readonly operations: Operation[]
  readonly purpose: string
  readonly legalBasis: string
  readonly validFrom: string
  readonly validUntil: string
  readonly status: RequestStatus
  /** The provider answers by the end of this day (10 working days, 国发〔2016〕51号). */
  readonly deadline: string
  readonly overdue: boolean
  readonly decidedBy: string | null
  readonly decidedAt: string | null
  readonly decisionReason: string | null
  readonly grantId: string | null
  readonly createdAt: string
}

/** The provider's answer is due this many working days after the request. */
export const ANSWER_WORKING_DAYS = 10

/** What the sharing room announces: a grant was given or revoked, so cached decisions are stale. */
export interface SharingEvents {
  'grants.changed': { readonly grantId: string }
}

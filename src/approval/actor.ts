import { violation } from './violations.js'

/** The role that accepts applications at the one window (综合窗口人员). */
export const WINDOW_ROLE = 'window'
/** The role that reviews a department's matters (审批人员). */
export const APPROVER_ROLE = 'approver'

/**
 * Who acts on a case: a member of staff (the window, a department's approver), the applicant
 * signed in on the portal (known by their resident ID or credit code), or the platform itself
 * (deemed acceptance, cancelling the reviews of a stopped theme).
 */
export type Actor =
  | { readonly kind: 'staff'; readonly id: string; readonly name: string; readonly department: string; readonly roles: readonly string[] }
  | { readonly kind: 'applicant'; readonly id: string }
  | { readonly kind: 'system' }

/** Who did something, as a case records it. */
export interface ActorRef {
  readonly kind: Actor['kind']
  readonly id: string | null
  readonly name: string | null
  readonly department: string | null
}

export const SYSTEM: Actor = { kind: 'system' }

export function actorRef(actor: Actor): ActorRef {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, name: actor.name, department: actor.department }
  if (actor.kind === 'applicant') return { kind: 'applicant', id: actor.id, name: null, department: null }
  return { kind: 'system', id: null, name: null, department: null }
}

/** Only staff holding the window role. */
export function requireWindow(actor: Actor): void {
  if (actor.kind !== 'staff' || !actor.roles.includes(WINDOW_ROLE))
    throw violation('window-role-required', 'Only the one window (综合窗口) decides on acceptance')
}

/** The applicant themself, or the window acting for them (窗口代办). */
export function requireApplicantOrWindow(actor: Actor, applicantId: string): void {
  if (actor.kind === 'applicant' && actor.id === applicantId) return
  if (actor.kind === 'staff' && actor.roles.includes(WINDOW_ROLE)) return
  throw violation('not-the-applicant', 'Only the applicant, or the window for them, may do this')
}

/** Only staff holding the approver role in the named department. */
export function requireApprover(actor: Actor, department: string): void {
  if (actor.kind !== 'staff' || !actor.roles.includes(APPROVER_ROLE))
    throw violation('approver-role-required', 'Only an approver (审批人员) decides on a review')
  if (actor.department !== department)
    throw violation('other-department', `This review belongs to department ${department}; an approver of ${actor.department} may not decide it`)
}

/** Only the platform itself. */
export function requireSystem(actor: Actor): void {
  if (actor.kind !== 'system') throw violation('system-only', 'Only the platform does this')
}

import { AppError, type ErrorCode } from '../platform/errors.js'

/**
 * Every rule of parallel approval an action can break, by a stable name. The problem+json of a
 * refused action carries it as `rule` beside the catalogue's `code` (HT_FORBIDDEN, HT_CONFLICT,
 * HT_VALIDATION), so a client can tell "approving while correction is pending" from "deciding on
 * a closed review" without reading the detail.
 */
export const APPROVAL_RULES = {
  'not-the-applicant': 'HT_FORBIDDEN',
  'window-role-required': 'HT_FORBIDDEN',
  'approver-role-required': 'HT_FORBIDDEN',
  'other-department': 'HT_FORBIDDEN',
  'system-only': 'HT_FORBIDDEN',
  'case-closed': 'HT_CONFLICT',
  'case-not-submitted': 'HT_CONFLICT',
  'corrections-already-asked': 'HT_CONFLICT',
  'core-material-missing': 'HT_CONFLICT',
  'material-missing': 'HT_CONFLICT',
  'acceptance-not-due': 'HT_CONFLICT',
  'review-closed': 'HT_CONFLICT',
  'correction-pending': 'HT_CONFLICT',
  'correction-already-asked': 'HT_CONFLICT',
  'procedure-running': 'HT_CONFLICT',
  'no-procedure-running': 'HT_CONFLICT',
  'no-correction-pending': 'HT_CONFLICT',
  'shortfall-outstanding': 'HT_CONFLICT',
  'not-awaiting-materials': 'HT_CONFLICT',
  'subject-already-established': 'HT_CONFLICT',
  'idempotency-key-reused': 'HT_CONFLICT',
  'schedule-unpublished': 'HT_CONFLICT',
  'invalid-input': 'HT_VALIDATION',
} as const satisfies Record<string, ErrorCode>

export type ApprovalRule = keyof typeof APPROVAL_RULES

/**
 * The error for a broken rule: the catalogue code the rule maps to, the rule's name as `rule`,
 * and the field it concerns where there is one.
 *
 * @example
 * throw violation('correction-pending', 'The applicant has not yet answered the correction notice')
 */
export function violation(rule: ApprovalRule, detail: string, field?: string): AppError {
  return new AppError(APPROVAL_RULES[rule], detail, field === undefined ? [] : [{ field, message: detail }], { rule })
}

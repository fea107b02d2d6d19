import { parseCreditCode } from '../standards/credit-code.js'
import { parseResidentId } from '../standards/resident-id.js'
import { AppError, type FieldProblem } from '../platform/errors.js'
import type { ApplicantKind } from './matter.js'

/** Who applies: a resident ID holder, or an organisation by its credit code with the person acting for it. */
export type Applicant =
  | { readonly kind: 'person'; readonly residentId: string; readonly name: string }
  | {
      readonly kind: 'organisation'
      readonly creditCode: string
      readonly name: string
      readonly agent: { readonly residentId: string; readonly name: string }
    }

/** An applicant as a form sends it, before validation. */
export interface ApplicantInput {
  readonly kind: string
  readonly id: string
  readonly name: string
  readonly agent?: { readonly residentId: string; readonly name: string }
}

/** The identifier an applicant signs in with and a case is keyed by. */
export function applicantId(applicant: Applicant): string {
  return applicant.kind === 'person' ? applicant.residentId : applicant.creditCode
}

function nameOf(name: string, field: string, problems: FieldProblem[], longest: number): string {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.length > longest) problems.push({ field, message: `a name of 1 to ${longest} characters` })
  return trimmed
}

/**
 * Validates an applicant against the national standards (GB 11643 resident IDs, GB 32100 credit
 * codes) and the kinds the theme accepts, and returns it normalised (a 15-digit ID becomes 18).
 * Throws `HT_VALIDATION` naming each bad field; messages never repeat an ID, as it is personal data.
 *
 * @example
 * parseApplicant({ kind: 'person', id: '11010519491231002x', name: '张三' }, ['person'])
 * // { kind: 'person', residentId: '11010519491231002X', name: '张三' }
 */
export function parseApplicant(input: ApplicantInput, accepted: readonly ApplicantKind[], today?: Date): Applicant {
  const problems: FieldProblem[] = []
  if (input.kind !== 'person' && input.kind !== 'organisation') {
    throw new AppError('HT_VALIDATION', 'An applicant is a person or an organisation', [{ field: '/applicant/kind', message: 'person or organisation' }])
  }
  if (!accepted.includes(input.kind)) {
    const who = input.kind === 'person' ? 'persons' : 'organisations'
    throw new AppError('HT_VALIDATION', `This matter does not accept applications from ${who}`, [
      { field: '/applicant/kind', message: `one of ${accepted.join(', ')}` },
    ])
  }
  const name = nameOf(input.name, '/applicant/name', problems, input.kind === 'person' ? 50 : 200)
  if (input.kind === 'person') {
    const id = parseResidentId(input.id, today === undefined ? {} : { today })
    if (!id.valid) problems.push({ field: '/applicant/id', message: id.message })
    if (problems.length > 0 || !id.valid) throw new AppError('HT_VALIDATION', 'The applicant is not valid', problems)
    return { kind: 'person', residentId: id.id, name }
  }
  const code = parseCreditCode(input.id)
  if (!code.valid) problems.push({ field: '/applicant/id', message: code.message })
  if (input.agent === undefined) {
    problems.push({ field: '/applicant/agent', message: 'an organisation applies through a person acting for it (经办人)' })
    throw new AppError('HT_VALIDATION', 'The applicant is not valid', problems)
  }
  const agentId = parseResidentId(input.agent.residentId, today === undefined ? {} : { today })
  if (!agentId.valid) problems.push({ field: '/applicant/agent/residentId', message: agentId.message })
  const agentName = nameOf(input.agent.name, '/applicant/agent/name', problems, 50)
  if (problems.length > 0 || !code.valid || !agentId.valid) throw new AppError('HT_VALIDATION', 'The applicant is not valid', problems)
  return { kind: 'organisation', creditCode: code.code, name, agent: { residentId: agentId.id, name: agentName } }
}

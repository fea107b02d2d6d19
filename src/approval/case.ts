import { createHash } from 'node:crypto'
import { canonicalJson } from '../audit/canonical.js'
import { beijingDate } from '../calendar/working-days.js'
import { AppError, type FieldProblem } from '../platform/errors.js'
import { newId } from '../platform/ids.js'
import { parseCreditCode } from '../standards/credit-code.js'
import { parseResidentId } from '../standards/resident-id.js'
import { actorRef, APPROVER_ROLE, requireApplicantOrWindow, requireSystem, requireWindow, SYSTEM, type Actor, type ActorRef } from './actor.js'
import { applicantId, parseApplicant, type Applicant, type ApplicantInput } from './applicant.js'
import { readClock, type ClockReading } from './clock.js'
import { stageOutcome, type StageOutcome } from './join.js'
import type { FormField, Matter } from './matter.js'
import { cancelReview, isReviewClosed, openReview, type Review, type ReviewEvent } from './review.js'
import { reviewLimit, stageMaterials, themeForm, type StageMaterial, type Theme } from './theme.js'
import { violation } from './violations.js'
import type { WorkingDayTable } from './working-day-table.js'

/**
 * 行政许可法 Art. 32: the acceptance decision, or the one notice of everything to correct, within
 * five days of receiving the application; otherwise it is accepted from the day of receipt.
 * Art. 82 counts the days as working days.
 */
export const ACCEPTANCE_LIMIT = 5

/**
 * - `submitted` 待受理: the window decides within 5 working days.
 * - `correcting` 待补正: the one notice of corrections went out (一次告知); no clock runs.
 * - `not-accepted` 不予受理: the window refused to accept, with the reason.
 * - `reviewing` 审查中: the current stage's departments review in parallel.
 * - `awaiting-materials` 待申报: a stage passed; the next needs materials not yet given.
 * - `approved` 办结（准予）, `partly-approved` 办结（部分准予）, `refused` 办结（不予）.
 * - `withdrawn` 撤回: the applicant withdrew.
 */
export const CASE_STATUSES = [
  'submitted',
  'correcting',
  'not-accepted',
  'reviewing',
  'awaiting-materials',
  'approved',
  'partly-approved',
  'refused',
  'withdrawn',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['submitted', 'correcting', 'reviewing', 'awaiting-materials'])

export function isCaseOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.has(status)
}

/** The entity a case is about when it is not the applicant: the enterprise being set up, the project's owner. */
export interface Subject {
  readonly creditCode: string
  readonly name: string
}

/** A material as the case holds it: an upload (checked by content, stored by hash) or a record read through the gate. */
export type SubmittedMaterial =
  | { readonly source: 'upload'; readonly sha256: string; readonly mediaType: string; readonly bytes: number; readonly storedName: string; readonly at: string }
  | { readonly source: 'gate'; readonly resource: string; readonly recordKey: string; readonly at: string }

/** A promise to supply a missing non-core material by a day (容缺受理承诺). */
export interface Commitment {
  readonly material: string
  readonly dueOn: string
  readonly committedAt: string
  readonly suppliedAt: string | null
}

/** One thing the window asks the applicant to correct. */
export interface CorrectionItem {
  readonly target: 'material' | 'field'
  readonly code: string
  readonly request: string
}

/** The one notice of corrections (一次性告知书). */
export interface CorrectionNotice {
  readonly items: readonly CorrectionItem[]
  readonly issuedAt: string
  readonly by: ActorRef
  readonly answeredAt: string | null
}

export interface Acceptance {
  /** The Beijing day the stage's review clocks start from: the decision's day, or for a deemed acceptance the day of receipt. */
  readonly on: string
  readonly at: string
  readonly by: ActorRef
  /** Accepted by law because the window did not decide in time (行政许可法 Art. 32). */
  readonly deemed: boolean
  /** A later stage whose materials came with the application, accepted with it at the one window. */
  readonly withCase: boolean
  readonly commitments: readonly Commitment[]
}

export interface NotAccepted {
  readonly legalBasis: string
  readonly reason: string
  readonly at: string
  readonly by: ActorRef
}

/** One stage's way through acceptance and review. */
export interface StageRound {
  readonly stage: number
  /** When the materials of this stage were (last) received: the acceptance window counts from this day. */
  readonly submittedAt: string
  readonly submittedOn: string
  readonly notice: CorrectionNotice | null
  readonly acceptance: Acceptance | null
  readonly notAccepted: NotAccepted | null
  readonly outcome: Exclude<StageOutcome, 'open'> | null
  readonly concludedAt: string | null
}

/** An application (办件): one applicant, one theme, one form, one set of materials, stage by stage. */
export interface Case {
  readonly id: string
  readonly theme: string
  readonly applicant: Applicant
  readonly subject: Subject | null
  readonly idempotencyKey: string
  /** SHA-256 of the submission's canonical form: a retry with the same key must carry the same content. */
  readonly fingerprint: string
  readonly status: CaseStatus
  /** Index of the current stage. */
  readonly stage: number
  readonly form: Readonly<Record<string, string>>
  readonly materials: Readonly<Record<string, SubmittedMaterial>>
  readonly rounds: readonly StageRound[]
  readonly createdAt: string
  readonly updatedAt: string
}

export interface CaseEvent {
  readonly type:
    | 'case.submitted'
    | 'case.corrections-requested'
    | 'case.resubmitted'
    | 'case.not-accepted'
    | 'case.accepted'
    | 'case.deemed-accepted'
    | 'case.material-supplied'
    | 'case.subject-established'
    | 'case.stage-concluded'
    | 'case.awaiting-materials'
    | 'case.stage-submitted'
    | 'case.concluded'
    | 'case.withdrawn'
  readonly caseId: string
  readonly at: string
  readonly by: ActorRef
  readonly detail: Readonly<Record<string, unknown>>
}

/** A case after a transition, the reviews the transition opened or changed, and what happened. */
export interface CaseChange {
  readonly case: Case
  readonly reviews: readonly Review[]
  readonly events: readonly (CaseEvent | ReviewEvent)[]
}

/** The theme and the matters it names, as a transition needs them. */
export interface ThemePlan {
  readonly theme: Theme
  readonly matters: ReadonlyMap<string, Matter>
}

export interface SubmissionInput {
  readonly applicant: ApplicantInput
  readonly subject?: Subject
  readonly form: Readonly<Record<string, string>>
  readonly materials: Readonly<Record<string, SubmittedMaterial>>
  /** The client's key for this submission: sending it again returns the same case (see {@link replayOf}). */
  readonly idempotencyKey: string
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/
const TEXT_LIMIT = 500

function caseEvent(current: Case, type: CaseEvent['type'], at: string, by: ActorRef, detail: Record<string, unknown> = {}): CaseEvent {
  return { type, caseId: current.id, at, by, detail }
}

function currentRound(current: Case): StageRound {
  const round = current.rounds.at(-1)
  if (round === undefined) throw new Error(`case ${current.id} has no stage round`)
  return round
}

function replaceRound(current: Case, round: StageRound): readonly StageRound[] {
  return [...current.rounds.slice(0, -1), round]
}

function requireStatus(current: Case, statuses: readonly CaseStatus[], doing: string): void {
  if (statuses.includes(current.status)) return
  if (!isCaseOpen(current.status)) throw violation('case-closed', `Cannot ${doing}: the case is ${current.status}`)
  throw violation('case-not-submitted', `Cannot ${doing} while the case is ${current.status}`)
}

/** The problems of a form against the theme's one form; values are strings as the form sends them. */
export function formProblems(fields: readonly FormField[], form: Readonly<Record<string, string>>, today?: Date): FieldProblem[] {
  const problems: FieldProblem[] = []
  const byKey = new Map(fields.map((field) => [field.key, field]))
  for (const key of Object.keys(form)) if (!byKey.has(key)) problems.push({ field: `/form/${key}`, message: 'not a field of this form' })
  for (const field of fields) {
    const value = form[field.key]?.trim() ?? ''
    const at = `/form/${field.key}`
    if (value === '') {
      if (field.required) problems.push({ field: at, message: `${field.label} is required` })
      continue
    }
    if (field.type === 'text' && value.length > TEXT_LIMIT) problems.push({ field: at, message: `at most ${TEXT_LIMIT} characters` })
    if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) problems.push({ field: at, message: 'a decimal number' })
    if (field.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))) {
      problems.push({ field: at, message: 'a real date, YYYY-MM-DD' })
    }
    if (field.type === 'resident-id') {
      const id = parseResidentId(value, today === undefined ? {} : { today })
      if (!id.valid) problems.push({ field: at, message: id.message })
    }
    if (field.type === 'credit-code') {
      const code = parseCreditCode(value)
      if (!code.valid) problems.push({ field: at, message: code.message })
    }
    if (field.type === 'division' && !/^\d{6}(\d{6})?$/.test(value)) problems.push({ field: at, message: 'a 6- or 12-digit division code (GB/T 2260)' })
    if (field.type === 'choice' && !(field.options ?? []).includes(value)) problems.push({ field: at, message: `one of ${(field.options ?? []).join('、')}` })
  }
  return problems
}

function materialProblems(plan: ThemePlan, materials: Readonly<Record<string, SubmittedMaterial>>): FieldProblem[] {
  const declared = new Map(
    plan.theme.stages.flatMap((_, index) => stageMaterials(plan.theme, index, plan.matters)).map((material) => [material.code, material]),
  )
  const problems: FieldProblem[] = []
  for (const [code, material] of Object.entries(materials)) {
    const declaration = declared.get(code)
    if (declaration === undefined) problems.push({ field: `/materials/${code}`, message: 'not a material of this theme' })
    else if (declaration.source.kind !== material.source)
      problems.push({ field: `/materials/${code}`, message: `this material is ${declaration.source.kind === 'upload' ? 'uploaded' : 'read through the gate'}` })
    else if (material.source === 'upload' && !/^[0-9a-f]{64}$/.test(material.sha256))
      problems.push({ field: `/materials/${code}`, message: 'an upload is stored by its SHA-256' })
  }
  return problems
}

/** The fingerprint of a submission: SHA-256 of its canonical JSON, without the key itself. */
export function submissionFingerprint(theme: string, input: SubmissionInput): string {
  const content = { theme, applicant: input.applicant, subject: input.subject ?? null, form: input.form, materials: input.materials }
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

/**
 * Double submission: given the case an idempotency key already names (if any), the case to
 * answer with instead of creating one, or undefined for a new key. The same key with other
 * content is refused, so a retry can never silently become a different application.
 *
 * @example
 * replayOf(existing, fingerprint) // existing.id when the fingerprints match
 */
export function replayOf(existing: Pick<Case, 'id' | 'fingerprint'> | undefined, fingerprint: string): string | undefined {
  if (existing === undefined) return undefined
  if (existing.fingerprint !== fingerprint) {
    throw violation('idempotency-key-reused', 'This idempotency key was already used for a different application', '/idempotencyKey')
  }
  return existing.id
}

/**
 * Submits an application (申报): the applicant, or the window entering it for them. Validates the
 * applicant against the standards, the one form, and the materials against the theme; missing
 * materials are allowed here, since the window decides on them (一次告知, 容缺受理).
 */
export function submitCase(plan: ThemePlan, actor: Actor, input: SubmissionInput, at: string): CaseChange {
  const today = new Date(at)
  const applicant = parseApplicant(input.applicant, plan.theme.applicants, today)
  requireApplicantOrWindow(actor, applicantId(applicant))
  const problems = [...formProblems(themeForm(plan.theme, plan.matters), input.form, today), ...materialProblems(plan, input.materials)]
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) problems.push({ field: '/idempotencyKey', message: '8 to 100 letters, digits, hyphens or underscores' })
  let subject: Subject | null = applicant.kind === 'organisation' ? { creditCode: applicant.creditCode, name: applicant.name } : null
  if (input.subject !== undefined) {
    const code = parseCreditCode(input.subject.creditCode)
    if (!code.valid) problems.push({ field: '/subject/creditCode', message: code.message })
    else subject = { creditCode: code.code, name: input.subject.name.trim() }
  }
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The application is not valid', problems)
  const submittedOn = beijingDate(at)
  const created: Case = {
    id: newId(),
    theme: plan.theme.code,
    applicant,
    subject,
    idempotencyKey: input.idempotencyKey,
    fingerprint: submissionFingerprint(plan.theme.code, input),
    status: 'submitted',
    stage: 0,
    form: Object.fromEntries(Object.entries(input.form).map(([key, value]) => [key, value.trim()])),
    materials: input.materials,
    rounds: [{ stage: 0, submittedAt: at, submittedOn, notice: null, acceptance: null, notAccepted: null, outcome: null, concludedAt: null }],
    createdAt: at,
    updatedAt: at,
  }
  return { case: created, reviews: [], events: [caseEvent(created, 'case.submitted', at, actorRef(actor), { theme: plan.theme.code, submittedOn })] }
}

/** The required materials of a stage the case does not hold, core ones first. */
export function missingMaterials(plan: ThemePlan, current: Case, stage = current.stage): StageMaterial[] {
  return stageMaterials(plan.theme, stage, plan.matters)
    .filter((material) => material.required && current.materials[material.code] === undefined)
    .sort((a, b) => Number(b.core) - Number(a.core))
}

/**
 * The window's one notice of everything to correct (一次告知): once per stage, while the case
 * awaits acceptance. No clock runs until the applicant resubmits.
 */
export function requestCorrections(plan: ThemePlan, current: Case, actor: Actor, items: readonly CorrectionItem[], at: string): CaseChange {
  requireWindow(actor)
  requireStatus(current, ['submitted'], 'ask for corrections')
  const round = currentRound(current)
  if (round.notice !== null)
    throw violation('corrections-already-asked', 'The corrections of this stage were already asked, all at once (一次告知); accept or refuse now')
  if (items.length === 0) throw violation('invalid-input', 'A notice names at least one thing to correct', '/items')
  const materials = new Set(stageMaterials(plan.theme, current.stage, plan.matters).map((material) => material.code))
  const fields = new Set(themeForm(plan.theme, plan.matters).map((field) => field.key))
  const problems: FieldProblem[] = []
  items.forEach((item, index) => {
    if (item.request.trim() === '') problems.push({ field: `/items/${index}/request`, message: 'say what to correct' })
    if (!(item.target === 'material' ? materials : fields).has(item.code))
      problems.push({ field: `/items/${index}/code`, message: `not a ${item.target} of this stage` })
  })
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The correction notice is not valid', problems, { rule: 'invalid-input' })
  const by = actorRef(actor)
  const notice: CorrectionNotice = { items: items.map((item) => ({ ...item, request: item.request.trim() })), issuedAt: at, by, answeredAt: null }
  const next: Case = { ...current, status: 'correcting', rounds: replaceRound(current, { ...round, notice }), updatedAt: at }
  return { case: next, reviews: [], events: [caseEvent(next, 'case.corrections-requested', at, by, { items: notice.items })] }
}

/**
 * The applicant answers the notice: corrected fields and materials replace the old ones and the
 * acceptance window starts again from the day they arrive.
 */
export function resubmitCase(
  plan: ThemePlan,
  current: Case,
  actor: Actor,
  input: { readonly form?: Readonly<Record<string, string>>; readonly materials: Readonly<Record<string, SubmittedMaterial>> },
  at: string,
): CaseChange {
  requireApplicantOrWindow(actor, applicantId(current.applicant))
  requireStatus(current, ['correcting'], 'resubmit')
  const form = { ...current.form, ...(input.form ?? {}) }
  const problems = [...formProblems(themeForm(plan.theme, plan.matters), form, new Date(at)), ...materialProblems(plan, input.materials)]
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The corrected application is not valid', problems)
  const round = currentRound(current)
  const notice = round.notice === null ? null : { ...round.notice, answeredAt: at }
  const next: Case = {
    ...current,
    status: 'submitted',
    form,
    materials: { ...current.materials, ...input.materials },
    rounds: replaceRound(current, { ...round, notice, submittedAt: at, submittedOn: beijingDate(at) }),
    updatedAt: at,
  }
  return { case: next, reviews: [], events: [caseEvent(next, 'case.resubmitted', at, actorRef(actor), { materials: Object.keys(input.materials) })] }
}

/** The window refuses to accept (不予受理), stating the legal basis and the reason. */
export function refuseAcceptance(current: Case, actor: Actor, input: { readonly legalBasis: string; readonly reason: string }, at: string): CaseChange {
  requireWindow(actor)
  requireStatus(current, ['submitted'], 'refuse acceptance')
  if (input.legalBasis.trim() === '') throw violation('invalid-input', 'A refusal to accept states its legal basis', '/legalBasis')
  if (input.reason.trim() === '') throw violation('invalid-input', 'A refusal to accept states its reason', '/reason')
  const by = actorRef(actor)
  const notAccepted: NotAccepted = { legalBasis: input.legalBasis.trim(), reason: input.reason.trim(), at, by }
  const next: Case = { ...current, status: 'not-accepted', rounds: replaceRound(current, { ...currentRound(current), notAccepted }), updatedAt: at }
  return { case: next, reviews: [], events: [caseEvent(next, 'case.not-accepted', at, by, { legalBasis: notAccepted.legalBasis, reason: notAccepted.reason })] }
}

/** Opens one review per matter of the current stage, all at once, from the acceptance day. */
function openStage(plan: ThemePlan, current: Case, on: string, at: string, by: ActorRef): { reviews: Review[]; events: ReviewEvent[] } {
  const stage = plan.theme.stages[current.stage]
  if (stage === undefined) throw new Error(`theme ${plan.theme.code} has no stage ${current.stage}`)
  const opened = stage.matters.map((code) => {
    const matter = plan.matters.get(code)
    if (matter === undefined) throw new Error(`matter ${code} of theme ${plan.theme.code} is not in the catalogue`)
    return openReview({
      caseId: current.id,
      stage: current.stage,
      matter: code,
      department: matter.department,
      limit: reviewLimit(stage, matter),
      start: on,
      at,
      by,
    })
  })
  return { reviews: opened.map((change) => change.review), events: opened.map((change) => change.event) }
}

/**
 * The window accepts (受理): every department of the stage gets its review at once. A missing core
 * material stops acceptance; missing non-core ones need the applicant's commitment with a day to
 * supply them by (容缺受理), one commitment per missing material.
 *
 * @example
 * acceptCase(plan, current, window, { commitments: [{ material: 'residence-proof', dueOn: '2026-03-20' }] }, at)
 */
export function acceptCase(
  plan: ThemePlan,
  current: Case,
  actor: Actor,
  input: { readonly commitments?: readonly { readonly material: string; readonly dueOn: string }[] },
  at: string,
): CaseChange {
  requireWindow(actor)
  requireStatus(current, ['submitted'], 'accept')
  const missing = missingMaterials(plan, current)
  const core = missing.filter((material) => material.core)
  if (core.length > 0)
    throw violation('core-material-missing', `Core materials are missing and cannot be accepted without: ${core.map((m) => m.name).join('、')}`)
  const today = beijingDate(at)
  const committed = input.commitments ?? []
  const problems: FieldProblem[] = []
  committed.forEach((commitment, index) => {
    if (!missing.some((material) => material.code === commitment.material))
      problems.push({ field: `/commitments/${index}/material`, message: 'only a missing non-core material can be committed to' })
    if (!/^\d{4}-\d{2}-\d{2}$/.test(commitment.dueOn) || commitment.dueOn <= today)
      problems.push({ field: `/commitments/${index}/dueOn`, message: 'a day after today' })
  })
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The commitments are not valid', problems, { rule: 'invalid-input' })
  const uncovered = missing.filter((material) => !committed.some((commitment) => commitment.material === material.code))
  if (uncovered.length > 0) {
    throw violation(
      'material-missing',
      `Missing materials need the applicant's commitment to accept now (容缺受理): ${uncovered.map((m) => m.name).join('、')}`,
    )
  }
  const by = actorRef(actor)
  const acceptance: Acceptance = {
    on: today,
    at,
    by,
    deemed: false,
    withCase: false,
    commitments: committed.map((commitment) => ({ material: commitment.material, dueOn: commitment.dueOn, committedAt: at, suppliedAt: null })),
  }
  const next: Case = { ...current, status: 'reviewing', rounds: replaceRound(current, { ...currentRound(current), acceptance }), updatedAt: at }
  const opened = openStage(plan, next, today, at, by)
  return {
    case: next,
    reviews: opened.reviews,
    events: [caseEvent(next, 'case.accepted', at, by, { on: today, commitments: acceptance.commitments.map((c) => c.material) }), ...opened.events],
  }
}

/** The acceptance window of a case awaiting acceptance, read on a day; undefined in any other status. */
export function acceptanceClock(table: WorkingDayTable, current: Case, today: string): ClockReading | undefined {
  if (current.status !== 'submitted') return undefined
  return readClock(table, { start: currentRound(current).submittedOn, limit: ACCEPTANCE_LIMIT, pauses: [] }, today)
}

/**
 * Accepted by law (行政许可法 Art. 32): the window did not decide within 5 working days, so the
 * application counts as accepted from the day it was received, and the review clocks start from
 * that day. The platform does it (a sweep over cases awaiting acceptance; computing, not a timer,
 * decides it is due) and says so. It refuses when the deadline falls in a year whose holiday
 * schedule is not published or confirmed, rather than guess.
 */
export function deemAccepted(plan: ThemePlan, table: WorkingDayTable, current: Case, actor: Actor, at: string): CaseChange {
  requireSystem(actor)
  requireStatus(current, ['submitted'], 'deem the case accepted')
  const clock = acceptanceClock(table, current, beijingDate(at)) as ClockReading
  if (!clock.overdue) throw violation('acceptance-not-due', `The window has until ${clock.deadline} to decide on acceptance`)
  if (clock.unpublishedYears.length > 0) {
    throw violation(
      'schedule-unpublished',
      `The acceptance deadline ${clock.deadline} was counted without the holiday schedule of ${clock.unpublishedYears.join(', ')}; the administrator must enter and confirm it before the platform accepts by law`,
    )
  }
  const round = currentRound(current)
  const by = actorRef(actor)
  const acceptance: Acceptance = { on: round.submittedOn, at, by, deemed: true, withCase: false, commitments: [] }
  const next: Case = { ...current, status: 'reviewing', rounds: replaceRound(current, { ...round, acceptance }), updatedAt: at }
  const opened = openStage(plan, next, round.submittedOn, at, by)
  const notice = `逾期未作出受理决定，依《中华人民共和国行政许可法》第三十二条，自收到申请材料之日（${round.submittedOn}）起即为受理`
  return {
    case: next,
    reviews: opened.reviews,
    events: [caseEvent(next, 'case.deemed-accepted', at, by, { on: round.submittedOn, deadline: clock.deadline, notice }), ...opened.events],
  }
}

/** Commitments of the case not yet fulfilled. */
export function outstandingCommitments(current: Case): Commitment[] {
  return current.rounds.flatMap((round) => round.acceptance?.commitments ?? []).filter((commitment) => commitment.suppliedAt === null)
}

/**
 * What a review of `matter` must wait for before it may approve: the outstanding commitments for
 * materials that matter asks for. Pass it to `approveReview`.
 */
export function outstandingFor(plan: ThemePlan, current: Case, matter: string): string[] {
  const asks = new Set(plan.matters.get(matter)?.materials.map((material) => material.code) ?? [])
  return outstandingCommitments(current)
    .filter((commitment) => asks.has(commitment.material))
    .map((commitment) => commitment.material)
}

/** Commitments past their day and still unfulfilled, for the window's warnings. */
export function overdueCommitments(current: Case, today: string): Commitment[] {
  return outstandingCommitments(current).filter((commitment) => commitment.dueOn < today)
}

/**
 * The applicant supplies a material during review: one they committed to under 容缺受理, or one a
 * review's correction asked for (answer that review with `answerCorrection` in the same
 * transaction). The platform itself records gate reads this way, e.g. the next stage's materials
 * keyed by a subject the current stage set up, before {@link concludeStage}.
 */
export function supplyMaterial(plan: ThemePlan, current: Case, actor: Actor, code: string, material: SubmittedMaterial, at: string): CaseChange {
  // The platform records what it read through the gate for the next stage (the new enterprise's business licence).
  if (!(actor.kind === 'system' && material.source === 'gate')) requireApplicantOrWindow(actor, applicantId(current.applicant))
  requireStatus(current, ['reviewing'], 'supply a material')
  const problems = materialProblems(plan, { [code]: material })
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The material is not valid', problems, { rule: 'invalid-input' })
  const rounds = current.rounds.map((round) =>
    round.acceptance === null
      ? round
      : {
          ...round,
          acceptance: {
            ...round.acceptance,
            commitments: round.acceptance.commitments.map((commitment) =>
              commitment.material === code && commitment.suppliedAt === null ? { ...commitment, suppliedAt: at } : commitment,
            ),
          },
        },
  )
  const next: Case = { ...current, materials: { ...current.materials, [code]: material }, rounds, updatedAt: at }
  return { case: next, reviews: [], events: [caseEvent(next, 'case.material-supplied', at, actorRef(actor), { material: code })] }
}

/**
 * The entity a stage set up becomes the case's subject (the enterprise 企业设立登记 registered),
 * so later stages read its business licence through the gate and their licences name it. An
 * approver of a department whose matter in the current stage issues a licence to the subject.
 */
export function establishSubject(plan: ThemePlan, current: Case, actor: Actor, input: Subject, at: string): CaseChange {
  requireStatus(current, ['reviewing'], 'establish the subject')
  const issuing = (plan.theme.stages[current.stage]?.matters ?? [])
    .map((code) => plan.matters.get(code))
    .filter((matter): matter is Matter => matter?.result.kind === 'licence' && matter.result.holder === 'subject')
  if (actor.kind !== 'staff' || !actor.roles.includes(APPROVER_ROLE))
    throw violation('approver-role-required', 'Only an approver (审批人员) establishes the subject')
  if (!issuing.some((matter) => matter.department === actor.department)) {
    throw violation('other-department', 'Only the department whose matter in this stage registers the subject may establish it')
  }
  if (current.subject !== null) throw violation('subject-already-established', `The case's subject is already ${current.subject.name}`)
  const code = parseCreditCode(input.creditCode)
  if (!code.valid) throw violation('invalid-input', code.message, '/creditCode')
  if (input.name.trim() === '') throw violation('invalid-input', 'The subject needs a name', '/name')
  const subject: Subject = { creditCode: code.code, name: input.name.trim() }
  const next: Case = { ...current, subject, updatedAt: at }
  return { case: next, reviews: [], events: [caseEvent(next, 'case.subject-established', at, actorRef(actor), { ...subject })] }
}

/**
 * Applies the join rule after a review changed. While the stage is open nothing moves. Otherwise
 * the stage concludes: a refusal that stops the theme cancels the stage's other reviews and closes
 * the case; an approved (or partly approved) stage opens the next stage at once when its
 * materials came with the application (accepted with it, 一窗受理), else waits for them; the last
 * stage closes the case.
 */
export function concludeStage(plan: ThemePlan, current: Case, stageReviews: readonly Review[], at: string): CaseChange {
  if (current.status !== 'reviewing') return { case: current, reviews: [], events: [] }
  const stage = plan.theme.stages[current.stage]
  if (stage === undefined) throw new Error(`theme ${plan.theme.code} has no stage ${current.stage}`)
  const outcome = stageOutcome(stage, stageReviews)
  if (outcome === 'open') return { case: current, reviews: [], events: [] }
  const by = actorRef(SYSTEM)
  const cancelled = stageReviews
    .filter((review) => !isReviewClosed(review.status))
    .map((review) => cancelReview(review, SYSTEM, `${stage.name}阶段已有事项不予许可，本主题终止`, at))
  const rounds = replaceRound(current, { ...currentRound(current), outcome, concludedAt: at })
  const concluded: CaseEvent[] = [{ type: 'case.stage-concluded', caseId: current.id, at, by, detail: { stage: stage.code, outcome } }]
  const last = current.stage === plan.theme.stages.length - 1
  if (outcome === 'refused' || last) {
    const status: CaseStatus = outcome === 'refused' ? 'refused' : rounds.some((round) => round.outcome === 'partly-approved') ? 'partly-approved' : 'approved'
    const next: Case = { ...current, status, rounds, updatedAt: at }
    return {
      case: next,
      reviews: cancelled.map((change) => change.review),
      events: [...concluded, ...cancelled.map((change) => change.event), caseEvent(next, 'case.concluded', at, by, { status })],
    }
  }
  const advanced: Case = { ...current, stage: current.stage + 1, rounds, updatedAt: at }
  if (missingMaterials(plan, advanced).length > 0) {
    const next: Case = { ...advanced, status: 'awaiting-materials' }
    return {
      case: next,
      reviews: [],
      events: [...concluded, caseEvent(next, 'case.awaiting-materials', at, by, { stage: plan.theme.stages[next.stage]?.code })],
    }
  }
  const firstAcceptance = current.rounds[0]?.acceptance
  const on = beijingDate(at)
  const acceptance: Acceptance = { on, at, by: firstAcceptance?.by ?? by, deemed: false, withCase: true, commitments: [] }
  const round: StageRound = {
    stage: advanced.stage,
    submittedAt: current.createdAt,
    submittedOn: beijingDate(current.createdAt),
    notice: null,
    acceptance,
    notAccepted: null,
    outcome: null,
    concludedAt: null,
  }
  const next: Case = { ...advanced, status: 'reviewing', rounds: [...rounds, round] }
  const opened = openStage(plan, next, on, at, by)
  return {
    case: next,
    reviews: opened.reviews,
    events: [...concluded, caseEvent(next, 'case.accepted', at, by, { on, stage: plan.theme.stages[next.stage]?.code, withCase: true }), ...opened.events],
  }
}

/** The applicant submits the materials of the stage the case waits at; the window decides on acceptance again. */
export function submitStageMaterials(
  plan: ThemePlan,
  current: Case,
  actor: Actor,
  materials: Readonly<Record<string, SubmittedMaterial>>,
  at: string,
): CaseChange {
  requireApplicantOrWindow(actor, applicantId(current.applicant))
  if (current.status !== 'awaiting-materials') {
    if (!isCaseOpen(current.status)) throw violation('case-closed', `Cannot submit stage materials: the case is ${current.status}`)
    throw violation('not-awaiting-materials', 'The case is not waiting for the materials of a stage')
  }
  const problems = materialProblems(plan, materials)
  if (problems.length > 0) throw new AppError('HT_VALIDATION', 'The materials are not valid', problems, { rule: 'invalid-input' })
  const round: StageRound = {
    stage: current.stage,
    submittedAt: at,
    submittedOn: beijingDate(at),
    notice: null,
    acceptance: null,
    notAccepted: null,
    outcome: null,
    concludedAt: null,
  }
  const next: Case = { ...current, status: 'submitted', materials: { ...current.materials, ...materials }, rounds: [...current.rounds, round], updatedAt: at }
  return {
    case: next,
    reviews: [],
    events: [
      caseEvent(next, 'case.stage-submitted', at, actorRef(actor), { stage: plan.theme.stages[current.stage]?.code, materials: Object.keys(materials) }),
    ],
  }
}

/** The applicant (or the window for them) withdraws an open case; its undecided reviews are cancelled. */
export function withdrawCase(current: Case, actor: Actor, openReviews: readonly Review[], reason: string, at: string): CaseChange {
  requireApplicantOrWindow(actor, applicantId(current.applicant))
  requireStatus(current, ['submitted', 'correcting', 'reviewing', 'awaiting-materials'], 'withdraw')
  const by = actorRef(actor)
  const cancelled = openReviews
    .filter((review) => !isReviewClosed(review.status))
    .map((review) => cancelReview(review, SYSTEM, `申请人撤回申请：${reason}`, at))
  const next: Case = { ...current, status: 'withdrawn', updatedAt: at }
  return {
    case: next,
    reviews: cancelled.map((change) => change.review),
    events: [caseEvent(next, 'case.withdrawn', at, by, { reason }), ...cancelled.map((change) => change.event)],
  }
}

import { beijingDate } from '../calendar/working-days.js'
import { newId } from '../platform/ids.js'
import { actorRef, requireApplicantOrWindow, requireApprover, requireSystem, type Actor, type ActorRef } from './actor.js'
import { readClock, type ClockReading, type PausePeriod } from './clock.js'
import { violation } from './violations.js'
import type { WorkingDayTable } from './working-day-table.js'

/**
 * Why a review's clock stops: the applicant correcting (补正), or a special procedure whose time
 * the limit does not count (行政许可法 Art. 45: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审; and
 * the public notice, 公示, where a matter's rules require one).
 */
export const PAUSE_KINDS = ['correction', 'hearing', 'tendering', 'auction', 'inspection', 'appraisal', 'expert-review', 'public-notice'] as const
export type PauseKind = (typeof PAUSE_KINDS)[number]

export const PAUSE_KIND_LABELS: Readonly<Record<PauseKind, string>> = {
  correction: '补正材料',
  hearing: '听证',
  tendering: '招标',
  auction: '拍卖',
  inspection: '检验检测检疫',
  appraisal: '鉴定',
  'expert-review': '专家评审',
  'public-notice': '公示',
}

/** The special procedures: every pause kind but the applicant's correction. */
export type ProcedureKind = Exclude<PauseKind, 'correction'>

/**
 * - `open` 审查中: the department reviews; its clock runs.
 * - `correcting` 补正中: the applicant was asked to correct (once); the clock stops until they answer.
 * - `suspended` 特别程序: a hearing, expert review, testing or public notice; the clock stops.
 * - `approved` 准予, `refused` 不予: the department decided.
 * - `cancelled` 终止: the theme stopped or the applicant withdrew; no decision.
 */
export const REVIEW_STATUSES = ['open', 'correcting', 'suspended', 'approved', 'refused', 'cancelled'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export function isReviewClosed(status: ReviewStatus): boolean {
  return status === 'approved' || status === 'refused' || status === 'cancelled'
}

/** One pause of a review's clock, with who started and ended it. */
export interface LedgerEntry extends PausePeriod {
  readonly kind: PauseKind
  readonly reason: string
  readonly startedAt: string
  readonly startedBy: ActorRef
  readonly endedAt: string | null
  readonly endedBy: ActorRef | null
}

/** A refusal states its legal reason (不予许可决定书 must give the basis and the right to appeal). */
export interface RefusalReason {
  /** The provision refused under, e.g. 《城乡规划法》第四十条. */
  readonly legalBasis: string
  readonly reason: string
}

export interface ReviewDecision {
  readonly outcome: 'approved' | 'refused' | 'cancelled'
  readonly at: string
  readonly by: ActorRef
  readonly note: string
  readonly refusal: RefusalReason | null
}

/** One department's review of one matter of a case's stage (并联审批的一个部门审查). */
export interface Review {
  readonly id: string
  readonly caseId: string
  /** Index of the theme's stage. */
  readonly stage: number
  readonly matter: string
  readonly department: string
  readonly status: ReviewStatus
  /** The Beijing day the clock starts from: the day the stage was accepted. */
  readonly start: string
  /** Working days: the lesser of the matter's promised limit and the stage limit. */
  readonly limit: number
  readonly openedAt: string
  readonly ledger: readonly LedgerEntry[]
  /** What the applicant was asked to correct; a review asks once. */
  readonly correction: readonly string[] | null
  readonly decision: ReviewDecision | null
}

/** What happened to a review: the platform audits it and tells the reviewer, the department's leader and the window. */
export interface ReviewEvent {
  readonly type:
    | 'review.opened'
    | 'review.approved'
    | 'review.refused'
    | 'review.cancelled'
    | 'review.correction-requested'
    | 'review.correction-answered'
    | 'review.procedure-started'
    | 'review.procedure-ended'
  readonly reviewId: string
  readonly caseId: string
  readonly at: string
  readonly by: ActorRef
  readonly detail: Readonly<Record<string, unknown>>
}

export interface ReviewChange {
  readonly review: Review
  readonly event: ReviewEvent
}

export interface OpenReview {
  readonly caseId: string
  readonly stage: number
  readonly matter: string
  readonly department: string
  readonly limit: number
  /** The Beijing day the stage was accepted. */
  readonly start: string
  readonly at: string
  readonly by: ActorRef
}

/** A new review, open from the acceptance day. */
export function openReview(input: OpenReview): ReviewChange {
  const review: Review = {
    id: newId(),
    caseId: input.caseId,
    stage: input.stage,
    matter: input.matter,
    department: input.department,
    status: 'open',
    start: input.start,
    limit: input.limit,
    openedAt: input.at,
    ledger: [],
    correction: null,
    decision: null,
  }
  return { review, event: eventOf(review, 'review.opened', input.at, input.by, { department: input.department, limit: input.limit, start: input.start }) }
}

function eventOf(review: Review, type: ReviewEvent['type'], at: string, by: ActorRef, detail: Record<string, unknown> = {}): ReviewEvent {
  return { type, reviewId: review.id, caseId: review.caseId, at, by, detail }
}

function requireUndecided(review: Review): void {
  if (isReviewClosed(review.status)) throw violation('review-closed', `This review is already ${review.status}; its decision stands`)
}

/** A decision needs the clock running: not while the applicant corrects, nor during a special procedure. */
function requireRunning(review: Review, doing: string): void {
  requireUndecided(review)
  if (review.status === 'correcting') throw violation('correction-pending', `Cannot ${doing} while the applicant's correction is pending`)
  if (review.status === 'suspended')
    throw violation('procedure-running', `Cannot ${doing} while a special procedure (${PAUSE_KIND_LABELS[review.ledger.at(-1)?.kind ?? 'hearing']}) is running`)
}

function nonEmpty(value: string, field: string, what: string): string {
  const trimmed = value.trim()
  if (trimmed === '') throw violation('invalid-input', `${what} is required`, field)
  return trimmed
}

/** Closes the open pause, if any, on the day of `at`. */
function closePause(ledger: readonly LedgerEntry[], at: string, by: ActorRef): LedgerEntry[] {
  return ledger.map((entry) => (entry.to === null ? { ...entry, to: beijingDate(at), endedAt: at, endedBy: by } : entry))
}

/**
 * Approves the review (准予). Only an approver of the review's department; not on a closed review,
 * not while a correction or a special procedure runs, and not while a material this matter needs
 * is still outstanding under a 容缺 commitment (`outstanding`: those materials' codes).
 *
 * @example
 * approveReview(review, approver, { note: '符合条件' }, [], '2026-03-05T02:00:00Z').review.status // 'approved'
 */
export function approveReview(review: Review, actor: Actor, input: { readonly note: string }, outstanding: readonly string[], at: string): ReviewChange {
  requireApprover(actor, review.department)
  requireRunning(review, 'approve')
  if (outstanding.length > 0) {
    throw violation('shortfall-outstanding', `Cannot approve before the applicant supplies what they committed to (容缺材料): ${outstanding.join(', ')}`)
  }
  const by = actorRef(actor)
  const next: Review = { ...review, status: 'approved', decision: { outcome: 'approved', at, by, note: input.note.trim(), refusal: null } }
  return { review: next, event: eventOf(next, 'review.approved', at, by, { note: input.note.trim() }) }
}

/** Refuses the review (不予), stating the legal basis and the reason. Same who and when as approval. */
export function refuseReview(review: Review, actor: Actor, input: RefusalReason & { readonly note?: string }, at: string): ReviewChange {
  requireApprover(actor, review.department)
  requireRunning(review, 'refuse')
  const refusal = {
    legalBasis: nonEmpty(input.legalBasis, '/legalBasis', 'The legal basis of a refusal'),
    reason: nonEmpty(input.reason, '/reason', 'The reason of a refusal'),
  }
  const by = actorRef(actor)
  const next: Review = { ...review, status: 'refused', decision: { outcome: 'refused', at, by, note: input.note?.trim() ?? '', refusal } }
  return { review: next, event: eventOf(next, 'review.refused', at, by, { ...refusal }) }
}

/**
 * Asks the applicant to correct (补正), everything at once: a review asks once. The clock stops
 * from that day until the applicant answers.
 */
export function requestCorrection(review: Review, actor: Actor, input: { readonly items: readonly string[] }, at: string): ReviewChange {
  requireApprover(actor, review.department)
  requireRunning(review, 'ask for a correction')
  if (review.correction !== null)
    throw violation('correction-already-asked', 'This review has already asked for its correction; corrections are asked once, all together (一次告知)')
  const items = input.items.map((item, index) => nonEmpty(item, `/items/${index}`, 'Each item of a correction notice'))
  if (items.length === 0) throw violation('invalid-input', 'Name what to correct', '/items')
  const by = actorRef(actor)
  const entry: LedgerEntry = {
    kind: 'correction',
    reason: items.join('；'),
    from: beijingDate(at),
    to: null,
    startedAt: at,
    startedBy: by,
    endedAt: null,
    endedBy: null,
  }
  const next: Review = { ...review, status: 'correcting', correction: items, ledger: [...review.ledger, entry] }
  return { review: next, event: eventOf(next, 'review.correction-requested', at, by, { items }) }
}

/** The applicant (or the window for them) has answered the correction: the clock resumes with the time that was left. */
export function answerCorrection(review: Review, actor: Actor, applicantId: string, at: string): ReviewChange {
  requireApplicantOrWindow(actor, applicantId)
  requireUndecided(review)
  if (review.status !== 'correcting') throw violation('no-correction-pending', 'This review is not waiting for a correction')
  const by = actorRef(actor)
  const next: Review = { ...review, status: 'open', ledger: closePause(review.ledger, at, by) }
  return { review: next, event: eventOf(next, 'review.correction-answered', at, by) }
}

/** Starts a special procedure (hearing, expert review, testing, public notice …); the clock stops. */
export function startProcedure(review: Review, actor: Actor, input: { readonly kind: ProcedureKind; readonly reason: string }, at: string): ReviewChange {
  requireApprover(actor, review.department)
  requireRunning(review, 'start a special procedure')
  if (!(PAUSE_KINDS as readonly string[]).includes(input.kind) || input.kind === ('correction' as string)) {
    throw violation('invalid-input', `A special procedure is one of ${PAUSE_KINDS.filter((kind) => kind !== 'correction').join(', ')}`, '/kind')
  }
  const reason = nonEmpty(input.reason, '/reason', 'The reason for a special procedure')
  const by = actorRef(actor)
  const entry: LedgerEntry = { kind: input.kind, reason, from: beijingDate(at), to: null, startedAt: at, startedBy: by, endedAt: null, endedBy: null }
  const next: Review = { ...review, status: 'suspended', ledger: [...review.ledger, entry] }
  return { review: next, event: eventOf(next, 'review.procedure-started', at, by, { kind: input.kind, reason }) }
}

/** Ends the running special procedure; the clock resumes with the time that was left. */
export function endProcedure(review: Review, actor: Actor, at: string): ReviewChange {
  requireApprover(actor, review.department)
  requireUndecided(review)
  if (review.status !== 'suspended') throw violation('no-procedure-running', 'No special procedure is running on this review')
  const by = actorRef(actor)
  const next: Review = { ...review, status: 'open', ledger: closePause(review.ledger, at, by) }
  return { review: next, event: eventOf(next, 'review.procedure-ended', at, by, { kind: review.ledger.at(-1)?.kind }) }
}

/** Cancels an undecided review because the theme stopped or the applicant withdrew; the platform does it. */
export function cancelReview(review: Review, actor: Actor, reason: string, at: string): ReviewChange {
  requireSystem(actor)
  requireUndecided(review)
  const by = actorRef(actor)
  const next: Review = {
    ...review,
    status: 'cancelled',
    ledger: closePause(review.ledger, at, by),
    decision: { outcome: 'cancelled', at, by, note: reason, refusal: null },
  }
  return { review: next, event: eventOf(next, 'review.cancelled', at, by, { reason }) }
}

/**
 * A review's clock on a day; a decided review's clock reads as of its decision day, so it shows
 * whether the decision came in time.
 */
export function reviewClock(table: WorkingDayTable, review: Review, today: string): ClockReading {
  const day = review.decision === null ? today : beijingDate(review.decision.at)
  return readClock(table, { start: review.start, limit: review.limit, pauses: review.ledger }, day)
}

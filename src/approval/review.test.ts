import { describe, expect, it } from 'vitest'
import { approverOf, FOUNDER_ID, founder, MARKET, POLICE, stranger, system, window } from '../../test/support/approval-fixtures.js'
import { testTable } from '../../test/support/approval-calendar.js'
import { AppError } from '../platform/errors.js'
import type { Actor } from './actor.js'
import {
  answerCorrection,
  approveReview,
  cancelReview,
  endProcedure,
  openReview,
  refuseReview,
  requestCorrection,
  reviewClock,
  startProcedure,
  type Review,
  type ReviewStatus,
} from './review.js'

const approver = approverOf(MARKET)
const at = (date: string, time = '02:00:00') => `${date}T${time}Z`
const opened = openReview({
  caseId: 'case-1',
  stage: 0,
  matter: 'M-1',
  department: MARKET,
  limit: 10,
  start: '2026-03-02',
  at: at('2026-03-02'),
  by: { kind: 'staff', id: 'w', name: 'w', department: null },
}).review

function inStatus(status: ReviewStatus): Review {
  switch (status) {
    case 'open':
      return opened
    case 'correcting':
      return requestCorrection(opened, approver, { items: ['补充住所使用证明原件'] }, at('2026-03-04')).review
    case 'suspended':
      return startProcedure(opened, approver, { kind: 'expert-review', reason: '组织专家评审' }, at('2026-03-04')).review
    case 'approved':
      return approveReview(opened, approver, { note: '符合条件' }, [], at('2026-03-04')).review
    case 'refused':
      return refuseReview(opened, approver, { legalBasis: '《城乡规划法》第四十条', reason: '不符合规划条件' }, at('2026-03-04')).review
    case 'cancelled':
      return cancelReview(opened, system, '主题终止', at('2026-03-04')).review
  }
}

type Action = 'approve' | 'refuse' | 'request-correction' | 'answer-correction' | 'start-procedure' | 'end-procedure' | 'cancel'

/** Each action done by the one who may do it. */
const act: Record<Action, (review: Review) => Review> = {
  approve: (review) => approveReview(review, approver, { note: '' }, [], at('2026-03-10')).review,
  refuse: (review) => refuseReview(review, approver, { legalBasis: '《行政许可法》第三十八条', reason: '不符合法定条件' }, at('2026-03-10')).review,
  'request-correction': (review) => requestCorrection(review, approver, { items: ['补充材料'] }, at('2026-03-10')).review,
  'answer-correction': (review) => answerCorrection(review, founder, FOUNDER_ID, at('2026-03-10')).review,
  'start-procedure': (review) => startProcedure(review, approver, { kind: 'hearing', reason: '依申请举行听证' }, at('2026-03-10')).review,
  'end-procedure': (review) => endProcedure(review, approver, at('2026-03-10')).review,
  cancel: (review) => cancelReview(review, system, '申请人撤回', at('2026-03-10')).review,
}

/** What each action does in each status: the status it leads to, or the rule it breaks. */
const MATRIX: Record<ReviewStatus, Record<Action, ReviewStatus | string>> = {
  open: {
    approve: 'approved',
    refuse: 'refused',
    'request-correction': 'correcting',
    'answer-correction': 'no-correction-pending',
    'start-procedure': 'suspended',
    'end-procedure': 'no-procedure-running',
    cancel: 'cancelled',
  },
  correcting: {
    approve: 'correction-pending',
    refuse: 'correction-pending',
    'request-correction': 'correction-pending',
    'answer-correction': 'open',
    'start-procedure': 'correction-pending',
    'end-procedure': 'no-procedure-running',
    cancel: 'cancelled',
  },
  suspended: {
    approve: 'procedure-running',
    refuse: 'procedure-running',
    'request-correction': 'procedure-running',
    'answer-correction': 'no-correction-pending',
    'start-procedure': 'procedure-running',
    'end-procedure': 'open',
    cancel: 'cancelled',
  },
  approved: Object.fromEntries(Object.keys(act).map((action) => [action, 'review-closed'])) as Record<Action, string>,
  refused: Object.fromEntries(Object.keys(act).map((action) => [action, 'review-closed'])) as Record<Action, string>,
  cancelled: Object.fromEntries(Object.keys(act).map((action) => [action, 'review-closed'])) as Record<Action, string>,
}

function ruleOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return String(error.extra.rule)
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the review state machine', () => {
  for (const [status, row] of Object.entries(MATRIX) as [ReviewStatus, Record<Action, string>][]) {
    for (const [action, expected] of Object.entries(row) as [Action, string][]) {
      it(`${action} on a ${status} review: ${expected}`, () => {
        const review = inStatus(status)
        if ((['open', 'correcting', 'suspended', 'approved', 'refused', 'cancelled'] as string[]).includes(expected)) {
          expect(act[action](review).status).toBe(expected)
        } else {
          expect(ruleOf(() => act[action](review))).toBe(expected)
        }
      })
    }
  }

  it('asks for a correction once only, however the first one ended', () => {
    const answered = answerCorrection(inStatus('correcting'), window, FOUNDER_ID, at('2026-03-06')).review
    expect(ruleOf(() => requestCorrection(answered, approver, { items: ['再补充'] }, at('2026-03-09')))).toBe('correction-already-asked')
  })

  it('does not approve while a committed material is outstanding', () => {
    expect(ruleOf(() => approveReview(opened, approver, { note: '' }, ['domicile-proof'], at('2026-03-05')))).toBe('shortfall-outstanding')
  })

  it('refuses only with a legal basis and a reason, as a bad input naming the field', () => {
    try {
      refuseReview(opened, approver, { legalBasis: ' ', reason: '不符合条件' }, at('2026-03-05'))
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ code: 'HT_VALIDATION', errors: [{ field: '/legalBasis' }], extra: { rule: 'invalid-input' } })
    }
  })

  it('takes no correction notice without items, and no unknown procedure', () => {
    expect(ruleOf(() => requestCorrection(opened, approver, { items: [] }, at('2026-03-05')))).toBe('invalid-input')
    expect(ruleOf(() => startProcedure(opened, approver, { kind: 'correction' as 'hearing', reason: 'x' }, at('2026-03-05')))).toBe('invalid-input')
  })
})

describe('who may act on a review', () => {
  const cases: [string, Actor, (actor: Actor) => unknown, string][] = [
    [
      'an approver of another department approving',
      approverOf(POLICE),
      (actor) => approveReview(opened, actor, { note: '' }, [], at('2026-03-05')),
      'other-department',
    ],
    ['the window approving', window, (actor) => approveReview(opened, actor, { note: '' }, [], at('2026-03-05')), 'approver-role-required'],
    ['the applicant refusing', founder, (actor) => refuseReview(opened, actor, { legalBasis: 'x', reason: 'y' }, at('2026-03-05')), 'approver-role-required'],
    [
      'staff without the approver role of the department',
      { kind: 'staff', id: 'u', name: 'u', department: MARKET, roles: ['steward', 'consumer'] },
      (actor) => requestCorrection(opened, actor, { items: ['x'] }, at('2026-03-05')),
      'approver-role-required',
    ],
    [
      'an approver of another department starting a hearing',
      approverOf(POLICE),
      (actor) => startProcedure(opened, actor, { kind: 'hearing', reason: 'x' }, at('2026-03-05')),
      'other-department',
    ],
    [
      'another applicant answering a correction',
      stranger,
      (actor) => answerCorrection(inStatus('correcting'), actor, FOUNDER_ID, at('2026-03-05')),
      'not-the-applicant',
    ],
    [
      'an approver answering for the applicant',
      approver,
      (actor) => answerCorrection(inStatus('correcting'), actor, FOUNDER_ID, at('2026-03-05')),
      'not-the-applicant',
    ],
    ['staff cancelling a review', window, (actor) => cancelReview(opened, actor, 'x', at('2026-03-05')), 'system-only'],
  ]
  it.each(cases)('%s: %s', (_, actor, run, rule) => {
    expect(ruleOf(() => run(actor))).toBe(rule)
  })

  it('lets the window answer a correction for the applicant', () => {
    expect(answerCorrection(inStatus('correcting'), window, FOUNDER_ID, at('2026-03-06')).review.status).toBe('open')
  })

  it('names the department in its problem, as HT_FORBIDDEN', () => {
    expect(() => approveReview(opened, approverOf(POLICE), { note: '' }, [], at('2026-03-05'))).toThrow(
      expect.objectContaining({ code: 'HT_FORBIDDEN', status: 403 }),
    )
  })
})

describe('a review clock with its ledger', () => {
  const table = testTable()

  it('stops for the correction and resumes with the time that was left', () => {
    // Opened Monday 2 March, limit 10; correction asked Wednesday 4 March (2 used), answered Tuesday 10 March.
    const asked = requestCorrection(opened, approver, { items: ['补充材料'] }, at('2026-03-04'))
    expect(reviewClock(table, asked.review, '2026-03-09')).toMatchObject({ state: 'paused', used: 2, left: 8 })
    const answered = answerCorrection(asked.review, founder, FOUNDER_ID, at('2026-03-10'))
    const clock = reviewClock(table, answered.review, '2026-03-10')
    expect(clock).toMatchObject({ state: 'running', used: 2, left: 8, deadline: '2026-03-20' })
    expect(answered.review.ledger).toEqual([
      expect.objectContaining({
        kind: 'correction',
        from: '2026-03-04',
        to: '2026-03-10',
        startedBy: expect.objectContaining({ kind: 'staff' }),
        endedBy: expect.objectContaining({ kind: 'applicant' }),
      }),
    ])
  })

  it('counts a day by Beijing time: a pause asked at 23:30 in Beijing belongs to that day', () => {
    const late = startProcedure(opened, approver, { kind: 'public-notice', reason: '批前公示' }, '2026-03-04T15:30:00Z')
    expect(late.review.ledger[0]?.from).toBe('2026-03-04')
    const next = startProcedure(opened, approver, { kind: 'public-notice', reason: '批前公示' }, '2026-03-04T16:30:00Z')
    expect(next.review.ledger[0]?.from).toBe('2026-03-05')
  })

  it('reads a decided review as of its decision day', () => {
    const decided = approveReview(opened, approver, { note: '' }, [], at('2026-03-20'))
    expect(reviewClock(table, decided.review, '2026-06-01')).toMatchObject({ overdue: true, left: -4, colour: 'red' })
  })

  it('cancelling closes an open pause on the day of cancelling', () => {
    const cancelled = cancelReview(inStatus('suspended'), system, '主题终止', at('2026-03-06'))
    expect(cancelled.review.ledger[0]).toMatchObject({ to: '2026-03-06' })
    expect(cancelled.event).toMatchObject({ type: 'review.cancelled', by: { kind: 'system' } })
  })
})

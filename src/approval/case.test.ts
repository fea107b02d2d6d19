import { describe, expect, it } from 'vitest'
import {
  approverOf,
  businessStart,
  businessStartSubmission,
  construction,
  constructionSubmission,
  FOUNDER_ID,
  founder,
  gateRead,
  HRSS,
  MARKET,
  NEW_ENTERPRISE,
  owner,
  POLICE,
  STATE_TAX,
  stranger,
  system,
  uploaded,
  window,
} from '../../test/support/approval-fixtures.js'
import { testTable } from '../../test/support/approval-calendar.js'
import { AppError } from '../platform/errors.js'
import {
  acceptanceClock,
  acceptCase,
  concludeStage,
  deemAccepted,
  establishSubject,
  missingMaterials,
  outstandingFor,
  overdueCommitments,
  refuseAcceptance,
  replayOf,
  requestCorrections,
  resubmitCase,
  submissionFingerprint,
  submitCase,
  submitStageMaterials,
  supplyMaterial,
  withdrawCase,
  type Case,
  type CaseChange,
} from './case.js'
import { approveReview, refuseReview, type Review } from './review.js'

const at = (date: string, time = '02:00:00') => `${date}T${time}Z`

function ruleOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return String(error.extra.rule ?? error.code)
    throw error
  }
  throw new Error('expected a refusal')
}

function problemOf(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const submitted = (input = businessStartSubmission()) => submitCase(businessStart, founder, input, at('2026-03-02')).case

describe('submitting an application', () => {
  it('validates the applicant against GB 11643 and says which field is wrong', () => {
    const error = problemOf(() =>
      submitCase(businessStart, window, businessStartSubmission({ applicant: { kind: 'person', id: '110105194912310021', name: '张三' } }), at('2026-03-02')),
    )
    expect(error).toMatchObject({ code: 'HT_VALIDATION', errors: [{ field: '/applicant/id' }] })
    expect(error.errors[0]?.message).not.toContain('110105194912310021')
  })

  it('refuses an organisation where the theme takes persons, and an invalid credit code', () => {
    const organisation = { kind: 'organisation', id: '91110000600037341L', name: '某公司', agent: { residentId: FOUNDER_ID, name: '张三' } }
    expect(problemOf(() => submitCase(businessStart, window, businessStartSubmission({ applicant: organisation }), at('2026-03-02'))).errors).toEqual([
      expect.objectContaining({ field: '/applicant/kind' }),
    ])
    const input = { ...constructionSubmission(), applicant: { ...organisation, id: '91110000600037341M' } }
    expect(problemOf(() => submitCase(construction, window, input, at('2026-03-02'))).errors).toEqual([expect.objectContaining({ field: '/applicant/id' })])
  })

  it('checks the one form: required fields, identifiers, choices, unknown fields, every problem at once', () => {
    const input = businessStartSubmission()
    const form = { ...input.form, 'representative-id': '21010219900101123Y', 'company-type': '合作社', surprise: 'x' } as Record<string, string>
    delete form['company-name']
    const error = problemOf(() => submitCase(businessStart, founder, { ...input, form }, at('2026-03-02')))
    expect(error.errors.map((problem) => problem.field).sort()).toEqual([
      '/form/company-name',
      '/form/company-type',
      '/form/representative-id',
      '/form/surprise',
    ])
  })

  it('refuses materials the theme does not ask for, or from the wrong source', () => {
    const input = businessStartSubmission()
    const error = problemOf(() =>
      submitCase(
        businessStart,
        founder,
        { ...input, materials: { ...input.materials, diploma: uploaded('9'), 'investor-identity': uploaded('8') } },
        at('2026-03-02'),
      ),
    )
    expect(error.errors.map((problem) => problem.field).sort()).toEqual(['/materials/diploma', '/materials/investor-identity'])
  })

  it('may be filed by the applicant or the window, not by someone else', () => {
    expect(submitCase(businessStart, window, businessStartSubmission(), at('2026-03-02')).case.status).toBe('submitted')
    expect(ruleOf(() => submitCase(businessStart, stranger, businessStartSubmission(), at('2026-03-02')))).toBe('not-the-applicant')
  })

  it('replays a double submission with the same key and refuses the key with other content', () => {
    const first = submitted()
    const again = submissionFingerprint(businessStart.theme.code, businessStartSubmission())
    expect(replayOf(first, again)).toBe(first.id)
    expect(replayOf(undefined, again)).toBeUndefined()
    const other = submissionFingerprint(businessStart.theme.code, businessStartSubmission({ form: { ...businessStartSubmission().form, employees: '13' } }))
    expect(ruleOf(() => replayOf(first, other))).toBe('idempotency-key-reused')
  })

  it('fingerprints content, not the order it was written in', () => {
    const input = businessStartSubmission()
    const reordered = { ...input, form: Object.fromEntries(Object.entries(input.form).reverse()) }
    expect(submissionFingerprint('t', reordered)).toBe(submissionFingerprint('t', input))
  })
})

describe('acceptance at the one window', () => {
  it('opens every review of the stage at once, with the lesser of promised and stage limits', () => {
    const change = acceptCase(businessStart, submitted(), window, {}, at('2026-03-03'))
    expect(change.case.status).toBe('reviewing')
    expect(change.reviews).toEqual([
      expect.objectContaining({ matter: '210100007-XK-0001', department: MARKET, status: 'open', start: '2026-03-03', limit: 1 }),
    ])
    expect(change.events.map((event) => event.type)).toEqual(['case.accepted', 'review.opened'])
  })

  it('cannot accept without a core material, whatever is committed', () => {
    const input = businessStartSubmission()
    const { 'articles-of-association': _, ...materials } = input.materials
    expect(ruleOf(() => acceptCase(businessStart, submitted({ ...input, materials }), window, {}, at('2026-03-03')))).toBe('core-material-missing')
  })

  it('accepts with a missing non-core material only against a commitment (容缺受理), which then holds approval back', () => {
    const input = businessStartSubmission()
    const { 'domicile-proof': _, ...materials } = input.materials
    const current = submitted({ ...input, materials })
    expect(missingMaterials(businessStart, current).map((material) => material.code)).toEqual(['domicile-proof'])
    expect(ruleOf(() => acceptCase(businessStart, current, window, {}, at('2026-03-03')))).toBe('material-missing')
    expect(
      ruleOf(() => acceptCase(businessStart, current, window, { commitments: [{ material: 'domicile-proof', dueOn: '2026-03-03' }] }, at('2026-03-03'))),
    ).toBe('invalid-input')
    expect(
      ruleOf(() =>
        acceptCase(businessStart, current, window, { commitments: [{ material: 'articles-of-association', dueOn: '2026-03-20' }] }, at('2026-03-03')),
      ),
    ).toBe('invalid-input')
    const accepted = acceptCase(businessStart, current, window, { commitments: [{ material: 'domicile-proof', dueOn: '2026-03-20' }] }, at('2026-03-03'))
    const review = accepted.reviews[0] as Review
    const outstanding = outstandingFor(businessStart, accepted.case, review.matter)
    expect(outstanding).toEqual(['domicile-proof'])
    expect(ruleOf(() => approveReview(review, approverOf(MARKET), { note: '' }, outstanding, at('2026-03-04')))).toBe('shortfall-outstanding')
    expect(overdueCommitments(accepted.case, '2026-03-21').map((c) => c.material)).toEqual(['domicile-proof'])
    const supplied = supplyMaterial(businessStart, accepted.case, founder, 'domicile-proof', uploaded('9'), at('2026-03-05'))
    expect(outstandingFor(businessStart, supplied.case, review.matter)).toEqual([])
    expect(overdueCommitments(supplied.case, '2026-03-21')).toEqual([])
  })

  it('asks for all corrections once (一次告知); the window restarts from the resubmission day', () => {
    const current = submitted()
    const asked = requestCorrections(
      businessStart,
      current,
      window,
      [{ target: 'material', code: 'domicile-proof', request: '住所使用证明应为产权证明复印件' }],
      at('2026-03-03'),
    )
    expect(asked.case.status).toBe('correcting')
    expect(acceptanceClock(testTable(), asked.case, '2026-03-30')).toBeUndefined()
    expect(ruleOf(() => acceptCase(businessStart, asked.case, window, {}, at('2026-03-04')))).toBe('case-not-submitted')
    expect(ruleOf(() => resubmitCase(businessStart, asked.case, stranger, { materials: {} }, at('2026-03-09')))).toBe('not-the-applicant')
    const resubmitted = resubmitCase(businessStart, asked.case, founder, { materials: { 'domicile-proof': uploaded('7') } }, at('2026-03-09'))
    expect(resubmitted.case).toMatchObject({ status: 'submitted', rounds: [expect.objectContaining({ submittedOn: '2026-03-09' })] })
    expect(acceptanceClock(testTable(), resubmitted.case, '2026-03-09')).toMatchObject({ deadline: '2026-03-16' })
    expect(
      ruleOf(() => requestCorrections(businessStart, resubmitted.case, window, [{ target: 'field', code: 'domicile', request: '再改' }], at('2026-03-10'))),
    ).toBe('corrections-already-asked')
  })

  it('names bad items of a correction notice', () => {
    const error = problemOf(() =>
      requestCorrections(
        businessStart,
        submitted(),
        window,
        [
          { target: 'material', code: 'diploma', request: '补交' },
          { target: 'field', code: 'domicile', request: ' ' },
        ],
        at('2026-03-03'),
      ),
    )
    expect(error.errors.map((problem) => problem.field)).toEqual(['/items/0/code', '/items/1/request'])
  })

  it('refuses acceptance with the legal basis and the reason; the case is then closed', () => {
    expect(ruleOf(() => refuseAcceptance(submitted(), window, { legalBasis: '', reason: '不属于本机关职权范围' }, at('2026-03-03')))).toBe('invalid-input')
    const refused = refuseAcceptance(
      submitted(),
      window,
      { legalBasis: '《行政许可法》第三十二条第一款第（二）项', reason: '不属于本机关职权范围' },
      at('2026-03-03'),
    )
    expect(refused.case.status).toBe('not-accepted')
    expect(ruleOf(() => acceptCase(businessStart, refused.case, window, {}, at('2026-03-04')))).toBe('case-closed')
    expect(ruleOf(() => withdrawCase(refused.case, founder, [], '不办了', at('2026-03-04')))).toBe('case-closed')
  })

  it('is the window’s alone', () => {
    expect(ruleOf(() => acceptCase(businessStart, submitted(), approverOf(MARKET), {}, at('2026-03-03')))).toBe('window-role-required')
    expect(ruleOf(() => refuseAcceptance(submitted(), founder, { legalBasis: 'x', reason: 'y' }, at('2026-03-03')))).toBe('window-role-required')
    expect(ruleOf(() => requestCorrections(businessStart, submitted(), system, [], at('2026-03-03')))).toBe('window-role-required')
  })
})

describe('acceptance by law after 5 working days (行政许可法 Art. 32)', () => {
  const table = testTable()

  it('is due the day after the fifth working day and starts the clocks from the day of receipt', () => {
    const current = submitted()
    expect(acceptanceClock(table, current, '2026-03-09')).toMatchObject({ deadline: '2026-03-09', left: 0, colour: 'yellow' })
    expect(ruleOf(() => deemAccepted(businessStart, table, current, system, at('2026-03-09')))).toBe('acceptance-not-due')
    const deemed = deemAccepted(businessStart, table, current, system, at('2026-03-10'))
    expect(deemed.case.rounds[0]?.acceptance).toMatchObject({ deemed: true, on: '2026-03-02' })
    expect(deemed.reviews[0]).toMatchObject({ start: '2026-03-02', status: 'open' })
    expect(deemed.events[0]).toMatchObject({ type: 'case.deemed-accepted', detail: expect.objectContaining({ notice: expect.stringContaining('第三十二条') }) })
  })

  it('is the platform’s to do, once', () => {
    expect(ruleOf(() => deemAccepted(businessStart, table, submitted(), window, at('2026-03-20')))).toBe('system-only')
    const deemed = deemAccepted(businessStart, table, submitted(), system, at('2026-03-20'))
    expect(ruleOf(() => deemAccepted(businessStart, table, deemed.case, system, at('2026-03-21')))).toBe('case-not-submitted')
  })

  it('does not guess across an unpublished holiday schedule', () => {
    const late = submitCase(businessStart, founder, businessStartSubmission(), at('2026-12-29')).case
    expect(acceptanceClock(table, late, '2027-01-11')).toMatchObject({ overdue: true, unpublishedYears: [2027] })
    const error = problemOf(() => deemAccepted(businessStart, table, late, system, at('2027-01-11')))
    expect(error).toMatchObject({ code: 'HT_CONFLICT', extra: { rule: 'schedule-unpublished' } })
    expect(error.message).toContain('2027')
    const confirmed = testTable({ '2027-01-01': false }, [2027])
    expect(deemAccepted(businessStart, confirmed, late, system, at('2027-01-11')).case.status).toBe('reviewing')
  })
})

/** Applies the changed reviews to a list, as the repository would. */
function merge(reviews: Review[], changed: readonly Review[]): Review[] {
  return [...reviews.filter((review) => !changed.some((next) => next.id === review.id)), ...changed]
}

describe('stages and their join rules', () => {
  it('企业开办: registration establishes the enterprise, then the three departments review in parallel', () => {
    let change: CaseChange = acceptCase(businessStart, submitted(), window, {}, at('2026-03-03'))
    let current: Case = change.case
    let reviews = [...change.reviews]
    const registration = reviews[0] as Review
    expect(ruleOf(() => establishSubject(businessStart, current, approverOf(POLICE), NEW_ENTERPRISE, at('2026-03-03')))).toBe('other-department')
    current = establishSubject(businessStart, current, approverOf(MARKET), NEW_ENTERPRISE, at('2026-03-03')).case
    expect(ruleOf(() => establishSubject(businessStart, current, approverOf(MARKET), NEW_ENTERPRISE, at('2026-03-03')))).toBe('subject-already-established')
    reviews = merge(reviews, [approveReview(registration, approverOf(MARKET), { note: '准予设立登记' }, [], at('2026-03-03')).review])

    // The next stage reads the new enterprise's business licence through the gate before it opens.
    const waiting = concludeStage(businessStart, current, reviews, at('2026-03-03'))
    expect(waiting.case).toMatchObject({ status: 'awaiting-materials', stage: 1 })
    expect(missingMaterials(businessStart, waiting.case).map((material) => material.code)).toEqual(['business-licence', 'applicant-identity'])
    expect(ruleOf(() => supplyMaterial(businessStart, waiting.case, system, 'business-licence', uploaded('1'), at('2026-03-03')))).toBe('not-the-applicant')

    current = {
      ...current,
      materials: {
        ...current.materials,
        'business-licence': gateRead('法人基础信息', NEW_ENTERPRISE.creditCode),
        'applicant-identity': gateRead('人口基础信息', FOUNDER_ID),
      },
    }
    change = concludeStage(businessStart, current, reviews, at('2026-03-03'))
    expect(change.case).toMatchObject({ status: 'reviewing', stage: 1 })
    expect(change.case.rounds[1]?.acceptance).toMatchObject({ withCase: true, on: '2026-03-03' })
    expect(change.reviews.map((review) => [review.department, review.limit])).toEqual([
      [POLICE, 1],
      [STATE_TAX, 1],
      [HRSS, 1],
    ])
    current = change.case
    const [seal, invoice, insurance] = change.reviews as [Review, Review, Review]

    // A refusal in this stage ends only that matter.
    reviews = [
      refuseReview(invoice, approverOf(STATE_TAX), { legalBasis: '《发票管理办法》第十五条', reason: '经办人身份未核验' }, at('2026-03-04')).review,
      seal,
      insurance,
    ]
    expect(concludeStage(businessStart, current, reviews, at('2026-03-04')).case).toBe(current)
    reviews = merge(reviews, [
      approveReview(seal, approverOf(POLICE), { note: '' }, [], at('2026-03-04')).review,
      approveReview(insurance, approverOf(HRSS), { note: '' }, [], at('2026-03-04')).review,
    ])
    const done = concludeStage(businessStart, current, reviews, at('2026-03-04'))
    expect(done.case.status).toBe('partly-approved')
    expect(done.case.rounds.map((round) => round.outcome)).toEqual(['approved', 'partly-approved'])
    expect(done.events.map((event) => event.type)).toEqual(['case.stage-concluded', 'case.concluded'])
  })

  it('a construction project stops at a refusal that stops the theme; the stage’s other reviews are cancelled', () => {
    const accepted = acceptCase(construction, submitCase(construction, owner, constructionSubmission(), at('2026-03-02')).case, window, {}, at('2026-03-02'))
    expect(accepted.reviews.map((review) => [review.matter, review.limit])).toEqual([
      ['210100014-XK-0001', 10],
      ['210100012-XK-0001', 10],
      ['210100012-XK-0002', 10],
    ])
    const [investment, site, land] = accepted.reviews as [Review, Review, Review]
    const reviews = [
      approveReview(investment, approverOf('210100014'), { note: '' }, [], at('2026-03-05')).review,
      refuseReview(site, approverOf('210100012'), { legalBasis: '《城乡规划法》第三十六条', reason: '选址不符合国土空间规划' }, at('2026-03-05')).review,
      land,
    ]
    const stopped = concludeStage(construction, accepted.case, reviews, at('2026-03-05'))
    expect(stopped.case.status).toBe('refused')
    expect(stopped.reviews).toEqual([expect.objectContaining({ id: land.id, status: 'cancelled' })])
    expect(ruleOf(() => approveReview(stopped.reviews[0] as Review, approverOf('210100012'), { note: '' }, [], at('2026-03-06')))).toBe('review-closed')
  })

  it('a construction project waits for the next stage’s materials and accepts them at the window again', () => {
    const accepted = acceptCase(construction, submitCase(construction, owner, constructionSubmission(), at('2026-03-02')).case, window, {}, at('2026-03-02'))
    const approved = accepted.reviews.map((review) => approveReview(review, approverOf(review.department), { note: '' }, [], at('2026-03-06')).review)
    const waiting = concludeStage(construction, accepted.case, approved, at('2026-03-06'))
    expect(waiting.case).toMatchObject({ status: 'awaiting-materials', stage: 1 })
    expect(ruleOf(() => submitStageMaterials(construction, accepted.case, owner, {}, at('2026-03-09')))).toBe('not-awaiting-materials')
    const next = submitStageMaterials(
      construction,
      waiting.case,
      owner,
      { 'land-planning-permit': gateRead('建设用地规划许可信息', 'permit-1'), 'design-scheme': uploaded('5'), 'fire-design-documents': uploaded('6') },
      at('2026-03-09'),
    )
    expect(next.case).toMatchObject({ status: 'submitted', stage: 1 })
    expect(next.case.rounds.map((round) => round.submittedOn)).toEqual(['2026-03-02', '2026-03-09'])
    const second = acceptCase(construction, next.case, window, {}, at('2026-03-10'))
    expect(second.reviews.map((review) => [review.matter, review.start, review.limit])).toEqual([
      ['210100012-XK-0003', '2026-03-10', 15],
      ['210100016-XK-0001', '2026-03-10', 10],
    ])
  })

  it('withdrawing cancels the open reviews and closes the case', () => {
    const accepted = acceptCase(construction, submitCase(construction, owner, constructionSubmission(), at('2026-03-02')).case, window, {}, at('2026-03-02'))
    expect(ruleOf(() => withdrawCase(accepted.case, stranger, accepted.reviews, '项目调整', at('2026-03-04')))).toBe('not-the-applicant')
    const withdrawn = withdrawCase(accepted.case, owner, accepted.reviews, '项目调整', at('2026-03-04'))
    expect(withdrawn.case.status).toBe('withdrawn')
    expect(withdrawn.reviews.map((review) => review.status)).toEqual(['cancelled', 'cancelled', 'cancelled'])
    expect(ruleOf(() => supplyMaterial(construction, withdrawn.case, owner, 'planning-conditions', uploaded('4'), at('2026-03-05')))).toBe('case-closed')
  })
})

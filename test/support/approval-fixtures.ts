import type { Actor } from '../../src/approval/actor.js'
import type { SubmittedMaterial, SubmissionInput, ThemePlan } from '../../src/approval/case.js'
import { BUSINESS_START, CONSTRUCTION_PROJECT, demoMatters } from '../../src/demo/approval-catalogue.js'

export const FOUNDER_ID = '11010519491231002X'
export const OWNER_CODE = '91110000600037341L'
export const NEW_ENTERPRISE = { creditCode: '91210102MA0QC0G16K', name: '沈阳汇通示范科技有限公司' }

export const MARKET = '210100007'
export const POLICE = '210100003'
export const STATE_TAX = '210100009'
export const HRSS = '210100004'

export const businessStart: ThemePlan = { theme: BUSINESS_START, matters: demoMatters() }
export const construction: ThemePlan = { theme: CONSTRUCTION_PROJECT, matters: demoMatters() }

export const window: Actor = { kind: 'staff', id: 'u-window', name: '窗口人员', department: '210100000', roles: ['window'] }
export const approverOf = (department: string): Actor => ({
  kind: 'staff',
  id: `u-${department}`,
  name: `审批人员${department}`,
  department,
  roles: ['approver'],
})
export const founder: Actor = { kind: 'applicant', id: FOUNDER_ID }
export const owner: Actor = { kind: 'applicant', id: OWNER_CODE }
export const stranger: Actor = { kind: 'applicant', id: '110105194912310021' }
export const system: Actor = { kind: 'system' }

export const uploaded = (seed: string, at = '2026-03-02T01:00:00Z'): SubmittedMaterial => ({
  source: 'upload',
  sha256: seed.repeat(64).slice(0, 64),
  mediaType: 'application/pdf',
  bytes: 2048,
  storedName: `${seed.repeat(64).slice(0, 64)}.pdf`,
  at,
})
export const gateRead = (resource: string, recordKey: string, at = '2026-03-02T01:00:00Z'): SubmittedMaterial => ({ source: 'gate', resource, recordKey, at })

/** A complete 企业开办 application: every first-stage material, and the second stage's uploads. */
export function businessStartSubmission(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    applicant: { kind: 'person', id: FOUNDER_ID, name: '张三' },
    form: {
      'company-name': NEW_ENTERPRISE.name,
      'company-type': '有限责任公司',
      'registered-capital': '100',
      domicile: '辽宁省沈阳市和平区南京北街100号',
      'domicile-division': '210102',
      'business-scope': '软件开发；信息技术咨询服务',
      'representative-name': '张三',
      'representative-id': FOUNDER_ID,
      seals: '公章、财务专用章、发票专用章',
      'invoice-kinds': '增值税普通发票',
      employees: '12',
    },
    materials: {
      'registration-application': uploaded('a'),
      'articles-of-association': uploaded('b'),
      'investor-identity': gateRead('人口基础信息', FOUNDER_ID),
      'domicile-proof': uploaded('c'),
      'officer-appointments': uploaded('d'),
      'seal-application': uploaded('e'),
      'insurance-registration-form': uploaded('f'),
    },
    idempotencyKey: 'business-start-0001',
    ...overrides,
  }
}

/** A construction application with the first stage's materials only. */
export function constructionSubmission(): SubmissionInput {
  return {
    applicant: { kind: 'organisation', id: OWNER_CODE, name: '沈阳示范置业有限公司', agent: { residentId: FOUNDER_ID, name: '张三' } },
    form: {
      'project-name': '浑南区示范产业园一期',
      'project-location': '辽宁省沈阳市浑南区创新路100号',
      'project-division': '210112',
      'land-area': '20000',
      'floor-area': '45000',
      investment: '30000',
    },
    materials: {
      'business-licence': gateRead('法人基础信息', OWNER_CODE),
      'project-application': uploaded('1'),
      'site-plan': uploaded('2'),
      'land-use-application': uploaded('3'),
      'planning-conditions': uploaded('4'),
    },
    idempotencyKey: 'construction-0001',
  }
}

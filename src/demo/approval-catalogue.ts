import type { Material, Matter } from '../approval/matter.js'
import type { Theme } from '../approval/theme.js'
import { DEMO_DEPARTMENTS, type DemoDepartment } from './departments.js'

/**
 * The demo's catalogue of matters (政务服务事项) and its two themes: 企业开办 (setting up a
 * business: registration, then seal, invoices and social insurance in parallel) and a social
 * investment construction project in the four stages of 国办发〔2019〕11号.
 *
 * The laws and regulations cited are real, with the articles that govern each matter. The matter
 * codes (shaped like implementation codes: department, kind, number), the promised limits, the
 * stage limits, the fees and the material lists are generated for the demo; statutory limits
 * follow the cited articles where they state one and are generated where they do not.
 */

const POLICE = '210100003'
const HRSS = '210100004'
const MARKET = '210100007'
const STATE_TAX = '210100009'
const PLANNING = '210100012'
const NDRC = '210100014'
/** 市城乡建设委员会: not yet among the demo's departments (see {@link PROPOSED_DEPARTMENTS}). */
const CONSTRUCTION = '210100016'

/** Departments the approval demo needs that the demo does not have yet. */
export const PROPOSED_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    code: CONSTRUCTION,
    name: '市城乡建设委员会',
    shortName: '城乡建设委',
    nameEn: 'Municipal Urban and Rural Construction Commission',
    kind: 'city',
    divisionCode: '210100',
    parent: '210100000',
  },
]

const upload = (code: string, name: string, required: boolean, core: boolean, extra: Partial<Material> = {}): Material => ({
  code,
  name,
  required,
  core,
  source: { kind: 'upload' },
  ...extra,
})
const fromGate = (code: string, name: string, resource: string, key: 'applicant' | 'subject', required = true, core = true): Material => ({
  code,
  name,
  required,
  core,
  source: { kind: 'gate', resource, key },
})

const businessLicence = fromGate('business-licence', '营业执照', '法人基础信息', 'subject')
const applicantIdentity = fromGate('applicant-identity', '申请人（经办人）身份证明', '人口基础信息', 'applicant')

const COMPANY_REGISTRATION: Matter = {
  code: '210100007-XK-0001',
  name: '企业设立登记',
  kind: 'licensing',
  department: MARKET,
  applicants: ['person'],
  legalBasis: [
    { title: '《中华人民共和国公司法》', article: '第二十九条' },
    { title: '《中华人民共和国市场主体登记管理条例》', article: '第十九条' },
  ],
  statutoryLimit: 3,
  promisedLimit: 1,
  conditions: ['企业名称符合《企业名称登记管理规定》', '有符合章程规定的出资、住所和组织机构', '申请材料齐全、符合法定形式'],
  fees: [],
  fields: [
    { key: 'company-name', label: '企业名称', type: 'text', required: true },
    { key: 'company-type', label: '企业类型', type: 'choice', required: true, options: ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业'] },
    { key: 'registered-capital', label: '注册资本（万元）', type: 'number', required: true },
    { key: 'domicile', label: '住所', type: 'text', required: true },
    { key: 'domicile-division', label: '住所行政区划', type: 'division', required: true },
    { key: 'business-scope', label: '经营范围', type: 'text', required: true },
    { key: 'representative-name', label: '法定代表人姓名', type: 'text', required: true },
    { key: 'representative-id', label: '法定代表人身份证号码', type: 'resident-id', required: true },
  ],
  materials: [
    upload('registration-application', '公司登记（备案）申请书', true, true, { types: ['pdf'] }),
    upload('articles-of-association', '公司章程', true, true, { types: ['pdf'] }),
    fromGate('investor-identity', '股东、法定代表人身份证明', '人口基础信息', 'applicant'),
    upload('domicile-proof', '住所使用证明', true, false, { note: '可容缺受理，承诺期限内补交' }),
    upload('officer-appointments', '董事、监事和经理的任职文件', true, false),
    upload('name-declaration', '企业名称自主申报告知书', false, false),
  ],
  result: { kind: 'licence', name: '营业执照', validityYears: null, holder: 'subject' },
}

const SEAL_FILING: Matter = {
  code: '210100003-QT-0001',
  name: '公章刻制备案',
  kind: 'other-power',
  department: POLICE,
  applicants: ['organisation'],
  legalBasis: [
    { title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）', article: '附件第37项' },
    { title: '《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）', article: '附件1' },
  ],
  statutoryLimit: 1,
  promisedLimit: 1,
  conditions: ['已取得营业执照', '选择具备资质的印章刻制企业'],
  fees: [{ item: '印章刻制费', amount: null, basis: '由印章刻制企业按市场价格收取，首套印章由政府购买服务免费刻制' }],
  fields: [{ key: 'seals', label: '刻制印章', type: 'choice', required: true, options: ['公章', '公章、财务专用章', '公章、财务专用章、发票专用章'] }],
  materials: [businessLicence, applicantIdentity, upload('seal-application', '印章刻制申请表', true, false)],
  result: { kind: 'decision', name: '公章刻制备案回执' },
}

const INVOICE_ISSUE: Matter = {
  code: '210100009-QT-0001',
  name: '发票领用',
  kind: 'other-power',
  department: STATE_TAX,
  applicants: ['organisation'],
  legalBasis: [{ title: '《中华人民共和国发票管理办法》', article: '第十五条' }],
  statutoryLimit: 5,
  promisedLimit: 1,
  conditions: ['已办理设立登记并完成税务信息确认'],
  fees: [],
  fields: [
    {
      key: 'invoice-kinds',
      label: '领用发票种类',
      type: 'choice',
      required: true,
      options: ['增值税普通发票', '增值税专用发票', '增值税普通发票、增值税专用发票'],
    },
  ],
  materials: [businessLicence, applicantIdentity, fromGate('tax-rating', '纳税信用等级', '纳税信用等级信息', 'subject', false, false)],
  result: { kind: 'decision', name: '发票领用确认书' },
}

const SOCIAL_INSURANCE: Matter = {
  code: '210100004-GG-0001',
  name: '单位社会保险登记',
  kind: 'public-service',
  department: HRSS,
  applicants: ['organisation'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第五十七条' }],
  statutoryLimit: 15,
  promisedLimit: 1,
  conditions: ['用人单位自成立之日起三十日内申请'],
  fees: [],
  fields: [{ key: 'employees', label: '参保职工人数', type: 'number', required: true }],
  materials: [businessLicence, upload('insurance-registration-form', '单位社会保险登记表', true, false)],
  result: { kind: 'decision', name: '单位社会保险登记回执' },
}

const projectFields: Matter['fields'] = [
  { key: 'project-name', label: '项目名称', type: 'text', required: true },
  { key: 'project-location', label: '建设地点', type: 'text', required: true },
  { key: 'project-division', label: '建设地点行政区划', type: 'division', required: true },
  { key: 'land-area', label: '用地面积（平方米）', type: 'number', required: true },
  { key: 'floor-area', label: '总建筑面积（平方米）', type: 'number', required: true },
  { key: 'investment', label: '总投资（万元）', type: 'number', required: true },
]
const ownerLicence = businessLicence
const sitePlan = upload('site-plan', '建设用地红线图（宗地图）', true, true)

const INVESTMENT_APPROVAL: Matter = {
  code: '210100014-XK-0001',
  name: '企业投资项目核准',
  kind: 'licensing',
  department: NDRC,
  applicants: ['organisation'],
  legalBasis: [{ title: '《企业投资项目核准和备案管理条例》（国务院令第673号）', article: '第十一条' }],
  statutoryLimit: 20,
  promisedLimit: 10,
  conditions: ['属于《政府核准的投资项目目录》范围', '符合国家产业政策和发展规划'],
  fees: [],
  fields: projectFields,
  materials: [
    ownerLicence,
    upload('project-application', '项目申请报告', true, true, { types: ['pdf'] }),
    fromGate('tax-rating', '纳税信用等级', '纳税信用等级信息', 'subject', false, false),
  ],
  result: { kind: 'decision', name: '项目核准文件' },
}

const SITE_SELECTION: Matter = {
  code: '210100012-XK-0001',
  name: '建设项目用地预审与选址意见书核发',
  kind: 'licensing',
  department: PLANNING,
  applicants: ['organisation'],
  legalBasis: [
    { title: '《中华人民共和国土地管理法》', article: '第五十二条' },
    { title: '《中华人民共和国城乡规划法》', article: '第三十六条' },
  ],
  statutoryLimit: 20,
  promisedLimit: 10,
  conditions: ['项目选址符合国土空间规划', '用地规模符合土地使用标准'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, sitePlan, upload('land-use-application', '建设项目用地预审与选址申请表', true, true)],
  result: { kind: 'licence', name: '建设项目用地预审与选址意见书', validityYears: 3, holder: 'subject' },
}

const LAND_PLANNING_PERMIT: Matter = {
  code: '210100012-XK-0002',
  name: '建设用地规划许可证核发',
  kind: 'licensing',
  department: PLANNING,
  applicants: ['organisation'],
  legalBasis: [{ title: '《中华人民共和国城乡规划法》', article: '第三十七条、第三十八条' }],
  statutoryLimit: 20,
  promisedLimit: 10,
  conditions: ['已取得用地预审与选址意见书或国有土地使用权出让合同', '符合控制性详细规划确定的规划条件'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, sitePlan, upload('planning-conditions', '规划条件', true, false)],
  result: { kind: 'licence', name: '建设用地规划许可证', validityYears: null, holder: 'subject' },
}

const WORKS_PLANNING_PERMIT: Matter = {
  code: '210100012-XK-0003',
  name: '建设工程规划许可证核发',
  kind: 'licensing',
  department: PLANNING,
  applicants: ['organisation'],
  legalBasis: [{ title: '《中华人民共和国城乡规划法》', article: '第四十条' }],
  statutoryLimit: 20,
  promisedLimit: 15,
  conditions: ['已取得建设用地规划许可证', '建设工程设计方案符合规划条件'],
  fees: [],
  fields: projectFields,
  materials: [
    fromGate('land-planning-permit', '建设用地规划许可证', '建设用地规划许可信息', 'subject'),
    upload('design-scheme', '建设工程设计方案', true, true, { types: ['pdf'] }),
  ],
  result: { kind: 'licence', name: '建设工程规划许可证', validityYears: null, holder: 'subject' },
}

const FIRE_DESIGN_REVIEW: Matter = {
  code: '210100016-XK-0001',
  name: '特殊建设工程消防设计审查',
  kind: 'licensing',
  department: CONSTRUCTION,
  applicants: ['organisation'],
  legalBasis: [
    { title: '《中华人民共和国消防法》', article: '第十一条' },
    { title: '《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第51号）', article: '第十九条' },
  ],
  statutoryLimit: 15,
  promisedLimit: 10,
  conditions: ['属于特殊建设工程', '消防设计文件符合国家工程建设消防技术标准'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, upload('fire-design-documents', '消防设计文件', true, true, { types: ['pdf'] })],
  result: { kind: 'decision', name: '特殊建设工程消防设计审查意见书' },
}

const CONSTRUCTION_PERMIT: Matter = {
  code: '210100016-XK-0002',
  name: '建筑工程施工许可证核发',
  kind: 'licensing',
  department: CONSTRUCTION,
  applicants: ['organisation'],
  legalBasis: [
    { title: '《中华人民共和国建筑法》', article: '第七条、第八条' },
    { title: '《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）', article: '第四条、第五条' },
  ],
  statutoryLimit: 7,
  promisedLimit: 3,
  conditions: ['已取得建设工程规划许可证', '已确定施工企业', '有满足施工需要的资金安排、施工图纸及技术资料', '有保证工程质量和安全的具体措施'],
  fees: [],
  fields: projectFields,
  materials: [
    ownerLicence,
    upload('construction-contract', '施工合同', true, true),
    upload('quality-safety-measures', '保证工程质量和安全的具体措施', true, false),
  ],
  result: { kind: 'licence', name: '建筑工程施工许可证', validityYears: null, holder: 'subject' },
}

const PLANNING_VERIFICATION: Matter = {
  code: '210100012-QT-0001',
  name: '建设工程规划条件核实',
  kind: 'other-power',
  department: PLANNING,
  applicants: ['organisation'],
  legalBasis: [{ title: '《中华人民共和国城乡规划法》', article: '第四十五条' }],
  statutoryLimit: 15,
  promisedLimit: 5,
  conditions: ['建设工程已竣工', '按建设工程规划许可证核定的内容建设'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, upload('as-built-survey', '竣工规划测量成果', true, true)],
  result: { kind: 'decision', name: '建设工程规划条件核实合格证明' },
}

const FIRE_ACCEPTANCE: Matter = {
  code: '210100016-XK-0003',
  name: '特殊建设工程消防验收',
  kind: 'licensing',
  department: CONSTRUCTION,
  applicants: ['organisation'],
  legalBasis: [
    { title: '《中华人民共和国消防法》', article: '第十三条' },
    { title: '《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第51号）', article: '第二十九条' },
  ],
  statutoryLimit: 15,
  promisedLimit: 5,
  conditions: ['已完成工程竣工验收', '消防设施检测合格'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, upload('completion-report', '工程竣工验收报告', true, true), upload('fire-test-report', '消防设施检测报告', true, false)],
  result: { kind: 'decision', name: '特殊建设工程消防验收意见书' },
}

const COMPLETION_FILING: Matter = {
  code: '210100016-QT-0001',
  name: '房屋建筑和市政基础设施工程竣工验收备案',
  kind: 'other-power',
  department: CONSTRUCTION,
  applicants: ['organisation'],
  legalBasis: [{ title: '《建设工程质量管理条例》', article: '第四十九条' }],
  statutoryLimit: 15,
  promisedLimit: 3,
  conditions: ['工程竣工验收合格之日起15日内备案'],
  fees: [],
  fields: projectFields,
  materials: [ownerLicence, upload('completion-report', '工程竣工验收报告', true, true)],
  result: { kind: 'decision', name: '竣工验收备案证明书' },
}

/** Every demo matter. */
export const DEMO_MATTERS: readonly Matter[] = [
  COMPANY_REGISTRATION,
  SEAL_FILING,
  INVOICE_ISSUE,
  SOCIAL_INSURANCE,
  INVESTMENT_APPROVAL,
  SITE_SELECTION,
  LAND_PLANNING_PERMIT,
  WORKS_PLANNING_PERMIT,
  FIRE_DESIGN_REVIEW,
  CONSTRUCTION_PERMIT,
  PLANNING_VERIFICATION,
  FIRE_ACCEPTANCE,
  COMPLETION_FILING,
]

/** 企业开办: registration first (its refusal stops everything), then the rest in parallel for the new enterprise. */
export const BUSINESS_START: Theme = {
  code: 'business-start',
  name: '企业开办',
  applicants: ['person'],
  leadDepartment: MARKET,
  description: '企业开办“一件事”：一次申报、一窗受理，设立登记后公章刻制、发票领用、社会保险登记并联办理，全程不超过3个工作日。',
  stages: [
    { code: 'registration', name: '设立登记', limit: 1, matters: [COMPANY_REGISTRATION.code], onRefusal: 'stops-theme' },
    { code: 'opening', name: '开办事项', limit: 2, matters: [SEAL_FILING.code, INVOICE_ISSUE.code, SOCIAL_INSURANCE.code], onRefusal: 'stops-matter' },
  ],
}

/** A social investment construction project in the four stages of 国办发〔2019〕11号; joint completion acceptance (联合验收) last. */
export const CONSTRUCTION_PROJECT: Theme = {
  code: 'construction-project',
  name: '工程建设项目审批（社会投资项目）',
  applicants: ['organisation'],
  leadDepartment: CONSTRUCTION,
  description:
    '依《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号），分立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段，每阶段一份办事指南、一张申请表、一套申报材料，并联审批、限时办结。',
  stages: [
    {
      code: 'land-planning',
      name: '立项用地规划许可',
      limit: 15,
      matters: [INVESTMENT_APPROVAL.code, SITE_SELECTION.code, LAND_PLANNING_PERMIT.code],
      onRefusal: 'stops-theme',
    },
    { code: 'works-permit', name: '工程建设许可', limit: 20, matters: [WORKS_PLANNING_PERMIT.code, FIRE_DESIGN_REVIEW.code], onRefusal: 'stops-theme' },
    { code: 'construction-permit', name: '施工许可', limit: 5, matters: [CONSTRUCTION_PERMIT.code], onRefusal: 'stops-theme' },
    {
      code: 'completion',
      name: '竣工验收',
      limit: 10,
      matters: [PLANNING_VERIFICATION.code, FIRE_ACCEPTANCE.code, COMPLETION_FILING.code],
      onRefusal: 'stops-matter',
    },
  ],
}

export const DEMO_THEMES: readonly Theme[] = [BUSINESS_START, CONSTRUCTION_PROJECT]

/** The demo matters by code, as themes and cases look them up. */
export function demoMatters(): ReadonlyMap<string, Matter> {
  return new Map(DEMO_MATTERS.map((matter) => [matter.code, matter]))
}

/** Short names of the demo's departments and the proposed ones, for lanes and labels. */
export function demoDepartmentNames(): ReadonlyMap<string, string> {
  return new Map([...DEMO_DEPARTMENTS, ...PROPOSED_DEPARTMENTS].map((department) => [department.code, department.name]))
}

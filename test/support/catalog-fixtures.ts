import type { ResourceContentInput } from '../../src/catalog/model.js'

/** A valid base-registry entry: 人口基础信息 of the public security bureau. */
export function populationEntry(overrides: Partial<ResourceContentInput> = {}): ResourceContentInput {
  return {
    name: '人口基础信息',
    abstract: '全市户籍人口和常住人口的基础信息，以公民身份号码为唯一标识，由市公安局负责采集和维护。',
    classification: 'base',
    category: '01',
    formatClass: '数据库',
    formatType: 'PostgreSQL',
    shareType: 'unconditional',
    shareMethods: ['api'],
    open: false,
    updateCycle: 'realtime',
    publishDate: '2016-05-01',
    secrecy: 'non-secret',
    tags: ['人口', '户籍'],
    items: [
      {
        name: '公民身份号码',
        key: 'resident_id',
        type: 'C',
        length: 18,
        required: true,
        primaryKey: true,
        sensitive: true,
        identifierKind: 'residentId',
        baseItem: true,
      },
      { name: '姓名', key: 'name', type: 'C', length: 50, required: true, sensitive: true, baseItem: true },
      { name: '出生日期', key: 'birth_date', type: 'D', required: true, baseItem: true },
      { name: '居住地址', key: 'residence_address', type: 'C', length: 200, sensitive: true, shareType: 'conditional' },
    ],
    ...overrides,
  }
}

/** A valid conditional department entry: 城乡低保对象信息 of civil affairs. */
export function allowanceEntry(overrides: Partial<ResourceContentInput> = {}): ResourceContentInput {
  return {
    name: '城乡低保对象信息',
    abstract: '城乡最低生活保障对象的家庭成员、保障金额和审批信息。',
    classification: 'theme',
    category: '02',
    formatClass: '电子表格',
    formatType: 'XLSX',
    shareType: 'conditional',
    shareCondition: '仅用于社会救助对象资格审核，需经市民政局审批',
    shareMethods: ['api', 'file'],
    open: false,
    updateCycle: 'monthly',
    secrecy: 'non-secret',
    tags: ['低保', '社会救助'],
    items: [
      { name: '公民身份号码', key: 'resident_id', type: 'C', length: 18, required: true, primaryKey: true, sensitive: true, identifierKind: 'residentId' },
      { name: '姓名', key: 'name', type: 'C', length: 50, required: true, sensitive: true },
      { name: '保障金额', key: 'allowance_amount', type: 'Y', length: 10, required: true },
      { name: '所属区县', key: 'division_code', type: 'C', length: 12, identifierKind: 'divisionCode' },
    ],
    ...overrides,
  }
}

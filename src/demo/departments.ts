import type { Role } from '../platform/auth/roles.js'

export interface DemoDepartment {
  readonly code: string
  readonly name: string
  readonly shortName: string
  readonly nameEn: string
  readonly kind: 'city' | 'district'
  readonly divisionCode: string
  /** Code of the parent department; the city government has none. */
  readonly parent: string | null
}

/** Shenyang (GB/T 2260: 210100). Department codes are the division code plus a 3-digit number. */
export const CITY_CODE = '210100000'

/** The city government, the departments the city's plan names, and the 13 districts and counties. */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    code: CITY_CODE,
    name: '沈阳市人民政府',
    shortName: '市政府',
    nameEn: 'Shenyang Municipal People’s Government',
    kind: 'city',
    divisionCode: '210100',
    parent: null,
  },
  ...(
    [
      ['001', '市委机要局', '机要局', 'Confidential Bureau of the Municipal Party Committee'],
      ['002', '市经济和信息化委', '经信委', 'Municipal Commission of Economy and Information Technology'],
      ['003', '市公安局', '公安局', 'Municipal Public Security Bureau'],
      ['004', '市人力资源社会保障局', '人社局', 'Municipal Human Resources and Social Security Bureau'],
      ['005', '市民政局', '民政局', 'Municipal Civil Affairs Bureau'],
      ['006', '市卫生计生委', '卫计委', 'Municipal Health and Family Planning Commission'],
      ['007', '市工商局', '工商局', 'Municipal Administration for Industry and Commerce (market regulation)'],
      ['008', '市质监局', '质监局', 'Municipal Quality and Technical Supervision Bureau'],
      ['009', '市国税局', '国税局', 'Municipal State Taxation Bureau'],
      ['010', '市地税局', '地税局', 'Municipal Local Taxation Bureau'],
      ['011', '市编委办', '编委办', 'Office of the Municipal Establishment Committee'],
      ['012', '市规划国土局', '规划国土局', 'Municipal Planning and Land Resources Bureau'],
      ['013', '市统计局', '统计局', 'Municipal Statistics Bureau'],
      ['014', '市发展改革委', '发改委', 'Municipal Development and Reform Commission'],
      ['015', '市残联', '残联', 'Municipal Disabled Persons’ Federation'],
    ] as const
  ).map(([number, name, shortName, nameEn]) => ({
    code: `210100${number}`,
    name,
    shortName,
    nameEn,
    kind: 'city' as const,
    divisionCode: '210100',
    parent: CITY_CODE,
  })),
  ...(
    [
      ['210102', '和平区', 'Heping District'],
      ['210103', '沈河区', 'Shenhe District'],
      ['210104', '大东区', 'Dadong District'],
      ['210105', '皇姑区', 'Huanggu District'],
      ['210106', '铁西区', 'Tiexi District'],
      ['210111', '苏家屯区', 'Sujiatun District'],
      ['210112', '浑南区', 'Hunnan District'],
      ['210113', '沈北新区', 'Shenbei New District'],
      ['210114', '于洪区', 'Yuhong District'],
      ['210115', '辽中区', 'Liaozhong District'],
      ['210123', '康平县', 'Kangping County'],
      ['210124', '法库县', 'Faku County'],
      ['210181', '新民市', 'Xinmin City'],
    ] as const
  ).map(([division, name, nameEn]) => ({
    code: `${division}000`,
    name: `${name}人民政府`,
    shortName: name,
    nameEn: `${nameEn} People’s Government`,
    kind: 'district' as const,
    divisionCode: division,
    parent: CITY_CODE,
  })),
]

export interface DemoAccount {
  readonly username: string
  readonly displayName: string
  readonly department: string
  readonly roles: readonly Role[]
}

const steward = (username: string, displayName: string, department: string): DemoAccount => ({
  username,
  displayName,
  department,
  roles: ['steward', 'consumer'],
})

/** The demo's accounts: the three administrators, the data office, and each department's steward. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员', department: '210100002', roles: ['sysadmin'] },
  { username: 'secadmin', displayName: '安全管理员', department: '210100002', roles: ['secadmin'] },
  { username: 'auditor', displayName: '审计管理员', department: '210100002', roles: ['auditor'] },
  { username: 'dataoffice', displayName: '数据主管（经信委）', department: '210100002', roles: ['dataoffice', 'consumer'] },
  steward('police', '公安局数据管理员', '210100003'),
  steward('civil', '民政局数据管理员', '210100005'),
  steward('hrss', '人社局数据管理员', '210100004'),
  steward('health', '卫计委数据管理员', '210100006'),
  steward('market', '工商局数据管理员', '210100007'),
  steward('tax', '地税局数据管理员', '210100010'),
  steward('stats', '统计局数据管理员', '210100013'),
  steward('planning', '规划国土局数据管理员', '210100012'),
  steward('quality', '质监局数据管理员', '210100008'),
  steward('staffing', '编委办数据管理员', '210100011'),
  steward('disability', '残联数据管理员', '210100015'),
  { username: 'heping', displayName: '和平区业务人员', department: '210102000', roles: ['consumer'] },
  { username: 'approver', displayName: '审批人员（发改委）', department: '210100014', roles: ['approver', 'consumer'] },
  { username: 'supervisor', displayName: '督办人员（市政府）', department: CITY_CODE, roles: ['supervisor'] },
]

/** The demo password unless HUITONG_DEMO_PASSWORD says otherwise; printed at start and in the README. */
export const DEFAULT_DEMO_PASSWORD = 'Huitong@2026'

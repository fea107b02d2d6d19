/** The roles of DESIGN.md: the three administrators (三员分立) and the business roles. */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'dataoffice', 'steward', 'consumer', 'approver', 'supervisor'] as const

export type Role = (typeof ROLES)[number]

/** The three administrators; each must be a separate person holding no other role. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor']

/** Roles an API client (a department's system account) may carry. */
export const CLIENT_ROLES: readonly Role[] = ['consumer', 'steward']

export const ROLE_LABELS: Readonly<Record<Role, { readonly zh: string; readonly en: string }>> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  dataoffice: { zh: '数据主管部门', en: 'Data office' },
  steward: { zh: '部门数据管理员', en: 'Data steward' },
  consumer: { zh: '部门业务人员', en: 'Department staff' },
  approver: { zh: '审批人员', en: 'Approval officer' },
  supervisor: { zh: '督办人员', en: 'Supervisor' },
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/**
 * Why a set of roles breaks the separation of the three administrators, or undefined if it does not.
 *
 * @example
 * separationViolation(['sysadmin', 'auditor']) // 'sysadmin and auditor must be held by different people'
 */
export function separationViolation(roles: readonly Role[]): string | undefined {
  const admin = roles.filter((role) => ADMIN_ROLES.includes(role))
  if (admin.length > 1) return `${admin.join(' and ')} must be held by different people`
  if (admin.length === 1 && roles.length > 1) {
    return `${admin[0]} is an administrator role and cannot be combined with ${roles.filter((r) => r !== admin[0]).join(', ')}`
  }
  return undefined
}

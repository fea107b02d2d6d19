import type { Endpoint } from '../access-matrix.js'

/** The account the matrix changes, so demo accounts keep their sessions. */
export const TARGET = 'matrixuser'

/** Every foundation endpoint and who may call it. A route missing here fails the coverage test. */
export const FOUNDATION_ENDPOINTS: readonly Endpoint[] = [
  { method: 'POST', route: '/api/v1/auth/logout', url: '/api/v1/auth/logout', allowed: 'authenticated', fresh: true },
  { method: 'GET', route: '/api/v1/me', url: '/api/v1/me', allowed: 'authenticated' },
  {
    method: 'PUT',
    route: '/api/v1/me/password',
    url: '/api/v1/me/password',
    body: { currentPassword: 'not-it', newPassword: 'Another@2026x' },
    allowed: 'authenticated',
  },
  { method: 'GET', route: '/api/v1/roles', url: '/api/v1/roles', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/users', url: '/api/v1/users', allowed: ['sysadmin', 'secadmin'] },
  { method: 'GET', route: '/api/v1/users/:id', url: `/api/v1/users/${TARGET}`, allowed: ['sysadmin', 'secadmin'] },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: '/api/v1/users',
    body: { username: 'matrixnew', displayName: '新用户', department: '210100005', password: 'Matrix@2026x' },
    allowed: ['sysadmin'],
  },
  { method: 'PATCH', route: '/api/v1/users/:id', url: `/api/v1/users/${TARGET}`, body: { displayName: '矩阵' }, allowed: ['sysadmin'] },
  { method: 'PUT', route: '/api/v1/users/:id/password', url: `/api/v1/users/${TARGET}/password`, body: { password: 'Reset@2026xy' }, allowed: ['sysadmin'] },
  { method: 'PUT', route: '/api/v1/users/:id/roles', url: `/api/v1/users/${TARGET}/roles`, body: { roles: ['consumer'] }, allowed: ['secadmin'] },
  { method: 'GET', route: '/api/v1/departments', url: '/api/v1/departments', allowed: 'authenticated' },
  {
    method: 'POST',
    route: '/api/v1/departments',
    url: '/api/v1/departments',
    body: { code: '210100099', name: '矩阵局', shortName: '矩阵局', nameEn: 'Matrix', kind: 'city', divisionCode: '210100' },
    allowed: ['sysadmin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/departments/:id',
    url: '/api/v1/departments/210100015',
    body: { nameEn: 'Disabled Persons’ Federation of Shenyang' },
    allowed: ['sysadmin'],
  },
  { method: 'GET', route: '/api/v1/clients', url: '/api/v1/clients', allowed: ['sysadmin', 'steward'] },
  { method: 'POST', route: '/api/v1/clients', url: '/api/v1/clients', body: { name: '矩阵系统' }, allowed: ['sysadmin', 'steward'] },
  { method: 'DELETE', route: '/api/v1/clients/:id', url: '/api/v1/clients/00000000-0000-0000-0000-000000000000', allowed: ['sysadmin', 'steward'] },
  { method: 'GET', route: '/api/v1/security/settings', url: '/api/v1/security/settings', allowed: ['secadmin'] },
  { method: 'PATCH', route: '/api/v1/security/settings', url: '/api/v1/security/settings', body: { lockoutWindowMinutes: 15 }, allowed: ['secadmin'] },
  { method: 'GET', route: '/api/v1/audit', url: '/api/v1/audit', allowed: ['auditor'] },
  { method: 'POST', route: '/api/v1/audit/verify', url: '/api/v1/audit/verify', allowed: ['auditor'] },
  { method: 'GET', route: '/api/v1/jobs', url: '/api/v1/jobs', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/jobs/:id', url: '/api/v1/jobs/00000000-0000-0000-0000-000000000000', allowed: 'authenticated' },
  { method: 'POST', route: '/api/v1/jobs/:id/cancel', url: '/api/v1/jobs/00000000-0000-0000-0000-000000000000/cancel', allowed: 'authenticated' },
]

import type { Endpoint } from '../access-matrix.js'

const NONE = '00000000-0000-0000-0000-000000000000'
const ENTITY = '91210102MA0XXXXXX0'
const READERS = ['consumer', 'steward'] as const

/** Every legal-person endpoint and the roles that may call it. */
export const LEGAL_PERSON_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', route: '/api/v1/legal-persons/binding', url: '/api/v1/legal-persons/binding', allowed: 'authenticated' },
  { method: 'PUT', route: '/api/v1/legal-persons/binding', url: '/api/v1/legal-persons/binding', body: { code: '999-999999' }, allowed: ['dataoffice'] },
  { method: 'GET', route: '/api/v1/legal-persons/statistics', url: '/api/v1/legal-persons/statistics', allowed: ['consumer', 'steward', 'dataoffice'] },
  { method: 'GET', route: '/api/v1/legal-persons', url: '/api/v1/legal-persons?q=%E6%B2%88%E9%98%B3', allowed: READERS },
  { method: 'GET', route: '/api/v1/legal-persons/:creditCode', url: `/api/v1/legal-persons/${ENTITY}`, allowed: READERS },
  { method: 'GET', route: '/api/v1/legal-persons/:creditCode/profile', url: `/api/v1/legal-persons/${ENTITY}/profile`, allowed: READERS },
  { method: 'GET', route: '/api/v1/legal-persons/:creditCode/history', url: `/api/v1/legal-persons/${ENTITY}/history`, allowed: READERS },
  {
    method: 'POST',
    route: '/api/v1/legal-persons/verify',
    url: '/api/v1/legal-persons/verify',
    body: { records: [{ creditCode: ENTITY, name: '沈阳测试有限公司' }] },
    allowed: READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/legal-persons/imports',
    url: '/api/v1/legal-persons/imports',
    body: Buffer.from('统一社会信用代码\n'),
    contentType: 'application/octet-stream',
    allowed: ['steward'],
    otherDepartment: ['police'],
  },
  { method: 'GET', route: '/api/v1/legal-persons/imports/:id/rejections', url: `/api/v1/legal-persons/imports/${NONE}/rejections`, allowed: ['steward'] },
]

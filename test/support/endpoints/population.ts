import type { Endpoint } from '../access-matrix.js'

const NONE = '00000000-0000-0000-0000-000000000000'
const PERSON = '11010519491231002X'
const READERS = ['consumer', 'steward'] as const

/** Every population endpoint and the roles that may call it. */
export const POPULATION_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', route: '/api/v1/population/binding', url: '/api/v1/population/binding', allowed: 'authenticated' },
  { method: 'PUT', route: '/api/v1/population/binding', url: '/api/v1/population/binding', body: { code: '999-999999' }, allowed: ['dataoffice'] },
  { method: 'GET', route: '/api/v1/population/persons/:residentId', url: `/api/v1/population/persons/${PERSON}`, allowed: READERS },
  { method: 'GET', route: '/api/v1/population/persons', url: '/api/v1/population/persons?name=%E5%BC%A0%E4%B8%89', allowed: READERS },
  { method: 'GET', route: '/api/v1/population/persons/:residentId/profile', url: `/api/v1/population/persons/${PERSON}/profile`, allowed: READERS },
  { method: 'GET', route: '/api/v1/population/persons/:residentId/history', url: `/api/v1/population/persons/${PERSON}/history`, allowed: READERS },
  {
    method: 'POST',
    route: '/api/v1/population/verify',
    url: '/api/v1/population/verify',
    body: { records: [{ residentId: PERSON, name: '张三' }] },
    allowed: READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/population/events',
    url: '/api/v1/population/events',
    body: { events: [{ residentId: PERSON, type: 'death', date: '2020-01-01' }] },
    allowed: ['steward'],
  },
  {
    method: 'POST',
    route: '/api/v1/population/imports',
    url: '/api/v1/population/imports',
    body: Buffer.from('公民身份号码\n'),
    contentType: 'application/octet-stream',
    allowed: ['steward'],
  },
  { method: 'GET', route: '/api/v1/population/imports/:id/rejections', url: `/api/v1/population/imports/${NONE}/rejections`, allowed: ['steward'] },
  {
    method: 'POST',
    route: '/api/v1/population/comparisons/preview',
    url: '/api/v1/population/comparisons/preview',
    body: Buffer.from(`身份证号\n${PERSON}\n`),
    contentType: 'application/octet-stream',
    allowed: READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/population/comparisons',
    url: '/api/v1/population/comparisons',
    body: { uploadId: '0'.repeat(64), fileName: 'x.csv', mapping: { residentId: '身份证号' } },
    allowed: READERS,
  },
  { method: 'GET', route: '/api/v1/population/comparisons', url: '/api/v1/population/comparisons', allowed: READERS },
  { method: 'GET', route: '/api/v1/population/comparisons/:id', url: `/api/v1/population/comparisons/${NONE}`, allowed: READERS },
  { method: 'GET', route: '/api/v1/population/comparisons/:id/rows', url: `/api/v1/population/comparisons/${NONE}/rows`, allowed: READERS },
  { method: 'GET', route: '/api/v1/population/comparisons/:id/report', url: `/api/v1/population/comparisons/${NONE}/report`, allowed: READERS },
  { method: 'GET', route: '/api/v1/population/statistics', url: '/api/v1/population/statistics', allowed: ['consumer', 'steward', 'dataoffice'] },
]

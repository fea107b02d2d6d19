import type { Endpoint } from '../access-matrix.js'

/** In a fresh test database the exchange world's resources get these codes. */
const ALLOWANCE = '202-000001'
const POPULATION = '101-000001'
const NONE = '00000000-0000-0000-0000-000000000000'
const READERS = ['consumer', 'steward'] as const

/** Every exchange, notification and calendar endpoint and the roles that may call it. */
export const EXCHANGE_ENDPOINTS: readonly Endpoint[] = [
  { method: 'POST', route: '/api/v1/exchange/requests', url: '/api/v1/exchange/requests', body: { resource: POPULATION, items: [{ key: 'name', masked: false }], operations: ['lookup'], purpose: '矩阵测试', legalBasis: '矩阵依据', validUntil: '2099-12-31' }, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/requests', url: '/api/v1/exchange/requests', allowed: [...READERS, 'dataoffice'] },
  { method: 'GET', route: '/api/v1/exchange/requests/:id', url: `/api/v1/exchange/requests/${NONE}`, allowed: [...READERS, 'dataoffice'] },
  { method: 'POST', route: '/api/v1/exchange/requests/:id/approve', url: `/api/v1/exchange/requests/${NONE}/approve`, body: {}, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/exchange/requests/:id/refuse', url: `/api/v1/exchange/requests/${NONE}/refuse`, body: { reason: '矩阵' }, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/exchange/requests/:id/cancel', url: `/api/v1/exchange/requests/${NONE}/cancel`, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/grants', url: '/api/v1/exchange/grants', allowed: [...READERS, 'dataoffice'] },
  { method: 'GET', route: '/api/v1/exchange/grants/:id', url: `/api/v1/exchange/grants/${NONE}`, allowed: [...READERS, 'dataoffice'] },
  { method: 'POST', route: '/api/v1/exchange/grants/:id/revoke', url: `/api/v1/exchange/grants/${NONE}/revoke`, body: { reason: '矩阵' }, allowed: ['steward', 'dataoffice'] },
  { method: 'GET', route: '/api/v1/exchange/resources/:code/records/:key', url: `/api/v1/exchange/resources/${POPULATION}/records/x`, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/resources/:code/records', url: `/api/v1/exchange/resources/${POPULATION}/records`, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/resources/:code/verify', url: `/api/v1/exchange/resources/${POPULATION}/verify`, body: { key: 'x', fields: { name: '张三' } }, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/resources/:code/changes', url: `/api/v1/exchange/resources/${POPULATION}/changes`, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/resources/:code/exports', url: `/api/v1/exchange/resources/${ALLOWANCE}/exports`, body: { format: 'csv' }, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/datasets/:code/batches', url: `/api/v1/exchange/datasets/${POPULATION}/batches`, body: { batchId: 'matrix', upserts: [] }, allowed: ['steward'] },
  { method: 'GET', route: '/api/v1/exchange/datasets/:code', url: `/api/v1/exchange/datasets/${POPULATION}`, allowed: ['steward'] },
  { method: 'GET', route: '/api/v1/exchange/datasets/:code/records/:key/history', url: `/api/v1/exchange/datasets/${POPULATION}/records/x/history`, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/exchange/datasets/:code/uploads', url: `/api/v1/exchange/datasets/${POPULATION}/uploads`, body: Buffer.from('resident_id\n'), contentType: 'text/csv', allowed: ['steward'] },
  { method: 'GET', route: '/api/v1/exchange/files/:id', url: `/api/v1/exchange/files/${NONE}`, allowed: 'authenticated' },
  { method: 'POST', route: '/api/v1/exchange/objections', url: '/api/v1/exchange/objections', body: { resource: ALLOWANCE, recordKey: 'x', note: '矩阵测试' }, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/objections', url: '/api/v1/exchange/objections', allowed: [...READERS, 'dataoffice'] },
  { method: 'POST', route: '/api/v1/exchange/objections/:id/answer', url: `/api/v1/exchange/objections/${NONE}/answer`, body: { answer: '矩阵答复' }, allowed: ['steward'] },
  { method: 'GET', route: '/api/v1/exchange/stats', url: '/api/v1/exchange/stats', allowed: ['dataoffice', 'steward'] },
  { method: 'POST', route: '/api/v1/exchange/subscriptions', url: '/api/v1/exchange/subscriptions', body: { resource: POPULATION, name: '矩阵订阅' }, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/subscriptions', url: '/api/v1/exchange/subscriptions', allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/subscriptions/:id', url: `/api/v1/exchange/subscriptions/${NONE}`, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/subscriptions/:id/changes', url: `/api/v1/exchange/subscriptions/${NONE}/changes`, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/subscriptions/:id/ack', url: `/api/v1/exchange/subscriptions/${NONE}/ack`, body: { seq: 1 }, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/subscriptions/:id/replay', url: `/api/v1/exchange/subscriptions/${NONE}/replay`, body: { fromSeq: 1 }, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/subscriptions/:id/pause', url: `/api/v1/exchange/subscriptions/${NONE}/pause`, allowed: READERS },
  { method: 'POST', route: '/api/v1/exchange/subscriptions/:id/resume', url: `/api/v1/exchange/subscriptions/${NONE}/resume`, allowed: READERS },
  { method: 'DELETE', route: '/api/v1/exchange/subscriptions/:id', url: `/api/v1/exchange/subscriptions/${NONE}`, allowed: READERS },
  { method: 'GET', route: '/api/v1/exchange/subscriptions/:id/deliveries', url: `/api/v1/exchange/subscriptions/${NONE}/deliveries`, allowed: READERS },
  { method: 'GET', route: '/api/v1/notifications', url: '/api/v1/notifications', allowed: 'authenticated' },
  { method: 'POST', route: '/api/v1/notifications/read', url: '/api/v1/notifications/read', body: {}, allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/calendar', url: '/api/v1/calendar?from=2026-10-01&to=2026-10-10', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/calendar/overrides', url: '/api/v1/calendar/overrides', allowed: 'authenticated' },
  { method: 'PUT', route: '/api/v1/calendar/overrides/:date', url: '/api/v1/calendar/overrides/2027-10-01', body: { working: false, note: '国庆节' }, allowed: ['sysadmin'] },
  { method: 'DELETE', route: '/api/v1/calendar/overrides/:date', url: '/api/v1/calendar/overrides/2027-10-02', allowed: ['sysadmin'] },
]

import type { Endpoint } from '../access-matrix.js'
import { allowanceEntry, populationEntry } from '../catalog-fixtures.js'

/** 人口基础信息 of the demo catalog: the police bureau's, published in two versions. */
const OWN = '/api/v1/catalog/resources/101-000001'

/** Every catalog endpoint and who may call it; state-changing calls run on the police bureau's entry. */
export const CATALOG_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', route: '/api/v1/catalog/resources', url: '/api/v1/catalog/resources?q=人口', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/suggest', url: '/api/v1/catalog/suggest?q=rk', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/mine', url: '/api/v1/catalog/mine', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/reviews', url: '/api/v1/catalog/reviews', allowed: ['dataoffice'] },
  { method: 'GET', route: '/api/v1/catalog/meta', url: '/api/v1/catalog/meta', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/stats', url: '/api/v1/catalog/stats', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/dcat.jsonld', url: '/api/v1/catalog/dcat.jsonld', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/resources/:code/dcat.jsonld', url: `${OWN}/dcat.jsonld`, allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/template', url: '/api/v1/catalog/template?format=csv', allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/export', url: '/api/v1/catalog/export?format=csv&department=210100003', allowed: 'authenticated' },
  {
    method: 'POST',
    route: '/api/v1/catalog/import',
    url: '/api/v1/catalog/import',
    body: Buffer.from('资源名称\n矩阵\n'),
    contentType: 'text/csv',
    allowed: ['steward'],
  },
  {
    method: 'POST',
    route: '/api/v1/catalog/resources',
    url: '/api/v1/catalog/resources',
    body: allowanceEntry({ name: '矩阵测试资源' }),
    allowed: ['steward'],
  },
  { method: 'GET', route: '/api/v1/catalog/resources/:code', url: OWN, allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/resources/:code/versions/:version', url: `${OWN}/versions/1`, allowed: 'authenticated' },
  { method: 'GET', route: '/api/v1/catalog/resources/:code/diff', url: `${OWN}/diff?from=1&to=2`, allowed: 'authenticated' },
  {
    method: 'PUT',
    route: '/api/v1/catalog/resources/:code/draft',
    url: `${OWN}/draft`,
    body: populationEntry({ tags: ['人口', '矩阵'] }),
    allowed: ['steward'],
  },
  { method: 'DELETE', route: '/api/v1/catalog/resources/:code/draft', url: `${OWN}/draft`, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/catalog/resources/:code/submit', url: `${OWN}/submit`, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/catalog/resources/:code/withdraw', url: `${OWN}/withdraw`, allowed: ['steward'] },
  { method: 'POST', route: '/api/v1/catalog/resources/:code/approve', url: `${OWN}/approve`, body: {}, allowed: ['dataoffice'] },
  { method: 'POST', route: '/api/v1/catalog/resources/:code/return', url: `${OWN}/return`, body: { reason: '矩阵' }, allowed: ['dataoffice'] },
  { method: 'POST', route: '/api/v1/catalog/resources/:code/retire', url: `${OWN}/retire`, body: { reason: '矩阵' }, allowed: ['steward', 'dataoffice'] },
]

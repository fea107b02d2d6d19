import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.js'
import { CATALOG_ENDPOINTS } from '../support/endpoints/catalog.js'
import { EXCHANGE_ENDPOINTS } from '../support/endpoints/exchange.js'
import { FOUNDATION_ENDPOINTS } from '../support/endpoints/foundation.js'
import { LEGAL_PERSON_ENDPOINTS } from '../support/endpoints/legal-persons.js'
import { POPULATION_ENDPOINTS } from '../support/endpoints/population.js'

describe('every route has an access matrix', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('sqlite')
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lists every non-public route under /api/v1 in a matrix, and only sign-in is public', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>> }
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          name: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          public: operation.security === undefined,
        })),
      )
    expect(operations.filter((op) => op.public).map((op) => op.name)).toEqual(['POST /api/v1/auth/login'])
    const listed = [...FOUNDATION_ENDPOINTS, ...CATALOG_ENDPOINTS, ...EXCHANGE_ENDPOINTS, ...POPULATION_ENDPOINTS, ...LEGAL_PERSON_ENDPOINTS].map(
      (endpoint) => `${endpoint.method} ${endpoint.route}`,
    )
    expect(
      operations
        .filter((op) => !op.public)
        .map((op) => op.name)
        .sort(),
    ).toEqual([...listed].sort())
  })
})

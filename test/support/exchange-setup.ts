import type { TestApp } from './app.js'
import { allowanceEntry, populationEntry } from './catalog-fixtures.js'
import { allowanceRecords } from './exchange-fixtures.js'

/** Registers, submits and approves an entry as `steward`; returns its code with a dash. */
export async function publishEntry(t: TestApp, steward: string, entry: unknown): Promise<string> {
  const created = await t.call(steward, 'POST', '/api/v1/catalog/resources', entry)
  if (created.statusCode !== 201) throw new Error(`create: ${created.body}`)
  const code = (created.json() as { code: string }).code.replace('/', '-')
  await t.call(steward, 'POST', `/api/v1/catalog/resources/${code}/submit`)
  const approved = await t.call('dataoffice', 'POST', `/api/v1/catalog/resources/${code}/approve`, {})
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`)
  return code
}

export interface ExchangeWorld {
  /** 城乡低保对象信息 of civil affairs: conditional, records published. */
  readonly allowance: string
  /** 人口基础信息 of the police: base, unconditional base items. */
  readonly population: string
  readonly records: ReturnType<typeof allowanceRecords>
}

/** Two published resources with records: one conditional (civil affairs), one unconditional (police). */
export async function exchangeWorld(t: TestApp, count = 20): Promise<ExchangeWorld> {
  const allowance = await publishEntry(t, 'civil', allowanceEntry())
  const population = await publishEntry(t, 'police', populationEntry())
  const records = allowanceRecords(count)
  const batch = await t.call('civil', 'POST', `/api/v1/exchange/datasets/${allowance}/batches`, { batchId: 'seed', upserts: records })
  if (batch.statusCode !== 200) throw new Error(`batch: ${batch.body}`)
  const people = records.map((record) => ({
    resident_id: record.resident_id,
    name: record.name,
    birth_date: `19${record.resident_id.slice(8, 10)}-${record.resident_id.slice(10, 12)}-${record.resident_id.slice(12, 14)}`,
    residence_address: '辽宁省沈阳市和平区南京北街100号',
  }))
  const peopleBatch = await t.call('police', 'POST', `/api/v1/exchange/datasets/${population}/batches`, { batchId: 'seed', upserts: people })
  if (peopleBatch.statusCode !== 200) throw new Error(`people batch: ${peopleBatch.body}`)
  return { allowance, population, records }
}

/** Files a request as `consumer` and, when the provider must answer, has `provider` approve it. */
export async function grantAccess(
  t: TestApp,
  consumer: string,
  provider: string,
  resource: string,
  body: Record<string, unknown>,
): Promise<{ requestId: string; grantId: string }> {
  const requested = await t.call(consumer, 'POST', '/api/v1/exchange/requests', {
    resource,
    purpose: '社会救助资格审核',
    legalBasis: '《社会救助暂行办法》第十一条',
    validUntil: '2099-12-31',
    ...body,
  })
  if (requested.statusCode !== 201) throw new Error(`request: ${requested.body}`)
  let request = requested.json() as { id: string; status: string; grantId: string | null }
  if (request.status === 'pending') {
    const approved = await t.call(provider, 'POST', `/api/v1/exchange/requests/${request.id}/approve`, {})
    if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`)
    request = approved.json() as typeof request
  }
  return { requestId: request.id, grantId: request.grantId ?? '' }
}

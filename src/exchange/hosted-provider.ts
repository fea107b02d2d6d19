import type { DatasetRepository } from './dataset-repository.js'
import { sameValue, type FieldVerdict, type Provider, type ProviderDescription, type ProviderQuery } from './provider.js'

/** A hosted dataset as a provider: records a department publishes into the platform. */
export class HostedProvider implements Provider {
  constructor(
    private readonly description: ProviderDescription,
    private readonly datasets: DatasetRepository,
  ) {}

  describe(): ProviderDescription {
    return this.description
  }

  lookup(key: string) {
    return this.datasets.getRecord(this.description.resourceId, key)
  }

  async verify(key: string, fields: Readonly<Record<string, string>>) {
    const record = await this.lookup(key)
    const verdicts: Record<string, FieldVerdict> = {}
    for (const [field, value] of Object.entries(fields)) {
      verdicts[field] = record === undefined || record[field] === null || record[field] === undefined ? 'absent' : sameValue(value, record[field]) ? 'match' : 'mismatch'
    }
    return { found: record !== undefined, fields: verdicts }
  }

  query(query: ProviderQuery) {
    return this.datasets.query(this.description.resourceId, query.filters, query.sort, query.limit, query.offset)
  }

  async changes(after: number, limit: number) {
    const [changes, head] = await Promise.all([this.datasets.changes(this.description.resourceId, after, limit), this.datasets.head(this.description.resourceId)])
    return { changes, lastSeq: head.lastSeq }
  }
}

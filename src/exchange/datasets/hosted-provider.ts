import { endOfChinaDay } from '../../calendar/working-days.js'
import type { CatalogItem } from '../../catalog/model.js'
import type { DatasetRepository } from './repository.js'
import { keyItems, storedKey } from './record-validation.js'
import {
  sameValue,
  type FieldVerdict,
  type HistoryChange,
  type HistoryEvent,
  type Provider,
  type ProviderDescription,
  type ProviderQuery,
  type VerifyResult,
} from '../gate/provider.js'

/** A hosted dataset as a provider: records a department publishes into the platform. */
export class HostedProvider implements Provider {
  readonly #keys: readonly CatalogItem[]

  constructor(
    private readonly description: ProviderDescription,
    private readonly datasets: DatasetRepository,
  ) {
    this.#keys = keyItems(description.items)
  }

  describe(): ProviderDescription {
    return this.description
  }

  /** `11010519491231002x` as `11010519491231002X`: see {@link storedKey}. */
  storedKey(key: string): string {
    return storedKey(this.#keys, key)
  }

  /** By the key in stored form: the gate puts it so ({@link HostedProvider.storedKey}) before it reads. */
  lookup(key: string, options: { readonly asOf?: string } = {}) {
    return options.asOf === undefined
      ? this.datasets.getRecord(this.description.resourceId, key)
      : this.datasets.getRecordAsOf(this.description.resourceId, key, endOfChinaDay(options.asOf))
  }

  async verify(key: string, fields: Readonly<Record<string, string>>): Promise<VerifyResult> {
    const record = await this.lookup(key)
    const verdicts: Record<string, FieldVerdict> = {}
    for (const [field, value] of Object.entries(fields)) {
      verdicts[field] =
        record === undefined || record[field] === null || record[field] === undefined ? 'absent' : sameValue(value, record[field]) ? 'match' : 'mismatch'
    }
    return { found: record !== undefined, fields: verdicts }
  }

  query(query: ProviderQuery) {
    return this.datasets.query(this.description.resourceId, query.filters, query.sort, query.limit, query.offset)
  }

  async changes(after: number, limit: number) {
    const [changes, lastSeq] = await Promise.all([this.datasets.changes(this.description.resourceId, after, limit), this.lastSeq()])
    return { changes, lastSeq }
  }

  async lastSeq(): Promise<number> {
    return (await this.datasets.head(this.description.resourceId)).lastSeq
  }

  bySubject(subject: string) {
    return this.datasets.bySubject(this.description.resourceId, subject)
  }

  /** Each stored change against the version before it: the items that differ. */
  async history(key: string): Promise<HistoryEvent[]> {
    const changes = await this.datasets.history(this.description.resourceId, key)
    return changes.map((change, index) => {
      const before = changes[index + 1]?.data ?? {}
      const after = change.data ?? {}
      const items = new Set([...Object.keys(before), ...Object.keys(after)])
      const differences: HistoryChange[] = [...items]
        .filter((item) => JSON.stringify(before[item] ?? null) !== JSON.stringify(after[item] ?? null))
        .map((item) => ({ item, before: before[item] ?? null, after: after[item] ?? null }))
      return {
        seq: change.seq,
        event: change.op === 'delete' ? 'delete' : index === changes.length - 1 ? 'create' : 'update',
        effectiveDate: change.at.slice(0, 10),
        at: change.at,
        changedBy: '',
        source: '',
        changes: differences,
      }
    })
  }
}

import type { Principal } from '../../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import type { BatchResult, DatasetRepository } from './repository.js'
import { type Change } from '../gate/provider.js'
import type { AccessGate } from '../gate/gate.js'
import type { ProviderDirectory } from '../gate/provider-directory.js'
import type { ProviderDescription } from '../gate/provider.js'
import { keyItems, recordKey, storedKey, validateRecord } from './record-validation.js'
import { type DataRecord } from '../gate/provider.js'
import type { Publisher } from '../../platform/events.js'

export interface BatchInput {
  /** The caller's id for this batch; sending the same id again returns the first result and changes nothing. */
  readonly batchId: string
  readonly upserts: ReadonlyArray<Readonly<Record<string, unknown>>>
  /** Records to delete, each given by its primary-key items. */
  readonly deletes: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/** The most problems one refusal lists in full; the count is always exact. */
const MAX_LISTED_PROBLEMS = 10_000

/**
 * Hosted datasets: a provider department publishes records of its published resources. Every
 * record is validated against the resource's items; one bad row refuses the whole batch, listing
 * every bad row and field; a good batch is written atomically and appended to the change log.
 */
/** What hosted datasets announce: a batch changed a resource's records, so change deliveries can start. */
export interface DatasetEvents {
  'records.changed': { readonly resourceId: string }
}

export class DatasetService {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly gate: AccessGate,
    private readonly providers: ProviderDirectory,
    private readonly audit: AuditLog,
    private readonly events: Publisher<DatasetEvents>,
  ) {}

  /** The resource, if the caller is a steward of its provider department. */
  async ownResource(principal: Principal, code: string): Promise<ProviderDescription> {
    const description = await this.gate.describe(code)
    if (description === undefined) throw new AppError('HT_NOT_FOUND', `No published resource ${code}`)
    if (description.providerDepartmentId !== principal.department.id || !principal.roles.includes('steward')) {
      throw new AppError('HT_FORBIDDEN', 'Only the provider department’s stewards publish its records')
    }
    const registry = await this.providers.registryOf(description.resourceId)
    if (registry !== undefined)
      throw new AppError(
        'HT_CONFLICT',
        `${description.name} is served by the ${registry} registry: publish through the registry’s own import (该资源由基础库提供)`,
      )
    if (description.keyItems.length === 0) throw new AppError('HT_CONFLICT', `${description.name} has no primary-key item, so it cannot hold records`)
    return description
  }

  /**
   * Validates a batch; returns the rows to write or throws with every problem. Rows are numbered
   * from 1 across upserts then deletes (for files: the file's own row numbers via `rowNumbers`).
   */
  prepare(
    description: ProviderDescription,
    input: Pick<BatchInput, 'upserts' | 'deletes'>,
    rowNumbers?: readonly number[],
  ): { upserts: Array<{ key: string; data: DataRecord }>; deletes: string[] } {
    const problems: FieldProblem[] = []
    const keys = keyItems(description.items)
    const seen = new Map<string, number>()
    const upserts: Array<{ key: string; data: DataRecord }> = []
    input.upserts.forEach((raw, index) => {
      const row = rowNumbers?.[index] ?? index + 1
      const { record, problems: found } = validateRecord(description.items, raw, row)
      if (found.length > 0) {
        problems.push(...found)
        return
      }
      const key = recordKey(keys, record)
      const first = seen.get(key)
      if (first !== undefined) {
        problems.push({ row, field: keys[0]?.key ?? 'key', message: `repeats the key of row ${first} (主键重复)` })
        return
      }
      seen.set(key, row)
      upserts.push({ key, data: record })
    })
    const deletes: string[] = []
    input.deletes.forEach((raw, index) => {
      const row = input.upserts.length + index + 1
      const missing = keys.filter((item) => raw[item.key] === undefined || raw[item.key] === null || raw[item.key] === '')
      if (missing.length > 0) {
        problems.push(...missing.map((item) => ({ row, field: item.key, message: 'a deletion names the record by its key items (删除须提供主键)' })))
        return
      }
      const { record, problems: found } = validateRecord(keys, Object.fromEntries(keys.map((item) => [item.key, raw[item.key]])), row)
      if (found.length > 0) problems.push(...found)
      else deletes.push(recordKey(keys, record))
    })
    if (problems.length > 0) {
      const rows = new Set(problems.map((problem) => problem.row)).size
      throw new AppError(
        'HT_VALIDATION',
        `${rows} row(s) are invalid; nothing was written (${rows} 行数据有误，未写入任何数据)`,
        problems.slice(0, MAX_LISTED_PROBLEMS),
        { invalidRows: rows },
      )
    }
    return { upserts, deletes }
  }

  /** Applies a batch atomically, or nothing of it; the same batch id again changes nothing. */
  async publish(principal: Principal, code: string, input: BatchInput, meta: RequestMeta): Promise<BatchResult> {
    const description = await this.ownResource(principal, code)
    const prepared = this.prepare(description, input)
    return this.write(principal, description, input.batchId, prepared, meta)
  }

  async write(
    principal: Principal,
    description: ProviderDescription,
    batchId: string,
    prepared: { upserts: Array<{ key: string; data: DataRecord }>; deletes: string[] },
    meta: RequestMeta,
  ): Promise<BatchResult> {
    const subjectItems = description.items
      .filter((item) => item.identifierKind === 'residentId' || item.identifierKind === 'creditCode')
      .map((item) => item.key)
    const result = await this.datasets.applyBatch(description.resourceId, batchId, principal.name, prepared.upserts, prepared.deletes, subjectItems)
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'dataset.batch',
      target: description.code,
      outcome: 'success',
      detail: {
        batchId,
        upserted: result.upserted,
        deleted: result.deleted,
        unchanged: result.unchanged,
        replayed: result.replayed,
        fromSeq: result.fromSeq,
        toSeq: result.toSeq,
      },
    })
    if (!result.replayed && result.toSeq >= result.fromSeq) this.events.emit('records.changed', { resourceId: description.resourceId })
    return result
  }

  /** A record's history, newest first: the provider's own view, not through the gate. */
  async history(principal: Principal, code: string, key: string): Promise<Change[]> {
    const description = await this.ownResource(principal, code)
    return this.datasets.history(description.resourceId, storedKey(keyItems(description.items), key))
  }

  async summary(principal: Principal, code: string) {
    const description = await this.ownResource(principal, code)
    return { code: description.code, name: description.name, keyItems: description.keyItems, ...(await this.datasets.head(description.resourceId)) }
  }
}

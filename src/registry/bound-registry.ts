import type { CatalogReader } from '../catalog/reader.js'
import type { Principal } from '../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { AppError } from '../platform/errors.js'
import type { AttachmentFinder } from './attachments.js'
import type { AccessGate } from '../exchange/gate/gate.js'
import type { ProviderDirectory } from '../exchange/gate/provider-directory.js'

/** How long a node keeps a registry's catalog code, as long as the gate keeps descriptions. */
const CORE_CACHE_MS = 5_000

/** A base registry as the catalog knows it: its name, its key item, and how to name it to users. */
export interface RegistrySpec {
  readonly registry: string
  readonly keyItem: string
  /** For messages: e.g. 'population registry (人口库)'. */
  readonly label: string
}

/**
 * A base registry's binding to the published catalog entry it serves: the entry's code (which
 * every read through the gate names), binding it (the data office), and who keeps it (the
 * stewards of the entry's provider department).
 */
export class BoundRegistry {
  #core: { code: string; until: number } | undefined

  constructor(
    readonly spec: RegistrySpec,
    private readonly providers: ProviderDirectory,
    private readonly catalog: CatalogReader,
    private readonly gate: AccessGate,
    private readonly attachments: AttachmentFinder,
    private readonly audit: AuditLog,
  ) {}

  /** The catalog code of the entry the registry serves; read again every few seconds, as bindings are. */
  async coreCode(): Promise<string> {
    if (this.#core !== undefined && this.#core.until > Date.now()) return this.#core.code
    const resourceId = await this.providers.resourceOf(this.spec.registry)
    const published = resourceId === undefined ? undefined : (await this.catalog.published()).find((entry) => entry.resource.id === resourceId)
    if (published === undefined) throw new AppError('HT_CONFLICT', `The ${this.spec.label} is not bound to a published catalog entry yet (尚未关联目录)`)
    this.#core = { code: published.resource.code, until: Date.now() + CORE_CACHE_MS }
    return published.resource.code
  }

  /** The bound code, or null while unbound. */
  async boundCode(): Promise<string | null> {
    return this.coreCode().catch(() => null)
  }

  /** Binds the registry to a published entry keyed by exactly the registry's key item. */
  async bind(principal: Principal, code: string, meta: RequestMeta): Promise<{ registry: string; code: string }> {
    const description = await this.gate.describe(code)
    if (description === undefined) throw new AppError('HT_NOT_FOUND', `No published resource ${code}`)
    if (description.keyItems.length !== 1 || description.keyItems[0] !== this.spec.keyItem) {
      throw new AppError('HT_VALIDATION', `The ${this.spec.label} serves an entry keyed by one item, ${this.spec.keyItem} (主键须为${this.spec.keyItem})`, [
        { field: 'code', message: `primary key must be ${this.spec.keyItem}` },
      ])
    }
    await this.providers.bind(this.spec.registry, description.resourceId, principal.name)
    this.attachments.forget()
    this.#core = undefined
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'registry.bind',
      target: code,
      outcome: 'success',
      detail: { registry: this.spec.registry },
    })
    return { registry: this.spec.registry, code }
  }

  /** The entry's code, if the caller is one of its provider department's stewards. */
  async ownCore(principal: Principal): Promise<string> {
    const code = await this.coreCode()
    const description = await this.gate.describe(code)
    if (description === undefined || description.providerDepartmentId !== principal.department.id || !principal.roles.includes('steward')) {
      throw new AppError('HT_FORBIDDEN', `Only the stewards of the registry’s provider department keep the ${this.spec.label} (仅提供部门的数据管理员可维护)`)
    }
    return code
  }
}

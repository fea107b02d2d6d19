import type { IdentifierKind } from '../catalog/model.js'
import type { CatalogReader } from '../catalog/reader.js'
import type { Principal } from '../platform/auth/principal.js'
import type { RequestMeta } from '../audit/actor.js'
import type { AccessGate } from '../exchange/gate/gate.js'
import { type DataRecord } from '../exchange/gate/provider.js'

/** How long the list of resources that can be attached to a subject is reused. */
const CACHE_MS = 60_000

/** One resource's records about a subject, as a profile shows them. */
export interface Attachment {
  readonly code: string
  readonly name: string
  readonly department: { readonly code: string; readonly name: string }
  readonly granted: boolean
  readonly records: DataRecord[]
  /** Items shown masked. */
  readonly masked: string[]
  /** The visible items with their names, for column headers. */
  readonly items: ReadonlyArray<{ readonly key: string; readonly name: string }>
}

type Candidate = Omit<Attachment, 'granted' | 'records' | 'masked'>

/**
 * A profile's attachments (一人一档 / 一企一档): every published resource with an identifier item
 * of the subject's kind (resident ID, credit code), read through the gate by subject — each read
 * audited. Resources the caller has no grant for are listed by name only: no read, no audit, and
 * the caller knows what to request.
 */
export class AttachmentFinder {
  readonly #candidates = new Map<IdentifierKind, { value: Candidate[]; until: number }>()

  constructor(
    private readonly catalog: CatalogReader,
    private readonly gate: AccessGate,
  ) {}

  /** Forgets the cached resource lists (after a registry binding changed). */
  forget(): void {
    this.#candidates.clear()
  }

  async #resources(kind: IdentifierKind): Promise<Candidate[]> {
    const cached = this.#candidates.get(kind)
    if (cached !== undefined && cached.until > Date.now()) return cached.value
    const value = (await this.catalog.published())
      .filter(({ version }) => version.content.items.some((item) => item.identifierKind === kind))
      .map(({ resource, version }) => ({
        code: resource.code,
        name: version.content.name,
        department: { code: resource.department.code, name: resource.department.name },
        items: version.content.items.map((item) => ({ key: item.key, name: item.name })),
      }))
      .sort((a, b) => a.code.localeCompare(b.code))
    this.#candidates.set(kind, { value, until: Date.now() + CACHE_MS })
    return value
  }

  /** The attachments of `subject`, leaving out the profile's own core entry. */
  async find(principal: Principal, kind: IdentifierKind, subject: string, coreCode: string, meta: RequestMeta): Promise<Attachment[]> {
    const attachments: Attachment[] = []
    for (const resource of await this.#resources(kind)) {
      if (resource.code === coreCode) continue
      if (!(await this.gate.mayRead(principal, resource.code, 'lookup', kind))) {
        attachments.push({ ...resource, granted: false, records: [], masked: [] })
        continue
      }
      const { decision, records } = await this.gate.bySubject(principal, resource.code, subject, kind, meta)
      attachments.push({
        ...resource,
        items: resource.items.filter((item) => decision.items.has(item.key)),
        granted: true,
        records,
        masked: [...decision.maskedKeys],
      })
    }
    return attachments
  }
}

import { itemShareType, type ResourceContent } from '../../catalog/model.js'
import type { CatalogReader, ResourceRecord } from '../../catalog/reader.js'
import type { Principal } from '../../platform/auth/principal.js'
import type { NotificationService } from '../../notifications/service.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { beijingDate, type WorkingDayCalendar } from '../../calendar/working-days.js'
import { AppError, type FieldProblem } from '../../platform/errors.js'
import type { Publisher } from '../../platform/events.js'
import type { Grant, GrantItem, Operation } from '../gate/model.js'
import { ANSWER_WORKING_DAYS, type SharingEvents, type SharingRequest } from './model.js'
import type { SharingRepository } from './repository.js'

export interface RequestInput {
  readonly resource: string
  readonly items: readonly GrantItem[]
  readonly operations: readonly Operation[]
  readonly purpose: string
  readonly legalBasis: string
  readonly validFrom?: string
  readonly validUntil: string
}

export interface ApproveInput {
  readonly items?: readonly GrantItem[]
  readonly operations?: readonly Operation[]
  readonly validUntil?: string
  readonly rateLimit?: number
  readonly comment?: string
}

/** Grants given at once for unconditional items are limited to this many reads a minute per node. */
const DEFAULT_RATE_LIMIT = 6000

/**
 * Sharing requests and grants, after 国发〔2016〕51号: unconditional items are granted on request at
 * once (and recorded), conditional ones wait for the provider's answer within 10 working days,
 * resources and items not shared are refused. Grants can be narrowed, revoked and expire.
 */
export class SharingService {
  constructor(
    private readonly repository: SharingRepository,
    private readonly catalog: CatalogReader,
    private readonly calendar: WorkingDayCalendar,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly events: Publisher<SharingEvents>,
  ) {}

  async #published(code: string): Promise<{ resource: ResourceRecord; content: ResourceContent }> {
    const resource = await this.catalog.findResource(code)
    if (resource === undefined || resource.status !== 'published' || resource.publishedVersion === null) {
      throw new AppError('HT_NOT_FOUND', `No published catalog resource ${code}`)
    }
    const version = await this.catalog.getVersion(resource.id, resource.publishedVersion)
    if (version === undefined) throw new AppError('HT_NOT_FOUND', `No published catalog resource ${code}`)
    return { resource, content: version.content }
  }

  /** Checks requested items against the entry; returns the problems, field by field. */
  #itemProblems(content: ResourceContent, items: readonly GrantItem[], field = '/items'): FieldProblem[] {
    const problems: FieldProblem[] = []
    if (items.length === 0) problems.push({ field, message: 'ask for at least one item (至少申请一个信息项)' })
    const seen = new Set<string>()
    items.forEach((requested, index) => {
      const item = content.items.find((candidate) => candidate.key === requested.key)
      if (item === undefined) problems.push({ field: `${field}/${index}/key`, message: `${requested.key} is not an item of this resource` })
      else if (itemShareType(item, content) === 'none')
        problems.push({ field: `${field}/${index}/key`, message: `${item.name} is not shared (该信息项不予共享)` })
      if (seen.has(requested.key)) problems.push({ field: `${field}/${index}/key`, message: 'asked for twice' })
      seen.add(requested.key)
    })
    return problems
  }

  /**
   * Files a request for the caller's department. When every requested item is shared
   * unconditionally the grant is given at once; otherwise the provider's stewards are told and
   * the request waits for their answer, due in 10 working days.
   */
  async request(principal: Principal, input: RequestInput, meta: RequestMeta): Promise<SharingRequest> {
    const { resource, content } = await this.#published(input.resource)
    if (resource.department.id === principal.department.id) {
      throw new AppError('HT_CONFLICT', 'A department reads its own data without a grant')
    }
    if (content.shareType === 'none') {
      throw new AppError('HT_FORBIDDEN', `${content.name} is not shared (不予共享): ${content.legalBasis}`)
    }
    const today = beijingDate()
    const validFrom = input.validFrom ?? today
    const problems = this.#itemProblems(content, input.items)
    if (input.validUntil < validFrom) problems.push({ field: '/validUntil', message: 'ends before it starts' })
    if (new Set(input.operations).size !== input.operations.length) problems.push({ field: '/operations', message: 'lists an operation twice' })
    if (problems.length > 0) throw new AppError('HT_VALIDATION', `${problems[0]?.field} ${problems[0]?.message}`, problems)

    const unconditional = input.items.every((requested) => {
      const item = content.items.find((candidate) => candidate.key === requested.key)
      return item !== undefined && itemShareType(item, content) === 'unconditional'
    })
    const deadline = await this.calendar.addWorkingDays(new Date(), ANSWER_WORKING_DAYS)
    const id = await this.repository.transaction(async (repository) => {
      const requestId = await repository.insertRequest({
        resource_id: resource.id,
        provider_department_id: resource.department.id,
        consumer_department_id: principal.department.id,
        requested_by: principal.name,
        items: JSON.stringify(input.items),
        operations: JSON.stringify(input.operations),
        purpose: input.purpose,
        legal_basis: input.legalBasis,
        valid_from: validFrom,
        valid_until: input.validUntil,
        status: 'pending',
        deadline,
      })
      if (unconditional) {
        const grantId = await repository.insertGrant({
          resource_id: resource.id,
          provider_department_id: resource.department.id,
          consumer_department_id: principal.department.id,
          request_id: requestId,
          items: JSON.stringify(input.items),
          operations: JSON.stringify(input.operations),
          purpose: input.purpose,
          valid_from: validFrom,
          valid_until: input.validUntil,
          rate_limit: DEFAULT_RATE_LIMIT,
          granted_by: 'system:unconditional',
        })
        await repository.decideRequest(requestId, {
          status: 'approved',
          by: 'system:unconditional',
          reason: '无条件共享，自动授权 (unconditional: granted on request)',
          grantId,
        })
      }
      return requestId
    })
    if (unconditional) this.events.emit('grants.changed', { grantId: id })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'sharing.request',
      target: resource.code,
      outcome: 'success',
      detail: { requestId: id, items: input.items.map((item) => item.key), operations: [...input.operations], purpose: input.purpose, granted: unconditional },
    })
    if (!unconditional) {
      await this.notifications.toRole('steward', resource.department.id, {
        kind: 'sharing.request',
        title: `共享申请：${content.name}`,
        body: `${principal.department.name}申请使用“${content.name}”，用途：${input.purpose}。请于 ${deadline} 前答复。`,
        link: `/exchange/requests/${id}`,
      })
    }
    return this.#request(id)
  }

  async get(principal: Principal, id: string): Promise<SharingRequest> {
    const request = await this.#request(id)
    const involved = [request.provider.id, request.consumer.id].includes(principal.department.id) || principal.roles.includes('dataoffice')
    if (!involved) throw new AppError('HT_NOT_FOUND', `No sharing request ${id}`)
    return request
  }

  /** Requests the caller's department made (outgoing), received (incoming), or for the data office, all. */
  list(
    principal: Principal,
    filter: { direction: 'incoming' | 'outgoing' | 'all'; status?: SharingRequest['status']; overdue?: boolean; limit: number; offset: number },
  ) {
    const today = beijingDate()
    if (filter.direction === 'all' && !principal.roles.includes('dataoffice')) throw new AppError('HT_FORBIDDEN', 'Only the data office sees every request')
    return this.repository.listRequests(
      {
        ...(filter.direction === 'incoming' ? { providerDepartmentId: principal.department.id } : {}),
        ...(filter.direction === 'outgoing' ? { consumerDepartmentId: principal.department.id } : {}),
        ...(filter.status === undefined ? {} : { status: filter.status }),
        ...(filter.overdue === true ? { overdueBefore: today } : {}),
        limit: filter.limit,
        offset: filter.offset,
      },
      today,
    )
  }

  /** The provider's steward approves, possibly narrowing items, operations or the period. */
  async approve(principal: Principal, id: string, input: ApproveInput, meta: RequestMeta): Promise<SharingRequest> {
    const request = await this.#pendingForProvider(principal, id)
    const { resource, content } = await this.#published(request.resourceCode)
    const items = input.items ?? request.items
    const operations = input.operations ?? request.operations
    const validUntil = input.validUntil ?? request.validUntil
    const problems = this.#itemProblems(content, items)
    items.forEach((item, index) => {
      const asked = request.items.find((candidate) => candidate.key === item.key)
      if (asked === undefined) problems.push({ field: `/items/${index}/key`, message: 'was not asked for: an approval may only narrow (只能缩小授权范围)' })
      else if (asked.masked && !item.masked) problems.push({ field: `/items/${index}/masked`, message: 'was asked for masked and cannot be granted in clear' })
    })
    operations.forEach((operation, index) => {
      if (!request.operations.includes(operation)) problems.push({ field: `/operations/${index}`, message: 'was not asked for: an approval may only narrow' })
    })
    if (validUntil > request.validUntil) problems.push({ field: '/validUntil', message: 'is later than asked for' })
    if (validUntil < request.validFrom) problems.push({ field: '/validUntil', message: 'ends before the grant starts' })
    if (problems.length > 0) throw new AppError('HT_VALIDATION', `${problems[0]?.field} ${problems[0]?.message}`, problems)
    await this.repository.transaction(async (repository) => {
      const grantId = await repository.insertGrant({
        resource_id: resource.id,
        provider_department_id: resource.department.id,
        consumer_department_id: request.consumer.id,
        request_id: id,
        items: JSON.stringify(items),
        operations: JSON.stringify(operations),
        purpose: request.purpose,
        valid_from: request.validFrom,
        valid_until: validUntil,
        rate_limit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
        granted_by: principal.name,
      })
      if (!(await repository.decideRequest(id, { status: 'approved', by: principal.name, reason: input.comment ?? null, grantId }))) {
        throw new AppError('HT_CONFLICT', `Request ${id} was decided meanwhile`)
      }
    })
    this.events.emit('grants.changed', { grantId: id })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'sharing.approve',
      target: request.resourceCode,
      outcome: 'success',
      detail: { requestId: id, items: items.map((item) => item.key), operations: [...operations], validUntil },
    })
    await this.notifications.toUsername(request.requestedBy, {
      kind: 'sharing.approved',
      title: `共享申请已通过：${request.resourceName}`,
      body: `${request.provider.name}已同意您的申请，有效期至 ${validUntil}。`,
      link: `/exchange/requests/${id}`,
    })
    return this.#request(id)
  }

  async refuse(principal: Principal, id: string, reason: string, meta: RequestMeta): Promise<SharingRequest> {
    const request = await this.#pendingForProvider(principal, id)
    if (!(await this.repository.decideRequest(id, { status: 'refused', by: principal.name, reason, grantId: null }))) {
      throw new AppError('HT_CONFLICT', `Request ${id} was decided meanwhile`)
    }
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'sharing.refuse',
      target: request.resourceCode,
      outcome: 'success',
      detail: { requestId: id, reason },
    })
    await this.notifications.toUsername(request.requestedBy, {
      kind: 'sharing.refused',
      title: `共享申请未通过：${request.resourceName}`,
      body: `${request.provider.name}的答复：${reason}`,
      link: `/exchange/requests/${id}`,
    })
    return this.#request(id)
  }

  async cancel(principal: Principal, id: string, meta: RequestMeta): Promise<SharingRequest> {
    const request = await this.get(principal, id)
    if (request.consumer.id !== principal.department.id) throw new AppError('HT_FORBIDDEN', 'Only the requesting department cancels its request')
    if (!(await this.repository.decideRequest(id, { status: 'cancelled', by: principal.name, reason: null, grantId: null }))) {
      throw new AppError('HT_CONFLICT', `Request ${id} is no longer pending`)
    }
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'sharing.cancel',
      target: request.resourceCode,
      outcome: 'success',
      detail: { requestId: id },
    })
    return this.#request(id)
  }

  listGrants(principal: Principal, direction: 'incoming' | 'outgoing' | 'all', status?: 'active' | 'revoked'): Promise<Grant[]> {
    if (direction === 'all' && !principal.roles.includes('dataoffice')) throw new AppError('HT_FORBIDDEN', 'Only the data office sees every grant')
    return this.repository.listGrants(
      {
        ...(direction === 'outgoing' ? { providerDepartmentId: principal.department.id } : {}),
        ...(direction === 'incoming' ? { consumerDepartmentId: principal.department.id } : {}),
        ...(status === undefined ? {} : { status }),
      },
      beijingDate(),
    )
  }

  async getGrant(principal: Principal, id: string): Promise<Grant> {
    const grant = await this.repository.findGrant(id, beijingDate())
    if (grant === undefined || (![grant.provider.id, grant.consumer.id].includes(principal.department.id) && !principal.roles.includes('dataoffice'))) {
      throw new AppError('HT_NOT_FOUND', `No grant ${id}`)
    }
    return grant
  }

  /** The provider's steward, or the data office, revokes a grant; reads stop at once on this node. */
  async revoke(principal: Principal, id: string, reason: string, meta: RequestMeta): Promise<Grant> {
    const grant = await this.getGrant(principal, id)
    const mayRevoke = (grant.provider.id === principal.department.id && principal.roles.includes('steward')) || principal.roles.includes('dataoffice')
    if (!mayRevoke) throw new AppError('HT_FORBIDDEN', 'Only the provider’s steward or the data office revokes a grant')
    if (grant.status === 'revoked') throw new AppError('HT_CONFLICT', `Grant ${id} is already revoked`)
    await this.repository.revokeGrant(id, principal.name, reason)
    this.events.emit('grants.changed', { grantId: id })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'sharing.revoke',
      target: grant.resourceCode,
      outcome: 'success',
      detail: { grantId: id, consumer: grant.consumer.code, reason },
    })
    await this.notifications.toRole('steward', grant.consumer.id, {
      kind: 'sharing.revoked',
      title: `授权已撤销：${grant.resourceName}`,
      body: `${grant.provider.name}撤销了对“${grant.resourceName}”的授权：${reason}`,
    })
    return this.getGrant(principal, id)
  }

  /** Tells the data office of requests that have just passed their deadline; run periodically. */
  async flagOverdue(): Promise<number> {
    const overdue = await this.repository.takeNewlyOverdue(beijingDate())
    for (const { id } of overdue) {
      const request = await this.#request(id)
      await this.notifications.toRole('dataoffice', undefined, {
        kind: 'sharing.overdue',
        title: `共享申请超期未答复：${request.resourceName}`,
        body: `${request.consumer.name}向${request.provider.name}提出的申请已超过 ${request.deadline} 的答复期限。`,
        link: `/exchange/requests/${id}`,
      })
    }
    return overdue.length
  }

  async #request(id: string): Promise<SharingRequest> {
    const request = await this.repository.findRequest(id, beijingDate())
    if (request === undefined) throw new AppError('HT_NOT_FOUND', `No sharing request ${id}`)
    return request
  }

  async #pendingForProvider(principal: Principal, id: string): Promise<SharingRequest> {
    const request = await this.get(principal, id)
    if (request.provider.id !== principal.department.id || !principal.roles.includes('steward')) {
      throw new AppError('HT_FORBIDDEN', 'Only the provider’s steward answers a sharing request')
    }
    if (request.status !== 'pending') throw new AppError('HT_CONFLICT', `Request ${id} is already ${request.status}`)
    return request
  }
}

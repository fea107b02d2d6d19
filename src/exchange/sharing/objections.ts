import type { Principal } from '../../platform/auth/principal.js'
import type { NotificationService } from '../../notifications/service.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { beijingDate } from '../../calendar/working-days.js'
import { AppError } from '../../platform/errors.js'
import { newId, now } from '../../platform/ids.js'
import type { AccessGate } from '../gate/gate.js'
import type { Objection, ObjectionRepository } from './objection-repository.js'
import type { SharingRepository } from './repository.js'

/**
 * Data objections (数据异议), the fast correction channel of 国发〔2016〕51号: a department that reads
 * a record it believes wrong flags it; the provider must answer.
 */
export class ObjectionService {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly gate: AccessGate,
    private readonly sharing: SharingRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
  ) {}

  /** Flags a record as wrong; the caller's department must hold a grant on the resource. */
  async raise(principal: Principal, code: string, recordKey: string, note: string, meta: RequestMeta): Promise<Objection> {
    const description = await this.gate.describe(code)
    if (description === undefined) throw new AppError('HT_NOT_FOUND', `No published resource ${code}`)
    if (description.providerDepartmentId === principal.department.id)
      throw new AppError('HT_CONFLICT', 'Correct your own data directly; objections are for other departments’ data')
    const grants = await this.sharing.effectiveGrants(description.resourceId, principal.department.id, beijingDate())
    if (grants.length === 0) throw new AppError('HT_NOT_GRANTED', 'Only a department that holds a grant on the resource raises objections to its data')
    const id = newId()
    await this.objections.insert({
      id,
      resource_id: description.resourceId,
      provider_department_id: description.providerDepartmentId,
      consumer_department_id: principal.department.id,
      record_key: recordKey,
      note,
      raised_by: principal.name,
      status: 'open',
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: now(),
    })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'objection.raise',
      target: code,
      outcome: 'success',
      detail: { objectionId: id, recordKey },
    })
    await this.notifications.toRole('steward', description.providerDepartmentId, {
      kind: 'objection.raised',
      title: `数据异议：${description.name}`,
      body: `${principal.department.name}对记录 ${recordKey} 提出异议：${note}`,
      link: `/exchange/objections/${id}`,
    })
    return this.get(principal, id)
  }

  async get(principal: Principal, id: string): Promise<Objection> {
    const record = await this.objections.find(id)
    const involved =
      record !== undefined &&
      ([record.providerDepartmentId, record.consumerDepartmentId].includes(principal.department.id) || principal.roles.includes('dataoffice'))
    if (record === undefined || !involved) throw new AppError('HT_NOT_FOUND', `No objection ${id}`)
    return record.objection
  }

  async list(principal: Principal, direction: 'incoming' | 'outgoing' | 'all', status?: 'open' | 'answered'): Promise<Objection[]> {
    if (direction === 'all' && !principal.roles.includes('dataoffice')) throw new AppError('HT_FORBIDDEN', 'Only the data office sees every objection')
    const records = await this.objections.list({
      ...(direction === 'incoming' ? { providerDepartmentId: principal.department.id } : {}),
      ...(direction === 'outgoing' ? { consumerDepartmentId: principal.department.id } : {}),
      ...(status === undefined ? {} : { status }),
    })
    return records.map((record) => record.objection)
  }

  /** The provider's steward answers: what was found, and whether the record was corrected. */
  async answer(principal: Principal, id: string, answer: string, meta: RequestMeta): Promise<Objection> {
    const objection = await this.get(principal, id)
    const row = await this.objections.state(id)
    if (row.provider_department_id !== principal.department.id || !principal.roles.includes('steward'))
      throw new AppError('HT_FORBIDDEN', 'Only the provider’s steward answers an objection')
    if (row.status !== 'open') throw new AppError('HT_CONFLICT', `Objection ${id} is already answered`)
    await this.objections.markAnswered(id, answer, principal.name)
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'objection.answer',
      target: objection.resourceCode,
      outcome: 'success',
      detail: { objectionId: id },
    })
    await this.notifications.toUsername(objection.raisedBy, {
      kind: 'objection.answered',
      title: `异议已答复：${objection.resourceName}`,
      body: answer,
      link: `/exchange/objections/${id}`,
    })
    return this.get(principal, id)
  }

  openCount(): Promise<number> {
    return this.objections.openCount()
  }
}

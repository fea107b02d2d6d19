import type { Selectable } from 'kysely'
import type { Principal } from '../../platform/auth/principal.js'
import type { NotificationService } from '../../notifications/service.js'
import { auditActor, type RequestMeta } from '../../audit/actor.js'
import type { AuditLog } from '../../audit/audit-log.js'
import { beijingDate } from '../../calendar/working-days.js'
import type { Db } from '../../platform/db/database.js'
import type { ObjectionTable } from '../../platform/db/tables.js'
import { AppError } from '../../platform/errors.js'
import { newId, now } from '../../platform/ids.js'
import type { AccessGate } from '../gate/gate.js'
import type { SharingRepository } from './repository.js'

export interface Objection {
  readonly id: string
  readonly resourceCode: string
  readonly resourceName: string
  readonly provider: { readonly code: string; readonly name: string }
  readonly consumer: { readonly code: string; readonly name: string }
  readonly recordKey: string
  readonly note: string
  readonly raisedBy: string
  readonly status: 'open' | 'answered'
  readonly answer: string | null
  readonly answeredBy: string | null
  readonly answeredAt: string | null
  readonly createdAt: string
}

/**
 * Data objections (数据异议), the fast correction channel of 国发〔2016〕51号: a department that reads
 * a record it believes wrong flags it; the provider must answer.
 */
export class ObjectionService {
  constructor(
    private readonly db: Db,
    private readonly gate: AccessGate,
    private readonly sharing: SharingRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
  ) {}

  #query() {
    return this.db
      .selectFrom('objections')
      .innerJoin('catalog_resources as r', 'r.id', 'objections.resource_id')
      .innerJoin('departments as p', 'p.id', 'objections.provider_department_id')
      .innerJoin('departments as c', 'c.id', 'objections.consumer_department_id')
      .selectAll('objections')
      .select([
        'r.code as resource_code',
        'r.name as resource_name',
        'p.code as provider_code',
        'p.name as provider_name',
        'c.code as consumer_code',
        'c.name as consumer_name',
      ])
  }

  #view(
    row: Selectable<ObjectionTable> & {
      resource_code: string
      resource_name: string
      provider_code: string
      provider_name: string
      consumer_code: string
      consumer_name: string
    },
  ): Objection {
    return {
      id: row.id,
      resourceCode: row.resource_code,
      resourceName: row.resource_name,
      provider: { code: row.provider_code, name: row.provider_name },
      consumer: { code: row.consumer_code, name: row.consumer_name },
      recordKey: row.record_key,
      note: row.note,
      raisedBy: row.raised_by,
      status: row.status,
      answer: row.answer,
      answeredBy: row.answered_by,
      answeredAt: row.answered_at,
      createdAt: row.created_at,
    }
  }

  /** Flags a record as wrong; the caller's department must hold a grant on the resource. */
  async raise(principal: Principal, code: string, recordKey: string, note: string, meta: RequestMeta): Promise<Objection> {
    const description = await this.gate.describe(code)
    if (description === undefined) throw new AppError('HT_NOT_FOUND', `No published resource ${code}`)
    if (description.providerDepartmentId === principal.department.id)
      throw new AppError('HT_CONFLICT', 'Correct your own data directly; objections are for other departments’ data')
    const grants = await this.sharing.effectiveGrants(description.resourceId, principal.department.id, beijingDate())
    if (grants.length === 0) throw new AppError('HT_NOT_GRANTED', 'Only a department that holds a grant on the resource raises objections to its data')
    const id = newId()
    await this.db
      .insertInto('objections')
      .values({
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
      .execute()
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
    const row = await this.#query().where('objections.id', '=', id).executeTakeFirst()
    const involved =
      row !== undefined &&
      ([row.provider_department_id, row.consumer_department_id].includes(principal.department.id) || principal.roles.includes('dataoffice'))
    if (row === undefined || !involved) throw new AppError('HT_NOT_FOUND', `No objection ${id}`)
    return this.#view(row)
  }

  async list(principal: Principal, direction: 'incoming' | 'outgoing' | 'all', status?: 'open' | 'answered'): Promise<Objection[]> {
    if (direction === 'all' && !principal.roles.includes('dataoffice')) throw new AppError('HT_FORBIDDEN', 'Only the data office sees every objection')
    let query = this.#query()
    if (direction === 'incoming') query = query.where('objections.provider_department_id', '=', principal.department.id)
    if (direction === 'outgoing') query = query.where('objections.consumer_department_id', '=', principal.department.id)
    if (status !== undefined) query = query.where('objections.status', '=', status)
    return (await query.orderBy('objections.created_at', 'desc').execute()).map((row) => this.#view(row))
  }

  /** The provider's steward answers: what was found, and whether the record was corrected. */
  async answer(principal: Principal, id: string, answer: string, meta: RequestMeta): Promise<Objection> {
    const objection = await this.get(principal, id)
    const row = await this.db.selectFrom('objections').select(['provider_department_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
    if (row.provider_department_id !== principal.department.id || !principal.roles.includes('steward'))
      throw new AppError('HT_FORBIDDEN', 'Only the provider’s steward answers an objection')
    if (row.status !== 'open') throw new AppError('HT_CONFLICT', `Objection ${id} is already answered`)
    await this.db.updateTable('objections').set({ status: 'answered', answer, answered_by: principal.name, answered_at: now() }).where('id', '=', id).execute()
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

  async openCount(): Promise<number> {
    const row = await this.db
      .selectFrom('objections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

import type { WorkingDayCalendar } from '../../calendar/working-days.js'
import { beijingDate } from '../../calendar/working-days.js'
import type { StatisticsRepository } from './statistics-repository.js'

/** The city's target for the sharing rate (the plan: ≥ 80 %). */
export const SHARING_RATE_TARGET = 0.8

interface Tally {
  requests: number
  approved: number
  refused: number
  pending: number
  grants: number
  reads: number
  records: number
  approvalDays: number[]
}

const tally = (): Tally => ({ requests: 0, approved: 0, refused: 0, pending: 0, grants: 0, reads: 0, records: 0, approvalDays: [] })
const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10)
const view = ({ approvalDays, ...rest }: Tally) => ({ ...rest, averageApprovalWorkingDays: average(approvalDays) })

/**
 * The exchange's figures for the data office and later dashboards: per resource and per
 * department — requests, approval time in working days, grants, reads, records delivered — and
 * the sharing rate (published resources shared with at least one other department ÷ published).
 */
export class SharingStatistics {
  constructor(
    private readonly repository: StatisticsRepository,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  async figures() {
    const calendar = this.calendar
    const today = beijingDate()
    const { resources, requests, grants, usage, objections, departments: departmentRows } = await this.repository.rows()
    const departments = new Map(departmentRows.map((d) => [d.id, d]))
    const byResource = new Map(resources.map((r) => [r.id, tally()]))
    const asProvider = new Map<string, Tally>()
    const asConsumer = new Map<string, Tally>()
    const of = (map: Map<string, Tally>, id: string) => map.get(id) ?? map.set(id, tally()).get(id) ?? tally()
    const provider = new Map(resources.map((r) => [r.id, r.department_id]))

    let overdue = 0
    const approvalDays: number[] = []
    for (const request of requests) {
      const targets = [
        byResource.get(request.resource_id),
        of(asProvider, request.provider_department_id),
        of(asConsumer, request.consumer_department_id),
      ].filter((t) => t !== undefined)
      for (const t of targets) {
        t.requests += 1
        if (request.status === 'approved') t.approved += 1
        if (request.status === 'refused') t.refused += 1
        if (request.status === 'pending') t.pending += 1
      }
      if (request.status === 'pending' && request.deadline < today) overdue += 1
      // Approval time counts decisions people made; grants given on request at once are not answers.
      if (request.decided_at !== null && request.decided_by !== null && !request.decided_by.startsWith('system:') && request.status !== 'cancelled') {
        const days = await calendar.workingDaysBetween(request.created_at, request.decided_at)
        approvalDays.push(days)
        for (const t of targets) t.approvalDays.push(days)
      }
    }
    const shared = new Set<string>()
    for (const grant of grants) {
      const active = grant.status === 'active' && grant.valid_from <= today && grant.valid_until >= today
      if (!active) continue
      for (const t of [byResource.get(grant.resource_id), of(asProvider, grant.provider_department_id), of(asConsumer, grant.consumer_department_id)])
        if (t !== undefined) t.grants += 1
      if (grant.consumer_department_id !== grant.provider_department_id) shared.add(grant.resource_id)
    }
    for (const row of usage) {
      const reads = Number(row.reads)
      const records = Number(row.records)
      const providerId = provider.get(row.resource_id)
      for (const t of [
        byResource.get(row.resource_id),
        providerId === undefined ? undefined : of(asProvider, providerId),
        of(asConsumer, row.consumer_department_id),
      ]) {
        if (t === undefined) continue
        t.reads += reads
        t.records += records
      }
    }
    const published = resources.length
    const sharedCount = resources.filter((r) => shared.has(r.id)).length
    return {
      sharingRate: {
        shared: sharedCount,
        published,
        rate: published === 0 ? 0 : Math.round((sharedCount / published) * 1000) / 1000,
        target: SHARING_RATE_TARGET,
      },
      requests: {
        total: requests.length,
        pending: requests.filter((r) => r.status === 'pending').length,
        approved: requests.filter((r) => r.status === 'approved').length,
        refused: requests.filter((r) => r.status === 'refused').length,
        overdue,
        averageApprovalWorkingDays: average(approvalDays),
      },
      grants: { active: grants.filter((g) => g.status === 'active' && g.valid_until >= today).length, total: grants.length },
      reads: { total: usage.reduce((sum, row) => sum + Number(row.reads), 0), records: usage.reduce((sum, row) => sum + Number(row.records), 0) },
      objections: { open: objections.filter((o) => o.status === 'open').length, answered: objections.filter((o) => o.status === 'answered').length },
      byResource: resources
        .map((r) => ({ code: r.code, name: r.name, provider: { code: r.department_code, name: r.department_name }, ...view(byResource.get(r.id) ?? tally()) }))
        .filter((r) => r.requests > 0 || r.grants > 0 || r.reads > 0)
        .sort((a, b) => b.reads - a.reads || b.requests - a.requests || a.code.localeCompare(b.code)),
      byDepartment: [...new Set([...asProvider.keys(), ...asConsumer.keys()])]
        .map((id) => ({
          code: departments.get(id)?.code ?? id,
          name: departments.get(id)?.name ?? id,
          asProvider: view(asProvider.get(id) ?? tally()),
          asConsumer: view(asConsumer.get(id) ?? tally()),
        }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    }
  }
}

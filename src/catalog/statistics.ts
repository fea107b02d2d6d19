import type { CatalogRepository } from './repository.js'
import type { CatalogSearchIndex, SearchDocument } from './search-index.js'

export interface Count {
  readonly value: string
  readonly count: number
}

export interface DepartmentCounts {
  readonly code: string
  readonly name: string
  readonly total: number
  readonly published: number
  readonly draft: number
  readonly submitted: number
  readonly returned: number
  readonly retired: number
}

/** Counts for dashboards: by status and department (every entry), and facets of the published ones. */
export interface CatalogStatistics {
  readonly totals: { readonly all: number; readonly published: number; readonly pendingReview: number }
  readonly byStatus: Count[]
  readonly byDepartment: DepartmentCounts[]
  readonly byClassification: Count[]
  readonly byShareType: Count[]
  readonly byOpenness: Count[]
  readonly byFormatClass: Count[]
  readonly byUpdateCycle: Count[]
}

function countBy(documents: readonly SearchDocument[], key: (document: SearchDocument) => string): Count[] {
  const counts = new Map<string, number>()
  for (const document of documents) counts.set(key(document), (counts.get(key(document)) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/**
 * The catalog's statistics.
 *
 * @example
 * const { totals, byShareType } = await catalogStatistics(repository, index)
 */
export async function catalogStatistics(repository: CatalogRepository, index: CatalogSearchIndex): Promise<CatalogStatistics> {
  const [rows, documents] = await Promise.all([repository.statusCounts(), index.all()])
  const departments = new Map<
    string,
    { code: string; name: string; total: number; published: number; draft: number; submitted: number; returned: number; retired: number }
  >()
  const statuses = new Map<string, number>()
  let pendingReview = 0
  for (const row of rows) {
    const department = departments.get(row.departmentCode) ?? {
      code: row.departmentCode,
      name: row.departmentName,
      total: 0,
      published: 0,
      draft: 0,
      submitted: 0,
      returned: 0,
      retired: 0,
    }
    department.total += row.count
    const status = row.status as 'published' | 'draft' | 'submitted' | 'returned' | 'retired'
    department[status] += row.count
    departments.set(row.departmentCode, department)
    statuses.set(status, (statuses.get(status) ?? 0) + row.count)
    if (row.workingStatus === 'submitted') pendingReview += row.count
  }
  return {
    totals: { all: [...statuses.values()].reduce((a, b) => a + b, 0), published: statuses.get('published') ?? 0, pendingReview },
    byStatus: [...statuses].map(([value, count]) => ({ value, count })),
    byDepartment: [...departments.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)),
    byClassification: countBy(documents, (d) => d.classification),
    byShareType: countBy(documents, (d) => d.shareType),
    byOpenness: countBy(documents, (d) => String(d.open)),
    byFormatClass: countBy(documents, (d) => d.formatClass),
    byUpdateCycle: countBy(documents, (d) => d.updateCycle),
  }
}

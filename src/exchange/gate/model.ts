/** The read operations a grant may allow (DESIGN.md: describe, lookup, verify, query, changes). */
export const OPERATIONS = ['lookup', 'verify', 'query', 'subscribe', 'export'] as const
export type Operation = (typeof OPERATIONS)[number]

export const OPERATION_LABELS: Readonly<Record<Operation, { zh: string; en: string }>> = {
  lookup: { zh: '按键查询', en: 'Lookup by key' },
  verify: { zh: '核验', en: 'Verify' },
  query: { zh: '条件查询', en: 'Query' },
  subscribe: { zh: '订阅变更', en: 'Subscribe to changes' },
  export: { zh: '批量导出', en: 'Bulk export' },
}

/** One item a grant covers, in clear or masked (脱敏). */
export interface GrantItem {
  readonly key: string
  readonly masked: boolean
}

export interface DepartmentRef {
  readonly id: string
  readonly code: string
  readonly name: string
}

export interface Grant {
  readonly id: string
  readonly resourceId: string
  readonly resourceCode: string
  readonly resourceName: string
  readonly provider: DepartmentRef
  readonly consumer: DepartmentRef
  readonly requestId: string | null
  readonly items: GrantItem[]
  readonly operations: Operation[]
  readonly purpose: string
  readonly validFrom: string
  readonly validUntil: string
  /** Reads per minute on each node; 0 means no limit. */
  readonly rateLimit: number
  readonly status: 'active' | 'revoked'
  /** Active, not revoked, and today within its validity. */
  readonly effective: boolean
  readonly grantedBy: string
  readonly createdAt: string
  readonly revokedAt: string | null
  readonly revokedBy: string | null
  readonly revokeReason: string | null
}

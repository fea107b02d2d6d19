import { Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useMemo } from 'react'
import type { CatalogItem } from '../../api/catalog'
import type { Grant, GrantItem, Operation, RequestStatus } from '../../api/exchange'
import { useDepartments } from '../../api/identity'
import { useLanguage } from '../../language'

export const REQUEST_STATUS_COLORS: Readonly<Record<RequestStatus, string>> = {
  pending: 'processing',
  approved: 'success',
  refused: 'error',
  cancelled: 'default',
}

const OPERATION_LABELS: Readonly<Record<Operation, { zh: string; en: string }>> = {
  lookup: { zh: '按键查询', en: 'Lookup by key' },
  verify: { zh: '核验', en: 'Verify' },
  query: { zh: '条件查询', en: 'Query' },
  subscribe: { zh: '订阅变更', en: 'Subscribe to changes' },
  export: { zh: '批量导出', en: 'Bulk export' },
}

/** Operation names in the current language. */
export function useOperationLabel(): (operation: Operation) => string {
  const { language } = useLanguage()
  return useMemo(() => (operation: Operation) => OPERATION_LABELS[operation][language], [language])
}

export function RequestStatusTag({ status }: { readonly status: RequestStatus }) {
  const { t } = useLanguage()
  return (
    <Tag color={REQUEST_STATUS_COLORS[status]} data-status={status}>
      {t(`exchange.status.${status}`)}
    </Tag>
  )
}

/** Whole days from today to a YYYY-MM-DD day; negative once it has passed. */
export function daysUntil(day: string): number {
  return dayjs(day).startOf('day').diff(dayjs().startOf('day'), 'day')
}

/** The answer deadline of a request: the day, and while pending a countdown, red once overdue. */
export function DeadlineTag({ deadline, status, overdue }: { readonly deadline: string; readonly status: RequestStatus; readonly overdue: boolean }) {
  const { t } = useLanguage()
  if (status !== 'pending') return <Typography.Text type="secondary">{deadline}</Typography.Text>
  const days = daysUntil(deadline)
  const late = overdue || days < 0
  const label = late ? t('exchange.overdueDays', { n: Math.max(1, -days) }) : days === 0 ? t('exchange.dueToday') : t('exchange.daysLeft', { n: days })
  return (
    <Space size={4} wrap data-testid="deadline">
      <span>{deadline}</span>
      <Tag color={late ? 'red' : days <= 2 ? 'orange' : 'blue'} data-overdue={late}>
        {label}
      </Tag>
    </Space>
  )
}

export function OperationTags({ operations }: { readonly operations: readonly Operation[] }) {
  const label = useOperationLabel()
  return (
    <Space size={[4, 4]} wrap>
      {operations.map((operation) => (
        <Tag key={operation}>{label(operation)}</Tag>
      ))}
    </Space>
  )
}

/** Granted or requested items: the item's name where the entry is known, its key otherwise; masked ones marked 脱敏. */
export function ItemTags({ items, catalogItems }: { readonly items: readonly GrantItem[]; readonly catalogItems?: readonly CatalogItem[] | undefined }) {
  const { t } = useLanguage()
  return (
    <Space size={[4, 4]} wrap>
      {items.map((item) => {
        const name = catalogItems?.find((candidate) => candidate.key === item.key)?.name
        return (
          <Tag key={item.key} color={item.masked ? 'gold' : undefined} data-item={item.key} data-masked={item.masked}>
            {name ?? item.key}
            {item.masked ? ` · ${t('exchange.masked')}` : ''}
          </Tag>
        )
      })}
    </Space>
  )
}

/** A grant's state: revoked, in effect, or active but outside its validity. */
export function GrantStateTag({ grant }: { readonly grant: Grant }) {
  const { t } = useLanguage()
  if (grant.status === 'revoked') return <Tag color="red">{t('exchange.grant.revoked')}</Tag>
  return grant.effective ? <Tag color="green">{t('exchange.grant.effective')}</Tag> : <Tag>{t('exchange.grant.notEffective')}</Tag>
}

interface NamedDepartment {
  readonly code: string
  readonly name: string
}

/** A department's name in the current language, found by its code. */
export function useDepartmentLabel(): (department: NamedDepartment) => string {
  const { language } = useLanguage()
  const { data } = useDepartments()
  return useCallback(
    (department: NamedDepartment) =>
      language === 'zh' ? department.name : (data?.find((candidate) => candidate.code === department.code)?.nameEn ?? department.name),
    [language, data],
  )
}

/** A department pair, provider → consumer. */
export function Departments({ provider, consumer }: { readonly provider: NamedDepartment; readonly consumer: NamedDepartment }) {
  const name = useDepartmentLabel()
  return (
    <span>
      {name(provider)} → {name(consumer)}
    </span>
  )
}

import { Descriptions, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useGrants } from '../../api/exchange'
import { PERSON_ITEMS, type PersonRecord, type PersonStatus } from '../../api/population'
import { useLanguage } from '../../language'
import { STATUS_COLORS, usePersonLabels } from './population-labels'

export function StatusTag({ code }: { readonly code: string }) {
  const labels = usePersonLabels()
  return (
    <Tag color={STATUS_COLORS[code as PersonStatus] ?? 'default'} data-status={code}>
      {labels.status(code)}
    </Tag>
  )
}

/** The · 脱敏 mark beside an item whose values come masked. */
export function MaskedMark() {
  const { t } = useLanguage()
  return <Typography.Text type="warning"> · {t('exchange.masked')}</Typography.Text>
}

/**
 * The core items the caller's grants give masked, as the gate computes it: an item is in clear if
 * any effective grant gives it in clear. Without a grant (the registry's own department) nothing is masked.
 */
export function useCoreMasked(code: string | null | undefined): ReadonlySet<string> {
  const grants = useGrants('incoming', 'active')
  return useMemo(() => {
    const masked = new Map<string, boolean>()
    for (const grant of grants.data ?? []) {
      if (grant.resourceCode !== code || !grant.effective) continue
      for (const item of grant.items) masked.set(item.key, (masked.get(item.key) ?? true) && item.masked)
    }
    return new Set([...masked].flatMap(([key, isMasked]) => (isMasked ? [key] : [])))
  }, [grants.data, code])
}

/** A core person record: every item it carries, in the catalog entry's order, with the codes named. */
export function PersonRecordView({ record, masked, testId = 'person-record' }: { readonly record: PersonRecord; readonly masked: ReadonlySet<string>; readonly testId?: string }) {
  const labels = usePersonLabels()
  const keys = [...PERSON_ITEMS.filter((key) => key in record), ...Object.keys(record).filter((key) => !(PERSON_ITEMS as readonly string[]).includes(key))]
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid={testId}>
      {keys.map((key) => {
        const value = record[key]
        return (
          <Descriptions.Item
            key={key}
            label={
              <span data-item={key} data-masked={masked.has(key)}>
                {labels.item(key)}
                {masked.has(key) ? <MaskedMark /> : null}
              </span>
            }
          >
            <span data-testid={`value-${key}`}>{key === 'status' && typeof value === 'string' && value !== '' ? <StatusTag code={value} /> : labels.value(key, value)}</span>
          </Descriptions.Item>
        )
      })}
    </Descriptions>
  )
}

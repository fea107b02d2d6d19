import { Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ENTITY_ITEMS, type EntityRecord, type EntityStatus } from '../../api/legal-persons'
import { profilePath as personProfilePath } from '../population/population-paths'
import { RecordView } from '../registry/record-view'
import { STATUS_COLORS, useEntityLabels, type EntityLabels } from './legal-person-labels'

/** Items with long values, given a whole row. */
const WIDE_ITEMS: ReadonlySet<string> = new Set(['domicile', 'business_scope'])

/**
 * One pair per row where the record shares the screen with the change record (xl), two where it
 * has the width: names, addresses and codes of entities are long.
 */
const COLUMNS = { xs: 1, md: 2, xl: 1, xxl: 2 } as const

export function StatusTag({ code }: { readonly code: string }) {
  const labels = useEntityLabels()
  return (
    <Tag color={STATUS_COLORS[code as EntityStatus] ?? 'default'} data-status={code}>
      {labels.status(code)}
    </Tag>
  )
}

/** A value readable in clear, as opposed to none or a masked one ('2101**********1234'). */
export function clearText(value: EntityRecord[string] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' && !value.includes('*') ? value : undefined
}

/**
 * One value of an entity as the record view and the results table show it: the status as a tag,
 * the capital in its currency, the representative's ID leading to their person profile (一人一档).
 */
export function entityValue(labels: EntityLabels, record: EntityRecord, key: string): ReactNode {
  const value = record[key]
  if (key === 'registration_status' && typeof value === 'string' && value !== '') return <StatusTag code={value} />
  if (key === 'credit_code' || key === 'registration_number')
    return <Typography.Text style={{ fontFamily: 'monospace' }}>{labels.value(key, value)}</Typography.Text>
  if (key === 'registered_capital') {
    const amount = labels.value(key, value)
    const currency = clearText(record.currency)
    return amount === '' || currency === undefined || currency === 'CNY' ? amount : `${amount} ${currency}`
  }
  const id = key === 'representative_id' ? clearText(value) : undefined
  if (id !== undefined) {
    return (
      <Link to={personProfilePath(id)} style={{ fontFamily: 'monospace' }} data-action="representative-profile">
        {id}
      </Link>
    )
  }
  return labels.value(key, value)
}

/** A core entity record: every item it carries, in the catalog entry's order, with the codes named. */
export function EntityRecordView({
  record,
  masked,
  testId = 'entity-record',
}: {
  readonly record: EntityRecord
  readonly masked: ReadonlySet<string>
  readonly testId?: string
}) {
  const labels = useEntityLabels()
  return (
    <RecordView
      record={record}
      order={ENTITY_ITEMS}
      masked={masked}
      label={labels.item}
      render={(key) => entityValue(labels, record, key)}
      wide={WIDE_ITEMS}
      column={COLUMNS}
      testId={testId}
    />
  )
}

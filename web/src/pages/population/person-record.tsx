import { Tag } from 'antd'
import { PERSON_ITEMS, type PersonRecord, type PersonStatus } from '../../api/population'
import { RecordView } from '../registry/record-view'
import { STATUS_COLORS, usePersonLabels } from './population-labels'

export function StatusTag({ code }: { readonly code: string }) {
  const labels = usePersonLabels()
  return (
    <Tag color={STATUS_COLORS[code as PersonStatus] ?? 'default'} data-status={code}>
      {labels.status(code)}
    </Tag>
  )
}

/** A core person record: every item it carries, in the catalog entry's order, with the codes named. */
export function PersonRecordView({
  record,
  masked,
  testId = 'person-record',
}: {
  readonly record: PersonRecord
  readonly masked: ReadonlySet<string>
  readonly testId?: string
}) {
  const labels = usePersonLabels()
  return (
    <RecordView
      record={record}
      order={PERSON_ITEMS}
      masked={masked}
      label={labels.item}
      render={(key, value) => (key === 'status' && typeof value === 'string' && value !== '' ? <StatusTag code={value} /> : labels.value(key, value))}
      testId={testId}
    />
  )
}

import { Descriptions, type DescriptionsProps } from 'antd'
import type { ReactNode } from 'react'
import type { DataRecord } from '../../api/exchange'
import { MaskedMark } from './masking'

export interface RecordViewProps {
  readonly record: DataRecord
  /** The catalog entry's items in order; items the record carries beyond them follow at the end. */
  readonly order: readonly string[]
  readonly masked: ReadonlySet<string>
  /** An item's name, e.g. 出生日期. */
  readonly label: (key: string) => string
  /** A value as the reader wants it (codes named, tags for states). */
  readonly render: (key: string, value: DataRecord[string] | undefined) => ReactNode
  /** Items with long values, given a whole row. */
  readonly wide?: ReadonlySet<string>
  /** Label and value pairs per row, by screen width; two from medium screens on by default. */
  readonly column?: DescriptionsProps['column']
  readonly testId: string
}

/**
 * A registry's core record: every item it carries (only the granted ones come), in the catalog
 * entry's order, masked items marked. Each value is `value-<key>` for tests and the label carries `data-item`.
 */
export function RecordView({ record, order, masked, label, render, wide, column = { xs: 1, md: 2 }, testId }: RecordViewProps) {
  const keys = [...order.filter((key) => key in record), ...Object.keys(record).filter((key) => !order.includes(key))]
  return (
    <Descriptions bordered size="small" column={column} data-testid={testId}>
      {keys.map((key) => (
        <Descriptions.Item
          key={key}
          span={wide?.has(key) === true ? 'filled' : 1}
          label={
            <span data-item={key} data-masked={masked.has(key)}>
              {label(key)}
              {masked.has(key) ? <MaskedMark /> : null}
            </span>
          }
        >
          <span data-testid={`value-${key}`}>{render(key, record[key])}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  )
}

import type { UseQueryResult } from '@tanstack/react-query'
import { Empty, Space, Spin, Tag, Timeline, Typography } from 'antd'
import { isNotGranted } from '../../api/exchange'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'

/** One entry of a registry's change history, as `GET …/history` gives it. */
export interface ChangeEntry<E extends string> {
  readonly seq: number
  readonly event: E
  readonly effectiveDate: string
  readonly at: string
  readonly changedBy: string
  readonly source: string
  readonly changes: ReadonlyArray<{ readonly item: string; readonly before: string | null; readonly after: string | null }>
}

/** How a registry names its items, values and events. */
export interface ChangeLabels<E extends string> {
  readonly item: (key: string) => string
  readonly value: (key: string, value: string | null) => string
  readonly event: (event: E) => string
  /** The colour of an event's dot and tag. */
  readonly color: (event: E) => string
  /** Events drawn prominently, with the items they changed in bold (a rename, a change of status). */
  readonly highlighted?: (event: E) => boolean
}

function Changes<E extends string>({ entry, labels, strong }: { readonly entry: ChangeEntry<E>; readonly labels: ChangeLabels<E>; readonly strong: boolean }) {
  const { t } = useLanguage()
  const shown = (item: string, value: string | null) => {
    const text = labels.value(item, value)
    return text === '' ? (
      <Typography.Text type="secondary">{t('registry.history.empty')}</Typography.Text>
    ) : (
      <Typography.Text strong={strong}>{text}</Typography.Text>
    )
  }
  return (
    <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
      {entry.changes.map((change) => (
        <li key={change.item} data-item={change.item}>
          <Typography.Text type="secondary">{t('registry.history.item', { item: labels.item(change.item) })}</Typography.Text>
          {entry.event === 'create' ? (
            shown(change.item, change.after)
          ) : (
            <>
              {shown(change.item, change.before)}
              <Typography.Text type="secondary"> → </Typography.Text>
              {shown(change.item, change.after)}
            </>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * 变更历史 / 变更记录: each change to a core record, newest first, with the day it took effect and
 * who recorded it; the registry's own query and names go in.
 *
 * @example
 * <ChangeTimeline history={usePersonHistory(id)} labels={{ item, value, event, color }} />
 */
export function ChangeTimeline<E extends string>({
  history,
  labels,
}: {
  readonly history: UseQueryResult<{ readonly items: ReadonlyArray<ChangeEntry<E>> }>
  readonly labels: ChangeLabels<E>
}) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  if (history.isPending) return <Spin />
  if (history.isError)
    return isNotGranted(history.error) ? (
      <Typography.Text type="secondary">{t('exchange.explore.notGranted')}</Typography.Text>
    ) : (
      <ProblemAlert error={history.error} />
    )
  if (history.data.items.length === 0) return <Empty description={t('registry.history.none')} />
  return (
    <Timeline
      data-testid="history-timeline"
      items={history.data.items.map((entry) => {
        const highlighted = labels.highlighted?.(entry.event) === true
        const color = labels.color(entry.event)
        return {
          key: entry.seq,
          color,
          content: (
            <div
              data-testid="history-entry"
              data-event={entry.event}
              data-highlighted={highlighted}
              style={highlighted ? { borderInlineStart: `3px solid ${color}`, paddingInlineStart: 8, background: '#fafafa' } : undefined}
            >
              <Space size={8} wrap>
                <Typography.Text strong>{entry.effectiveDate}</Typography.Text>
                <Tag color={color}>{labels.event(entry.event)}</Tag>
              </Space>
              {entry.changes.length === 0 ? null : <Changes entry={entry} labels={labels} strong={highlighted} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  t('registry.history.recordedAt', { at: formatDateTime(entry.at) }),
                  entry.changedBy === '' ? '' : t('registry.history.recordedBy', { by: entry.changedBy }),
                  entry.source === '' ? '' : t('registry.history.source', { source: entry.source }),
                ]
                  .filter((part) => part !== '')
                  .join(' · ')}
              </Typography.Text>
            </div>
          ),
        }
      })}
    />
  )
}

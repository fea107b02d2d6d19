import { Empty, Space, Spin, Tag, Timeline, Typography } from 'antd'
import { isNotGranted } from '../../api/exchange'
import { usePersonHistory, type HistoryEntry } from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { EVENT_COLORS, usePersonLabels } from './population-labels'

function Changes({ entry }: { readonly entry: HistoryEntry }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const shown = (item: string, value: string | null) => {
    const text = labels.value(item, value)
    return text === '' ? <Typography.Text type="secondary">{t('population.history.empty')}</Typography.Text> : <Typography.Text>{text}</Typography.Text>
  }
  return (
    <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
      {entry.changes.map((change) => (
        <li key={change.item} data-item={change.item}>
          <Typography.Text type="secondary">{t('population.history.item', { item: labels.item(change.item) })}</Typography.Text>
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

/** 变更历史: each change to the core record, newest first, with the day it took effect and who recorded it. */
export function HistoryTimeline({ residentId }: { readonly residentId: string }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const labels = usePersonLabels()
  const history = usePersonHistory(residentId)
  if (history.isPending) return <Spin />
  if (history.isError) return isNotGranted(history.error) ? <Typography.Text type="secondary">{t('exchange.explore.notGranted')}</Typography.Text> : <ProblemAlert error={history.error} />
  if (history.data.items.length === 0) return <Empty description={t('population.history.none')} />
  return (
    <Timeline
      data-testid="history-timeline"
      items={history.data.items.map((entry) => ({
        key: entry.seq,
        color: EVENT_COLORS[entry.event],
        content: (
          <div data-testid="history-entry" data-event={entry.event}>
            <Space size={8} wrap>
              <Typography.Text strong>{entry.effectiveDate}</Typography.Text>
              <Tag color={EVENT_COLORS[entry.event]}>{labels.event(entry.event)}</Tag>
            </Space>
            {entry.changes.length === 0 ? null : <Changes entry={entry} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                t('population.history.recordedAt', { at: formatDateTime(entry.at) }),
                entry.changedBy === '' ? '' : t('population.history.recordedBy', { by: entry.changedBy }),
                entry.source === '' ? '' : t('population.history.source', { source: entry.source }),
              ]
                .filter((part) => part !== '')
                .join(' · ')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  )
}

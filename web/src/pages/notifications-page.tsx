import { Button, Card, Pagination, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useInbox, useMarkRead } from '../api/notifications'
import { useLanguage } from '../language'
import { NotificationList } from './notification-list'

/** 消息: my whole inbox, page by page; unread only on request; mark all read. */
export default function NotificationsPage() {
  const { t } = useLanguage()
  const [page, setPage] = useState(1)
  const [unreadOnly, setUnreadOnly] = useState(false)
  const inbox = useInbox(page, 20, unreadOnly)
  const markRead = useMarkRead()
  const unread = inbox.data?.unread ?? 0
  return (
    <Card
      title={t('notice.title')}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{t('notice.unread', { n: unread })}</Typography.Text>
          <Space size={4}>
            <Switch
              size="small"
              checked={unreadOnly}
              onChange={(checked) => {
                setUnreadOnly(checked)
                setPage(1)
              }}
            />
            {t('notice.unreadOnly')}
          </Space>
          <Button size="small" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            {t('notice.markAll')}
          </Button>
        </Space>
      }
    >
      <NotificationList items={inbox.data?.items ?? []} loading={inbox.isPending} />
      <Pagination
        current={page}
        pageSize={20}
        total={inbox.data?.total ?? 0}
        hideOnSinglePage
        onChange={setPage}
        style={{ marginTop: 16, textAlign: 'right' }}
      />
    </Card>
  )
}

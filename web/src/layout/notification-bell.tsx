import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Drawer, Grid, Space } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { useInbox, useMarkRead } from '../api/notifications'
import { useLanguage } from '../language'
import { NotificationList } from '../pages/notification-list'

const LATEST = 10

/** The bell in the header: the unread count (polled), and the latest messages in a drawer. */
export function NotificationBell() {
  const { t } = useLanguage()
  const screens = Grid.useBreakpoint()
  const [open, setOpen] = useState(false)
  const inbox = useInbox(1, LATEST)
  const markRead = useMarkRead()
  const unread = inbox.data?.unread ?? 0
  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]} data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notice.bell')}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notice.title')}
        size={screens.sm === false ? '100%' : 420}
        extra={
          <Button
            size="small"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
            data-testid="notification-read-all"
          >
            {t('notice.markAll')}
          </Button>
        }
        footer={
          <Space>
            <Link to="/notifications" onClick={() => setOpen(false)}>
              {t('notice.viewAll')}
            </Link>
          </Space>
        }
      >
        <NotificationList items={inbox.data?.items ?? []} loading={inbox.isPending} onOpen={() => setOpen(false)} />
      </Drawer>
    </>
  )
}

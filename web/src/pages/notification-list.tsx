import { Badge, Button, Empty, List, Space, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { useMarkRead, type Notification } from '../api/notifications'
import { useFormatDateTime, useLanguage } from '../language'

/** Messages, unread ones marked; opening one marks it read and follows its link. */
export function NotificationList({
  items,
  loading,
  onOpen,
}: {
  readonly items: readonly Notification[]
  readonly loading: boolean
  readonly onOpen?: () => void
}) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const navigate = useNavigate()
  const markRead = useMarkRead()
  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate([notification.id])
    if (notification.link !== null) {
      onOpen?.()
      void navigate(notification.link)
    }
  }
  if (!loading && items.length === 0) return <Empty description={t('notice.empty')} />
  return (
    <List<Notification>
      loading={loading}
      dataSource={[...items]}
      data-testid="notification-list"
      renderItem={(notification) => (
        <List.Item
          key={notification.id}
          data-unread={notification.readAt === null}
          style={{ cursor: notification.link === null ? undefined : 'pointer' }}
          onClick={() => open(notification)}
          actions={
            notification.readAt === null
              ? [
                  <Button
                    key="read"
                    size="small"
                    type="link"
                    onClick={(event) => {
                      event.stopPropagation()
                      markRead.mutate([notification.id])
                    }}
                  >
                    {t('notice.markRead')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space size={6}>
                {notification.readAt === null ? <Badge status="processing" /> : null}
                <Typography.Text strong={notification.readAt === null}>{notification.title}</Typography.Text>
              </Space>
            }
            description={
              <>
                <div>{notification.body}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(notification.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  )
}

import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Avatar, Button, Divider, Popover, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useMe } from '../api/identity'
import { useDepartmentName, useRoleLabel } from '../auth/labels'
import { useSignOut } from '../auth/session'
import { useLanguage } from '../language'
import { ChangePasswordModal } from './change-password-modal'

/** The signed-in account in the header: name, department, roles, change password, sign out. */
export function UserMenu({ compact }: { readonly compact: boolean }) {
  const { t } = useLanguage()
  const { data: me } = useMe()
  const roleLabel = useRoleLabel()
  const departmentName = useDepartmentName()
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)
  const [changingPassword, setChangingPassword] = useState(false)
  if (me === undefined) return null

  const content = (
    <div style={{ maxWidth: 280 }} data-testid="user-menu">
      <Typography.Text strong>{me.displayName}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {t('header.department')}: {departmentName(me.department)}
        </Typography.Text>
      </div>
      <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
        {me.roles.map((role) => (
          <Tag key={role} color="red">
            {roleLabel(role)}
          </Tag>
        ))}
      </Space>
      <Divider style={{ margin: '12px 0' }} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {me.kind === 'user' ? (
          <Button
            block
            icon={<KeyOutlined />}
            onClick={() => {
              setOpen(false)
              setChangingPassword(true)
            }}
          >
            {t('header.changePassword')}
          </Button>
        ) : null}
        <Button block danger icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('header.logout')}
        </Button>
      </Space>
    </div>
  )

  return (
    <>
      <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
        <Button type="text" style={{ height: 'auto', padding: '4px 8px' }} data-testid="user-menu-button">
          <Space>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b7312c' }} />
            {compact ? null : <span>{me.displayName}</span>}
          </Space>
        </Button>
      </Popover>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  )
}

import { Alert, Checkbox, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { useRoles, useSetRoles } from '../../api/identity'
import type { Role, User } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

/** The security administrator's role assignment, with the separation of duties made plain. */
export function RolesModal({ user, onClose }: { readonly user: User; readonly onClose: () => void }) {
  const { t, language } = useLanguage()
  const roles = useRoles()
  const setRoles = useSetRoles()
  const [selected, setSelected] = useState<Role[]>(user.roles)
  const separation = setRoles.error instanceof ApiError && setRoles.error.code === 'HT_SEPARATION_OF_DUTIES' ? setRoles.error : undefined

  return (
    <Modal
      open
      title={`${t('user.editRoles')} · ${user.displayName}（${user.username}）`}
      onCancel={onClose}
      onOk={() => setRoles.mutate({ id: user.id, roles: selected }, { onSuccess: onClose })}
      confirmLoading={setRoles.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('user.rolesHint')}</Typography.Paragraph>
        <Checkbox.Group value={selected} onChange={(values) => setSelected(values)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {(roles.data ?? []).map((info) => (
            <Checkbox key={info.role} value={info.role}>
              {info[language]} <Typography.Text type="secondary">({info.role})</Typography.Text>
            </Checkbox>
          ))}
        </Checkbox.Group>
        {separation !== undefined ? (
          <Alert type="error" showIcon role="alert" title={t('user.separation')} description={separation.detail} data-testid="separation-error" />
        ) : setRoles.isError ? (
          <ProblemAlert error={setRoles.error} />
        ) : null}
      </Space>
    </Modal>
  )
}

import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useClients, useMe, useRevokeClient } from '../../api/identity'
import type { ApiClient } from '../../api/types'
import { useDepartmentName, useRoleLabel } from '../../auth/labels'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { CreateClientModal } from './create-client-modal'
import { TokenModal } from './token-modal'

function ClientStatus({ client }: { readonly client: ApiClient }) {
  const { t } = useLanguage()
  if (client.revokedAt !== null) return <Tag>{t('client.revoked')}</Tag>
  if (client.expiresAt !== null && new Date(client.expiresAt) <= new Date()) return <Tag color="warning">{t('client.expired')}</Tag>
  return <Tag color="success">{t('client.active')}</Tag>
}

/** A department's system accounts: list, create (token shown once), revoke. */
export default function ClientsPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const { data: me } = useMe()
  const clients = useClients()
  const revoke = useRevokeClient()
  const roleLabel = useRoleLabel()
  const departmentName = useDepartmentName()
  const formatDateTime = useFormatDateTime()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<{ name: string; token: string } | undefined>()

  const columns: TableColumnsType<ApiClient> = [
    { title: t('client.name'), dataIndex: 'name' },
    { title: t('client.department'), key: 'department', render: (_, client) => departmentName(client.department) },
    {
      title: t('client.roles'),
      key: 'roles',
      render: (_, client) => (client.roles.length === 0 ? t('common.none') : client.roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>)),
    },
    { title: t('client.tokenPrefix'), dataIndex: 'tokenPrefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: t('client.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('client.expiresAt'), dataIndex: 'expiresAt', render: (value: string | null) => (value === null ? t('common.never') : formatDateTime(value)) },
    { title: t('client.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    { title: t('client.status'), key: 'status', render: (_, client) => <ClientStatus client={client} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, client) =>
        client.revokedAt === null ? (
          <Popconfirm
            title={t('client.revokeConfirm')}
            onConfirm={() =>
              revoke.mutate(client.id, {
                onSuccess: () => void message.success(t('client.revokedDone')),
                onError: (error) => void message.error(error.message),
              })
            }
          >
            <Button size="small" danger>
              {t('client.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ]

  return (
    <Card
      title={t('client.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('client.create')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('client.intro')}</Typography.Paragraph>
        {clients.isError ? <ProblemAlert error={clients.error} /> : null}
        <Table<ApiClient>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={clients.data ?? []}
          loading={clients.isPending}
          scroll={{ x: 'max-content' }}
        />
      </Space>
      {creating ? (
        <CreateClientModal
          chooseDepartment={me?.roles.includes('sysadmin') === true}
          onClose={() => setCreating(false)}
          onCreated={(name, token) => {
            setCreating(false)
            setCreated({ name, token })
          }}
        />
      ) : null}
      {created === undefined ? null : <TokenModal name={created.name} token={created.token} onClose={() => setCreated(undefined)} />}
    </Card>
  )
}

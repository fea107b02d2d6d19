import { EditOutlined, KeyOutlined, PlusOutlined, SafetyOutlined, StopOutlined, CheckOutlined } from '@ant-design/icons'
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useDepartments, useRoles, useUpdateUser, type UserFilter } from '../../api/identity'
import type { Role, User, UserStatus } from '../../api/types'
import { useDepartmentName, useRoleLabel } from '../../auth/labels'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { ResetPasswordModal } from './reset-password-modal'
import { RolesModal } from './roles-modal'
import { UserFormModal } from './user-form-modal'
import { useUsersPage, type UsernameOrder } from './users-page-query'

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'roles'; user: User }

/**
 * Users with search, filters, paging and username order. The system administrator keeps the
 * accounts; the security administrator assigns roles (三员分立).
 */
export function UsersPanel({ canManage, canAssignRoles }: { readonly canManage: boolean; readonly canAssignRoles: boolean }) {
  const { t, language } = useLanguage()
  const { message } = App.useApp()
  const departments = useDepartments()
  const roles = useRoles()
  const roleLabel = useRoleLabel()
  const departmentName = useDepartmentName()
  const updateUser = useUpdateUser()
  const [filter, setFilter] = useState<UserFilter>({})
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [order, setOrder] = useState<UsernameOrder>('ascend')
  const [dialog, setDialog] = useState<Dialog | undefined>()
  const users = useUsersPage(filter, page, pageSize, order)

  const filterBy = (change: Partial<UserFilter>) => {
    setFilter((current) => ({ ...current, ...change }))
    setPage(1)
  }
  const setStatus = (user: User, status: UserStatus) => updateUser.mutate({ id: user.id, status }, { onError: (error) => void message.error(error.message) })

  const columns: TableColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: order, sortDirections: ['ascend', 'descend'] },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.department'), key: 'department', render: (_, user) => departmentName(user.department) },
    {
      title: t('user.roles'),
      key: 'roles',
      render: (_, user) =>
        user.roles.length === 0 ? (
          <Tag>{t('user.noRoles')}</Tag>
        ) : (
          <Space size={[4, 4]} wrap>
            {user.roles.map((role) => (
              <Tag key={role} color="red">
                {roleLabel(role)}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      render: (status: UserStatus) => (
        <Tag color={status === 'active' ? 'success' : 'default'}>{t(status === 'active' ? 'user.status.active' : 'user.status.disabled')}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={4} wrap>
          {canManage ? (
            <>
              <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user })}>
                {t('common.edit')}
              </Button>
              {user.status === 'active' ? (
                <Popconfirm title={t('user.disableConfirm', { name: user.displayName })} onConfirm={() => setStatus(user, 'disabled')}>
                  <Button size="small" danger icon={<StopOutlined />}>
                    {t('user.disable')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button size="small" icon={<CheckOutlined />} onClick={() => setStatus(user, 'active')}>
                  {t('user.enable')}
                </Button>
              )}
              <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'password', user })}>
                {t('user.resetPassword')}
              </Button>
            </>
          ) : null}
          {canAssignRoles ? (
            <Button size="small" type="primary" icon={<SafetyOutlined />} onClick={() => setDialog({ kind: 'roles', user })}>
              {t('user.editRoles')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          placeholder={t('user.search')}
          allowClear
          onSearch={(q) => filterBy({ q: q.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="user-search"
        />
        <Select<string>
          placeholder={t('user.filterDepartment')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          onChange={(department) => filterBy({ department })}
          options={(departments.data ?? []).map((department) => ({ value: department.id, label: language === 'zh' ? department.name : department.nameEn }))}
        />
        <Select<UserStatus>
          placeholder={t('user.filterStatus')}
          allowClear
          style={{ width: 120 }}
          onChange={(status) => filterBy({ status })}
          options={[
            { value: 'active', label: t('user.status.active') },
            { value: 'disabled', label: t('user.status.disabled') },
          ]}
        />
        <Select<Role>
          placeholder={t('user.filterRole')}
          allowClear
          style={{ width: 160 }}
          onChange={(role) => filterBy({ role })}
          options={(roles.data ?? []).map((info) => ({ value: info.role, label: info[language] }))}
        />
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('user.create')}
          </Button>
        ) : null}
      </Space>
      {users.isError ? <ProblemAlert error={users.error} /> : null}
      <Table<User>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const next = Array.isArray(sorter) ? sorter[0]?.order : sorter.order
          const nextOrder: UsernameOrder = next === 'descend' ? 'descend' : 'ascend'
          if (nextOrder !== order) {
            setOrder(nextOrder)
            setPage(1)
          } else {
            setPage(pagination.current ?? 1)
          }
          setPageSize(pagination.pageSize ?? pageSize)
        }}
      />
      {dialog?.kind === 'create' ? <UserFormModal user={undefined} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'edit' ? <UserFormModal user={dialog.user} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'password' ? <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'roles' ? <RolesModal user={dialog.user} onClose={() => setDialog(undefined)} /> : null}
    </Space>
  )
}

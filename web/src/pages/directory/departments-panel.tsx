import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useDepartments } from '../../api/identity'
import type { Department } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { DepartmentFormModal } from './department-form-modal'
import { departmentTree, type DepartmentNode } from './department-tree'

/** The city government with its departments and districts; the system administrator edits them. */
export function DepartmentsPanel({ canEdit }: { readonly canEdit: boolean }) {
  const { t, language } = useLanguage()
  const departments = useDepartments()
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data])
  const [editing, setEditing] = useState<{ department: Department | undefined } | undefined>()

  const columns: TableColumnsType<DepartmentNode> = [
    { title: t('dept.name'), key: 'name', render: (_, row) => (language === 'zh' ? row.name : row.nameEn) },
    { title: t('dept.shortName'), dataIndex: 'shortName' },
    { title: t('dept.code'), dataIndex: 'code' },
    {
      title: t('dept.kind'),
      dataIndex: 'kind',
      render: (kind: Department['kind']) => (
        <Tag color={kind === 'city' ? 'blue' : 'green'}>{t(kind === 'city' ? 'dept.kind.city' : 'dept.kind.district')}</Tag>
      ),
    },
    { title: t('dept.divisionCode'), dataIndex: 'divisionCode' },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: DepartmentNode) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ department: row })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ department: undefined })}>
          {t('dept.create')}
        </Button>
      ) : null}
      {departments.isError ? <ProblemAlert error={departments.error} /> : null}
      {tree.length === 0 ? (
        <Table<DepartmentNode> rowKey="id" columns={columns} loading={departments.isPending} dataSource={[]} />
      ) : (
        <Table<DepartmentNode>
          rowKey="id"
          columns={columns}
          dataSource={tree}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandAllRows: true }}
          data-testid="departments-table"
        />
      )}
      {editing === undefined ? null : <DepartmentFormModal department={editing.department} onClose={() => setEditing(undefined)} />}
    </Space>
  )
}

import { Card, Tabs } from 'antd'
import { useMe } from '../../api/identity'
import { useLanguage } from '../../language'
import { DepartmentsPanel } from './departments-panel'
import { UsersPanel } from './users-panel'

/** Departments and users: kept by the system administrator, roles given by the security administrator. */
export default function DirectoryPage() {
  const { t } = useLanguage()
  const { data: me } = useMe()
  const isSysadmin = me?.roles.includes('sysadmin') === true
  const isSecadmin = me?.roles.includes('secadmin') === true
  return (
    <Card title={t('nav.directory')}>
      <Tabs
        items={[
          { key: 'users', label: t('user.title'), children: <UsersPanel canManage={isSysadmin} canAssignRoles={isSecadmin} /> },
          { key: 'departments', label: t('dept.title'), children: <DepartmentsPanel canEdit={isSysadmin} /> },
        ]}
      />
    </Card>
  )
}

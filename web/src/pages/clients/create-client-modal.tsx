import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useCreateClient, useDepartments } from '../../api/identity'
import { CLIENT_ROLES, type Role } from '../../api/types'
import { useRoleLabel } from '../../auth/labels'
import { showFieldErrors } from '../../components/form-errors'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

const FIELDS = ['name', 'department', 'roles', 'expiresAt']

interface ClientForm {
  readonly name: string
  readonly department: string | undefined
  readonly roles: Role[]
  readonly expiresAt: Dayjs | undefined
}

/** A new API client; the created token goes to `onCreated`, which must show it once. Mounted only while open. */
export function CreateClientModal({
  chooseDepartment,
  onCreated,
  onClose,
}: {
  readonly chooseDepartment: boolean
  readonly onCreated: (name: string, token: string) => void
  readonly onClose: () => void
}) {
  const { t, language } = useLanguage()
  const [form] = Form.useForm<ClientForm>()
  const departments = useDepartments()
  const roleLabel = useRoleLabel()
  const create = useCreateClient()

  const submit = (values: ClientForm) =>
    create.mutate(
      {
        name: values.name.trim(),
        roles: values.roles,
        ...(values.department === undefined ? {} : { department: values.department }),
        ...(values.expiresAt === undefined || values.expiresAt === null ? {} : { expiresAt: values.expiresAt.endOf('day').toISOString() }),
      },
      {
        onSuccess: ({ client, token }) => onCreated(client.name, token),
        onError: (error) => showFieldErrors(form, error, FIELDS),
      },
    )

  return (
    <Modal open title={t('client.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roles: ['consumer'] }}>
        <Form.Item name="name" label={t('client.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}>
          <Input />
        </Form.Item>
        {chooseDepartment ? (
          <Form.Item name="department" label={t('client.department')} extra={t('client.departmentHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((department) => ({ value: department.id, label: language === 'zh' ? department.name : department.nameEn }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="roles" label={t('client.roles')}>
          <Checkbox.Group options={CLIENT_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('client.expiresAt')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(new Date(), 'day')} />
        </Form.Item>
      </Form>
      {create.isError ? <ProblemAlert error={create.error} fields={FIELDS} /> : null}
    </Modal>
  )
}

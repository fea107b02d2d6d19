import { App, Form, Input, Modal, Select } from 'antd'
import { useCreateUser, useDepartments, useUpdateUser } from '../../api/identity'
import type { User } from '../../api/types'
import { showFieldErrors } from '../../components/form-errors'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

interface UserForm {
  readonly username: string
  readonly displayName: string
  readonly department: string
  readonly password: string
}

const FIELDS = ['username', 'displayName', 'department', 'password']

/**
 * Creates an account (without roles: the security administrator gives them), or edits the
 * name and department of one. Mounted only while open.
 */
export function UserFormModal({ user, onClose }: { readonly user: User | undefined; readonly onClose: () => void }) {
  const { t, language } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<UserForm>()
  const departments = useDepartments()
  const create = useCreateUser()
  const update = useUpdateUser()
  const mutation = user === undefined ? create : update

  const submit = (values: UserForm) => {
    const onError = (error: Error) => showFieldErrors(form, error, FIELDS)
    if (user === undefined) {
      create.mutate(values, {
        onSuccess: () => {
          void message.success(t('user.created'))
          onClose()
        },
        onError,
      })
    } else {
      update.mutate({ id: user.id, displayName: values.displayName, department: values.department }, { onSuccess: onClose, onError })
    }
  }

  const required = { required: true, whitespace: true, message: t('common.required') }
  return (
    <Modal open title={t(user === undefined ? 'user.create' : 'user.edit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={mutation.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={user === undefined ? {} : { username: user.username, displayName: user.displayName, department: user.department.id }}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={user === undefined ? t('user.usernameHint') : undefined}
          rules={[required, { pattern: /^[a-z][a-z0-9_.-]{1,31}$/, message: t('user.usernameInvalid') }]}
        >
          <Input disabled={user !== undefined} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[required, { max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="department" label={t('user.department')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data ?? []).map((department) => ({ value: department.id, label: language === 'zh' ? department.name : department.nameEn }))}
          />
        </Form.Item>
        {user === undefined ? (
          <Form.Item name="password" label={t('user.password')} rules={[required]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : null}
      </Form>
      {mutation.isError ? <ProblemAlert error={mutation.error} fields={FIELDS} /> : null}
    </Modal>
  )
}

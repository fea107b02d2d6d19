import { App, Form, Input, Modal } from 'antd'
import { useChangePassword } from '../api/identity'
import { ProblemAlert } from '../components/problem-alert'
import { showFieldErrors } from '../components/form-errors'
import { useLanguage } from '../language'

const FIELDS = ['currentPassword', 'newPassword']

interface PasswordForm {
  readonly currentPassword: string
  readonly newPassword: string
  readonly confirm: string
}

export function ChangePasswordModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<PasswordForm>()
  const change = useChangePassword()
  const close = () => {
    form.resetFields()
    change.reset()
    onClose()
  }
  const submit = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'))
          close()
        },
        onError: (error) => showFieldErrors(form, error, FIELDS),
      },
    )
  return (
    <Modal open={open} title={t('header.changePassword')} onCancel={close} onOk={() => form.submit()} confirmLoading={change.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {change.isError ? <ProblemAlert error={change.error} fields={FIELDS} /> : null}
    </Modal>
  )
}

import { App, Form, Input, Modal } from 'antd'
import { useResetPassword } from '../../api/identity'
import type { User } from '../../api/types'
import { showFieldErrors } from '../../components/form-errors'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

const FIELDS = ['password']

/** Sets a new password for a user; the server ends that user's sessions. Mounted only while open. */
export function ResetPasswordModal({ user, onClose }: { readonly user: User; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const reset = useResetPassword()
  const submit = ({ password }: { password: string }) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.passwordReset'))
          onClose()
        },
        onError: (error) => showFieldErrors(form, error, FIELDS),
      },
    )
  return (
    <Modal open title={`${t('user.resetPassword')} · ${user.displayName}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reset.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('password.new')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {reset.isError ? <ProblemAlert error={reset.error} fields={FIELDS} /> : null}
    </Modal>
  )
}

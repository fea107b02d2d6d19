import { Alert, Form, Input, Modal } from 'antd'
import { useState, type ReactNode } from 'react'
import { ProblemAlert } from './problem-alert'

/**
 * Asks for one text (a reason, an answer, a note) and runs `onSubmit` with it; stays open and
 * shows the problem when the server refuses.
 */
export function TextPromptModal({
  open,
  title,
  label,
  hint,
  requiredMessage,
  minLength = 1,
  maxLength = 1000,
  danger = false,
  onSubmit,
  onClose,
  testId,
}: {
  readonly open: boolean
  readonly title: ReactNode
  readonly label: string
  readonly hint?: ReactNode
  readonly requiredMessage: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly danger?: boolean
  readonly onSubmit: (text: string) => Promise<unknown>
  readonly onClose: () => void
  readonly testId?: string
}) {
  const [form] = Form.useForm<{ text: string }>()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>()
  const close = () => {
    setError(undefined)
    onClose()
  }
  const confirm = async () => {
    const { text } = await form.validateFields()
    setPending(true)
    setError(undefined)
    try {
      await onSubmit(text.trim())
      form.resetFields()
      onClose()
    } catch (failure) {
      setError(failure)
    } finally {
      setPending(false)
    }
  }
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      onOk={() => void confirm().catch(() => undefined)}
      okButtonProps={{ danger, loading: pending, 'data-testid': `${testId ?? 'prompt'}-ok` } as never}
      destroyOnHidden
    >
      {hint === undefined ? null : <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, message: requiredMessage }, { min: minLength, message: requiredMessage }, { max: maxLength }]}
        >
          <Input.TextArea rows={3} autoFocus maxLength={maxLength} showCount data-testid={`${testId ?? 'prompt'}-text`} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  )
}

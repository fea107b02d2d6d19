import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { codeToPath, useTransition, type ResourceAction, type TransitionInput } from '../../api/catalog'
import { ProblemAlert } from '../../components/problem-alert'
import type { MessageKey } from '../../i18n'
import { useLanguage } from '../../language'

type AskedAction = 'approve' | 'return' | 'retire'

const ACTION_LABELS: Readonly<Record<ResourceAction, MessageKey>> = {
  edit: 'catalog.action.edit',
  submit: 'catalog.action.submit',
  withdraw: 'catalog.action.withdraw',
  discard: 'catalog.action.discard',
  approve: 'catalog.action.approve',
  return: 'catalog.action.return',
  retire: 'catalog.action.retire',
}

/**
 * Asks for what an action needs: an optional comment to approve, a reason to return or retire.
 * Resolves once the action succeeded.
 */
export function ReasonModal({
  code,
  action,
  onClose,
  onDone,
}: {
  readonly code: string
  readonly action: AskedAction | undefined
  readonly onClose: () => void
  readonly onDone?: () => void
}) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ text?: string }>()
  const transition = useTransition()
  const needsReason = action === 'return' || action === 'retire'

  const confirm = async () => {
    if (action === undefined) return
    const { text = '' } = await form.validateFields()
    const input: TransitionInput = action === 'approve' ? { code, action, comment: text.trim() } : { code, action, reason: text.trim() }
    await transition.mutateAsync(input)
    void message.success(t('catalog.action.done'))
    form.resetFields()
    onClose()
    onDone?.()
  }

  return (
    <Modal
      open={action !== undefined}
      title={action === undefined ? '' : t(ACTION_LABELS[action])}
      onCancel={() => {
        transition.reset()
        onClose()
      }}
      onOk={() => void confirm().catch(() => undefined)}
      okButtonProps={{ danger: action === 'retire', loading: transition.isPending, 'data-testid': 'reason-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={needsReason ? t('catalog.reason') : t('catalog.comment')}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('catalog.reasonRequired') }, { max: 1000 }] : [{ max: 1000 }]}
        >
          <Input.TextArea rows={3} autoFocus data-testid="reason-text" />
        </Form.Item>
      </Form>
      {transition.isError ? <ProblemAlert error={transition.error} /> : null}
    </Modal>
  )
}

function isOffered(action: string): action is ResourceAction {
  return Object.hasOwn(ACTION_LABELS, action)
}

/** The buttons for what the caller may do now (the server lists them in `actions`). */
export function ResourceActions({ code, actions: listed }: { readonly code: string; readonly actions: readonly string[] }) {
  const actions = listed.filter(isOffered)
  const { t } = useLanguage()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const transition = useTransition()
  const [asked, setAsked] = useState<AskedAction>()

  const run = (action: 'submit' | 'withdraw' | 'discard') =>
    transition.mutate({ code, action }, { onSuccess: () => void message.success(t('catalog.action.done')) })

  const button = (action: ResourceAction) => {
    const props = { key: action, 'data-action': action, loading: transition.isPending && transition.variables.action === action }
    switch (action) {
      case 'edit':
        return (
          <Button {...props} type="primary" onClick={() => void navigate(`/catalog/${codeToPath(code)}/edit`)}>
            {t(ACTION_LABELS[action])}
          </Button>
        )
      case 'submit':
        return (
          <Button {...props} type="primary" onClick={() => run('submit')}>
            {t(ACTION_LABELS[action])}
          </Button>
        )
      case 'withdraw':
        return (
          <Button {...props} onClick={() => run('withdraw')}>
            {t(ACTION_LABELS[action])}
          </Button>
        )
      case 'discard':
        return (
          <Popconfirm key={action} title={t('catalog.discardConfirm')} onConfirm={() => run('discard')}>
            <Button danger data-action={action}>
              {t(ACTION_LABELS[action])}
            </Button>
          </Popconfirm>
        )
      case 'approve':
        return (
          <Button {...props} type="primary" onClick={() => setAsked('approve')}>
            {t(ACTION_LABELS[action])}
          </Button>
        )
      case 'return':
      case 'retire':
        return (
          <Button {...props} danger onClick={() => setAsked(action)}>
            {t(ACTION_LABELS[action])}
          </Button>
        )
    }
  }

  if (actions.length === 0) return null
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap data-testid="resource-actions">
        {actions.map(button)}
      </Space>
      {transition.isError ? <ProblemAlert error={transition.error} /> : null}
      <ReasonModal code={code} action={asked} onClose={() => setAsked(undefined)} />
    </Space>
  )
}

import { App, Button, Popconfirm, Space } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { useDecideRequest, type SharingRequest } from '../../api/exchange'
import { useMe } from '../../api/identity'
import { ProblemAlert } from '../../components/problem-alert'
import { TextPromptModal } from '../../components/text-prompt-modal'
import { useLanguage } from '../../language'
import { ApproveDrawer } from './approve-drawer'

/**
 * What the caller may do with a request: the provider's steward approves or refuses a pending
 * one, the requesting department withdraws it, and once approved the consumer explores the data.
 */
export function RequestActions({ request, size = 'small' }: { readonly request: SharingRequest; readonly size?: 'small' | 'middle' }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const { data: me } = useMe()
  const decide = useDecideRequest()
  const [approving, setApproving] = useState(false)
  const [refusing, setRefusing] = useState(false)
  if (me === undefined) return null
  const provider = me.department.id === request.provider.id && me.roles.includes('steward')
  const consumer = me.department.id === request.consumer.id && (me.roles.includes('consumer') || me.roles.includes('steward'))
  const pending = request.status === 'pending'

  // The drawer and the modal stay outside the Space: it drops empty slots, and a button that
  // disappears (once the request is decided) would otherwise remount them mid-decision.
  return (
    <>
      <Space size={4} wrap data-testid="request-actions">
        {pending && provider ? (
          <>
            <Button size={size} type="primary" onClick={() => setApproving(true)} data-action="approve">
              {t('exchange.approve')}
            </Button>
            <Button size={size} danger onClick={() => setRefusing(true)} data-action="refuse">
              {t('exchange.refuse')}
            </Button>
          </>
        ) : null}
        {pending && consumer ? (
          <Popconfirm
            title={t('exchange.cancelConfirm')}
            onConfirm={() => decide.mutate({ id: request.id, action: 'cancel' }, { onSuccess: () => void message.success(t('exchange.done')) })}
          >
            <Button size={size} data-action="cancel" loading={decide.isPending}>
              {t('exchange.cancel')}
            </Button>
          </Popconfirm>
        ) : null}
        {request.status === 'approved' && consumer ? (
          <Link to={`/exchange/explore/${codeToPath(request.resourceCode)}`}>
            <Button size={size} data-action="explore">
              {t('exchange.explore')}
            </Button>
          </Link>
        ) : null}
        {decide.isError && decide.variables.action === 'cancel' ? <ProblemAlert error={decide.error} /> : null}
      </Space>
      <ApproveDrawer request={approving ? request : undefined} onClose={() => setApproving(false)} />
      <TextPromptModal
        open={refusing}
        title={`${t('exchange.refuseTitle')} · ${request.resourceName}`}
        label={t('exchange.refuseReason')}
        requiredMessage={t('exchange.reasonRequired')}
        danger
        testId="refuse"
        onClose={() => setRefusing(false)}
        onSubmit={async (reason) => {
          await decide.mutateAsync({ id: request.id, action: 'refuse', reason })
          void message.success(t('exchange.done'))
        }}
      />
    </>
  )
}

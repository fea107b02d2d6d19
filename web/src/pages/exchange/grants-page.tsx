import { App, Button, Card, Space, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { codeToPath, useResource } from '../../api/catalog'
import { useGrants, useRevokeGrant, type Direction, type Grant } from '../../api/exchange'
import { useMe } from '../../api/identity'
import type { Role } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { TextPromptModal } from '../../components/text-prompt-modal'
import type { MessageKey } from '../../i18n'
import { useFormatDateTime, useLanguage } from '../../language'
import { Departments, GrantStateTag, ItemTags, OperationTags, useDepartmentLabel } from './exchange-tags'

/** A grant's items by name; the entry is fetched once per resource and cached. */
function GrantItems({ grant }: { readonly grant: Grant }) {
  const resource = useResource(grant.resourceCode)
  return (
    <div style={{ minWidth: 180, maxWidth: 320 }}>
      <ItemTags items={grant.items} catalogItems={resource.data?.version.content.items} />
    </div>
  )
}

const TABS: ReadonlyArray<{ key: Direction; label: MessageKey; roles: readonly Role[] }> = [
  { key: 'incoming', label: 'exchange.grants.incoming', roles: ['consumer', 'steward'] },
  { key: 'outgoing', label: 'exchange.grants.outgoing', roles: ['steward'] },
  { key: 'all', label: 'exchange.grants.all', roles: ['dataoffice'] },
]

/** 授权: what my department may read, what it gave, and for the data office every grant; revoke with a reason. */
export default function GrantsPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const formatDateTime = useFormatDateTime()
  const departmentName = useDepartmentLabel()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const tabs = TABS.filter((tab) => tab.roles.some((role) => me?.roles.includes(role) === true))
  const direction = tabs.find((candidate) => candidate.key === params.get('tab'))?.key ?? tabs[0]?.key ?? 'incoming'
  const grants = useGrants(direction)
  const revoke = useRevokeGrant()
  const [revoking, setRevoking] = useState<Grant>()

  const mayRevoke = (grant: Grant) =>
    grant.status === 'active' &&
    me !== undefined &&
    (me.roles.includes('dataoffice') || (me.roles.includes('steward') && me.department.id === grant.provider.id))
  const mayExplore = (grant: Grant) =>
    grant.effective && me !== undefined && me.department.id === grant.consumer.id && (me.roles.includes('consumer') || me.roles.includes('steward'))

  const columns: TableColumnsType<Grant> = [
    {
      title: t('exchange.resource'),
      key: 'resource',
      render: (_, grant) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/catalog/${codeToPath(grant.resourceCode)}`}>{grant.resourceName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {grant.resourceCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('exchange.departments'), key: 'departments', render: (_, grant) => <Departments provider={grant.provider} consumer={grant.consumer} /> },
    { title: t('exchange.items'), key: 'items', render: (_, grant) => <GrantItems grant={grant} /> },
    {
      title: t('exchange.operations'),
      key: 'operations',
      render: (_, grant) => (
        <div style={{ minWidth: 120, maxWidth: 240 }}>
          <OperationTags operations={grant.operations} />
        </div>
      ),
    },
    {
      title: t('exchange.validity'),
      key: 'validity',
      render: (_, grant) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {grant.validFrom} ~ {grant.validUntil}
        </span>
      ),
    },
    {
      title: t('exchange.grant.rateLimit'),
      dataIndex: 'rateLimit',
      render: (limit: number) => (limit === 0 ? t('exchange.grant.noLimit') : t('exchange.grant.perMinute', { n: limit })),
    },
    {
      title: t('exchange.status'),
      key: 'state',
      render: (_, grant) =>
        grant.status === 'revoked' ? (
          <Tooltip
            title={t('exchange.grant.revokedInfo', { by: grant.revokedBy ?? '', at: formatDateTime(grant.revokedAt), reason: grant.revokeReason ?? '' })}
          >
            <span data-testid="grant-state">
              <GrantStateTag grant={grant} />
            </span>
          </Tooltip>
        ) : (
          <span data-testid="grant-state">
            <GrantStateTag grant={grant} />
          </span>
        ),
    },
    {
      title: t('exchange.grant.grantedBy'),
      dataIndex: 'grantedBy',
      render: (by: string) => (by === 'system:unconditional' ? t('exchange.grant.automatic') : by),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, grant) => (
        <Space size={4} wrap>
          {mayExplore(grant) ? (
            <Link to={`/exchange/explore/${codeToPath(grant.resourceCode)}`}>
              <Button size="small" type="primary" data-action="explore">
                {t('exchange.explore')}
              </Button>
            </Link>
          ) : null}
          {grant.requestId === null ? null : (
            <Link to={`/exchange/requests/${grant.requestId}`}>
              <Button size="small">{t('exchange.viewRequest')}</Button>
            </Link>
          )}
          {mayRevoke(grant) ? (
            <Button size="small" danger onClick={() => setRevoking(grant)} data-action="revoke">
              {t('exchange.revoke')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ]

  return (
    <Card title={t('nav.exchangeGrants')}>
      <Tabs
        activeKey={direction}
        onChange={(key) => setParams(key === tabs[0]?.key ? {} : { tab: key })}
        items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
      />
      {grants.isError ? <ProblemAlert error={grants.error} /> : null}
      <Table<Grant>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={grants.data ?? []}
        loading={grants.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('exchange.noGrants') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { n: total }) }}
        data-testid="grants-table"
      />
      <TextPromptModal
        open={revoking !== undefined}
        title={revoking === undefined ? '' : `${t('exchange.revokeTitle', { consumer: departmentName(revoking.consumer) })} · ${revoking.resourceName}`}
        label={t('exchange.revokeReason')}
        hint={t('exchange.revokeHint')}
        requiredMessage={t('exchange.reasonRequired')}
        danger
        testId="revoke"
        onClose={() => setRevoking(undefined)}
        onSubmit={async (reason) => {
          if (revoking === undefined) return
          await revoke.mutateAsync({ id: revoking.id, reason })
          void message.success(t('exchange.done'))
        }}
      />
    </Card>
  )
}

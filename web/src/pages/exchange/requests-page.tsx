import { Card, Flex, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { useSharingRequests, type Direction, type RequestStatus, type SharingRequest } from '../../api/exchange'
import { useMe } from '../../api/identity'
import type { Role } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import type { MessageKey } from '../../i18n'
import { useFormatDateTime, useLanguage } from '../../language'
import { DeadlineTag, Departments, RequestStatusTag } from './exchange-tags'
import { RequestActions } from './request-actions'

type TabKey = 'outgoing' | 'incoming' | 'all' | 'overdue'

const TABS: ReadonlyArray<{ key: TabKey; label: MessageKey; roles: readonly Role[] }> = [
  { key: 'outgoing', label: 'exchange.tab.outgoing', roles: ['consumer', 'steward'] },
  { key: 'incoming', label: 'exchange.tab.incoming', roles: ['steward'] },
  { key: 'all', label: 'exchange.tab.all', roles: ['dataoffice'] },
  { key: 'overdue', label: 'exchange.tab.overdue', roles: ['dataoffice'] },
]

const STATUSES: readonly RequestStatus[] = ['pending', 'approved', 'refused', 'cancelled']

/** 申请与审批: my department's requests, those waiting for its answer, and for the data office all and the overdue ones. */
export default function RequestsPage() {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const tabs = TABS.filter((tab) => tab.roles.some((role) => me?.roles.includes(role) === true))
  const tab = tabs.find((candidate) => candidate.key === params.get('tab'))?.key ?? tabs[0]?.key ?? 'outgoing'
  const status = STATUSES.find((candidate) => candidate === params.get('status'))
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const pageSize = Number(params.get('size') ?? '20') || 20
  const direction: Direction = tab === 'overdue' ? 'all' : tab
  const requests = useSharingRequests({ direction, status: tab === 'overdue' ? undefined : status, overdue: tab === 'overdue', page, pageSize })

  const change = (next: { tab?: TabKey; status?: RequestStatus | undefined; page?: number; size?: number }) => {
    const merged = { tab, status, page: 1, size: pageSize, ...next }
    const search = new URLSearchParams()
    if (merged.tab !== tabs[0]?.key) search.set('tab', merged.tab)
    if (merged.status !== undefined) search.set('status', merged.status)
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.size !== 20) search.set('size', String(merged.size))
    setParams(search)
  }

  const columns: TableColumnsType<SharingRequest> = [
    {
      title: t('exchange.resource'),
      key: 'resource',
      render: (_, request) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/exchange/requests/${request.id}`}>{request.resourceName}</Link>
          <div>
            <Link to={`/catalog/${codeToPath(request.resourceCode)}`}>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {request.resourceCode}
              </Typography.Text>
            </Link>
          </div>
        </div>
      ),
    },
    { title: t('exchange.departments'), key: 'departments', render: (_, request) => <Departments provider={request.provider} consumer={request.consumer} /> },
    { title: t('exchange.status'), dataIndex: 'status', render: (value: RequestStatus) => <RequestStatusTag status={value} /> },
    {
      title: t('exchange.deadline'),
      key: 'deadline',
      render: (_, request) => <DeadlineTag deadline={request.deadline} status={request.status} overdue={request.overdue} />,
    },
    { title: t('exchange.requestedBy'), dataIndex: 'requestedBy' },
    { title: t('exchange.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('common.actions'), key: 'actions', render: (_, request) => <RequestActions request={request} /> },
  ]

  return (
    <Card title={t('nav.exchangeRequests')}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Tabs
          activeKey={tab}
          onChange={(key) => change({ tab: tabs.find((candidate) => candidate.key === key)?.key ?? 'outgoing', status: undefined })}
          items={tabs.map((candidate) => ({ key: candidate.key, label: t(candidate.label) }))}
          style={{ minWidth: 0, maxWidth: '100%' }}
        />
        {tab === 'overdue' ? null : (
          <Select
            allowClear
            placeholder={t('exchange.anyStatus')}
            value={status}
            onChange={(value: RequestStatus | undefined) => change({ status: value })}
            options={STATUSES.map((value) => ({ value, label: t(`exchange.status.${value}`) }))}
            style={{ minWidth: 140 }}
            data-testid="status-filter"
          />
        )}
      </Flex>
      {requests.isError ? <ProblemAlert error={requests.error} /> : null}
      <Table<SharingRequest>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={requests.data?.items ?? []}
        loading={requests.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('exchange.noRequests') }}
        data-testid="requests-table"
        pagination={{
          current: page,
          pageSize,
          total: requests.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => change({ page: size === pageSize ? next : 1, size }),
        }}
      />
    </Card>
  )
}

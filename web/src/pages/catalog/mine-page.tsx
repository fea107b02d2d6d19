import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Input, Table, Tabs, type TableColumnsType } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { codeToPath, RESOURCE_STATUSES, useMyResources, type ResourceRecord, type ResourceStatus } from '../../api/catalog'
import { useMe } from '../../api/identity'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { useCatalogLabels } from './catalog-labels'
import { StatusTag } from './catalog-tags'

const ALL = 'all'

/** The status a record shows: its own, and the working version's when that differs. */
export function RecordStatus({ record }: { readonly record: ResourceRecord }) {
  return (
    <>
      <StatusTag value={record.status} />
      {record.workingStatus !== null && record.workingStatus !== record.status ? <StatusTag value={record.workingStatus} /> : null}
    </>
  )
}

/** 我的资源: my department's entries in every state; the tab, search and page live in the URL. */
export default function MinePage() {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const formatDateTime = useFormatDateTime()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const status = RESOURCE_STATUSES.find((candidate) => candidate === params.get('status'))
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const pageSize = Number(params.get('size') ?? '20') || 20
  const resources = useMyResources(status, q, page, pageSize)

  const change = (next: { status?: ResourceStatus | undefined; q?: string; page?: number; size?: number }) => {
    const merged = { status, q, page: 1, size: pageSize, ...next }
    const search = new URLSearchParams()
    if (merged.status !== undefined) search.set('status', merged.status)
    if (merged.q.trim() !== '') search.set('q', merged.q.trim())
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.size !== 20) search.set('size', String(merged.size))
    setParams(search)
  }

  const columns: TableColumnsType<ResourceRecord> = [
    {
      title: t('catalog.name'),
      dataIndex: 'name',
      render: (name: string, record) => <Link to={`/catalog/${codeToPath(record.code)}`}>{name}</Link>,
    },
    { title: t('catalog.code'), dataIndex: 'code', render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span> },
    { title: t('catalog.status'), key: 'status', render: (_, record) => <RecordStatus record={record} /> },
    { title: t('catalog.version'), dataIndex: 'latestVersion', render: (version: number) => `v${version}` },
    { title: t('catalog.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ]

  return (
    <Card
      title={t('nav.catalogMine')}
      extra={
        me?.roles.includes('steward') === true ? (
          <Link to="/catalog/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('catalog.register')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Tabs
          activeKey={status ?? ALL}
          onChange={(key) => change({ status: RESOURCE_STATUSES.find((candidate) => candidate === key) })}
          items={[{ key: ALL, label: t('catalog.mine.all') }, ...RESOURCE_STATUSES.map((value) => ({ key: value, label: labels.status(value) }))]}
          style={{ minWidth: 0, maxWidth: '100%' }}
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('catalog.mine.search')}
          onSearch={(value) => change({ q: value })}
          style={{ maxWidth: 320 }}
          data-testid="mine-search"
        />
      </Flex>
      {resources.isError ? <ProblemAlert error={resources.error} /> : null}
      <Table<ResourceRecord>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={resources.data?.items ?? []}
        loading={resources.isPending}
        scroll={{ x: 'max-content' }}
        data-testid="mine-table"
        pagination={{
          current: page,
          pageSize,
          total: resources.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => change({ page: size === pageSize ? next : 1, size }),
        }}
      />
    </Card>
  )
}

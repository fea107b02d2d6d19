import { SwapOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Result, Select, Space, Spin, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { codeFromPath, useResource, useResourceVersion, type ResourceView, type ReviewEntry, type VersionSummary } from '../../api/catalog'
import { useMe } from '../../api/identity'
import { useDepartmentName } from '../../auth/labels'
import { ProblemAlert } from '../../components/problem-alert'
import { isMessageKey } from '../../i18n'
import { useFormatDateTime, useLanguage } from '../../language'
import { RequestAccessDrawer } from '../exchange/request-access-drawer'
import NotFoundPage from '../not-found-page'
import { useCatalogLabels } from './catalog-labels'
import { StatusTag } from './catalog-tags'
import { ItemsTable } from './items-table'
import { ResourceOverview } from './resource-overview'
import { ResourceActions } from './resource-actions'
import { VersionDiff } from './version-diff'

function Versions({ view }: { readonly view: ResourceView }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [selected, setSelected] = useState<number[]>(() => (view.versions.length >= 2 ? view.versions.slice(0, 2).map((v) => v.version) : []))
  const [compared, setCompared] = useState<[number, number] | undefined>()
  const columns: TableColumnsType<VersionSummary> = [
    { title: t('catalog.version'), dataIndex: 'version', render: (version: number) => `v${version}` },
    { title: t('catalog.status'), dataIndex: 'status', render: (status: VersionSummary['status']) => <StatusTag value={status} /> },
    { title: t('catalog.name'), dataIndex: 'name' },
    { title: t('catalog.submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
    { title: t('catalog.publishedAt'), dataIndex: 'publishedAt', render: formatDateTime },
    { title: t('catalog.review.comment'), dataIndex: 'reviewComment' },
  ]
  const pair = [...selected].sort((a, b) => a - b)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table<VersionSummary>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={view.versions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="versions-table"
        rowSelection={{
          selectedRowKeys: selected,
          // Keeps the newest two ticks: ticking a third drops the oldest tick.
          onChange: (keys) => setSelected(keys.map(Number).slice(-2)),
          hideSelectAll: true,
        }}
      />
      <Flex gap={8} align="center" wrap>
        <Button type="primary" disabled={pair.length !== 2} onClick={() => setCompared([pair[0] ?? 0, pair[1] ?? 0])} data-testid="compare-versions">
          {t('catalog.compare')}
        </Button>
        <Typography.Text type="secondary">{t('catalog.compareHint')}</Typography.Text>
      </Flex>
      {compared === undefined ? null : <VersionDiff code={view.code} from={compared[0]} to={compared[1]} />}
    </Space>
  )
}

function ReviewTrail({ reviews }: { readonly reviews: readonly ReviewEntry[] }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const columns: TableColumnsType<ReviewEntry> = [
    { title: t('catalog.review.at'), dataIndex: 'at', render: formatDateTime },
    { title: t('catalog.version'), dataIndex: 'version', render: (version: number) => `v${version}` },
    {
      title: t('catalog.review.action'),
      dataIndex: 'action',
      render: (action: string) => {
        const key = `catalog.reviewAction.${action}`
        return isMessageKey(key) ? t(key) : action
      },
    },
    { title: t('catalog.review.actor'), dataIndex: 'actorName' },
    { title: t('catalog.review.comment'), dataIndex: 'comment' },
  ]
  return (
    <Table<ReviewEntry>
      rowKey={(entry) => `${entry.at}-${entry.action}`}
      size="small"
      columns={columns}
      dataSource={[...reviews]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="review-trail"
    />
  )
}

/** 申请共享 for a consumer of another department, when the published entry is shared at all. */
function RequestAccess({ view }: { readonly view: ResourceView }) {
  const { t } = useLanguage()
  const { data: me } = useMe()
  const [open, setOpen] = useState(false)
  const content = view.version.content
  const mayRequest =
    me !== undefined &&
    (me.roles.includes('consumer') || me.roles.includes('steward')) &&
    me.department.id !== view.department.id &&
    view.publishedVersion !== null &&
    content.shareType !== 'none'
  if (!mayRequest) return null
  return (
    <>
      <Button type="primary" icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="request-access">
        {t('exchange.requestAccess')}
      </Button>
      <RequestAccessDrawer code={view.code} content={content} open={open} onClose={() => setOpen(false)} />
    </>
  )
}

function ResourceDetail({ view }: { readonly view: ResourceView }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const departmentName = useDepartmentName()
  const [shown, setShown] = useState(view.version.version)
  const other = useResourceVersion(view.code, shown === view.version.version ? undefined : shown)
  const version = shown === view.version.version ? view.version : other.data
  const working = view.workingStatus !== null && view.latestVersion !== view.version.version

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="resource-name">
              {version?.content.name ?? view.version.content.name}
            </Typography.Title>
            <Space size={[8, 4]} wrap>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="resource-code">
                {view.code}
              </Typography.Text>
              <StatusTag value={view.status} />
              {view.workingStatus !== null && view.workingStatus !== view.status ? <StatusTag value={view.workingStatus} /> : null}
              <Typography.Text type="secondary">{departmentName(view.department)}</Typography.Text>
            </Space>
          </div>
          <Space wrap>
            <RequestAccess view={view} />
            {view.versions.length > 1 ? (
              <Space>
                <Typography.Text type="secondary">{t('catalog.showVersion')}</Typography.Text>
                <Select
                  value={shown}
                  onChange={setShown}
                  style={{ minWidth: 160 }}
                  options={view.versions.map((summary) => ({ value: summary.version, label: `v${summary.version} · ${labels.status(summary.status)}` }))}
                  data-testid="version-select"
                />
              </Space>
            ) : null}
          </Space>
        </Flex>
        {view.actions.length === 0 ? null : (
          <div style={{ marginTop: 12 }}>
            <ResourceActions code={view.code} actions={view.actions} />
          </div>
        )}
      </Card>
      {working ? (
        <Alert
          type="warning"
          showIcon
          title={t('catalog.workingVersion', { v: view.latestVersion, status: labels.status(view.workingStatus ?? 'draft') })}
          description={
            view.publishedVersion === null ? undefined : (
              <>
                <Typography.Paragraph style={{ marginBottom: 8 }}>{t('catalog.changesAgainst', { v: view.publishedVersion })}</Typography.Paragraph>
                <VersionDiff code={view.code} from={view.publishedVersion} to={view.latestVersion} />
              </>
            )
          }
        />
      ) : null}
      <Card>
        {version === undefined ? (
          other.isError ? (
            <ProblemAlert error={other.error} />
          ) : (
            <Spin />
          )
        ) : (
          <Tabs
            items={[
              { key: 'overview', label: t('catalog.tab.overview'), children: <ResourceOverview content={version.content} publishedAt={version.publishedAt} /> },
              {
                key: 'items',
                label: `${t('catalog.tab.items')} (${version.content.items.length})`,
                children: <ItemsTable items={version.content.items} shareType={version.content.shareType} testId="items-table" />,
              },
              { key: 'versions', label: `${t('catalog.tab.versions')} (${view.versions.length})`, children: <Versions view={view} /> },
              ...(view.reviews.length === 0 ? [] : [{ key: 'reviews', label: t('catalog.tab.reviews'), children: <ReviewTrail reviews={view.reviews} /> }]),
            ]}
          />
        )}
      </Card>
    </Space>
  )
}

/** 资源详情: one catalog entry with its items, versions, review trail and the actions the caller may take. */
export default function DetailPage() {
  const { t } = useLanguage()
  const code = codeFromPath(useParams().code ?? '')
  const resource = useResource(code)
  if (resource.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />
    if (resource.error instanceof ApiError && resource.error.status === 403)
      return <Result status="403" title={t('forbidden.title')} subTitle={resource.error.detail} />
    return <ProblemAlert error={resource.error} />
  }
  // Keyed by code and version, so a new version (after an action) starts from what is now shown.
  return <ResourceDetail key={`${resource.data.code}@${resource.data.version.version}@${resource.data.latestVersion}`} view={resource.data} />
}

import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { codeToPath, useReviewQueue, useTransition, type ResourceRecord } from '../../api/catalog'
import { useDepartmentName } from '../../auth/labels'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { ReasonModal } from './resource-actions'

/** 审核队列: the entries departments submitted, with quick approve and return (with a reason). */
export default function ReviewsPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const formatDateTime = useFormatDateTime()
  const departmentName = useDepartmentName()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const queue = useReviewQueue(page, pageSize)
  const transition = useTransition()
  const [returning, setReturning] = useState<string>()

  const columns: TableColumnsType<ResourceRecord> = [
    {
      title: t('catalog.name'),
      dataIndex: 'name',
      render: (name: string, record) => (
        <Space size={4} wrap>
          <Link to={`/catalog/${codeToPath(record.code)}`}>{name}</Link>
          {record.publishedVersion === null ? null : <Tag color="purple">{t('catalog.newVersion')}</Tag>}
        </Space>
      ),
    },
    { title: t('catalog.code'), dataIndex: 'code', render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span> },
    { title: t('catalog.department'), dataIndex: 'department', render: departmentName },
    { title: t('catalog.version'), dataIndex: 'latestVersion', render: (version: number) => `v${version}` },
    { title: t('catalog.submittedAt'), dataIndex: 'updatedAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, record) => (
        <Space wrap>
          <Popconfirm
            title={`${t('catalog.action.approve')}？`}
            onConfirm={() => transition.mutate({ code: record.code, action: 'approve' }, { onSuccess: () => void message.success(t('catalog.action.done')) })}
          >
            <Button size="small" type="primary" data-action="approve">
              {t('catalog.action.approve')}
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => setReturning(record.code)} data-action="return">
            {t('catalog.action.return')}
          </Button>
          <Link to={`/catalog/${codeToPath(record.code)}`}>
            <Button size="small">{t('common.view')}</Button>
          </Link>
        </Space>
      ),
    },
  ]

  return (
    <Card title={t('nav.catalogReviews')} extra={<Button onClick={() => void queue.refetch()}>{t('common.refresh')}</Button>}>
      <Typography.Paragraph type="secondary">{t('catalog.reviews.intro')}</Typography.Paragraph>
      {queue.isError ? <ProblemAlert error={queue.error} /> : null}
      {transition.isError ? <ProblemAlert error={transition.error} /> : null}
      <Table<ResourceRecord>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={queue.data?.items ?? []}
        loading={queue.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('catalog.reviews.empty') }}
        data-testid="review-queue"
        pagination={{
          current: page,
          pageSize,
          total: queue.data?.total ?? 0,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      <ReasonModal code={returning ?? ''} action={returning === undefined ? undefined : 'return'} onClose={() => setReturning(undefined)} />
    </Card>
  )
}

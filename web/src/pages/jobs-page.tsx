import { Button, Card, Popconfirm, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useCancelJob, useMyJobs } from '../api/jobs'
import { isFinished, type Job, type JobStatus } from '../api/types'
import { ProblemAlert } from '../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../language'
import { JOB_STATUS_COLORS, jobStatusLabel, jobTypeLabel } from './job-labels'

const PROGRESS_STATUS: Readonly<Record<JobStatus, 'normal' | 'active' | 'success' | 'exception'>> = {
  queued: 'normal',
  running: 'active',
  succeeded: 'success',
  failed: 'exception',
  cancelled: 'exception',
}

/** My background jobs; refreshes itself while any is still queued or running. */
export default function JobsPage() {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const jobs = useMyJobs(page, pageSize)
  const cancel = useCancelJob()

  const columns: TableColumnsType<Job> = [
    { title: t('job.type'), dataIndex: 'type', render: (type: string) => jobTypeLabel(t, type) },
    { title: t('job.status'), dataIndex: 'status', render: (status: JobStatus) => <Tag color={JOB_STATUS_COLORS[status]}>{jobStatusLabel(t, status)}</Tag> },
    {
      title: t('job.progress'),
      key: 'progress',
      width: 200,
      render: (_, job) => <Progress percent={Math.round(job.progress)} status={PROGRESS_STATUS[job.status]} size="small" />,
    },
    { title: t('job.message'), key: 'message', render: (_, job) => job.error ?? job.progressMessage ?? '' },
    { title: t('job.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('job.finishedAt'), dataIndex: 'finishedAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, job) =>
        isFinished(job) ? null : (
          <Popconfirm title={`${t('job.cancel')}?`} onConfirm={() => cancel.mutate(job.id)}>
            <Button size="small" danger>
              {t('job.cancel')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <Card title={t('job.title')} extra={<Button onClick={() => void jobs.refetch()}>{t('common.refresh')}</Button>}>
      <Typography.Paragraph type="secondary">{t('job.intro')}</Typography.Paragraph>
      {jobs.isError ? <ProblemAlert error={jobs.error} /> : null}
      {cancel.isError ? <ProblemAlert error={cancel.error} /> : null}
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        loading={jobs.isPending}
        scroll={{ x: 'max-content' }}
        data-testid="jobs-table"
        pagination={{
          current: page,
          pageSize,
          total: jobs.data?.total ?? 0,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => {
            setPage(next)
            setPageSize(size)
          },
        }}
      />
    </Card>
  )
}

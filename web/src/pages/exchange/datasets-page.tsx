import { useQueryClient } from '@tanstack/react-query'
import { DownloadOutlined, HistoryOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Input, Modal, Progress, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../api/client'
import { codeToPath, formatOfFile, useMyResources, type ResourceRecord } from '../../api/catalog'
import {
  downloadJobFile,
  exchangeKeys,
  useDatasetSummary,
  useRecordHistory,
  useUploadDataset,
  type Change,
  type UploadProblem,
  type UploadResult,
} from '../../api/exchange'
import { useJob } from '../../api/jobs'
import { isFinished } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'

interface Upload {
  readonly code: string
  readonly name: string
  readonly fileName: string
  readonly jobId: string
}

function RecordCount({ code }: { readonly code: string }) {
  const { t } = useLanguage()
  const summary = useDatasetSummary(code)
  if (summary.isPending) return <Typography.Text type="secondary">…</Typography.Text>
  if (summary.isError) {
    return summary.error instanceof ApiError && summary.error.status === 409 ? (
      <Tag data-testid="no-key">{t('exchange.datasets.noKey')}</Tag>
    ) : (
      <Typography.Text type="danger">{summary.error.message}</Typography.Text>
    )
  }
  return <span data-testid={`count-${codeToPath(code)}`}>{summary.data.recordCount.toLocaleString()}</span>
}

function LastChange({ code }: { readonly code: string }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const summary = useDatasetSummary(code)
  if (!summary.isSuccess) return null
  return summary.data.updatedAt === null ? (
    <Typography.Text type="secondary">{t('exchange.datasets.never')}</Typography.Text>
  ) : (
    <span>{formatDateTime(summary.data.updatedAt)}</span>
  )
}

/** The result of an upload job: progress while it runs; then the counts, or every bad row with the full report. */
function UploadResultCard({ upload, onClose }: { readonly upload: Upload; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const queryClient = useQueryClient()
  const job = useJob(upload.jobId)
  const result = job.data?.status === 'succeeded' ? (job.data.result as UploadResult) : undefined
  const applied = result?.status === 'applied'
  useEffect(() => {
    // The record count and the last change moved; so may what consumers read.
    if (applied) void queryClient.invalidateQueries({ queryKey: exchangeKeys.all })
  }, [applied, queryClient])
  const problemColumns: TableColumnsType<UploadProblem> = [
    { title: t('exchange.datasets.row'), dataIndex: 'row', width: 80 },
    { title: t('exchange.datasets.field'), dataIndex: 'field', render: (field: string) => <Typography.Text code>{field}</Typography.Text> },
    { title: t('exchange.datasets.message'), dataIndex: 'message' },
  ]
  return (
    <Card
      size="small"
      title={`${upload.name} · ${upload.fileName}`}
      extra={
        <Button size="small" onClick={onClose}>
          {t('common.back')}
        </Button>
      }
      data-testid="upload-result"
    >
      {job.data === undefined || !isFinished(job.data) ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('exchange.datasets.processing', { name: upload.fileName })}</Typography.Text>
          <Progress percent={Math.round(job.data?.progress ?? 0)} status="active" data-testid="upload-progress" />
          {job.data?.progressMessage === null || job.data?.progressMessage === undefined ? null : (
            <Typography.Text type="secondary">{job.data.progressMessage}</Typography.Text>
          )}
        </Space>
      ) : null}
      {job.data !== undefined && isFinished(job.data) && job.data.status !== 'succeeded' ? (
        <Alert type="error" showIcon title={t('exchange.datasets.failed')} description={job.data.error} />
      ) : null}
      {result?.status === 'applied' ? (
        <Alert
          type="success"
          showIcon
          title={t('exchange.datasets.applied', { name: upload.fileName })}
          description={
            result.replayed
              ? t('exchange.datasets.replayed')
              : t('exchange.datasets.appliedDetail', { rows: result.rows, upserted: result.upserted, unchanged: result.unchanged, deleted: result.deleted })
          }
          data-testid="upload-applied"
        />
      ) : null}
      {result?.status === 'rejected' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t('exchange.datasets.rejected', { rows: result.rows, invalid: result.invalidRows })}
            action={
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadJobFile(upload.jobId, result.fileName)} data-testid="upload-report">
                {t('exchange.datasets.report')}
              </Button>
            }
          />
          <Table<UploadProblem>
            rowKey={(problem) => `${problem.row ?? ''}-${problem.field}-${problem.message}`}
            size="small"
            columns={problemColumns}
            dataSource={result.problems}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="upload-problems"
          />
        </Space>
      ) : null}
    </Card>
  )
}

/** 记录历史: every change to one record, newest first. */
function HistoryModal({ resource, onClose }: { readonly resource: ResourceRecord | undefined; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [key, setKey] = useState<string>()
  const history = useRecordHistory(resource?.code ?? '', key)
  const columns: TableColumnsType<Change> = [
    { title: t('exchange.change.seq'), dataIndex: 'seq' },
    { title: t('exchange.change.at'), dataIndex: 'at', render: formatDateTime },
    {
      title: t('exchange.change.op'),
      dataIndex: 'op',
      render: (op: Change['op']) => <Tag color={op === 'delete' ? 'red' : 'blue'}>{t(`exchange.change.${op}`)}</Tag>,
    },
    {
      title: t('exchange.change.data'),
      dataIndex: 'data',
      render: (data: Change['data']) =>
        data === null ? (
          ''
        ) : (
          <Typography.Text style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>
            {Object.entries(data)
              .map(([name, value]) => `${name}: ${value === null ? '' : String(value)}`)
              .join('\n')}
          </Typography.Text>
        ),
    },
  ]
  return (
    <Modal
      open={resource !== undefined}
      title={`${t('exchange.datasets.history')} · ${resource?.name ?? ''}`}
      onCancel={() => {
        setKey(undefined)
        onClose()
      }}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Input.Search
        allowClear
        enterButton
        placeholder={t('exchange.datasets.historyKey')}
        onSearch={(value) => setKey(value.trim() === '' ? undefined : value.trim())}
        data-testid="history-key"
      />
      <div style={{ marginTop: 12 }}>
        {history.isError ? <ProblemAlert error={history.error} /> : null}
        {key === undefined ? null : (
          <Table<Change>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={history.data ?? []}
            loading={history.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('exchange.datasets.historyEmpty') }}
            data-testid="history-table"
          />
        )}
      </div>
    </Modal>
  )
}

/** 我的数据集: my department's published entries, their records, file uploads and record history. */
export default function DatasetsPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const resources = useMyResources('published', '', page, 20)
  const uploadFile = useUploadDataset()
  const [upload, setUpload] = useState<Upload>()
  const [historyOf, setHistoryOf] = useState<ResourceRecord>()

  const start = (resource: ResourceRecord, file: File) => {
    const format = formatOfFile(file.name)
    if (format === undefined) {
      void message.error(t('exchange.datasets.badFile'))
      return
    }
    uploadFile.mutate(
      { code: resource.code, file, format },
      { onSuccess: (job) => setUpload({ code: resource.code, name: resource.name, fileName: file.name, jobId: job.id }) },
    )
  }

  const columns: TableColumnsType<ResourceRecord> = [
    {
      title: t('catalog.name'),
      dataIndex: 'name',
      render: (name: string, resource) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/catalog/${codeToPath(resource.code)}`}>{name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {resource.code}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('exchange.datasets.records'), key: 'records', align: 'right', render: (_, resource) => <RecordCount code={resource.code} /> },
    { title: t('exchange.datasets.lastChange'), key: 'lastChange', render: (_, resource) => <LastChange code={resource.code} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, resource) => (
        <Space size={4} wrap data-testid={`dataset-${codeToPath(resource.code)}`}>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              start(resource, file)
              return false
            }}
          >
            <Button size="small" type="primary" icon={<UploadOutlined />} loading={uploadFile.isPending && uploadFile.variables.code === resource.code}>
              {t('exchange.datasets.upload')}
            </Button>
          </Upload>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(resource)}>
            {t('exchange.datasets.history')}
          </Button>
          <Link to={`/exchange/explore/${codeToPath(resource.code)}`}>
            <Button size="small">{t('exchange.explore')}</Button>
          </Link>
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.exchangeDatasets')}>
        <Typography.Paragraph type="secondary">{t('exchange.datasets.intro')}</Typography.Paragraph>
        {resources.isError ? <ProblemAlert error={resources.error} /> : null}
        {uploadFile.isError ? <ProblemAlert error={uploadFile.error} /> : null}
        <Table<ResourceRecord>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={resources.data?.items ?? []}
          loading={resources.isPending}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('exchange.datasets.empty')} /> }}
          data-testid="datasets-table"
          pagination={{ current: page, pageSize: 20, total: resources.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        />
      </Card>
      {upload === undefined ? null : <UploadResultCard key={upload.jobId} upload={upload} onClose={() => setUpload(undefined)} />}
      <HistoryModal resource={historyOf} onClose={() => setHistoryOf(undefined)} />
    </Space>
  )
}

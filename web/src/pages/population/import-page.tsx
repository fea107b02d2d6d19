import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { formatOfFile, type FileFormat } from '../../api/catalog'
import { ApiError } from '../../api/client'
import { useJob } from '../../api/jobs'
import { downloadRejections, useForgetPopulation, useImportPersons, type ImportResult } from '../../api/population'
import { isFinished } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import type { MessageKey } from '../../i18n'
import { useLanguage } from '../../language'

interface Running {
  readonly jobId: string
  readonly fileName: string
}

const COUNTS: ReadonlyArray<{ key: 'rows' | 'accepted' | 'rejected' | 'created' | 'updated' | 'unchanged'; label: MessageKey }> = [
  { key: 'rows', label: 'population.import.rows' },
  { key: 'accepted', label: 'population.import.accepted' },
  { key: 'rejected', label: 'population.import.rejected' },
  { key: 'created', label: 'population.import.created' },
  { key: 'updated', label: 'population.import.updated' },
  { key: 'unchanged', label: 'population.import.unchanged' },
]

function Rejections({ jobId }: { readonly jobId: string }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const save = (format: FileFormat) =>
    void downloadRejections(jobId, format).catch(
      (error: unknown) => void message.error(error instanceof ApiError ? `${error.title}: ${error.detail}` : String(error)),
    )
  return (
    <Space wrap>
      <Typography.Text>{t('population.import.rejectionsFile')}</Typography.Text>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save('xlsx')} data-testid="rejections-xlsx">
        XLSX
      </Button>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save('csv')} data-testid="rejections-csv">
        CSV
      </Button>
    </Space>
  )
}

function Outcome({ running, result }: { readonly running: Running; readonly result: ImportResult }) {
  const { t } = useLanguage()
  const applied = result.status === 'applied'
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={applied ? (result.rejected > 0 ? 'warning' : 'success') : 'error'}
        showIcon
        title={
          applied
            ? t('population.import.applied', { name: running.fileName })
            : t('population.import.rejectedFile', { rejected: result.rejected, rows: result.rows })
        }
        description={applied && result.rejected > 0 ? t('population.import.someRejected', { n: result.rejected }) : undefined}
        data-testid="import-outcome"
        data-status={result.status}
      />
      <Row gutter={[12, 12]}>
        {COUNTS.map(({ key, label }) => (
          <Col key={key} xs={12} sm={8} xl={4}>
            <Card size="small" data-testid={`import-${key}`}>
              <Statistic title={t(label)} value={result[key]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('population.import.encoding', { encoding: result.encoding })}</Typography.Text>
      {result.rejectionsFile ? <Rejections jobId={running.jobId} /> : null}
    </Space>
  )
}

/** One import: progress while the job runs, then what it did or why the file was refused. */
function ImportJob({ running, onClose }: { readonly running: Running; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const forget = useForgetPopulation()
  const job = useJob(running.jobId)
  const result = job.data?.status === 'succeeded' ? (job.data.result as ImportResult) : undefined
  const applied = result?.status === 'applied'
  useEffect(() => {
    // Reads, searches and statistics may all have moved.
    if (applied) void forget()
  }, [applied, forget])
  return (
    <Card
      size="small"
      title={running.fileName}
      extra={
        <Button size="small" onClick={onClose}>
          {t('common.back')}
        </Button>
      }
      data-testid="import-job"
    >
      {job.isError ? <ProblemAlert error={job.error} /> : null}
      {job.data === undefined || !isFinished(job.data) ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('exchange.datasets.processing', { name: running.fileName })}</Typography.Text>
          <Progress percent={Math.round(job.data?.progress ?? 0)} status="active" data-testid="import-progress" />
          {job.data?.progressMessage === null || job.data?.progressMessage === undefined ? null : (
            <Typography.Text type="secondary">{job.data.progressMessage}</Typography.Text>
          )}
        </Space>
      ) : null}
      {job.data !== undefined && isFinished(job.data) && job.data.status !== 'succeeded' ? (
        <Alert type="error" showIcon title={t('population.import.failed')} description={job.data.error} data-testid="import-failed" />
      ) : null}
      {result === undefined ? null : <Outcome running={running} result={result} />}
    </Card>
  )
}

/**
 * 数据导入: the police steward loads a person file (CSV in UTF-8 or GBK, or XLSX) into the
 * registry as a job. Good rows are applied, unchanged ones left alone, bad ones come back as a
 * file; a file that cannot be read at all imports nothing. Other departments are refused.
 */
export default function ImportPage() {
  const { t } = useLanguage()
  const upload = useImportPersons()
  const [badFile, setBadFile] = useState(false)
  const [running, setRunning] = useState<Running>()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.populationImport')}>
        <Typography.Paragraph type="secondary">{t('population.import.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('population.import.columns')}</Typography.Paragraph>
        <Alert type="info" showIcon title={t('population.import.who', { name: t('population.core') })} style={{ marginBottom: 16 }} />
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".csv,.xlsx"
            showUploadList={false}
            disabled={upload.isPending}
            // The file goes to the server as the raw request body, not as a multipart form.
            beforeUpload={(file) => {
              const format = formatOfFile(file.name)
              setBadFile(format === undefined)
              if (format !== undefined) upload.mutate(file, { onSuccess: (job) => setRunning({ jobId: job.id, fileName: file.name }) })
              return Upload.LIST_IGNORE
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('population.compare.reading') : t('population.import.drop')}</p>
            <p className="ant-upload-hint">{t('population.compare.dropHint')}</p>
          </Upload.Dragger>
        </div>
        <div style={{ marginTop: 12 }} data-testid="import-problems">
          {badFile ? <Alert type="error" showIcon title={t('exchange.datasets.badFile')} /> : null}
          {upload.isError ? <ProblemAlert error={upload.error} /> : null}
        </div>
      </Card>
      {running === undefined ? null : <ImportJob key={running.jobId} running={running} onClose={() => setRunning(undefined)} />}
    </Space>
  )
}

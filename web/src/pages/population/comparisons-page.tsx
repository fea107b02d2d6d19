import { InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Form, Progress, Row, Select, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { formatOfFile } from '../../api/catalog'
import {
  isComparisonDone,
  MAPPED_FIELDS,
  useComparisons,
  usePreviewComparison,
  useStartComparison,
  type ColumnMapping,
  type ComparisonPreview,
  type ComparisonSummary,
  type MappedField,
  type PersonItem,
} from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { JOB_STATUS_COLORS, jobStatusLabel } from '../job-labels'
import { ComparisonSteps } from './comparison-steps'
import { comparisonPath } from './population-paths'
import { usePersonLabels } from './population-labels'

/** The registry item each mappable column is compared with. */
const MAPPED_ITEMS: Readonly<Record<MappedField, PersonItem>> = { residentId: 'resident_id', name: 'name', gender: 'gender', birthDate: 'birth_date' }

type MappingForm = Partial<Record<MappedField, string>> & { readonly deceasedBefore?: Dayjs | null }

function UploadStep({ onPreview }: { readonly onPreview: (preview: ComparisonPreview) => void }) {
  const { t } = useLanguage()
  const preview = usePreviewComparison()
  const [badFile, setBadFile] = useState(false)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="comparison-upload">
      <Upload.Dragger
        accept=".csv,.xlsx"
        showUploadList={false}
        disabled={preview.isPending}
        // The file goes to the server as the raw request body, not as a multipart form.
        beforeUpload={(file) => {
          const format = formatOfFile(file.name)
          setBadFile(format === undefined)
          if (format !== undefined) preview.mutate(file, { onSuccess: onPreview })
          return Upload.LIST_IGNORE
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{preview.isPending ? t('population.compare.reading') : t('population.compare.drop')}</p>
        <p className="ant-upload-hint">{t('population.compare.dropHint')}</p>
      </Upload.Dragger>
      {badFile ? <Alert type="error" showIcon title={t('exchange.datasets.badFile')} /> : null}
      {preview.isError ? <ProblemAlert error={preview.error} /> : null}
    </Space>
  )
}

/** Which column holds what: pre-filled from the server's suggestion, checked against the first rows. */
function MappingStep({ preview, onBack }: { readonly preview: ComparisonPreview; readonly onBack: () => void }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const navigate = useNavigate()
  const [form] = Form.useForm<MappingForm>()
  const mapping = Form.useWatch([], form) as MappingForm | undefined
  const start = useStartComparison()
  const fieldOf = (header: string) => MAPPED_FIELDS.find((field) => mapping?.[field] === header)

  const submit = (values: MappingForm) => {
    const columns: ColumnMapping = {
      residentId: values.residentId ?? '',
      ...Object.fromEntries(MAPPED_FIELDS.flatMap((field) => (field === 'residentId' || values[field] === undefined ? [] : [[field, values[field]]]))),
    }
    start.mutate(
      {
        uploadId: preview.uploadId,
        fileName: preview.fileName,
        mapping: columns,
        ...(values.deceasedBefore === undefined || values.deceasedBefore === null ? {} : { deceasedBefore: values.deceasedBefore.format('YYYY-MM-DD') }),
      },
      { onSuccess: (job) => void navigate(comparisonPath(job.id)) },
    )
  }

  const sampleColumns: TableColumnsType<string[]> = preview.headers.map((header, index) => {
    const field = fieldOf(header)
    return {
      title: (
        <Space size={4} orientation="vertical">
          <span>{header}</span>
          {field === undefined ? null : <Tag color="red">{labels.item(MAPPED_ITEMS[field])}</Tag>}
        </Space>
      ),
      key: String(index),
      render: (_: unknown, row: string[]) => row[index] ?? '',
    }
  })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="preview-file">
        {[preview.fileName, preview.format.toUpperCase(), preview.encoding ?? ''].filter((part) => part !== '').join(' · ')}
      </Typography.Text>
      <Form<MappingForm>
        form={form}
        layout="vertical"
        initialValues={{ ...preview.suggested, deceasedBefore: null }}
        onFinish={submit}
        data-testid="mapping-form"
      >
        <Row gutter={16}>
          {MAPPED_FIELDS.map((field) => (
            <Col key={field} xs={24} sm={12} lg={6}>
              <Form.Item
                name={field}
                label={labels.item(MAPPED_ITEMS[field])}
                rules={[
                  ...(field === 'residentId' ? [{ required: true, message: t('population.compare.idColumnRequired') }] : []),
                  {
                    validator: async (_: unknown, header: string | undefined) => {
                      if (header !== undefined && MAPPED_FIELDS.some((other) => other !== field && form.getFieldValue(other) === header))
                        throw new Error(t('population.compare.columnTwice'))
                    },
                  },
                ]}
              >
                <Select
                  allowClear={field !== 'residentId'}
                  placeholder={t('population.compare.notCompared')}
                  options={preview.headers.map((header) => ({ value: header, label: header }))}
                  data-testid={`map-${field}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="deceasedBefore" label={t('population.compare.deceasedBefore')} extra={t('population.compare.deceasedBeforeHint')}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="deceased-before" />
        </Form.Item>
        <Typography.Text strong>{t('population.compare.sample', { n: preview.sample.length })}</Typography.Text>
        <Table<string[]>
          rowKey={(row) => row.join('\u0001')}
          size="small"
          columns={sampleColumns}
          dataSource={preview.sample}
          pagination={false}
          scroll={{ x: 'max-content' }}
          style={{ margin: '8px 0 16px' }}
          data-testid="sample-table"
        />
        {start.isError ? <ProblemAlert error={start.error} /> : null}
        <Space style={{ marginTop: 8 }}>
          <Button onClick={onBack}>{t('population.compare.otherFile')}</Button>
          <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="comparison-start">
            {t('population.compare.start')}
          </Button>
        </Space>
      </Form>
    </Space>
  )
}

function EarlierComparisons() {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(10)
  const comparisons = useComparisons(page, pageSize)
  const columns: TableColumnsType<ComparisonSummary> = [
    {
      title: t('population.compare.file'),
      dataIndex: 'fileName',
      render: (name: string, comparison) => <Link to={comparisonPath(comparison.id)}>{name}</Link>,
    },
    {
      title: t('job.status'),
      dataIndex: 'status',
      render: (status: ComparisonSummary['status']) => <Tag color={JOB_STATUS_COLORS[status]}>{jobStatusLabel(t, status)}</Tag>,
    },
    {
      title: t('population.compare.result'),
      key: 'result',
      render: (_, comparison) => {
        if (!isComparisonDone(comparison)) return <Progress percent={Math.round(comparison.progress)} size="small" status="active" style={{ minWidth: 160 }} />
        if (comparison.counts === null) return comparison.message ?? ''
        return t('population.compare.resultSummary', {
          total: comparison.counts.total,
          ok: comparison.counts.ok,
          problems: comparison.counts.total - comparison.counts.ok,
        })
      },
    },
    { title: t('population.compare.createdBy'), dataIndex: 'createdBy' },
    { title: t('job.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ]
  return (
    <Card title={t('population.compare.earlier')}>
      {comparisons.isError ? <ProblemAlert error={comparisons.error} /> : null}
      <Table<ComparisonSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={comparisons.data?.items ?? []}
        loading={comparisons.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('population.compare.none') }}
        data-testid="comparisons-table"
        pagination={{
          current: page,
          pageSize,
          total: comparisons.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
    </Card>
  )
}

/**
 * 批量比对: a department's file of persons (CSV or XLSX) compared with the registry — upload,
 * say which column is which, then follow the comparison to its report. Earlier comparisons of
 * the department are listed below.
 */
export default function ComparisonsPage() {
  const { t } = useLanguage()
  const [preview, setPreview] = useState<ComparisonPreview>()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.populationComparisons')}>
        <Typography.Paragraph type="secondary">{t('population.compare.intro')}</Typography.Paragraph>
        <ComparisonSteps current={preview === undefined ? 0 : 1} />
        {preview === undefined ? (
          <UploadStep onPreview={setPreview} />
        ) : (
          <MappingStep key={preview.uploadId} preview={preview} onBack={() => setPreview(undefined)} />
        )}
      </Card>
      <EarlierComparisons />
    </Space>
  )
}

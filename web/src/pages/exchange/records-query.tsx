import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Input, Progress, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useEffect, useState } from 'react'
import { downloadJobFile, isNotGranted, useRecords, useStartExport, type DataRecord, type RecordFilter } from '../../api/exchange'
import { useJob } from '../../api/jobs'
import { isFinished } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { display, recordKeyOf, type Access } from './explore-access'

interface FilterRow {
  readonly id: number
  readonly key: string | undefined
  readonly value: string
}

const PAGE_SIZES = [10, 20, 50, 100]

/** Export as a job: format and encoding, progress while it runs, then the file. */
function ExportPanel({ code, filters }: { readonly code: string; readonly filters: readonly RecordFilter[] }) {
  const { t } = useLanguage()
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx')
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('utf-8')
  const start = useStartExport(code)
  const job = useJob(start.data?.id)
  const rows = (job.data?.result as { rows?: number } | null | undefined)?.rows
  const running = start.isPending || (start.isSuccess && (job.data === undefined || !isFinished(job.data)))
  return (
    <Card size="small" title={t('exchange.export.title')} data-testid="export-panel">
      <Typography.Paragraph type="secondary">{t('exchange.export.hint')}</Typography.Paragraph>
      <Space wrap>
        <Select
          value={format}
          onChange={setFormat}
          options={[
            { value: 'xlsx', label: 'XLSX' },
            { value: 'csv', label: 'CSV' },
          ]}
          style={{ width: 100 }}
          aria-label={t('catalog.transfer.format')}
        />
        {format === 'csv' ? (
          <Select
            value={encoding}
            onChange={setEncoding}
            options={[
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'gbk', label: 'GBK' },
            ]}
            style={{ width: 100 }}
            aria-label={t('catalog.transfer.encoding')}
          />
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          loading={running}
          onClick={() => start.mutate({ format, encoding, filters: [...filters] })}
          data-testid="export-start"
        >
          {t('exchange.export.start')}
        </Button>
      </Space>
      {start.isError ? <ProblemAlert error={start.error} /> : null}
      {job.data === undefined ? null : (
        <div style={{ marginTop: 12 }} data-testid="export-job">
          <Progress
            percent={Math.round(job.data.status === 'succeeded' ? 100 : job.data.progress)}
            status={job.data.status === 'failed' ? 'exception' : job.data.status === 'succeeded' ? 'success' : 'active'}
            size="small"
          />
          {job.data.status === 'succeeded' ? (
            <Space wrap>
              <Typography.Text>{t('exchange.export.done', { n: rows ?? 0 })}</Typography.Text>
              <Button
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => void downloadJobFile(job.data.id, `${code.replace('/', '-')}.${format}`)}
                data-testid="export-download"
              >
                {t('exchange.export.download')}
              </Button>
            </Space>
          ) : null}
          {job.data.status === 'failed' ? <Alert type="error" showIcon title={t('exchange.export.failed')} description={job.data.error} /> : null}
        </div>
      )}
    </Card>
  )
}

/**
 * 条件查询: filters on the items granted in clear, sort and paging; the records as they come
 * from the gate (masked values masked). Each row may be objected to.
 */
export function RecordsQuery({
  code,
  access,
  purpose,
  onNotGranted,
  onObject,
}: {
  readonly code: string
  readonly access: Access
  readonly purpose: string
  readonly onNotGranted: () => void
  readonly onObject: (recordKey: string) => void
}) {
  const { t } = useLanguage()
  const filterable = access.items.filter((visible) => !visible.masked)
  const [rows, setRows] = useState<FilterRow[]>([{ id: 0, key: filterable[0]?.item.key, value: '' }])
  const [sort, setSort] = useState<string>()
  const [applied, setApplied] = useState<{ filters: RecordFilter[]; sort: string | undefined }>({ filters: [], sort: undefined })
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const records = useRecords(code, { filters: applied.filters, sort: applied.sort, page, pageSize, purpose })
  const refused = records.isError && isNotGranted(records.error)
  useEffect(() => {
    if (refused) onNotGranted()
  }, [refused, onNotGranted])

  const search = () => {
    setApplied({ filters: rows.flatMap((row) => (row.key === undefined || row.value.trim() === '' ? [] : [{ key: row.key, value: row.value.trim() }])), sort })
    setPage(1)
  }
  const reset = () => {
    setRows([{ id: Date.now(), key: filterable[0]?.item.key, value: '' }])
    setSort(undefined)
    setApplied({ filters: [], sort: undefined })
    setPage(1)
  }

  const columns: TableColumnsType<DataRecord> = [
    ...access.items.map(({ item, masked }) => ({
      title: (
        <span>
          {item.name}
          {masked ? <Typography.Text type="warning"> · {t('exchange.masked')}</Typography.Text> : null}
        </span>
      ),
      dataIndex: item.key,
      render: (value: DataRecord[string]) => display(value),
    })),
    ...(access.own
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, record: DataRecord) => (
              <Button size="small" type="link" onClick={() => onObject(recordKeyOf(record, access.keyItems))} data-action="object">
                {t('exchange.objection.raise')}
              </Button>
            ),
          },
        ]),
  ]

  const sortOptions = filterable.flatMap(({ item }) => [
    { value: item.key, label: `${item.name} ↑` },
    { value: `-${item.key}`, label: `${item.name} ↓` },
  ])

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('exchange.explore.query')}>
        {filterable.length < access.items.length ? <Typography.Paragraph type="secondary">{t('exchange.explore.maskedNoFilter')}</Typography.Paragraph> : null}
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="query-filters">
          {rows.map((row) => (
            <Flex key={row.id} gap={8} wrap>
              <Select
                value={row.key}
                onChange={(key: string) => setRows((current) => current.map((candidate) => (candidate.id === row.id ? { ...candidate, key } : candidate)))}
                options={filterable.map(({ item }) => ({ value: item.key, label: item.name }))}
                style={{ width: 180 }}
                aria-label={t('exchange.explore.filterItem')}
              />
              <Input
                value={row.value}
                onChange={(event) =>
                  setRows((current) => current.map((candidate) => (candidate.id === row.id ? { ...candidate, value: event.target.value } : candidate)))
                }
                onPressEnter={search}
                placeholder={t('exchange.explore.filterValue')}
                style={{ flex: '1 1 200px', maxWidth: 360 }}
                data-testid="filter-value"
              />
              <Button
                icon={<DeleteOutlined />}
                disabled={rows.length === 1}
                onClick={() => setRows((current) => current.filter((candidate) => candidate.id !== row.id))}
                aria-label={t('catalog.item.remove')}
              />
            </Flex>
          ))}
          <Flex gap={8} wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setRows((current) => [...current, { id: Date.now(), key: filterable[0]?.item.key, value: '' }])}
              disabled={filterable.length === 0}
            >
              {t('exchange.explore.addFilter')}
            </Button>
            <Select allowClear value={sort} onChange={setSort} options={sortOptions} placeholder={t('exchange.explore.sort')} style={{ width: 180 }} />
            <Button type="primary" onClick={search} data-testid="query-search">
              {t('exchange.explore.search')}
            </Button>
            <Button onClick={reset}>{t('exchange.explore.reset')}</Button>
          </Flex>
        </Space>
      </Card>
      {records.isError && !refused ? <ProblemAlert error={records.error} /> : null}
      <Table<DataRecord>
        rowKey={(record) => recordKeyOf(record, access.keyItems)}
        size="small"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="records-table"
        pagination={{
          current: page,
          pageSize,
          total: records.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      {access.operations.has('export') ? <ExportPanel code={code} filters={applied.filters} /> : null}
    </Space>
  )
}

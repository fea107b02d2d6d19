import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import type { FileFormat } from '../../api/catalog'
import { ApiError } from '../../api/client'
import {
  downloadComparisonReport,
  OUTCOME_COUNTS,
  OUTCOMES,
  useComparisonRows,
  type ComparisonCounts,
  type ComparisonRow,
  type ComparisonSummary,
  type Outcome,
} from '../../api/population'
import { Chart, type ChartOption } from '../../components/echart'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { OUTCOME_COLORS, usePersonLabels } from './population-labels'

type Tab = 'all' | Outcome

/** Chart colours matching the outcome tags. */
const OUTCOME_CHART_COLORS: Readonly<Record<Outcome, string>> = {
  'invalid-id': '#cf1322',
  'not-found': '#d4380d',
  'name-mismatch': '#d46b08',
  'field-mismatch': '#d48806',
  deceased: '#595959',
  'moved-out': '#531dab',
  cancelled: '#c41d7f',
}

function CountCards({ counts }: { readonly counts: ComparisonCounts }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const cards: ReadonlyArray<{ key: string; label: string; value: number; color?: string }> = [
    { key: 'total', label: t('population.compare.total'), value: counts.total },
    { key: 'ok', label: t('population.compare.ok'), value: counts.ok, color: '#389e0d' },
    ...OUTCOMES.map((outcome) => ({
      key: outcome,
      label: labels.outcome(outcome),
      value: counts[OUTCOME_COUNTS[outcome]],
      color: counts[OUTCOME_COUNTS[outcome]] > 0 ? OUTCOME_CHART_COLORS[outcome] : undefined,
    })),
  ]
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8}>
          <Card size="small" style={{ height: '100%' }} data-testid={`count-${card.key}`}>
            <Statistic title={card.label} value={card.value} styles={card.color === undefined ? undefined : { content: { color: card.color } }} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}

function OutcomeChart({ counts }: { readonly counts: ComparisonCounts }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const option = useMemo<ChartOption>(() => {
    // Each row has one outcome (its first problem), so the slices add up to the rows of the file.
    const slices = [
      { name: t('population.compare.ok'), value: counts.ok, itemStyle: { color: '#52c41a' } },
      ...OUTCOMES.map((outcome) => ({
        name: labels.outcome(outcome),
        value: counts[OUTCOME_COUNTS[outcome]],
        itemStyle: { color: OUTCOME_CHART_COLORS[outcome] },
      })),
    ].filter((slice) => slice.value > 0)
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' }, data: slices }],
    }
  }, [counts, t, labels])
  return <Chart option={option} height={300} testId="chart-outcomes" />
}

function ProblemRows({ summary, counts }: { readonly summary: ComparisonSummary; readonly counts: ComparisonCounts }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const [tab, setTab] = useState<Tab>('all')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const rows = useComparisonRows(summary.id, tab === 'all' ? undefined : tab, page, pageSize)
  const present = OUTCOMES.filter((outcome) => counts[OUTCOME_COUNTS[outcome]] > 0)
  const columns: TableColumnsType<ComparisonRow> = [
    { title: t('population.compare.row'), dataIndex: 'row', width: 80 },
    {
      title: labels.item('resident_id'),
      dataIndex: 'residentId',
      render: (id: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{id}</Typography.Text>,
    },
    { title: labels.item('name'), dataIndex: 'name' },
    {
      title: t('population.compare.outcome'),
      dataIndex: 'outcome',
      render: (outcome: Outcome) => (
        <Tag color={OUTCOME_COLORS[outcome]} data-outcome={outcome}>
          {labels.outcome(outcome)}
        </Tag>
      ),
    },
    { title: t('population.compare.detail'), dataIndex: 'detail' },
  ]
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as Tab)
          setPage(1)
        }}
        items={[
          { key: 'all', label: t('population.compare.allProblems', { n: counts.total - counts.ok }) },
          ...present.map((outcome) => ({ key: outcome, label: `${labels.outcome(outcome)} (${counts[OUTCOME_COUNTS[outcome]]})` })),
        ]}
        data-testid="outcome-tabs"
      />
      {rows.isError ? <ProblemAlert error={rows.error} /> : null}
      <Table<ComparisonRow>
        rowKey={(row) => `${row.row}-${row.outcome}`}
        size="small"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('population.compare.noProblems') }}
        data-testid="problem-rows"
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
    </>
  )
}

/** 比对报告: the counts, a chart of them, the rows with problems by outcome, and the full report as a file. */
export function ComparisonReport({ summary }: { readonly summary: ComparisonSummary }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const formatDateTime = useFormatDateTime()
  const [downloading, setDownloading] = useState<FileFormat>()
  const save = (format: FileFormat) => {
    setDownloading(format)
    downloadComparisonReport(summary.id, format)
      .catch((error: unknown) => void message.error(error instanceof ApiError ? `${error.title}: ${error.detail}` : String(error)))
      .finally(() => setDownloading(undefined))
  }
  const counts = summary.counts
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="comparison-report">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('population.compare.file')}>{summary.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('population.compare.createdBy')}>{summary.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('population.compare.finishedAt')}>{formatDateTime(summary.finishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('population.compare.deceasedBefore')}>{summary.deceasedBefore ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => save('xlsx')} data-testid="report-xlsx">
          {t('population.compare.download', { format: 'XLSX' })}
        </Button>
        <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => save('csv')} data-testid="report-csv">
          {t('population.compare.download', { format: 'CSV' })}
        </Button>
      </Space>
      {counts === null ? null : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <CountCards counts={counts} />
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('population.compare.chart')}>
                <OutcomeChart counts={counts} />
              </Card>
            </Col>
          </Row>
          <ProblemRows summary={summary} counts={counts} />
        </>
      )}
    </Space>
  )
}

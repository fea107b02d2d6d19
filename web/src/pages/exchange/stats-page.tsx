import { Card, Col, Empty, Flex, Progress, Row, Segmented, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { useExchangeStats, type ExchangeStats, type Tally } from '../../api/exchange'
import { Chart, type ChartOption } from '../../components/echart'
import { ProblemAlert } from '../../components/problem-alert'
import type { MessageKey } from '../../i18n'
import { useLanguage } from '../../language'
import { useDepartmentLabel } from './exchange-tags'

type Metric = 'requests' | 'grants' | 'reads' | 'records'

const METRICS: ReadonlyArray<{ value: Metric; label: MessageKey }> = [
  { value: 'requests', label: 'exchange.stats.requests' },
  { value: 'grants', label: 'exchange.stats.grants' },
  { value: 'reads', label: 'exchange.stats.reads' },
  { value: 'records', label: 'exchange.stats.records' },
]

const percent = (rate: number) => Math.round(rate * 1000) / 10

/** 共享率 against the plan's target: a dial, red below the target, green once it is reached. */
function SharingRate({ rate }: { readonly rate: ExchangeStats['sharingRate'] }) {
  const { t } = useLanguage()
  const reached = rate.rate >= rate.target
  return (
    <Card title={t('exchange.stats.sharingRate')} style={{ height: '100%' }} data-testid="sharing-rate">
      <Flex vertical align="center" gap={8}>
        <Progress
          type="dashboard"
          percent={percent(rate.rate)}
          strokeColor={reached ? '#52c41a' : '#b7312c'}
          // The target as the dial's success segment: the plan asks for at least 80 %.
          success={{ percent: Math.min(percent(rate.rate), percent(rate.target)), strokeColor: reached ? '#52c41a' : '#b7312c' }}
          format={(value) => `${value ?? 0}%`}
          size={180}
        />
        <Tag color={reached ? 'green' : 'red'}>{reached ? t('exchange.stats.reached') : t('exchange.stats.notReached')}</Tag>
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('exchange.stats.sharingRateDetail', { shared: rate.shared, published: rate.published, target: `${percent(rate.target)}%` })}
        </Typography.Text>
      </Flex>
    </Card>
  )
}

function ByDepartment({ stats }: { readonly stats: ExchangeStats }) {
  const { t } = useLanguage()
  const departmentName = useDepartmentLabel()
  const [metric, setMetric] = useState<Metric>('requests')
  const option = useMemo<ChartOption>(() => {
    const departments = [...stats.byDepartment].sort((a, b) => a.asProvider[metric] + a.asConsumer[metric] - (b.asProvider[metric] + b.asConsumer[metric]))
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: departments.map((department) => departmentName(department)), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          name: t('exchange.stats.asProvider'),
          type: 'bar',
          itemStyle: { color: '#b7312c' },
          data: departments.map((department) => department.asProvider[metric]),
        },
        {
          name: t('exchange.stats.asConsumer'),
          type: 'bar',
          itemStyle: { color: '#1677ff' },
          data: departments.map((department) => department.asConsumer[metric]),
        },
      ],
    }
  }, [stats, metric, t, departmentName])
  return (
    <Card
      title={t('exchange.stats.byDepartment')}
      extra={<Segmented<Metric> size="small" value={metric} onChange={setMetric} options={METRICS.map(({ value, label }) => ({ value, label: t(label) }))} />}
    >
      {stats.byDepartment.length === 0 ? (
        <Empty />
      ) : (
        <Chart option={option} height={Math.max(240, stats.byDepartment.length * 44 + 60)} testId="chart-departments" />
      )}
    </Card>
  )
}

type ResourceRow = ExchangeStats['byResource'][number]

function ByResource({ stats }: { readonly stats: ExchangeStats }) {
  const { t } = useLanguage()
  const departmentName = useDepartmentLabel()
  const number = (key: keyof Tally) => ({
    title: t(`exchange.stats.${key === 'averageApprovalWorkingDays' ? 'avgDays' : key}` as MessageKey),
    dataIndex: key,
    align: 'right' as const,
  })
  const columns: TableColumnsType<ResourceRow> = [
    {
      title: t('exchange.resource'),
      key: 'resource',
      render: (_, row) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/catalog/${codeToPath(row.code)}`}>{row.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {row.code}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('exchange.provider'), key: 'provider', render: (_, row) => departmentName(row.provider) },
    number('requests'),
    number('approved'),
    number('refused'),
    number('pending'),
    number('grants'),
    number('reads'),
    number('records'),
    { ...number('averageApprovalWorkingDays'), render: (days: number | null) => days ?? '—' },
  ]
  return (
    <Card title={t('exchange.stats.byResource')}>
      <Table<ResourceRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={stats.byResource}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="stats-resources"
      />
    </Card>
  )
}

function StatsView({ stats }: { readonly stats: ExchangeStats }) {
  const { t } = useLanguage()
  const cards: ReadonlyArray<{ label: MessageKey; value: number | string; color?: string; testId: string }> = [
    { label: 'exchange.stats.requests', value: stats.requests.total, testId: 'stat-requests' },
    { label: 'exchange.stats.pending', value: stats.requests.pending, testId: 'stat-pending' },
    { label: 'exchange.stats.overdue', value: stats.requests.overdue, color: stats.requests.overdue > 0 ? '#cf1322' : undefined, testId: 'stat-overdue' },
    { label: 'exchange.stats.avgDays', value: stats.requests.averageApprovalWorkingDays ?? '—', testId: 'stat-days' },
    { label: 'exchange.stats.activeGrants', value: stats.grants.active, color: '#389e0d', testId: 'stat-grants' },
    { label: 'exchange.stats.reads', value: stats.reads.total, testId: 'stat-reads' },
    { label: 'exchange.stats.records', value: stats.reads.records, testId: 'stat-records' },
    {
      label: 'exchange.stats.openObjections',
      value: stats.objections.open,
      color: stats.objections.open > 0 ? '#d46b08' : undefined,
      testId: 'stat-objections',
    },
  ]
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <SharingRate rate={stats.sharingRate} />
      </Col>
      <Col xs={24} lg={16}>
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col key={card.testId} xs={12} md={6}>
              <Card size="small" style={{ height: '100%' }} data-testid={card.testId}>
                <Statistic title={t(card.label)} value={card.value} styles={card.color === undefined ? undefined : { content: { color: card.color } }} />
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col span={24}>
        <ByDepartment stats={stats} />
      </Col>
      <Col span={24}>
        <ByResource stats={stats} />
      </Col>
    </Row>
  )
}

/** 共享统计: the sharing rate against the 80 % target, requests, grants, reads and objections, by department and resource. */
export default function StatsPage() {
  const stats = useExchangeStats()
  if (stats.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (stats.isError) return <ProblemAlert error={stats.error} />
  return <StatsView stats={stats.data} />
}

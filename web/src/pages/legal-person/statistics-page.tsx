import { Card, Col, Empty, Row, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd'
import { LineChart } from 'echarts/charts'
import * as echarts from 'echarts/core'
import { useMemo } from 'react'
import { ENTITY_STATUSES, SOURCE_DEPARTMENTS, useLegalPersonStatistics, type EntityStatus, type LegalPersonStatistics } from '../../api/legal-persons'
import { DistrictMap } from '../../components/district-map'
import { Chart, type ChartOption } from '../../components/echart'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { STATUS_CHART_COLORS, useEntityLabels } from './legal-person-labels'

// Registered here rather than with the shared charts: only this page draws a line, and it loads lazily.
echarts.use([LineChart])

const BAR_COLOR = '#b7312c'
const ACTIVE: readonly EntityStatus[] = ['1', '2']

const thousands = (value: number) => value.toLocaleString()

function Totals({ stats }: { readonly stats: LegalPersonStatistics }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const count = (status: string) => stats.byStatus.find((row) => row.status === status)?.count ?? 0
  const cards = [
    { key: 'total', label: t('legalPerson.stats.total'), value: stats.total },
    { key: 'active', label: t('legalPerson.stats.active'), value: ACTIVE.reduce((sum, status) => sum + count(status), 0), color: STATUS_CHART_COLORS['1'] },
    ...ENTITY_STATUSES.filter((status) => !ACTIVE.includes(status)).map((status) => ({
      key: `status-${status}`,
      label: labels.status(status),
      value: count(status),
      color: STATUS_CHART_COLORS[status],
    })),
    ...SOURCE_DEPARTMENTS.map((source) => ({
      key: `source-${source}`,
      label: t('legalPerson.stats.fromSource', { source: labels.source(source) }),
      value: stats.bySource.find((row) => row.source === source)?.count ?? 0,
    })),
  ]
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={6} xl={3}>
          <Card size="small" style={{ height: '100%' }} data-testid={`stat-${card.key}`}>
            <Statistic title={card.label} value={card.value} styles={card.color === undefined ? undefined : { content: { color: card.color } }} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}

type DistrictRow = LegalPersonStatistics['byDistrict'][number]

function Districts({ stats }: { readonly stats: LegalPersonStatistics }) {
  const { t } = useLanguage()
  const rows = useMemo(() => [...stats.byDistrict].sort((a, b) => b.count - a.count), [stats])
  const sum = rows.reduce((total, row) => total + row.count, 0)
  const columns: TableColumnsType<DistrictRow> = [
    { title: t('legalPerson.stats.district'), dataIndex: 'name', render: (name: string, row) => <span title={row.division}>{name}</span> },
    { title: t('legalPerson.stats.count'), dataIndex: 'count', align: 'right', render: thousands },
    { title: t('legalPerson.stats.share'), key: 'share', align: 'right', render: (_, row) => (sum === 0 ? '—' : `${((row.count / sum) * 100).toFixed(1)}%`) },
  ]
  return (
    <Card title={t('legalPerson.stats.byDistrict')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <DistrictMap byDistrict={stats.byDistrict} unit="legalPerson.stats.entities" />
        </Col>
        <Col xs={24} lg={9}>
          <Table<DistrictRow> rowKey="division" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="district-table" />
        </Col>
      </Row>
    </Card>
  )
}

/** 行业分布: the GB/T 4754 sections (门类), largest at the top. */
function Industries({ stats }: { readonly stats: LegalPersonStatistics }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const option = useMemo<ChartOption>(() => {
    // A category axis draws its first entry at the bottom.
    const rows = [...stats.byIndustry].sort((a, b) => b.count - a.count).reverse()
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => value.toLocaleString() },
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((row) => `${row.section === '-' ? '' : `${row.section} `}${labels.section(row.section, row.name)}`),
        // Some section names are long (信息传输、软件和信息技术服务业): cut, the tooltip has them whole.
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          itemStyle: { color: BAR_COLOR },
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => value.toLocaleString() },
          data: rows.map((row) => row.count),
        },
      ],
    }
  }, [stats, labels])
  return (
    <Card title={t('legalPerson.stats.byIndustry')} style={{ height: '100%' }}>
      {stats.byIndustry.length === 0 ? <Empty /> : <Chart option={option} height={Math.max(280, stats.byIndustry.length * 26)} testId="chart-industry" />}
    </Card>
  )
}

function Statuses({ stats }: { readonly stats: LegalPersonStatistics }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (value: number) => value.toLocaleString() },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b} {d}%' },
          // Revoked, deregistered and moved-out entities are thin slices: their labels would overlap; the legend and tooltip name them.
          minShowLabelAngle: 10,
          data: stats.byStatus.map((row) => {
            const color = STATUS_CHART_COLORS[row.status as EntityStatus] as string | undefined
            return { name: labels.status(row.status), value: row.count, ...(color === undefined ? {} : { itemStyle: { color } }) }
          }),
        },
      ],
    }),
    [stats, labels],
  )
  return (
    <Card title={t('legalPerson.stats.byStatus')} style={{ height: '100%' }}>
      {stats.byStatus.length === 0 ? <Empty /> : <Chart option={option} height={320} testId="chart-status" />}
    </Card>
  )
}

/** 设立趋势: entities established each year, the years without any drawn as 0. */
function Trend({ stats }: { readonly stats: LegalPersonStatistics }) {
  const { t } = useLanguage()
  const option = useMemo<ChartOption>(() => {
    const counts = new Map(stats.byYear.map((row) => [row.year, row.count]))
    const years = stats.byYear.map((row) => row.year)
    const first = Math.min(...years)
    const last = Math.max(...years)
    const axis = years.length === 0 ? [] : Array.from({ length: last - first + 1 }, (_, index) => first + index)
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => value.toLocaleString() },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: axis.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('legalPerson.stats.established'),
          type: 'line',
          smooth: true,
          showSymbol: false,
          itemStyle: { color: BAR_COLOR },
          areaStyle: { opacity: 0.15 },
          data: axis.map((year) => counts.get(year) ?? 0),
        },
      ],
    }
  }, [stats, t])
  return (
    <Card title={t('legalPerson.stats.byYear')} style={{ height: '100%' }}>
      {stats.byYear.length === 0 ? <Empty /> : <Chart option={option} height={320} testId="chart-trend" />}
    </Card>
  )
}

/** 法人统计: the totals by status and source, a map of the districts, industries, status and the establishment trend. Aggregates only. */
export default function StatisticsPage() {
  const { t } = useLanguage()
  const stats = useLegalPersonStatistics()
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('nav.legalPersonStats')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('module.legalPerson')}
          </Typography.Paragraph>
        </Card>
      </Col>
      {stats.isPending ? (
        <Col span={24}>
          <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
        </Col>
      ) : null}
      {stats.isError ? (
        <Col span={24}>
          <ProblemAlert error={stats.error} />
        </Col>
      ) : null}
      {stats.isSuccess ? (
        <>
          <Col span={24}>
            <Totals stats={stats.data} />
          </Col>
          <Col xs={24} xxl={14}>
            <Districts stats={stats.data} />
          </Col>
          <Col xs={24} xxl={10}>
            <Industries stats={stats.data} />
          </Col>
          <Col xs={24} lg={16}>
            <Trend stats={stats.data} />
          </Col>
          <Col xs={24} lg={8}>
            <Statuses stats={stats.data} />
          </Col>
        </>
      ) : null}
    </Row>
  )
}

import { Card, Col, Empty, Row, Spin, Statistic } from 'antd'
import { RESOURCE_STATUSES, SHARE_TYPES, useCatalogStats, type CatalogStats, type CountByValue } from '../../api/catalog'
import { Chart, type ChartOption } from '../../components/echart'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { SHARE_TYPE_COLORS, useCatalogLabels } from './catalog-labels'

const STATUS_COLORS: Readonly<Record<(typeof RESOURCE_STATUSES)[number], string>> = {
  published: '#52c41a',
  submitted: '#1677ff',
  draft: '#bfbfbf',
  returned: '#faad14',
  retired: '#ff4d4f',
}

const SHARE_COLORS: Readonly<Record<string, string>> = { green: '#52c41a', orange: '#fa8c16', red: '#f5222d' }

function pie(data: ReadonlyArray<{ name: string; value: number; color?: string }>): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll', itemWidth: 12, itemGap: 8 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        // Counts only: the legend names the slices, and long names would be cut at the card's edge.
        label: { formatter: '{c}' },
        data: data.map(({ name, value, color }) => ({ name, value, ...(color === undefined ? {} : { itemStyle: { color } }) })),
      },
    ],
  }
}

function countOf(list: readonly CountByValue[], value: string): number {
  return list.find((entry) => entry.value === value)?.count ?? 0
}

function StatsCharts({ stats }: { readonly stats: CatalogStats }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const departments = [...stats.byDepartment].sort((a, b) => a.total - b.total)
  const byDepartment: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: departments.map((department) => department.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: RESOURCE_STATUSES.map((status) => ({
      name: labels.status(status),
      type: 'bar',
      stack: 'status',
      itemStyle: { color: STATUS_COLORS[status] },
      data: departments.map((department) => department[status]),
    })),
  }
  const byShareType = pie(
    SHARE_TYPES.map((value) => ({
      name: labels.shareType(value),
      value: countOf(stats.byShareType, value),
      color: SHARE_COLORS[SHARE_TYPE_COLORS[value]] ?? '',
    })),
  )
  const byClassification = pie(stats.byClassification.map(({ value, count }) => ({ name: labels.classification(value), value: count })))
  const byOpenness = pie(stats.byOpenness.map(({ value, count }) => ({ name: t(value === 'true' ? 'catalog.open' : 'catalog.closed'), value: count })))

  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8} xl={4}>
        <Card size="small">
          <Statistic title={t('catalog.stats.total')} value={stats.totals.all} />
        </Card>
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Card size="small">
          <Statistic title={t('catalog.stats.published')} value={stats.totals.published} styles={{ content: { color: '#389e0d' } }} />
        </Card>
      </Col>
      {SHARE_TYPES.map((value) => (
        <Col key={value} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={labels.shareType(value)}
              value={countOf(stats.byShareType, value)}
              styles={{ content: { color: SHARE_COLORS[SHARE_TYPE_COLORS[value]] } }}
            />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <Card size="small">
          <Statistic title={t('catalog.open')} value={countOf(stats.byOpenness, 'true')} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('catalog.stats.byDepartment')}>
          {departments.length === 0 ? (
            <Empty />
          ) : (
            <Chart option={byDepartment} height={Math.max(240, departments.length * 28 + 60)} testId="chart-departments" />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('catalog.stats.byShareType')}>
          <Chart option={byShareType} height={300} testId="chart-share-type" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('catalog.stats.byClassification')}>
          <Chart option={byClassification} height={300} testId="chart-classification" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('catalog.stats.byOpenness')}>
          <Chart option={byOpenness} height={300} testId="chart-openness" />
        </Card>
      </Col>
    </Row>
  )
}

/** 目录统计: the catalog by department (stacked by status), share type, classification and openness. */
export default function StatsPage() {
  const stats = useCatalogStats()
  if (stats.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (stats.isError) return <ProblemAlert error={stats.error} />
  return <StatsCharts stats={stats.data} />
}

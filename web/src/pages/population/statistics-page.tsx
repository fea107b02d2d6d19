import { Card, Col, Empty, Row, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import { PERSON_STATUSES, usePopulationStatistics, type PopulationStatistics } from '../../api/population'
import { DistrictMap } from '../../components/district-map'
import { Chart, type ChartOption } from '../../components/echart'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { usePersonLabels } from './population-labels'

const MALE_COLOR = '#1677ff'
const FEMALE_COLOR = '#eb2f96'
const TOP_ETHNIC_GROUPS = 10

const STATUS_CHART_COLORS: Readonly<Record<string, string>> = { '10': '#389e0d', '20': '#595959', '30': '#d46b08', '40': '#cf1322' }

const thousands = (value: number) => value.toLocaleString()

function Totals({ stats }: { readonly stats: PopulationStatistics }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const count = (status: string) => stats.byStatus.find((row) => row.status === status)?.count ?? 0
  const cards = [
    { key: 'total', label: t('population.stats.total'), value: stats.total },
    { key: 'living', label: t('population.stats.living'), value: stats.living, color: STATUS_CHART_COLORS['10'] },
    ...PERSON_STATUSES.filter((status) => status !== '10').map((status) => ({
      key: `status-${status}`,
      label: labels.status(status),
      value: count(status),
      color: STATUS_CHART_COLORS[status],
    })),
  ]
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`stat-${card.key}`}>
            <Statistic title={card.label} value={card.value} styles={card.color === undefined ? undefined : { content: { color: card.color } }} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}

type DistrictRow = PopulationStatistics['byDistrict'][number]

function Districts({ stats }: { readonly stats: PopulationStatistics }) {
  const { t } = useLanguage()
  const rows = useMemo(() => [...stats.byDistrict].sort((a, b) => b.count - a.count), [stats])
  const sum = rows.reduce((total, row) => total + row.count, 0)
  const columns: TableColumnsType<DistrictRow> = [
    { title: t('population.stats.district'), dataIndex: 'name', render: (name: string, row) => <span title={row.division}>{name}</span> },
    { title: t('population.stats.count'), dataIndex: 'count', align: 'right', render: thousands },
    { title: t('population.stats.share'), key: 'share', align: 'right', render: (_, row) => (sum === 0 ? '—' : `${((row.count / sum) * 100).toFixed(1)}%`) },
  ]
  return (
    <Card title={t('population.stats.byDistrict')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <DistrictMap byDistrict={stats.byDistrict} unit="population.stats.persons" />
        </Col>
        <Col xs={24} lg={9}>
          <Table<DistrictRow> rowKey="division" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="district-table" />
        </Col>
      </Row>
    </Card>
  )
}

/** 人口金字塔: men to the left (drawn negative), women to the right, five-year groups from the bottom up. */
function Pyramid({ stats }: { readonly stats: PopulationStatistics }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const option = useMemo<ChartOption>(() => {
    // Both sides share one round bound, so the axis reads 5,000 … 0 … 5,000 rather than stopping at the largest group.
    const largest = Math.max(1, ...stats.pyramid.flatMap((group) => [group.male, group.female]))
    const step = 10 ** Math.floor(Math.log10(largest)) / 2
    const widest = Math.ceil(largest / step) * step
    const absolute = (value: number | string) => Math.abs(Number(value)).toLocaleString()
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: absolute },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: -widest, max: widest, axisLabel: { formatter: absolute } },
      yAxis: { type: 'category', data: stats.pyramid.map((group) => group.group), axisTick: { show: false } },
      series: [
        {
          name: labels.gender('1'),
          type: 'bar',
          stack: 'pyramid',
          barCategoryGap: '15%',
          itemStyle: { color: MALE_COLOR },
          data: stats.pyramid.map((group) => -group.male),
        },
        {
          name: labels.gender('2'),
          type: 'bar',
          stack: 'pyramid',
          barCategoryGap: '15%',
          itemStyle: { color: FEMALE_COLOR },
          data: stats.pyramid.map((group) => group.female),
        },
      ],
    }
  }, [stats, labels])
  return (
    <Card title={t('population.stats.pyramid')} style={{ height: '100%' }}>
      <Chart option={option} height={520} testId="chart-pyramid" />
    </Card>
  )
}

function Genders({ stats }: { readonly stats: PopulationStatistics }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (value: number) => value.toLocaleString() },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b} {d}%' },
          data: stats.byGender.map((row) => ({
            name: labels.gender(row.gender),
            value: row.count,
            itemStyle: row.gender === '1' ? { color: MALE_COLOR } : row.gender === '2' ? { color: FEMALE_COLOR } : undefined,
          })),
        },
      ],
    }),
    [stats, labels],
  )
  return (
    <Card title={t('population.stats.byGender')} style={{ height: '100%' }}>
      {stats.byGender.length === 0 ? <Empty /> : <Chart option={option} height={280} testId="chart-gender" />}
    </Card>
  )
}

function EthnicGroups({ stats }: { readonly stats: PopulationStatistics }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const option = useMemo<ChartOption>(() => {
    // Largest at the top: a category axis draws its first entry at the bottom.
    const top = [...stats.byEthnicGroup]
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP_ETHNIC_GROUPS)
      .reverse()
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => value.toLocaleString() },
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((row) => labels.ethnicGroup(row.ethnicGroup)) },
      series: [
        {
          type: 'bar',
          itemStyle: { color: '#b7312c' },
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => value.toLocaleString() },
          data: top.map((row) => row.count),
        },
      ],
    }
  }, [stats, labels])
  return (
    <Card title={t('population.stats.byEthnicGroup', { n: TOP_ETHNIC_GROUPS })} style={{ height: '100%' }}>
      {stats.byEthnicGroup.length === 0 ? <Empty /> : <Chart option={option} height={280} testId="chart-ethnic" />}
    </Card>
  )
}

/** 人口统计: the totals by status, a map of the districts, the age pyramid, gender, ethnic groups. Aggregates only. */
export default function StatisticsPage() {
  const { t } = useLanguage()
  const stats = usePopulationStatistics()
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('nav.populationStats')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('module.population')}
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
            <Pyramid stats={stats.data} />
          </Col>
          <Col xs={24} lg={8}>
            <Genders stats={stats.data} />
          </Col>
          <Col xs={24} lg={16}>
            <EthnicGroups stats={stats.data} />
          </Col>
        </>
      ) : null}
    </Row>
  )
}

import { Alert, Button, Card, Progress, Result, Space, Spin, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { isComparisonDone, useComparison, type ComparisonSummary } from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { ComparisonReport } from './comparison-report'
import { ComparisonSteps } from './comparison-steps'

function Running({ summary }: { readonly summary: ComparisonSummary }) {
  const { t } = useLanguage()
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="comparison-running">
      <Typography.Text>{t('population.compare.running', { name: summary.fileName })}</Typography.Text>
      <Progress percent={Math.round(summary.progress)} status="active" data-testid="comparison-progress" />
      {summary.message === null ? null : <Typography.Text type="secondary">{summary.message}</Typography.Text>}
    </Space>
  )
}

function ComparisonView({ summary }: { readonly summary: ComparisonSummary }) {
  const { t } = useLanguage()
  const done = isComparisonDone(summary)
  const failed = summary.status === 'failed' || summary.status === 'cancelled'
  return (
    <Card
      title={t('population.compare.titleOf', { name: summary.fileName })}
      extra={
        <Link to="/population/comparisons">
          <Button>{t('population.compare.new')}</Button>
        </Link>
      }
    >
      <ComparisonSteps current={done ? 3 : 2} failed={failed} />
      {done ? null : <Running summary={summary} />}
      {failed ? (
        <Alert type="error" showIcon title={t('population.compare.failed')} description={summary.error ?? summary.message} data-testid="comparison-failed" />
      ) : null}
      {summary.status === 'succeeded' ? <ComparisonReport summary={summary} /> : null}
    </Card>
  )
}

/** One batch comparison: its progress while it runs (polled), then its report. */
export default function ComparisonPage() {
  const { t } = useLanguage()
  const id = useParams().id ?? ''
  const comparison = useComparison(id)
  if (comparison.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  if (comparison.isError) {
    return comparison.error instanceof ApiError && comparison.error.status === 404 ? (
      <Card>
        <Result status="404" title={t('population.compare.notFound')} extra={<Link to="/population/comparisons">{t('nav.populationComparisons')}</Link>} />
      </Card>
    ) : (
      <ProblemAlert error={comparison.error} />
    )
  }
  return <ComparisonView summary={comparison.data} />
}

import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Progress, Space } from 'antd'
import { useStartChainVerification } from '../../api/audit'
import { useJob } from '../../api/jobs'
import type { ChainReport, Job } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

function isChainReport(value: unknown): value is ChainReport {
  return typeof value === 'object' && value !== null && 'ok' in value && 'checked' in value
}

function Outcome({ job }: { readonly job: Job }) {
  const { t } = useLanguage()
  if (job.status === 'succeeded' && isChainReport(job.result)) {
    const report = job.result
    return report.ok ? (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title={t('audit.intact')}
        description={t('audit.intactDetail', { n: report.checked, last: report.lastSeq })}
      />
    ) : (
      <Alert
        type="error"
        showIcon
        data-testid="verify-result"
        title={t('audit.broken', { seq: report.firstBreak?.seq ?? '?' })}
        description={report.firstBreak?.message}
      />
    )
  }
  if (job.status === 'failed' || job.status === 'cancelled') {
    return <Alert type="error" showIcon data-testid="verify-result" title={t('audit.verifyFailed')} description={job.error ?? undefined} />
  }
  return null
}

/** Starts the chain verification job and follows it: progress while it runs, then the verdict. */
export function VerifyChain() {
  const { t } = useLanguage()
  const start = useStartChainVerification()
  const job = useJob(start.data?.id)
  const current = job.data ?? start.data
  const running = start.isPending || (current !== undefined && (current.status === 'queued' || current.status === 'running'))

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={() => start.mutate()} data-testid="verify-chain">
        {running ? t('audit.verifying') : t('audit.verify')}
      </Button>
      {current === undefined ? null : (
        <Progress
          percent={current.status === 'succeeded' ? 100 : Math.round(current.progress)}
          status={current.status === 'succeeded' ? 'success' : current.status === 'failed' ? 'exception' : 'active'}
          data-testid="verify-progress"
        />
      )}
      {current === undefined ? null : <Outcome job={current} />}
      {start.isError ? <ProblemAlert error={start.error} /> : null}
      {job.isError ? <ProblemAlert error={job.error} /> : null}
    </Space>
  )
}

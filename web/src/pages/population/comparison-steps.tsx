import { Steps } from 'antd'
import type { MessageKey } from '../../i18n'
import { useLanguage } from '../../language'

const STEPS: readonly MessageKey[] = [
  'population.compare.step.upload',
  'population.compare.step.map',
  'population.compare.step.run',
  'population.compare.step.report',
]

/** Where a batch comparison stands: upload, map columns, compare, report. */
export function ComparisonSteps({ current, failed = false }: { readonly current: 0 | 1 | 2 | 3; readonly failed?: boolean }) {
  const { t } = useLanguage()
  return (
    <Steps
      current={current}
      status={failed ? 'error' : current === 3 ? 'finish' : 'process'}
      items={STEPS.map((title) => ({ title: t(title) }))}
      style={{ marginBottom: 24 }}
      data-testid="comparison-steps"
    />
  )
}

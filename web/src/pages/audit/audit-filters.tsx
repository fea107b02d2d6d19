import { Button, DatePicker, Form, Input, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import type { AuditFilter } from '../../api/audit'
import type { AuditOutcome } from '../../api/types'
import { useLanguage } from '../../language'

interface FilterForm {
  readonly actor?: string
  readonly action?: string
  readonly outcome?: AuditOutcome
  readonly range?: [Dayjs | null, Dayjs | null] | null
  readonly q?: string
}

const text = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim())

function toFilter({ actor, action, outcome, range, q }: FilterForm): AuditFilter {
  return {
    actor: text(actor),
    action: text(action),
    outcome,
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
    q: text(q),
  }
}

/** The audit log's filters: actor, action (exact or prefix*), outcome, time range and free text. */
export function AuditFilters({ onChange }: { readonly onChange: (filter: AuditFilter) => void }) {
  const { t } = useLanguage()
  const [form] = Form.useForm<FilterForm>()
  return (
    <Form form={form} layout="inline" onFinish={(values) => onChange(toFilter(values))} style={{ rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="actor">
        <Input placeholder={t('audit.actor')} allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" tooltip={t('audit.actionHint')}>
        <Input placeholder={`${t('audit.action')}（auth.*）`} allowClear style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="outcome">
        <Select<AuditOutcome>
          placeholder={t('audit.outcome')}
          allowClear
          style={{ width: 120 }}
          options={(['success', 'failure', 'denied'] as const).map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="q">
        <Input placeholder={t('audit.q')} allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.filter')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields()
              onChange({})
            }}
          >
            {t('audit.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  )
}

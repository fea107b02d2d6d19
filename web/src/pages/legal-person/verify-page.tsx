import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Space, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { isNotGranted, type Verdict } from '../../api/exchange'
import { useLegalPersonBinding, useVerifyEntities, VERIFY_FIELDS, type VerifyField, type VerifyInput, type VerifyOutcome } from '../../api/legal-persons'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { NotGranted } from '../registry/not-granted'
import { STATUS_CHART_COLORS, useEntityLabels } from './legal-person-labels'

const VERDICT_COLORS: Readonly<Record<Verdict, string>> = { match: 'success', mismatch: 'error', absent: 'default' }

interface VerifyForm {
  readonly creditCode: string
  readonly name?: string
  readonly legalRepresentative?: string
  readonly representativeId?: string
  readonly establishedOn?: Dayjs | null
  readonly domicile?: string
}

/** A text field as the API takes it: left out when empty. */
function filled(value: string | undefined): string | undefined {
  const text = value?.trim() ?? ''
  return text === '' ? undefined : text
}

function Verdicts({ outcome }: { readonly outcome: VerifyOutcome }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const fields = Object.entries(outcome.fields) as Array<[VerifyField, Verdict]>
  if (fields.length === 0) return null
  return (
    <Descriptions bordered size="small" column={1}>
      {fields.map(([field, verdict]) => (
        <Descriptions.Item key={field} label={labels.item(VERIFY_FIELDS[field])}>
          <Tag color={VERDICT_COLORS[verdict]} data-verdict={verdict} data-testid={`verdict-${field}`}>
            {t(`exchange.verify.${verdict}`)}
          </Tag>
        </Descriptions.Item>
      ))}
    </Descriptions>
  )
}

/** The registry's answer: is the code valid (or why not), is the entity known, do the values match, and whether it still exists. */
function OutcomeCard({ outcome }: { readonly outcome: VerifyOutcome }) {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const valid = outcome.validity === 'valid'
  const flags = outcome.flags
  return (
    <Card title={t('legalPerson.verify.result')} data-testid="verify-result" data-validity={outcome.validity} data-found={outcome.found}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size={[8, 8]} wrap>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{outcome.creditCode}</Typography.Text>
          <Tag color={valid ? 'success' : 'error'} data-testid="verify-validity">
            {labels.validity(outcome.validity)}
          </Tag>
          {valid ? (
            <Tag color={outcome.found ? 'success' : 'warning'} data-testid="verify-found">
              {outcome.found ? t('legalPerson.verify.found') : t('legalPerson.verify.notFound')}
            </Tag>
          ) : null}
          {flags?.active === true ? (
            <Tag color={STATUS_CHART_COLORS['1']} data-flag="active">
              {t('legalPerson.verify.active')}
            </Tag>
          ) : null}
          {flags?.revoked === true ? (
            <Tag color={STATUS_CHART_COLORS['3']} data-flag="revoked">
              {t('legalPerson.verify.revoked')}
            </Tag>
          ) : null}
          {flags?.deregistered === true ? (
            <Tag color={STATUS_CHART_COLORS['4']} data-flag="deregistered">
              {t('legalPerson.verify.deregistered')}
            </Tag>
          ) : null}
          {flags?.movedOut === true ? (
            <Tag color={STATUS_CHART_COLORS['5']} data-flag="moved-out">
              {t('legalPerson.verify.movedOut')}
            </Tag>
          ) : null}
        </Space>
        {outcome.message === undefined ? null : (
          <Typography.Text type={valid ? 'secondary' : 'danger'} data-testid="verify-message">
            {outcome.message}
          </Typography.Text>
        )}
        {outcome.normalisedCode === undefined ? null : (
          <Typography.Text type="secondary">
            {t('legalPerson.verify.normalised')}
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {outcome.normalisedCode}
            </Typography.Text>
          </Typography.Text>
        )}
        {outcome.found ? <Verdicts outcome={outcome} /> : null}
      </Space>
    </Card>
  )
}

function Answer({ error, outcome }: { readonly error: unknown; readonly outcome: VerifyOutcome | undefined }) {
  const { t } = useLanguage()
  const binding = useLegalPersonBinding()
  if (error !== null && error !== undefined) {
    return isNotGranted(error) ? (
      <Card>
        <NotGranted code={binding.data?.code} name={t('legalPerson.core')} />
      </Card>
    ) : (
      <ProblemAlert error={error} />
    )
  }
  if (outcome === undefined) {
    return (
      <Card>
        <Empty description={t('legalPerson.verify.waiting')} />
      </Card>
    )
  }
  return <OutcomeCard outcome={outcome} />
}

/**
 * 主体核验: a credit code and what a department holds about the entity (name, representative,
 * date of establishment, domicile) checked against the registry. The answer says only whether
 * they match and whether the entity still exists, never what the registry holds.
 */
export default function VerifyPage() {
  const { t } = useLanguage()
  const labels = useEntityLabels()
  const verify = useVerifyEntities()
  const submit = (values: VerifyForm) => {
    const optional: Partial<Record<VerifyField, string | undefined>> = {
      name: filled(values.name),
      legalRepresentative: filled(values.legalRepresentative),
      representativeId: filled(values.representativeId),
      establishedOn: values.establishedOn === undefined || values.establishedOn === null ? undefined : values.establishedOn.format('YYYY-MM-DD'),
      domicile: filled(values.domicile),
    }
    const record: VerifyInput = {
      creditCode: values.creditCode.trim(),
      ...Object.fromEntries(Object.entries(optional).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    }
    verify.mutate([record])
  }
  const outcome = verify.data?.results[0]
  const optional = t('legalPerson.verify.optional')
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card title={t('nav.legalPersonVerify')}>
          <Typography.Paragraph type="secondary">{t('legalPerson.verify.intro')}</Typography.Paragraph>
          <Form<VerifyForm> layout="vertical" onFinish={submit} onValuesChange={() => verify.reset()}>
            <Form.Item
              name="creditCode"
              label={labels.item('credit_code')}
              extra={t('legalPerson.verify.codeHint')}
              rules={[{ required: true, whitespace: true, message: t('legalPerson.verify.codeRequired') }]}
            >
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="verify-code" />
            </Form.Item>
            <Form.Item name="name" label={labels.item('name')}>
              <Input maxLength={200} placeholder={optional} data-testid="verify-name" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="legalRepresentative" label={labels.item('legal_representative')}>
                  <Input maxLength={50} placeholder={optional} data-testid="verify-representative" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="establishedOn" label={labels.item('established_on')}>
                  <DatePicker
                    placeholder={optional}
                    disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                    style={{ width: '100%' }}
                    data-testid="verify-established-on"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="representativeId" label={labels.item('representative_id')}>
              <Input maxLength={40} placeholder={optional} style={{ fontFamily: 'monospace' }} data-testid="verify-representative-id" />
            </Form.Item>
            <Form.Item name="domicile" label={labels.item('domicile')}>
              <Input maxLength={200} placeholder={optional} data-testid="verify-domicile" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={verify.isPending} data-testid="verify-submit">
              {t('exchange.verify.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Answer error={verify.error} outcome={outcome} />
      </Col>
    </Row>
  )
}

import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Space, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { isNotGranted } from '../../api/exchange'
import { GENDERS, useVerifyPersons, VERIFY_FIELDS, type Verdict, type VerifyField, type VerifyInput, type VerifyOutcome } from '../../api/population'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { NotGranted } from './not-granted'
import { usePersonLabels } from './population-labels'

const VERDICT_COLORS: Readonly<Record<Verdict, string>> = { match: 'success', mismatch: 'error', absent: 'default' }

interface VerifyForm {
  readonly residentId: string
  readonly name: string
  readonly gender?: string
  readonly birthDate?: Dayjs | null
}

function Verdicts({ outcome }: { readonly outcome: VerifyOutcome }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const fields = Object.entries(outcome.fields) as Array<[VerifyField, Verdict]>
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

/** The registry's answer: is the ID valid, is the person known, do the values match, and the person's status. */
function OutcomeCard({ outcome }: { readonly outcome: VerifyOutcome }) {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const valid = outcome.validity === 'valid'
  const flags = outcome.flags
  return (
    <Card title={t('population.verify.result')} data-testid="verify-result" data-validity={outcome.validity} data-found={outcome.found}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size={[8, 8]} wrap>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{outcome.residentId}</Typography.Text>
          <Tag color={valid ? 'success' : 'error'} data-testid="verify-validity">
            {labels.validity(outcome.validity)}
          </Tag>
          {valid ? (
            <Tag color={outcome.found ? 'success' : 'warning'} data-testid="verify-found">
              {outcome.found ? t('population.verify.found') : t('population.verify.notFound')}
            </Tag>
          ) : null}
          {flags?.deceased === true ? <Tag color="#595959">{t('population.verify.deceased')}</Tag> : null}
          {flags?.movedOut === true ? <Tag color="orange">{t('population.verify.movedOut')}</Tag> : null}
          {flags?.cancelled === true ? <Tag color="red">{t('population.verify.cancelled')}</Tag> : null}
        </Space>
        {outcome.message === undefined ? null : <Typography.Text type={valid ? 'secondary' : 'danger'}>{outcome.message}</Typography.Text>}
        {outcome.normalisedId === undefined ? null : (
          <Typography.Text type="secondary">
            {t('population.verify.normalised')}
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {outcome.normalisedId}
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
  if (error !== null && error !== undefined) {
    return isNotGranted(error) ? (
      <Card>
        <NotGranted />
      </Card>
    ) : (
      <ProblemAlert error={error} />
    )
  }
  if (outcome === undefined) {
    return (
      <Card>
        <Empty description={t('population.verify.waiting')} />
      </Card>
    )
  }
  return <OutcomeCard outcome={outcome} />
}

/**
 * 身份核验: an ID and a name (and optionally gender and date of birth) checked against the
 * registry. The answer says only whether they match, never what the registry holds.
 */
export default function VerifyPage() {
  const { t } = useLanguage()
  const labels = usePersonLabels()
  const verify = useVerifyPersons()
  const submit = (values: VerifyForm) => {
    const record: VerifyInput = {
      residentId: values.residentId.trim(),
      name: values.name.trim(),
      ...(values.gender === undefined ? {} : { gender: values.gender }),
      ...(values.birthDate === undefined || values.birthDate === null ? {} : { birthDate: values.birthDate.format('YYYY-MM-DD') }),
    }
    verify.mutate([record])
  }
  const outcome = verify.data?.results[0]
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card title={t('nav.populationVerify')}>
          <Typography.Paragraph type="secondary">{t('population.verify.intro')}</Typography.Paragraph>
          <Form<VerifyForm> layout="vertical" onFinish={submit} onValuesChange={() => verify.reset()}>
            <Form.Item
              name="residentId"
              label={t('population.item.resident_id')}
              rules={[{ required: true, whitespace: true, message: t('population.lookup.idRequired') }]}
            >
              <Input maxLength={30} style={{ fontFamily: 'monospace' }} data-testid="verify-id" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('population.item.name')}
              rules={[{ required: true, whitespace: true, message: t('population.search.nameRequired') }]}
            >
              <Input maxLength={50} data-testid="verify-name" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="gender" label={t('population.item.gender')}>
                  <Select
                    allowClear
                    placeholder={t('population.verify.optional')}
                    options={GENDERS.map((code) => ({ value: code, label: labels.gender(code) }))}
                    data-testid="verify-gender"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="birthDate" label={t('population.item.birth_date')}>
                  <DatePicker
                    placeholder={t('population.verify.optional')}
                    disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                    style={{ width: '100%' }}
                    data-testid="verify-birth-date"
                  />
                </Form.Item>
              </Col>
            </Row>
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

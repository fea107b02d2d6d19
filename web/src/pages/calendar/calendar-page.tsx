import { App, Button, Calendar, Card, Col, Descriptions, Form, Input, Popconfirm, Radio, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useCalendar, useCalendarOverrides, useSaveOverride, type CalendarDay, type CalendarOverride } from '../../api/calendar'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'

const DAY = 'YYYY-MM-DD'

const SOURCE_COLORS: Readonly<Record<CalendarDay['source'], string>> = { override: 'purple', schedule: 'blue', weekday: 'default' }

/** Whether a day's status differs from the plain week (a holiday on a weekday, a make-up working weekend). */
function unusual(day: CalendarDay): boolean {
  const weekend = [0, 6].includes(dayjs(day.date).day())
  return day.working === weekend
}

/** Marks 休 on every day off and 班 on a working weekend, coloured by where the status comes from. */
function DayCell({ day }: { readonly day: CalendarDay | undefined }) {
  const { t } = useLanguage()
  if (day === undefined) return null
  const marked = !day.working || unusual(day) || day.source === 'override'
  const color = day.source === 'override' ? 'purple' : day.source === 'schedule' ? (day.working ? 'orange' : 'red') : 'default'
  return (
    <div data-date={day.date} data-working={day.working} data-source={day.source} style={{ lineHeight: 1.3 }}>
      {marked ? (
        <Tag color={color} style={{ marginInlineEnd: 0 }}>
          {day.working ? t('calendar.working') : t('calendar.holiday')}
        </Tag>
      ) : null}
      {day.name === null ? null : (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {day.name}
          </Typography.Text>
        </div>
      )}
    </div>
  )
}

/** What the colours of the marks mean. */
function Legend() {
  const { t } = useLanguage()
  return (
    <Space size={[12, 4]} wrap style={{ marginTop: 8 }}>
      <span>
        <Tag color="red">{t('calendar.holiday')}</Tag>
        <Tag color="orange">{t('calendar.working')}</Tag>
        {t('calendar.source.schedule')}
      </span>
      <span>
        <Tag color="purple">{t('calendar.holiday')}</Tag>
        {t('calendar.source.override')}
      </span>
      <span>
        <Tag>{t('calendar.holiday')}</Tag>
        {t('calendar.source.weekday')}
      </span>
    </Space>
  )
}

interface OverrideForm {
  readonly working: boolean
  readonly note: string
}

/** The selected day: its status and where it comes from, and the form to set or remove an override. */
function DayPanel({ date, day }: { readonly date: Dayjs; readonly day: CalendarDay | undefined }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<OverrideForm>()
  const save = useSaveOverride()
  const key = date.format(DAY)
  const submit = (values: OverrideForm) =>
    save.mutate({ date: key, working: values.working, note: values.note.trim() }, { onSuccess: () => void message.success(t('calendar.saved')) })
  return (
    <Card title={`${t('calendar.selected')}: ${key}`} data-testid="day-panel">
      {day === undefined ? null : (
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('calendar.isWorking')}>
            <Tag color={day.working ? 'blue' : 'red'}>{day.working ? t('calendar.workingDay') : t('calendar.restDay')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('calendar.source')}>
            <Tag color={SOURCE_COLORS[day.source]}>{t(`calendar.source.${day.source}`)}</Tag>
          </Descriptions.Item>
          {day.name === null ? null : <Descriptions.Item label={t('calendar.note')}>{day.name}</Descriptions.Item>}
        </Descriptions>
      )}
      <Form<OverrideForm>
        key={`${key}-${day?.working ?? ''}`}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ working: day?.working ?? true, note: '' }}
      >
        <Form.Item name="working" label={t('calendar.isWorking')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('calendar.workingDay') },
              { value: false, label: t('calendar.restDay') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.note')} rules={[{ required: true, whitespace: true, message: t('calendar.noteRequired') }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('calendar.noteRequired')} data-testid="override-note" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending && !('remove' in save.variables)} data-testid="override-save">
            {t('calendar.setOverride')}
          </Button>
          {day?.source === 'override' ? (
            <Popconfirm
              title={t('calendar.removeConfirm')}
              onConfirm={() => save.mutate({ date: key, remove: true }, { onSuccess: () => void message.success(t('calendar.saved')) })}
            >
              <Button danger data-testid="override-remove">
                {t('calendar.remove')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
      {save.isError ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={save.error} />
        </div>
      ) : null}
    </Card>
  )
}

/** 工作日历: the working-day calendar by month, with the administrator's overrides (e.g. next year's holiday schedule). */
export default function CalendarPage() {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [selected, setSelected] = useState<Dayjs>(() => dayjs())
  const [panel, setPanel] = useState<Dayjs>(() => dayjs())
  // The month grid shows days of the neighbouring months too.
  const from = panel.startOf('month').subtract(7, 'day').format(DAY)
  const to = panel.endOf('month').add(14, 'day').format(DAY)
  const days = useCalendar(from, to)
  const overrides = useCalendarOverrides()
  const byDate = useMemo(() => new Map((days.data ?? []).map((day) => [day.date, day])), [days.data])
  const selectedDay = byDate.get(selected.format(DAY))

  const columns: TableColumnsType<CalendarOverride> = [
    { title: t('calendar.date'), dataIndex: 'date' },
    {
      title: t('calendar.isWorking'),
      dataIndex: 'working',
      render: (working: boolean) => <Tag color={working ? 'blue' : 'red'}>{working ? t('calendar.workingDay') : t('calendar.restDay')}</Tag>,
    },
    { title: t('calendar.note'), dataIndex: 'note' },
    { title: t('calendar.updatedBy'), dataIndex: 'updatedBy' },
    { title: t('calendar.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.calendar')}>
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {days.isError ? <ProblemAlert error={days.error} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16} data-testid="working-calendar">
            <Calendar
              value={selected}
              onSelect={(date) => setSelected(date)}
              onPanelChange={(date) => setPanel(date)}
              fullscreen
              cellRender={(date, info) => (info.type === 'date' ? <DayCell day={byDate.get(date.format(DAY))} /> : info.originNode)}
            />
            <Legend />
          </Col>
          <Col xs={24} xl={8}>
            <DayPanel date={selected} day={selectedDay} />
          </Col>
        </Row>
      </Card>
      <Card title={t('calendar.overrides')}>
        {overrides.isError ? <ProblemAlert error={overrides.error} /> : null}
        <Table<CalendarOverride>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={overrides.data ?? []}
          loading={overrides.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="overrides-table"
        />
      </Card>
    </Space>
  )
}

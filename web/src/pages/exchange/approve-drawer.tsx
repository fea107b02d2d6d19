import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, InputNumber, Space, Switch, Table, Typography, App, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useResource } from '../../api/catalog'
import { useDecideRequest, type GrantItem, type Operation, type SharingRequest } from '../../api/exchange'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { useOperationLabel } from './exchange-tags'

interface ApproveForm {
  readonly operations: Operation[]
  readonly validUntil: Dayjs
  readonly rateLimit?: number | null
  readonly comment?: string
}

/**
 * 同意: the provider's steward approves a request, possibly narrowing it — fewer items, masked
 * instead of clear, fewer operations, an earlier end — and may set a rate limit.
 */
export function ApproveDrawer({ request, onClose }: { readonly request: SharingRequest | undefined; readonly onClose: () => void }) {
  return request === undefined ? null : <ApproveDrawerOpen key={request.id} request={request} onClose={onClose} />
}

function ApproveDrawerOpen({ request, onClose }: { readonly request: SharingRequest; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const operationLabel = useOperationLabel()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<ApproveForm>()
  const decide = useDecideRequest()
  const resource = useResource(request.resourceCode)
  const names = new Map(resource.data?.version.content.items.map((item) => [item.key, item.name]))
  const [selected, setSelected] = useState<string[]>(() => request.items.map((item) => item.key))
  const [masked, setMasked] = useState<Record<string, boolean>>(() => Object.fromEntries(request.items.map((item) => [item.key, item.masked])))

  const submit = (values: ApproveForm) => {
    const items: GrantItem[] = request.items.filter((item) => selected.includes(item.key)).map((item) => ({ key: item.key, masked: masked[item.key] === true }))
    decide.mutate(
      {
        id: request.id,
        action: 'approve',
        body: {
          items,
          operations: values.operations,
          validUntil: values.validUntil.format('YYYY-MM-DD'),
          ...(values.rateLimit === null || values.rateLimit === undefined ? {} : { rateLimit: values.rateLimit }),
          ...(values.comment === undefined || values.comment.trim() === '' ? {} : { comment: values.comment.trim() }),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('exchange.done'))
          onClose()
        },
      },
    )
  }

  const columns: TableColumnsType<GrantItem> = [
    { title: t('catalog.item.name'), key: 'name', render: (_, item) => names.get(item.key) ?? item.key },
    { title: t('catalog.item.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    {
      title: t('exchange.masked'),
      key: 'masked',
      align: 'center',
      render: (_, item) => (
        <Switch
          size="small"
          checked={masked[item.key] === true}
          // An item asked for masked cannot be granted in clear: only narrowing is allowed.
          disabled={item.masked || !selected.includes(item.key)}
          onChange={(checked) => setMasked((current) => ({ ...current, [item.key]: checked }))}
        />
      ),
    },
  ]

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md === false ? '100%' : 640}
      title={`${t('exchange.approveTitle')} · ${request.resourceName}`}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={decide.isPending} disabled={selected.length === 0} onClick={() => form.submit()} data-testid="approve-submit">
            {t('exchange.approve')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('exchange.approveHint')} style={{ marginBottom: 16 }} />
      <Form<ApproveForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ operations: [...request.operations], validUntil: dayjs(request.validUntil) }}
        data-testid="approve-form"
      >
        <Form.Item
          label={t('exchange.items')}
          required
          help={selected.length === 0 ? t('exchange.atLeastOneItem') : undefined}
          validateStatus={selected.length === 0 ? 'error' : undefined}
        >
          <Table<GrantItem>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={[...request.items]}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          />
        </Form.Item>
        <Form.Item
          name="operations"
          label={t('exchange.operations')}
          rules={[{ required: true, type: 'array', min: 1, message: t('exchange.atLeastOneOperation') }]}
        >
          <Checkbox.Group options={request.operations.map((operation) => ({ value: operation, label: operationLabel(operation) }))} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('exchange.validUntil')} rules={[{ required: true, message: t('exchange.validityRequired') }]}>
          <DatePicker
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(request.validUntil), 'day') || day.isBefore(dayjs(request.validFrom), 'day')}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item name="rateLimit" label={t('exchange.rateLimit')} extra={t('exchange.rateLimitHint')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="comment" label={t('exchange.comment')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      {decide.isError ? <ProblemAlert error={decide.error} /> : null}
    </Drawer>
  )
}

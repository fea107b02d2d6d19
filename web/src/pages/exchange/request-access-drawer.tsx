import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, Result, Space, Switch, Table, Typography, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router'
import type { CatalogItem, ResourceContent, ShareType } from '../../api/catalog'
import { OPERATIONS, useRequestAccess, type Operation, type SharingRequest } from '../../api/exchange'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { ShareTypeTag } from '../catalog/catalog-tags'
import { useDepartmentLabel, useOperationLabel } from './exchange-tags'

interface RequestForm {
  readonly operations: Operation[]
  readonly purpose: string
  readonly legalBasis: string
  readonly validity: [Dayjs, Dayjs]
}

const DEFAULT_OPERATIONS: readonly Operation[] = ['lookup', 'verify', 'query']

function effectiveShareType(item: CatalogItem, content: ResourceContent): ShareType {
  return item.shareType ?? content.shareType
}

function Outcome({ request, onClose }: { readonly request: SharingRequest; readonly onClose: () => void }) {
  const { t } = useLanguage()
  const departmentName = useDepartmentLabel()
  const granted = request.status === 'approved'
  return (
    <Result
      status={granted ? 'success' : 'info'}
      title={granted ? t('exchange.granted') : t('exchange.pending')}
      subTitle={
        granted
          ? t('exchange.grantedDetail', { until: request.validUntil })
          : t('exchange.pendingDetail', { provider: departmentName(request.provider), deadline: request.deadline })
      }
      data-testid="request-outcome"
      data-status={request.status}
      extra={[
        <Link key="view" to={`/exchange/requests/${request.id}`}>
          <Button type="primary">{t('exchange.viewRequest')}</Button>
        </Link>,
        granted ? (
          <Link key="explore" to={`/exchange/explore/${request.resourceCode.replace('/', '-')}`}>
            <Button>{t('exchange.explore')}</Button>
          </Link>
        ) : null,
        <Button key="close" onClick={onClose}>
          {t('common.back')}
        </Button>,
      ]}
    />
  )
}

/**
 * 申请共享: choose the items (each in clear or masked), the operations, the purpose, the legal
 * basis and the validity. Unconditional items are granted at once; the others wait for the provider.
 */
export function RequestAccessDrawer({
  code,
  content,
  open,
  onClose,
}: {
  readonly code: string
  readonly content: ResourceContent
  readonly open: boolean
  readonly onClose: () => void
}) {
  const { t } = useLanguage()
  const operationLabel = useOperationLabel()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<RequestForm>()
  const requestAccess = useRequestAccess()
  const shareable = content.items.filter((item) => effectiveShareType(item, content) !== 'none')
  const [selected, setSelected] = useState<string[]>(() => shareable.map((item) => item.key))
  const [masked, setMasked] = useState<Record<string, boolean>>(() => Object.fromEntries(content.items.map((item) => [item.key, item.sensitive])))
  const [itemsError, setItemsError] = useState(false)

  const close = () => {
    requestAccess.reset()
    onClose()
  }

  const submit = (values: RequestForm) => {
    if (selected.length === 0) {
      setItemsError(true)
      return
    }
    const [from, until] = values.validity
    requestAccess.mutate({
      resource: code,
      items: content.items.filter((item) => selected.includes(item.key)).map((item) => ({ key: item.key, masked: masked[item.key] === true })),
      operations: values.operations,
      purpose: values.purpose.trim(),
      legalBasis: values.legalBasis.trim(),
      validFrom: from.format('YYYY-MM-DD'),
      validUntil: until.format('YYYY-MM-DD'),
    })
  }

  const columns: TableColumnsType<CatalogItem> = [
    { title: t('catalog.item.name'), dataIndex: 'name' },
    { title: t('catalog.item.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    { title: t('catalog.item.shareType'), key: 'shareType', render: (_, item) => <ShareTypeTag value={effectiveShareType(item, content)} /> },
    {
      title: t('exchange.masked'),
      key: 'masked',
      align: 'center',
      render: (_, item) => (
        <Switch
          size="small"
          checked={masked[item.key] === true}
          disabled={effectiveShareType(item, content) === 'none' || !selected.includes(item.key)}
          onChange={(checked) => setMasked((current) => ({ ...current, [item.key]: checked }))}
          data-testid={`mask-${item.key}`}
        />
      ),
    },
  ]

  return (
    <Drawer
      open={open}
      onClose={close}
      size={screens.md === false ? '100%' : 720}
      title={t('exchange.requestTitle', { name: content.name })}
      destroyOnHidden
      footer={
        requestAccess.isSuccess ? null : (
          <Space style={{ float: 'right' }}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={requestAccess.isPending} onClick={() => form.submit()} data-testid="request-submit">
              {t('exchange.submit')}
            </Button>
          </Space>
        )
      }
    >
      {requestAccess.isSuccess ? (
        <Outcome request={requestAccess.data} onClose={close} />
      ) : (
        <Form<RequestForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ operations: [...DEFAULT_OPERATIONS], validity: [dayjs(), dayjs().add(1, 'year')] }}
          data-testid="request-form"
        >
          {content.shareType === 'conditional' && content.shareCondition !== undefined && content.shareCondition !== '' ? (
            <Alert type="warning" showIcon title={t('catalog.shareCondition')} description={content.shareCondition} style={{ marginBottom: 16 }} />
          ) : null}
          <Form.Item
            label={t('exchange.chooseItems')}
            required
            extra={t('exchange.maskedHint')}
            validateStatus={itemsError ? 'error' : undefined}
            help={itemsError ? t('exchange.atLeastOneItem') : undefined}
          >
            <Table<CatalogItem>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={[...content.items]}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="request-items"
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => {
                  setSelected(keys.map(String))
                  setItemsError(keys.length === 0)
                },
                getCheckboxProps: (item) => ({ disabled: effectiveShareType(item, content) === 'none', name: item.key }),
              }}
            />
          </Form.Item>
          <Form.Item
            name="operations"
            label={t('exchange.operations')}
            rules={[{ required: true, type: 'array', min: 1, message: t('exchange.atLeastOneOperation') }]}
          >
            <Checkbox.Group
              options={OPERATIONS.map((operation) => ({ value: operation, label: operationLabel(operation) }))}
              data-testid="request-operations"
            />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t('exchange.purpose')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }, { max: 500 }]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t('exchange.purposePlaceholder')} data-testid="request-purpose" />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={t('exchange.legalBasis')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }, { max: 1000 }]}
          >
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('exchange.legalBasisPlaceholder')} data-testid="request-legal-basis" />
          </Form.Item>
          <Form.Item name="validity" label={t('exchange.validity')} rules={[{ required: true, message: t('exchange.validityRequired') }]}>
            <DatePicker.RangePicker
              allowClear={false}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              style={{ width: '100%', maxWidth: 360 }}
              data-testid="request-validity"
            />
          </Form.Item>
          {requestAccess.isError ? <ProblemAlert error={requestAccess.error} /> : null}
        </Form>
      )}
    </Drawer>
  )
}

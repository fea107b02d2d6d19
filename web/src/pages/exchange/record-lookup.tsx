import { Button, Card, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { isNotGranted, lookupRecord, useVerifyRecord, type Verdict } from '../../api/exchange'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { display, type Access } from './explore-access'

const VERDICT_COLORS: Readonly<Record<Verdict, string>> = { match: 'success', mismatch: 'error', absent: 'default' }

/** The key items' names, for the placeholder of a key input (composite keys joined by |). */
function keyLabel(access: Access): string {
  return access.keyItems.map((item) => item.name).join(' | ')
}

/** 按键查询: one record by its key, with the option to object to it. */
export function RecordLookup({
  code,
  access,
  purpose,
  onNotGranted,
  onObject,
}: {
  readonly code: string
  readonly access: Access
  readonly purpose: string
  readonly onNotGranted: () => void
  readonly onObject: (recordKey: string) => void
}) {
  const { t } = useLanguage()
  const lookup = useMutation({
    mutationFn: (key: string) => lookupRecord(code, key, purpose),
    onError: (error) => {
      if (isNotGranted(error)) onNotGranted()
    },
  })
  const notFound = lookup.error instanceof ApiError && lookup.error.status === 404
  return (
    <Card size="small" title={t('exchange.explore.lookup')} data-testid="lookup">
      <Input.Search
        allowClear
        enterButton={t('exchange.explore.search')}
        placeholder={t('exchange.explore.keyPlaceholder', { key: keyLabel(access) })}
        loading={lookup.isPending}
        onSearch={(value) => {
          if (value.trim() !== '') lookup.mutate(value.trim())
        }}
        style={{ maxWidth: 520 }}
        data-testid="lookup-key"
      />
      <div style={{ marginTop: 12 }}>
        {notFound ? <Empty description={t('exchange.explore.notFound')} /> : null}
        {lookup.isError && !notFound && !isNotGranted(lookup.error) ? <ProblemAlert error={lookup.error} /> : null}
        {lookup.isSuccess ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="lookup-record">
              {access.items.map(({ item, masked }) => (
                <Descriptions.Item
                  key={item.key}
                  label={
                    <span>
                      {item.name}
                      {masked ? <Typography.Text type="warning"> · {t('exchange.masked')}</Typography.Text> : null}
                    </span>
                  }
                >
                  {display(lookup.data[item.key])}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {access.own ? null : (
              <Button onClick={() => onObject(lookup.variables)} data-action="object">
                {t('exchange.objection.raise')}
              </Button>
            )}
          </Space>
        ) : null}
      </div>
    </Card>
  )
}

/** 核验: values the caller holds, checked against the record without revealing it. */
export function VerifyForm({
  code,
  access,
  purpose,
  onNotGranted,
}: {
  readonly code: string
  readonly access: Access
  readonly purpose: string
  readonly onNotGranted: () => void
}) {
  const { t } = useLanguage()
  const [form] = Form.useForm<Record<string, string | undefined>>()
  const verify = useVerifyRecord(code)
  const [empty, setEmpty] = useState(false)
  const keys = new Set(access.keyItems.map((item) => item.key))
  const checkable = access.items.filter(({ item }) => !keys.has(item.key))

  const submit = (values: Record<string, string | undefined>) => {
    const { __key: key = '', ...rest } = values
    const fields = Object.fromEntries(
      Object.entries(rest).flatMap(([name, value]) => (value === undefined || value.trim() === '' ? [] : [[name, value.trim()]])),
    )
    setEmpty(Object.keys(fields).length === 0)
    if (Object.keys(fields).length === 0) return
    verify.mutate(
      { key: key.trim(), fields, purpose },
      {
        onError: (error) => {
          if (isNotGranted(error)) onNotGranted()
        },
      },
    )
  }

  const verdicts = verify.data?.fields ?? {}
  return (
    <Card size="small" title={t('exchange.verify.title')} data-testid="verify">
      <Typography.Paragraph type="secondary">{t('exchange.verify.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 520 }}>
        <Form.Item name="__key" label={keyLabel(access)} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input data-testid="verify-key" />
        </Form.Item>
        {checkable.map(({ item }) => (
          <Form.Item
            key={item.key}
            name={item.key}
            label={item.name}
            extra={
              verify.isSuccess && verdicts[item.key] !== undefined ? (
                <Tag
                  color={VERDICT_COLORS[verdicts[item.key] ?? 'absent']}
                  data-verdict={verdicts[item.key]}
                  data-testid={`verdict-${item.key}`}
                  style={{ marginTop: 4 }}
                >
                  {t(`exchange.verify.${verdicts[item.key] ?? 'absent'}`)}
                </Tag>
              ) : undefined
            }
          >
            <Input data-testid={`verify-${item.key}`} />
          </Form.Item>
        ))}
        {empty ? <Typography.Paragraph type="danger">{t('exchange.verify.atLeastOne')}</Typography.Paragraph> : null}
        <Button type="primary" htmlType="submit" loading={verify.isPending} data-testid="verify-submit">
          {t('exchange.verify.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {verify.isSuccess && !verify.data.found ? <Empty description={t('exchange.verify.notFound')} data-testid="verify-not-found" /> : null}
        {verify.isError && !isNotGranted(verify.error) ? <ProblemAlert error={verify.error} /> : null}
      </div>
    </Card>
  )
}

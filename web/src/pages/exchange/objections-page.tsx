import { App, Button, Card, Flex, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { codeToPath } from '../../api/catalog'
import { useAnswerObjection, useObjections, type Direction, type Objection, type ObjectionStatus } from '../../api/exchange'
import { useMe } from '../../api/identity'
import type { Role } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { TextPromptModal } from '../../components/text-prompt-modal'
import type { MessageKey } from '../../i18n'
import { useFormatDateTime, useLanguage } from '../../language'
import { Departments } from './exchange-tags'

const TABS: ReadonlyArray<{ key: Direction; label: MessageKey; roles: readonly Role[] }> = [
  { key: 'outgoing', label: 'exchange.objections.outgoing', roles: ['consumer', 'steward'] },
  { key: 'incoming', label: 'exchange.objections.incoming', roles: ['steward'] },
  { key: 'all', label: 'exchange.objections.all', roles: ['dataoffice'] },
]

const STATUSES: readonly ObjectionStatus[] = ['open', 'answered']

/** 数据异议: objections my department raised, those it must answer, and for the data office all of them. */
export default function ObjectionsPage() {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const formatDateTime = useFormatDateTime()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const tabs = TABS.filter((tab) => tab.roles.some((role) => me?.roles.includes(role) === true))
  const direction = tabs.find((candidate) => candidate.key === params.get('tab'))?.key ?? tabs[0]?.key ?? 'outgoing'
  const status = STATUSES.find((candidate) => candidate === params.get('status'))
  const objections = useObjections(direction, status)
  const answer = useAnswerObjection()
  const [answering, setAnswering] = useState<Objection>()

  const change = (next: { tab?: Direction; status?: ObjectionStatus | undefined }) => {
    const merged = { tab: direction, status, ...next }
    const search = new URLSearchParams()
    if (merged.tab !== tabs[0]?.key) search.set('tab', merged.tab)
    if (merged.status !== undefined) search.set('status', merged.status)
    setParams(search)
  }
  const mayAnswer = (objection: Objection) =>
    objection.status === 'open' && me !== undefined && me.roles.includes('steward') && me.department.code === objection.provider.code

  const columns: TableColumnsType<Objection> = [
    {
      title: t('exchange.resource'),
      key: 'resource',
      render: (_, objection) => (
        <div style={{ minWidth: 140 }}>
          <Link to={`/catalog/${codeToPath(objection.resourceCode)}`}>{objection.resourceName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {objection.resourceCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('exchange.departments'),
      key: 'departments',
      render: (_, objection) => <Departments provider={objection.provider} consumer={objection.consumer} />,
    },
    { title: t('exchange.objections.recordKey'), dataIndex: 'recordKey', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    { title: t('exchange.objection.note'), dataIndex: 'note', render: (note: string) => <div style={{ minWidth: 160, maxWidth: 320 }}>{note}</div> },
    {
      title: t('exchange.status'),
      dataIndex: 'status',
      render: (value: ObjectionStatus) => <Tag color={value === 'open' ? 'orange' : 'green'}>{t(`exchange.objections.status.${value}`)}</Tag>,
    },
    { title: t('exchange.objections.raisedBy'), dataIndex: 'raisedBy' },
    { title: t('exchange.objections.raisedAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('exchange.objections.answer'),
      key: 'answer',
      render: (_, objection) =>
        objection.answer === null ? null : (
          <div style={{ minWidth: 160, maxWidth: 320 }}>
            {objection.answer}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {objection.answeredBy} · {formatDateTime(objection.answeredAt)}
              </Typography.Text>
            </div>
          </div>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, objection) =>
        mayAnswer(objection) ? (
          <Button size="small" type="primary" onClick={() => setAnswering(objection)} data-action="answer">
            {t('exchange.objections.answer')}
          </Button>
        ) : null,
    },
  ]

  return (
    <Card title={t('nav.exchangeObjections')}>
      <Typography.Paragraph type="secondary">{t('exchange.objections.hint')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Tabs
          activeKey={direction}
          onChange={(key) => change({ tab: tabs.find((tab) => tab.key === key)?.key ?? 'outgoing' })}
          items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
          style={{ minWidth: 0, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder={t('exchange.anyStatus')}
          value={status}
          onChange={(value: ObjectionStatus | undefined) => change({ status: value })}
          options={STATUSES.map((value) => ({ value, label: t(`exchange.objections.status.${value}`) }))}
          style={{ minWidth: 140 }}
        />
      </Flex>
      {objections.isError ? <ProblemAlert error={objections.error} /> : null}
      <Table<Objection>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={objections.data ?? []}
        loading={objections.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('exchange.objections.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { n: total }) }}
        data-testid="objections-table"
      />
      <TextPromptModal
        open={answering !== undefined}
        title={t('exchange.objections.answerTitle', { key: answering?.recordKey ?? '' })}
        hint={answering?.note}
        label={t('exchange.objections.answer')}
        requiredMessage={t('exchange.objections.answerRequired')}
        minLength={2}
        maxLength={2000}
        testId="answer"
        onClose={() => setAnswering(undefined)}
        onSubmit={async (text) => {
          if (answering === undefined) return
          await answer.mutateAsync({ id: answering.id, answer: text })
          void message.success(t('exchange.objections.answered'))
        }}
      />
    </Card>
  )
}

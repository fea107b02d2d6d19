import { Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useAuditLog, type AuditFilter } from '../../api/audit'
import type { AuditOutcome, AuditRecord } from '../../api/types'
import { ProblemAlert } from '../../components/problem-alert'
import { useFormatDateTime, useLanguage } from '../../language'
import { AuditFilters } from './audit-filters'
import { VerifyChain } from './verify-chain'

const OUTCOME_COLORS: Readonly<Record<AuditOutcome, string>> = { success: 'success', failure: 'error', denied: 'warning' }

function AuditDetail({ record }: { readonly record: AuditRecord }) {
  const { t } = useLanguage()
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('audit.actorType')}>{record.actorType}</Descriptions.Item>
      <Descriptions.Item label={t('common.requestId')}>{record.requestId}</Descriptions.Item>
      <Descriptions.Item label={t('audit.hash')}>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {record.hash}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.detail')}>
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(record.detail, null, 2)}</pre>
      </Descriptions.Item>
    </Descriptions>
  )
}

/** The auditor's view of the SM3-chained log: filters, paging, detail rows, and chain verification. */
export default function AuditPage() {
  const { t } = useLanguage()
  const formatDateTime = useFormatDateTime()
  const [filter, setFilter] = useState<AuditFilter>({})
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const log = useAuditLog(filter, page, pageSize)

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.time'), dataIndex: 'occurredAt', render: formatDateTime },
    { title: t('audit.actor'), dataIndex: 'actorName' },
    { title: t('audit.department'), dataIndex: 'departmentCode' },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <Typography.Text code>{action}</Typography.Text> },
    { title: t('audit.target'), dataIndex: 'target', ellipsis: true },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: AuditOutcome) => <Tag color={OUTCOME_COLORS[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip' },
  ]

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('audit.verify')}>
        <VerifyChain />
      </Card>
      <Card title={t('audit.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <AuditFilters
            onChange={(next) => {
              setFilter(next)
              setPage(1)
            }}
          />
          {log.isError ? <ProblemAlert error={log.error} /> : null}
          <Table<AuditRecord>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={log.data?.items ?? []}
            loading={log.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (record) => <AuditDetail record={record} /> }}
            data-testid="audit-table"
            pagination={{
              current: page,
              pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { n: total }),
              onChange: (next, size) => {
                setPage(next)
                setPageSize(size)
              },
            }}
          />
        </Space>
      </Card>
    </Space>
  )
}

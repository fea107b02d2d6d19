import { LockOutlined } from '@ant-design/icons'
import { Card, Flex, Space, Table, Typography, type TableColumnsType } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { codeToPath } from '../../api/catalog'
import type { DataRecord } from '../../api/exchange'
import type { Attachment } from '../../api/population'
import { useLanguage } from '../../language'
import { useDepartmentLabel } from '../exchange/exchange-tags'
import { display } from '../exchange/explore-access'
import { MaskedMark } from './masking'

/** A catalog entry's code, linking to its page. */
function CatalogLink({ code }: { readonly code: string }) {
  return (
    <Link to={`/catalog/${codeToPath(code)}`} style={{ fontFamily: 'monospace', fontSize: 12 }}>
      {code}
    </Link>
  )
}

/** An attachment the caller may read: its records, item names as column headers, masked items marked. */
function AttachmentTable({ attachment, emptyText }: { readonly attachment: Attachment; readonly emptyText: string }) {
  const masked = new Set(attachment.masked)
  const columns: TableColumnsType<DataRecord> = attachment.items.map((item) => ({
    title: (
      <span data-item={item.key}>
        {item.name}
        {masked.has(item.key) ? <MaskedMark /> : null}
      </span>
    ),
    key: item.key,
    render: (_: unknown, record: DataRecord) => display(record[item.key]),
  }))
  return attachment.records.length === 0 ? (
    <Typography.Text type="secondary">{emptyText}</Typography.Text>
  ) : (
    <Table<DataRecord>
      rowKey={(record) => Object.values(record).join('|')}
      size="small"
      columns={columns}
      dataSource={attachment.records}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  )
}

/**
 * One department's attachment (附属信息) the caller may read, as a table of its records.
 * `tag` goes beside the title, e.g. how many records there are.
 */
export function AttachmentCard({ attachment, emptyText, tag }: { readonly attachment: Attachment; readonly emptyText: string; readonly tag?: ReactNode }) {
  const departmentName = useDepartmentLabel()
  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>{attachment.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {departmentName(attachment.department)}
          </Typography.Text>
          {tag}
        </Space>
      }
      extra={<CatalogLink code={attachment.code} />}
      data-testid={`attachment-${codeToPath(attachment.code)}`}
      data-granted
    >
      <AttachmentTable attachment={attachment} emptyText={emptyText} />
    </Card>
  )
}

/** The attachments without a grant, greyed and by name only, each with the way to ask for it. */
export function UngrantedAttachments({ attachments }: { readonly attachments: readonly Attachment[] }) {
  const { t } = useLanguage()
  const departmentName = useDepartmentLabel()
  return (
    <Card
      size="small"
      title={<Typography.Text type="secondary">{t('registry.attachments.ungranted', { n: attachments.length })}</Typography.Text>}
      style={{ background: '#fafafa' }}
    >
      <Typography.Paragraph type="secondary">{t('registry.attachments.notGranted')}</Typography.Paragraph>
      {attachments.map((attachment) => (
        <Flex
          key={attachment.code}
          justify="space-between"
          align="center"
          wrap
          gap={8}
          style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}
          data-testid={`attachment-${codeToPath(attachment.code)}`}
          data-granted={false}
        >
          <Space size={8} wrap style={{ opacity: 0.75 }}>
            <LockOutlined />
            <Typography.Text type="secondary">{attachment.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {departmentName(attachment.department)}
            </Typography.Text>
            <CatalogLink code={attachment.code} />
          </Space>
          <Link to={`/catalog/${codeToPath(attachment.code)}`} data-action="request-access">
            {t('exchange.requestAccess')}
          </Link>
        </Flex>
      ))}
    </Card>
  )
}

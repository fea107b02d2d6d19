import { Alert, Empty, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { ReactNode } from 'react'
import { useResourceDiff, type CatalogItem, type FieldChange } from '../../api/catalog'
import { ProblemAlert } from '../../components/problem-alert'
import { isMessageKey } from '../../i18n'
import { useLanguage } from '../../language'
import { useCatalogLabels, type CatalogLabels } from './catalog-labels'
import { ItemsTable } from './items-table'

/** A field of the content or of an item, as the forms name it. */
function useFieldName(): (field: string) => string {
  const { t } = useLanguage()
  return (field) => {
    const key = field === 'open' ? 'catalog.openness' : field === 'items' ? 'catalog.tab.items' : `catalog.${field}`
    if (isMessageKey(key)) return t(key)
    const itemKey = `catalog.item.${field}`
    return isMessageKey(itemKey) ? t(itemKey) : field
  }
}

function formatValue(field: string, value: unknown, labels: CatalogLabels, yes: string, no: string): ReactNode {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>
  if (typeof value === 'boolean') return value ? yes : no
  if (Array.isArray(value)) {
    const list = value.map((entry) => (field === 'shareMethods' ? labels.shareMethod(String(entry)) : String(entry)))
    return list.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : list.join('、')
  }
  const text = String(value)
  switch (field) {
    case 'classification':
      return labels.classification(text)
    case 'shareType':
      return labels.shareType(text)
    case 'updateCycle':
      return labels.updateCycle(text)
    case 'formatClass':
      return labels.formatClass(text)
    case 'type':
      return `${text} ${labels.itemType(text)}`
    case 'identifierKind':
      return labels.identifierKind(text)
    default:
      return text
  }
}

function ChangesTable({ changes, testId }: { readonly changes: readonly FieldChange[]; readonly testId?: string }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const fieldName = useFieldName()
  const show = (change: FieldChange, value: unknown) => formatValue(change.field, value, labels, t('common.yes'), t('common.no'))
  const columns: TableColumnsType<FieldChange> = [
    { title: t('catalog.diff.field'), dataIndex: 'field', width: 120, render: (field: string) => <span data-field={field}>{fieldName(field)}</span> },
    {
      title: t('catalog.diff.before'),
      key: 'before',
      render: (_, change) => <del style={{ color: '#a8071a', wordBreak: 'break-word' }}>{show(change, change.before)}</del>,
    },
    {
      title: t('catalog.diff.after'),
      key: 'after',
      render: (_, change) => <ins style={{ color: '#237804', textDecoration: 'none', wordBreak: 'break-word' }}>{show(change, change.after)}</ins>,
    },
  ]
  // A fixed layout lets long text (an abstract) wrap inside its half instead of widening the table.
  return (
    <Table<FieldChange> rowKey="field" size="small" tableLayout="fixed" columns={columns} dataSource={[...changes]} pagination={false} data-testid={testId} />
  )
}

function ItemList({ title, color, items }: { readonly title: string; readonly color: string; readonly items: readonly CatalogItem[] }) {
  if (items.length === 0) return null
  return (
    <div>
      <Tag color={color} style={{ marginBottom: 8 }}>
        {title} · {items.length}
      </Tag>
      <ItemsTable items={items} />
    </div>
  )
}

/** What changed from one version to another: fields, then items added, removed and changed. */
export function VersionDiff({ code, from, to }: { readonly code: string; readonly from: number; readonly to: number }) {
  const { t } = useLanguage()
  const diff = useResourceDiff(code, from, to)
  if (diff.isPending) return <Spin />
  if (diff.isError) return <ProblemAlert error={diff.error} />
  const { fields, itemsAdded, itemsRemoved, itemsChanged } = diff.data
  const empty = fields.length + itemsAdded.length + itemsRemoved.length + itemsChanged.length === 0
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="version-diff">
      <Typography.Text strong>{t('catalog.diff.title', { from, to })}</Typography.Text>
      {empty ? <Empty description={t('catalog.diff.none')} /> : null}
      {fields.length > 0 ? <ChangesTable changes={fields} testId="diff-fields" /> : null}
      <ItemList title={t('catalog.diff.added')} color="green" items={itemsAdded} />
      <ItemList title={t('catalog.diff.removed')} color="red" items={itemsRemoved} />
      {itemsChanged.length === 0 ? null : (
        <div>
          <Tag color="orange" style={{ marginBottom: 8 }}>
            {t('catalog.diff.changed')} · {itemsChanged.length}
          </Tag>
          {itemsChanged.map((item) => (
            <div key={item.key} style={{ marginBottom: 8 }}>
              <Alert type="info" showIcon={false} title={`${item.name} (${item.key})`} style={{ marginBottom: 4, padding: '2px 8px' }} />
              <ChangesTable changes={item.changes} />
            </div>
          ))}
        </div>
      )}
    </Space>
  )
}

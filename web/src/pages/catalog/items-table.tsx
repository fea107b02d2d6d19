import { CheckOutlined } from '@ant-design/icons'
import { Table, Typography, type TableColumnsType } from 'antd'
import type { CatalogItem, ShareType } from '../../api/catalog'
import { useLanguage } from '../../language'
import { useCatalogLabels } from './catalog-labels'
import { ShareTypeTag } from './catalog-tags'

const tick = (value: boolean) => (value ? <CheckOutlined style={{ color: '#389e0d' }} /> : null)

/** The data items (信息项) of a version, with each item's effective share type. */
export function ItemsTable({ items, shareType, testId }: { readonly items: readonly CatalogItem[]; readonly shareType?: ShareType; readonly testId?: string }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const columns: TableColumnsType<CatalogItem> = [
    { title: t('catalog.item.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('catalog.item.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    { title: t('catalog.item.type'), dataIndex: 'type', render: (type: string) => `${type} ${labels.itemType(type)}` },
    { title: t('catalog.item.length'), dataIndex: 'length', align: 'right', render: (length: number | null) => length ?? '' },
    { title: t('catalog.item.required'), dataIndex: 'required', align: 'center', render: tick },
    { title: t('catalog.item.primaryKey'), dataIndex: 'primaryKey', align: 'center', render: tick },
    { title: t('catalog.item.sensitive'), dataIndex: 'sensitive', align: 'center', render: tick },
    {
      title: t('catalog.item.identifierKind'),
      dataIndex: 'identifierKind',
      render: (kind: string | null) => (kind === null ? '' : labels.identifierKind(kind)),
    },
    { title: t('catalog.item.baseItem'), dataIndex: 'baseItem', align: 'center', render: tick },
    {
      title: t('catalog.item.shareType'),
      dataIndex: 'shareType',
      render: (value: ShareType | null) =>
        value !== null ? <ShareTypeTag value={value} /> : shareType === undefined ? t('catalog.item.inherit') : <ShareTypeTag value={shareType} />,
    },
    { title: t('catalog.item.description'), dataIndex: 'description' },
  ]
  return (
    <Table<CatalogItem>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  )
}

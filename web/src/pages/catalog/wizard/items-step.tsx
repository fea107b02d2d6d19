import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Form, Input, InputNumber, Select, Table, type FormInstance, type FormListFieldData, type TableColumnsType } from 'antd'
import { IDENTIFIER_KINDS, ITEM_TYPES, SHARE_TYPES, type CatalogItem } from '../../../api/catalog'
import { useLanguage } from '../../../language'
import { RECORD_FORMAT_CLASSES, SIZED_ITEM_TYPES, useCatalogLabels } from '../catalog-labels'
import { NEW_ITEM, type WizardValues } from './wizard-form'

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/
const CELL = { style: { marginBottom: 0 } }

/** ② 信息项: the data items as an editable table, with the rules that span items checked as you go. */
export function ItemsStep({ form }: { readonly form: FormInstance<WizardValues> }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const item = (index: number): CatalogItem | undefined => (form.getFieldValue('items') as CatalogItem[] | undefined)?.[index]

  const listRules = [
    {
      validator: async (_: unknown, items: CatalogItem[] | undefined) => {
        const list = items ?? []
        if (list.length === 0) throw new Error(t('catalog.rule.atLeastOneItem'))
        const formatClass = form.getFieldValue('formatClass') as WizardValues['formatClass']
        if (RECORD_FORMAT_CLASSES.includes(formatClass) && !list.some((entry) => entry?.primaryKey)) {
          throw new Error(t('catalog.rule.needPrimaryKey', { format: labels.formatClass(formatClass) }))
        }
        if (form.getFieldValue('classification') === 'base' && !list.some((entry) => entry?.baseItem)) throw new Error(t('catalog.rule.needBaseItem'))
      },
    },
  ]

  const columns = (remove: (index: number) => void): TableColumnsType<FormListFieldData> => [
    {
      title: t('catalog.item.name'),
      key: 'name',
      width: 160,
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'name']}
          rules={[{ required: true, whitespace: true, message: t('catalog.rule.required', { field: t('catalog.item.name') }) }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.key'),
      key: 'key',
      width: 160,
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'key']}
          rules={[
            { required: true, message: t('catalog.rule.required', { field: t('catalog.item.key') }) },
            { pattern: KEY_PATTERN, message: t('catalog.rule.keyFormat') },
            {
              validator: async (_, key: string | undefined) => {
                const items = (form.getFieldValue('items') as CatalogItem[] | undefined) ?? []
                if (key !== undefined && key !== '' && items.filter((entry) => entry?.key === key).length > 1) throw new Error(t('catalog.rule.keyRepeated'))
              },
            },
          ]}
        >
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.type'),
      key: 'type',
      width: 130,
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'type']}
          dependencies={[['items', field.name, 'identifierKind']]}
          rules={[
            { required: true },
            {
              validator: async (_, type: string) => {
                if ((item(field.name)?.identifierKind ?? null) !== null && type !== 'C') throw new Error(t('catalog.rule.identifierType'))
              },
            },
          ]}
        >
          <Select popupMatchSelectWidth={false} options={ITEM_TYPES.map((value) => ({ value, label: `${value} ${labels.itemType(value)}` }))} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.length'),
      key: 'length',
      width: 100,
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'length']}
          dependencies={[['items', field.name, 'type']]}
          rules={[
            {
              validator: async (_, length: number | null | undefined) => {
                const type = item(field.name)?.type
                if (type !== undefined && SIZED_ITEM_TYPES.includes(type) && (length === null || length === undefined || length < 1)) {
                  throw new Error(t('catalog.rule.lengthRequired'))
                }
              },
            },
          ]}
        >
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.required'),
      key: 'required',
      align: 'center',
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'required']}
          valuePropName="checked"
          dependencies={[['items', field.name, 'primaryKey']]}
          rules={[
            {
              validator: async (_, required: boolean) => {
                if (item(field.name)?.primaryKey === true && !required) throw new Error(t('catalog.rule.pkRequired'))
              },
            },
          ]}
        >
          <Checkbox aria-label={t('catalog.item.required')} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.primaryKey'),
      key: 'primaryKey',
      align: 'center',
      render: (_, field) => (
        <Form.Item {...CELL} name={[field.name, 'primaryKey']} valuePropName="checked">
          <Checkbox
            aria-label={t('catalog.item.primaryKey')}
            // A primary key is always required; ticking it ticks 必填 too.
            onChange={(event) => {
              if (event.target.checked) form.setFieldValue(['items', field.name, 'required'], true)
            }}
          />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.sensitive'),
      key: 'sensitive',
      align: 'center',
      render: (_, field) => (
        <Form.Item {...CELL} name={[field.name, 'sensitive']} valuePropName="checked">
          <Checkbox aria-label={t('catalog.item.sensitive')} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.identifierKind'),
      key: 'identifierKind',
      width: 170,
      render: (_, field) => (
        <Form.Item {...CELL} name={[field.name, 'identifierKind']} normalize={(value: string | undefined) => value ?? null}>
          <Select allowClear popupMatchSelectWidth={false} options={IDENTIFIER_KINDS.map((value) => ({ value, label: labels.identifierKind(value) }))} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.baseItem'),
      key: 'baseItem',
      align: 'center',
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'baseItem']}
          valuePropName="checked"
          rules={[
            {
              validator: async (_, baseItem: boolean) => {
                if (baseItem && form.getFieldValue('classification') !== 'base') throw new Error(t('catalog.rule.baseOnly'))
              },
            },
          ]}
        >
          <Checkbox aria-label={t('catalog.item.baseItem')} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.shareType'),
      key: 'shareType',
      width: 150,
      render: (_, field) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'shareType']}
          normalize={(value: string | undefined) => value ?? null}
          dependencies={[['items', field.name, 'baseItem']]}
          rules={[
            {
              validator: async (_, shareType: string | null) => {
                const effective = shareType ?? form.getFieldValue('shareType')
                if (item(field.name)?.baseItem === true && effective !== 'unconditional') throw new Error(t('catalog.rule.baseShared'))
              },
            },
          ]}
        >
          <Select
            allowClear
            placeholder={t('catalog.item.inherit')}
            popupMatchSelectWidth={false}
            options={SHARE_TYPES.map((value) => ({ value, label: labels.shareType(value) }))}
          />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.item.description'),
      key: 'description',
      width: 200,
      render: (_, field) => (
        <Form.Item {...CELL} name={[field.name, 'description']} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      ),
    },
    {
      title: '',
      key: 'remove',
      fixed: 'right',
      render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('catalog.item.remove')} onClick={() => remove(field.name)} />,
    },
  ]

  return (
    <Form.List name="items" rules={listRules}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table<FormListFieldData>
            rowKey="key"
            size="small"
            columns={columns(remove)}
            dataSource={fields}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="items-editor"
          />
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_ITEM })} block style={{ marginTop: 8 }} data-testid="add-item">
            {t('catalog.item.add')}
          </Button>
        </>
      )}
    </Form.List>
  )
}

import { AutoComplete, Col, DatePicker, Form, Input, Radio, Row, Select, type FormInstance } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { CLASSIFICATIONS, FORMAT_CLASSES, UPDATE_CYCLES, type Classification, type FormatClass } from '../../../api/catalog'
import { useLanguage } from '../../../language'
import { categoriesOf, FORMAT_TYPES, useCatalogLabels } from '../catalog-labels'
import type { WizardValues } from './wizard-form'

const CATALOG_CODE = /^\d{3,10}\/\d{6}$/

/** ① 基本信息: name, abstract, classification and category, format, cycle, dates, tags, secrecy. */
export function BasicStep({ form }: { readonly form: FormInstance<WizardValues> }) {
  const { t, language } = useLanguage()
  const labels = useCatalogLabels()
  const classification = Form.useWatch('classification', form) as Classification | undefined
  const formatClass = Form.useWatch('formatClass', form) as FormatClass | undefined
  const required = (field: Parameters<typeof t>[0]) => ({ required: true, whitespace: true, message: t('catalog.rule.required', { field: t(field) }) })

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('catalog.name')} rules={[required('catalog.name'), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="updateCycle" label={t('catalog.updateCycle')} rules={[{ required: true }]}>
          <Select options={UPDATE_CYCLES.map((value) => ({ value, label: labels.updateCycle(value) }))} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="abstract" label={t('catalog.abstract')} rules={[required('catalog.abstract'), { max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="classification" label={t('catalog.classification')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={CLASSIFICATIONS.map((value) => ({ value, label: labels.classification(value) }))}
            onChange={() => form.setFieldValue('category', null)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="category"
          label={t('catalog.category')}
          rules={classification === 'department' ? [] : [{ required: true, message: t('catalog.rule.category') }]}
        >
          <Select
            allowClear
            disabled={classification === 'department'}
            options={categoriesOf(classification).map((entry) => ({ value: entry.code, label: `${entry.code} ${entry[language]}` }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="formatClass" label={t('catalog.formatClass')} rules={[{ required: true }]}>
          <Select options={FORMAT_CLASSES.map((value) => ({ value, label: labels.formatClass(value) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="formatType" label={t('catalog.formatType')} rules={[required('catalog.formatType'), { max: 50 }]}>
          <AutoComplete
            options={(formatClass === undefined ? [] : FORMAT_TYPES[formatClass]).map((value) => ({ value }))}
            filterOption={(input, option) => option?.value.toLowerCase().includes(input.toLowerCase()) ?? false}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="publishDate"
          label={t('catalog.publishDate')}
          getValueProps={(value: string | null) => ({ value: value === null || value === undefined ? null : dayjs(value) })}
          normalize={(value: Dayjs | null) => (value === null ? null : value.format('YYYY-MM-DD'))}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="tags" label={t('catalog.tags')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="relatedCodes"
          label={t('catalog.relatedCodes')}
          rules={[
            {
              validator: async (_, codes: string[] | undefined) => {
                if ((codes ?? []).some((code) => !CATALOG_CODE.test(code.trim()))) throw new Error(t('catalog.rule.relatedCode'))
              },
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} placeholder="101/000001" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="secrecy"
          label={t('catalog.secrecy')}
          extra={t('catalog.secrecyRule')}
          rules={[
            {
              validator: async (_, value: string) => {
                if (value !== 'non-secret') throw new Error(t('catalog.secrecyRule'))
              },
            },
          ]}
        >
          <Radio.Group
            options={[
              { value: 'non-secret', label: t('catalog.secrecy.non-secret') },
              { value: 'secret', label: t('catalog.secrecy.secret') },
            ]}
          />
        </Form.Item>
      </Col>
    </Row>
  )
}

import { Checkbox, Form, Input, Radio, Switch, type FormInstance } from 'antd'
import { SHARE_METHODS, SHARE_TYPES, type ShareType } from '../../../api/catalog'
import { useLanguage } from '../../../language'
import { useCatalogLabels } from '../catalog-labels'
import type { WizardValues } from './wizard-form'

/** ③ 共享与开放: share type with its condition or legal basis, methods, openness (国发〔2016〕51号). */
export function SharingStep({ form }: { readonly form: FormInstance<WizardValues> }) {
  const { t } = useLanguage()
  const labels = useCatalogLabels()
  const shareType = Form.useWatch('shareType', form) as ShareType | undefined
  const open = Form.useWatch('open', form) as boolean | undefined

  return (
    <>
      <Form.Item name="shareType" label={t('catalog.shareType')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={SHARE_TYPES.map((value) => ({ value, label: labels.shareType(value) }))} />
      </Form.Item>
      {shareType === 'conditional' ? (
        <Form.Item
          name="shareCondition"
          label={t('catalog.shareCondition')}
          rules={[{ required: true, whitespace: true, message: t('catalog.rule.conditionRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      ) : null}
      {shareType === 'none' ? (
        <Form.Item
          name="legalBasis"
          label={t('catalog.legalBasis')}
          rules={[{ required: true, whitespace: true, message: t('catalog.rule.legalBasisRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      ) : (
        <Form.Item
          name="shareMethods"
          label={t('catalog.shareMethods')}
          rules={[{ required: true, type: 'array', min: 1, message: t('catalog.rule.methodsRequired') }]}
        >
          <Checkbox.Group options={SHARE_METHODS.map((value) => ({ value, label: labels.shareMethod(value) }))} />
        </Form.Item>
      )}
      <Form.Item name="open" label={t('catalog.open')} valuePropName="checked">
        <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
      </Form.Item>
      {open === true ? (
        <Form.Item name="openCondition" label={t('catalog.openCondition')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
      ) : null}
    </>
  )
}

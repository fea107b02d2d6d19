import { Form, Input, Modal, Select } from 'antd'
import { useDepartments, useSaveDepartment } from '../../api/identity'
import type { Department, DepartmentInput, DepartmentKind } from '../../api/types'
import { showFieldErrors } from '../../components/form-errors'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'

interface DepartmentForm {
  readonly code: string
  readonly name: string
  readonly shortName: string
  readonly nameEn: string
  readonly parent: string | undefined
  readonly kind: DepartmentKind
  readonly divisionCode: string | undefined
}

const FIELDS = ['code', 'name', 'shortName', 'nameEn', 'parent', 'kind', 'divisionCode']

/**
 * Creates a department, or edits one (`department` given); the code is fixed once created.
 * Mounted only while open, so every opening starts from a fresh form.
 */
export function DepartmentFormModal({ department, onClose }: { readonly department: Department | undefined; readonly onClose: () => void }) {
  const { t, language } = useLanguage()
  const [form] = Form.useForm<DepartmentForm>()
  const departments = useDepartments()
  const save = useSaveDepartment()

  const submit = (values: DepartmentForm) => {
    const input: DepartmentInput = {
      ...(department === undefined ? { code: values.code } : {}),
      name: values.name,
      shortName: values.shortName,
      nameEn: values.nameEn,
      parent: values.parent ?? null,
      kind: values.kind,
      divisionCode: values.divisionCode === undefined || values.divisionCode === '' ? null : values.divisionCode,
    }
    save.mutate({ id: department?.id, input }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error, FIELDS) })
  }

  const required = [{ required: true, whitespace: true, message: t('common.required') }]
  const parents = (departments.data ?? []).filter((candidate) => candidate.id !== department?.id)
  return (
    <Modal open title={t(department === undefined ? 'dept.create' : 'dept.edit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          department === undefined
            ? { kind: 'city' }
            : { ...department, parent: department.parentId ?? undefined, divisionCode: department.divisionCode ?? undefined }
        }
      >
        <Form.Item
          name="code"
          label={t('dept.code')}
          extra={t('dept.codeHint')}
          rules={[...required, { pattern: /^[0-9A-Z]{3,18}$/, message: t('dept.codeHint') }]}
        >
          <Input disabled={department !== undefined} />
        </Form.Item>
        <Form.Item name="name" label={t('dept.name')} rules={[...required, { max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('dept.shortName')} rules={[...required, { max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('dept.nameEn')} rules={[...required, { max: 128 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="parent" label={t('dept.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={parents.map((candidate) => ({ value: candidate.id, label: language === 'zh' ? candidate.name : candidate.nameEn }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('dept.kind')} rules={required}>
          <Select
            options={[
              { value: 'city', label: t('dept.kind.city') },
              { value: 'district', label: t('dept.kind.district') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('dept.divisionCode')}
          extra={t('dept.divisionCodeHint')}
          rules={[{ pattern: /^\d{6}(\d{6})?$/, message: t('dept.divisionCodeInvalid') }]}
        >
          <Input inputMode="numeric" />
        </Form.Item>
      </Form>
      {save.isError ? <ProblemAlert error={save.error} fields={FIELDS} /> : null}
    </Modal>
  )
}

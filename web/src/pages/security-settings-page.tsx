import { App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd'
import { useSaveSecuritySettings, useSecuritySettings } from '../api/identity'
import type { SecuritySettings } from '../api/types'
import { showFieldErrors } from '../components/form-errors'
import { ProblemAlert } from '../components/problem-alert'
import type { MessageKey } from '../i18n'
import { useLanguage } from '../language'

interface SettingField {
  readonly name: keyof SecuritySettings
  readonly label: MessageKey
  readonly min: number
  readonly max: number
  readonly hint?: MessageKey
}

/** The limits the server accepts for each setting. */
const FIELDS: readonly SettingField[] = [
  { name: 'passwordMinLength', label: 'security.passwordMinLength', min: 8, max: 64 },
  { name: 'passwordMinClasses', label: 'security.passwordMinClasses', min: 1, max: 4, hint: 'security.passwordMinClassesHint' },
  { name: 'lockoutThreshold', label: 'security.lockoutThreshold', min: 3, max: 20 },
  { name: 'lockoutWindowMinutes', label: 'security.lockoutWindowMinutes', min: 1, max: 1440 },
  { name: 'sessionTtlMinutes', label: 'security.sessionTtlMinutes', min: 5, max: 43200 },
]

const FIELD_NAMES = FIELDS.map((field) => field.name)

function SettingsForm({ settings }: { readonly settings: SecuritySettings }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const [form] = Form.useForm<SecuritySettings>()
  const save = useSaveSecuritySettings()
  const submit = (values: SecuritySettings) =>
    save.mutate(values, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => showFieldErrors(form, error, FIELD_NAMES),
    })
  return (
    <Form form={form} layout="vertical" initialValues={settings} onFinish={submit} style={{ maxWidth: 480 }}>
      {FIELDS.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={t(field.label)}
          extra={field.hint === undefined ? `${field.min} – ${field.max}` : `${t(field.hint)}（${field.min} – ${field.max}）`}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={field.min} max={field.max} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ))}
      {save.isError ? (
        <Form.Item>
          <ProblemAlert error={save.error} fields={FIELD_NAMES} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}

export default function SecuritySettingsPage() {
  const { t } = useLanguage()
  const settings = useSecuritySettings()
  return (
    <Card title={t('security.title')}>
      <Typography.Paragraph type="secondary">{t('security.intro')}</Typography.Paragraph>
      {settings.isError ? <ProblemAlert error={settings.error} /> : null}
      {settings.data === undefined ? <Skeleton active loading={settings.isPending} /> : <SettingsForm settings={settings.data} />}
    </Card>
  )
}

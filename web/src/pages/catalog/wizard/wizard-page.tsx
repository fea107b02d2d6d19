import { Alert, App, Button, Card, Flex, Form, Space, Spin, Steps, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { codeFromPath, codeToPath, useResource, useResourceVersion, useSaveResource, useTransition, type ResourceContent } from '../../../api/catalog'
import { ProblemAlert } from '../../../components/problem-alert'
import { useLanguage } from '../../../language'
import { ItemsTable } from '../items-table'
import { ResourceOverview } from '../resource-overview'
import { BasicStep } from './basic-step'
import { ItemsStep } from './items-step'
import { SharingStep } from './sharing-step'
import { NEW_RESOURCE, serverProblems, STEP_FIELDS, stepOf, toContent, toValues, type FieldPath, type WizardValues } from './wizard-form'

interface FieldError {
  readonly name: FieldPath
  readonly errors: string[]
}

function Wizard({ code, initial }: { readonly code: string | undefined; readonly initial: WizardValues }) {
  const { t } = useLanguage()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<WizardValues>()
  const [step, setStep] = useState(0)
  const [summary, setSummary] = useState<ResourceContent>()
  const [unplaced, setUnplaced] = useState<string[]>([])
  const save = useSaveResource()
  const transition = useTransition()
  const steps = [t('catalog.wizard.basic'), t('catalog.wizard.items'), t('catalog.wizard.sharing'), t('catalog.wizard.confirm')]

  /** Validates the steps up to `last`; on failure shows the first step with a problem. */
  const validate = async (last: number): Promise<boolean> => {
    try {
      await form.validateFields(STEP_FIELDS.slice(0, last + 1).flat(), { recursive: true })
      return true
    } catch (failure) {
      const fields = (failure as { errorFields?: FieldError[] }).errorFields ?? []
      const first = Math.min(...fields.map((field) => stepOf(field.name)))
      if (Number.isFinite(first)) setStep(first)
      void message.error(t('catalog.wizard.fix'))
      return false
    }
  }

  const goTo = async (next: number) => {
    if (next > step && !(await validate(Math.min(next, STEP_FIELDS.length) - 1))) return
    if (next === STEP_FIELDS.length) setSummary(toContent(form.getFieldsValue(true) as WizardValues))
    setStep(next)
  }

  const finish = async (submit: boolean) => {
    if (!(await validate(STEP_FIELDS.length - 1))) return
    setUnplaced([])
    const content = toContent(form.getFieldsValue(true) as WizardValues)
    try {
      const view = await save.mutateAsync({ code, content })
      if (submit) await transition.mutateAsync({ code: view.code, action: 'submit' })
      void message.success(t(submit ? 'catalog.wizard.submitted' : 'catalog.wizard.saved'))
      void navigate(`/catalog/${codeToPath(view.code)}`)
    } catch (error) {
      const problems = serverProblems(error)
      form.setFields(problems.fields as Parameters<typeof form.setFields>[0])
      setUnplaced(problems.other)
      const first = Math.min(...problems.fields.map((field) => stepOf(field.name)))
      if (Number.isFinite(first)) setStep(first)
    }
  }

  const failure = save.error ?? transition.error
  const placed = serverProblems(failure).fields.length > 0

  return (
    <Card
      title={
        <Space wrap>
          {t(code === undefined ? 'nav.catalogNew' : 'nav.catalogEdit')}
          {code === undefined ? null : <Typography.Text type="secondary">{code}</Typography.Text>}
        </Space>
      }
    >
      <Steps
        current={step}
        items={steps.map((title) => ({ title }))}
        onChange={(next) => void goTo(next)}
        style={{ marginBottom: 24 }}
        data-testid="wizard-steps"
      />
      <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError data-testid="resource-wizard">
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          <BasicStep form={form} />
        </div>
        <div style={{ display: step === 1 ? undefined : 'none' }}>
          <ItemsStep form={form} />
        </div>
        <div style={{ display: step === 2 ? undefined : 'none' }}>
          <SharingStep form={form} />
        </div>
      </Form>
      {step === STEP_FIELDS.length && summary !== undefined ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="wizard-summary">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {summary.name}
          </Typography.Title>
          <ResourceOverview content={summary} publishedAt={null} />
          <ItemsTable items={summary.items} shareType={summary.shareType} />
        </Space>
      ) : null}
      {failure !== null && !placed ? (
        <div style={{ marginTop: 16 }}>
          <ProblemAlert error={failure} />
        </div>
      ) : null}
      {unplaced.length > 0 && placed ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={unplaced.map((line) => (
            <div key={line}>{line}</div>
          ))}
        />
      ) : null}
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 24 }}>
        <Button onClick={() => (step === 0 ? void navigate(-1) : setStep(step - 1))}>{step === 0 ? t('common.cancel') : t('catalog.wizard.previous')}</Button>
        {step < STEP_FIELDS.length ? (
          <Button type="primary" onClick={() => void goTo(step + 1)} data-testid="wizard-next">
            {t('catalog.wizard.next')}
          </Button>
        ) : (
          <Space wrap>
            <Button onClick={() => void finish(false)} loading={save.isPending && !transition.isPending} data-testid="wizard-save">
              {t('catalog.wizard.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void finish(true)} loading={save.isPending || transition.isPending} data-testid="wizard-submit">
              {t('catalog.wizard.saveSubmit')}
            </Button>
          </Space>
        )}
      </Flex>
    </Card>
  )
}

/** Edits the newest version: the working draft when there is one, otherwise the published one. */
function EditWizard({ code }: { readonly code: string }) {
  const resource = useResource(code)
  const latest = useResourceVersion(code, resource.data?.latestVersion)
  if (resource.isError) return <ProblemAlert error={resource.error} />
  if (latest.isError) return <ProblemAlert error={latest.error} />
  if (latest.data === undefined) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
  return <Wizard code={code} initial={toValues(latest.data.content)} />
}

/** 登记/编辑向导: register a resource, or edit one, in four steps. */
export default function WizardPage() {
  const param = useParams().code
  return param === undefined ? <Wizard code={undefined} initial={NEW_RESOURCE} /> : <EditWizard code={codeFromPath(param)} />
}

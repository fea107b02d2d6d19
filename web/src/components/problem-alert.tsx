import { Alert } from 'antd'
import { ApiError } from '../api/client'
import { isShownOnFields } from './form-errors'

/**
 * An API failure as an inline alert: the problem title, its detail, and each field problem.
 * Nothing when the failure already shows under one of the form's `fields`.
 */
export function ProblemAlert({ error, fields = [] }: { readonly error: unknown; readonly fields?: readonly string[] }) {
  if (error === null || error === undefined || isShownOnFields(error, fields)) return null
  const problem = error instanceof ApiError ? error : undefined
  const message = problem?.title ?? String(error)
  const lines = [problem?.detail ?? (error instanceof Error ? error.message : ''), ...(problem?.errors.map((e) => `${e.field}: ${e.message}`) ?? [])]
  const description = lines.filter((line) => line !== '' && line !== message)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={description.length === 0 ? undefined : description.map((line) => <div key={line}>{line}</div>)}
    />
  )
}

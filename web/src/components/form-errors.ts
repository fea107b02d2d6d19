import type { FormInstance } from 'antd'
import { ApiError } from '../api/client'

/** `/password` or `body:/password` → `password`: the form field a server problem names. */
function fieldName(field: string): string {
  return (
    field
      .replace(/^[a-z]+:/, '')
      .replace(/^\//, '')
      .split('/')[0] ?? ''
  )
}

function problemsByField(error: unknown, fields: readonly string[]): Map<string, string[]> {
  const byField = new Map<string, string[]>()
  if (!(error instanceof ApiError)) return byField
  for (const problem of error.errors) {
    const name = fieldName(problem.field)
    if (fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), problem.message])
  }
  return byField
}

/** Puts the server's field problems (e.g. the password policy) under the matching form fields. */
export function showFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): void {
  form.setFields([...problemsByField(error, fields)].map(([name, errors]) => ({ name, errors })))
}

/** Whether the failure is already shown under a form field, so a general alert would repeat it. */
export function isShownOnFields(error: unknown, fields: readonly string[]): boolean {
  return problemsByField(error, fields).size > 0
}

import type { CatalogItem, ResourceContent } from '../../../api/catalog'
import { ApiError } from '../../../api/client'

/** What the wizard's form holds: the content, with empty optional choices as undefined or null. */
export type WizardValues = { -readonly [K in keyof ResourceContent]: K extends 'items' ? CatalogItem[] : ResourceContent[K] }

export type FieldPath = Array<string | number>

/** The fields each step asks for; the last step only confirms. */
export const STEP_FIELDS: readonly (readonly (keyof ResourceContent)[])[] = [
  ['name', 'abstract', 'classification', 'category', 'formatClass', 'formatType', 'updateCycle', 'publishDate', 'tags', 'relatedCodes', 'secrecy'],
  ['items'],
  ['shareType', 'shareCondition', 'legalBasis', 'shareMethods', 'open', 'openCondition'],
]

export const NEW_ITEM: CatalogItem = {
  name: '',
  key: '',
  type: 'C',
  length: null,
  required: false,
  primaryKey: false,
  sensitive: false,
  identifierKind: null,
  baseItem: false,
  shareType: null,
  description: '',
}

export const NEW_RESOURCE: WizardValues = {
  name: '',
  abstract: '',
  classification: 'department',
  category: null,
  formatClass: '数据库',
  formatType: '',
  shareType: 'unconditional',
  shareCondition: '',
  legalBasis: '',
  shareMethods: ['api'],
  open: false,
  openCondition: '',
  updateCycle: 'monthly',
  publishDate: null,
  relatedCodes: [],
  secrecy: 'non-secret',
  tags: [],
  items: [],
}

export function toValues(content: ResourceContent): WizardValues {
  return {
    ...content,
    shareMethods: [...content.shareMethods],
    relatedCodes: [...content.relatedCodes],
    tags: [...content.tags],
    items: content.items.map((item) => ({ ...item })),
  }
}

const text = (value: string | null | undefined) => (value ?? '').trim()

/**
 * The content to send: conditions that no longer apply are dropped (a condition typed before
 * switching to unconditional sharing would otherwise be kept), cleared choices become null.
 */
export function toContent(values: WizardValues): ResourceContent {
  return {
    ...values,
    name: text(values.name),
    abstract: text(values.abstract),
    category: values.classification === 'department' ? null : (values.category ?? null),
    formatType: text(values.formatType),
    shareCondition: values.shareType === 'conditional' ? text(values.shareCondition) : '',
    legalBasis: values.shareType === 'none' ? text(values.legalBasis) : '',
    shareMethods: values.shareType === 'none' ? [] : (values.shareMethods ?? []),
    openCondition: values.open ? text(values.openCondition) : '',
    publishDate: values.publishDate ?? null,
    relatedCodes: values.relatedCodes ?? [],
    tags: values.tags ?? [],
    items: (values.items ?? []).map((item) => ({
      ...NEW_ITEM,
      ...item,
      name: text(item.name),
      key: text(item.key),
      length: item.length ?? null,
      identifierKind: item.identifierKind ?? null,
      shareType: item.shareType ?? null,
      description: text(item.description),
    })),
  }
}

/**
 * The form field a server problem names: `/items/2/length` → ['items', 2, 'length'];
 * problems inside a tag or code list (`/tags/0`) belong to the list's field.
 */
export function fieldPath(pointer: string): FieldPath {
  const parts = pointer
    .replace(/^[a-z]+:/, '')
    .split('/')
    .filter((part) => part !== '')
  const [head, index, field] = parts
  if (head === 'items' && index !== undefined && /^\d+$/.test(index)) return field === undefined ? ['items', Number(index)] : ['items', Number(index), field]
  return head === undefined ? [] : [head]
}

export function stepOf(path: FieldPath): number {
  const step = STEP_FIELDS.findIndex((fields) => fields.includes(path[0] as keyof ResourceContent))
  return step === -1 ? STEP_FIELDS.length : step
}

export interface ServerProblems {
  /** Problems on a field the form has, grouped by field. */
  readonly fields: Array<{ name: FieldPath; errors: string[] }>
  /** Problems the form cannot place on a field. */
  readonly other: string[]
}

/** Splits a server's validation problems into those shown on form fields and the rest. */
export function serverProblems(error: unknown): ServerProblems {
  if (!(error instanceof ApiError) || error.errors.length === 0) return { fields: [], other: [] }
  const byField = new Map<string, { name: FieldPath; errors: string[] }>()
  const other: string[] = []
  for (const problem of error.errors) {
    const name = fieldPath(problem.field)
    if (name.length === 0 || stepOf(name) === STEP_FIELDS.length || (name.length === 2 && name[0] === 'items')) {
      other.push(`${problem.field}: ${problem.message}`)
      continue
    }
    const key = name.join('.')
    const entry = byField.get(key) ?? { name, errors: [] }
    entry.errors.push(problem.message)
    byField.set(key, entry)
  }
  return { fields: [...byField.values()], other }
}

import { AppError, type FieldProblem } from '../platform/errors.js'

/**
 * The kinds of government service matter (政务服务事项) that start on an application: 行政许可,
 * 行政给付, 行政确认, 行政裁决, 行政奖励, 其他行政权力 and 公共服务.
 */
export const MATTER_KINDS = ['licensing', 'payment', 'confirmation', 'adjudication', 'award', 'other-power', 'public-service'] as const
export type MatterKind = (typeof MATTER_KINDS)[number]

export const MATTER_KIND_LABELS: Readonly<Record<MatterKind, string>> = {
  licensing: '行政许可',
  payment: '行政给付',
  confirmation: '行政确认',
  adjudication: '行政裁决',
  award: '行政奖励',
  'other-power': '其他行政权力',
  'public-service': '公共服务',
}

/** Who may apply: a person (resident ID holder) or an organisation (credit code holder). */
export type ApplicantKind = 'person' | 'organisation'

/** A law, regulation or rule and the article the matter rests on. */
export interface LegalBasis {
  /** 《中华人民共和国行政许可法》 */
  readonly title: string
  /** 第三十二条 */
  readonly article: string
}

export interface Fee {
  readonly item: string
  /** Yuan; null when charged by a published scale rather than a fixed sum. */
  readonly amount: number | null
  readonly basis: string
}

/**
 * Where a material comes from. The applicant uploads it, or the platform reads it through the
 * access gate from a base registry or a hosted dataset (the catalog resource named here), keyed by
 * the applicant's identifier or the subject's: citizens are never asked again for data it holds.
 */
export type MaterialSource =
  | { readonly kind: 'upload' }
  | {
      readonly kind: 'gate'
      /** Name of the catalog resource, e.g. 人口基础信息, 法人基础信息, 纳税信用等级信息. */
      readonly resource: string
      /** Whose identifier keys the read: the applicant's, or the case's subject (the entity being set up, the project owner). */
      readonly key: 'applicant' | 'subject'
    }

/** Content types an upload may have, checked by content. */
export const UPLOAD_TYPES = ['pdf', 'png', 'jpeg'] as const
export type UploadType = (typeof UPLOAD_TYPES)[number]

/** One material (申请材料) a matter asks for. */
export interface Material {
  /**
   * Stable across matters: the same code is the same document, so a theme asks for it once (一套材料).
   * Lower-case words with hyphens.
   */
  readonly code: string
  readonly name: string
  readonly required: boolean
  /** Core materials can never be missing at acceptance; a required non-core one may be, against a commitment (容缺受理). */
  readonly core: boolean
  readonly source: MaterialSource
  /** Accepted content types of an upload; all three when not said. */
  readonly types?: readonly UploadType[]
  /** Largest upload in bytes; the platform's default when not said. */
  readonly maxBytes?: number
  readonly note?: string
}

/** Kinds of form field; identifiers are validated against their national standard. */
export const FIELD_TYPES = ['text', 'number', 'date', 'resident-id', 'credit-code', 'division', 'choice'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** One field of the application form; fields of one key across matters are one field (the form is filled once). */
export interface FormField {
  readonly key: string
  readonly label: string
  readonly type: FieldType
  readonly required: boolean
  /** For `choice`. */
  readonly options?: readonly string[]
  /** Pre-filled from a gate read: the resource and its item key, keyed as a material source is. */
  readonly prefill?: { readonly resource: string; readonly item: string; readonly key: 'applicant' | 'subject' }
}

/** What approving the matter issues. */
export type MatterResult =
  | {
      readonly kind: 'licence'
      /** 营业执照, 建设用地规划许可证 … */
      readonly name: string
      /** Years of validity; null for long-term (长期). */
      readonly validityYears: number | null
      /** Who holds it: the applicant, or the subject (the entity set up by this matter, the project owner). */
      readonly holder: 'applicant' | 'subject'
    }
  | { readonly kind: 'decision'; readonly name: string }

/** A government service matter (政务服务事项) as the catalogue of matters lists it; its guide page (办事指南) shows all of it. */
export interface Matter {
  /** Implementation code (实施编码): upper-case letters, digits and hyphens. */
  readonly code: string
  readonly name: string
  readonly kind: MatterKind
  /** The implementing department's code. */
  readonly department: string
  readonly applicants: readonly ApplicantKind[]
  readonly legalBasis: readonly LegalBasis[]
  /** 法定时限, working days. */
  readonly statutoryLimit: number
  /** 承诺时限, working days; never more than the statutory limit. */
  readonly promisedLimit: number
  /** 受理条件 */
  readonly conditions: readonly string[]
  /** Empty when free of charge (不收费). */
  readonly fees: readonly Fee[]
  readonly fields: readonly FormField[]
  readonly materials: readonly Material[]
  readonly result: MatterResult
}

const MATTER_CODE = /^[0-9A-Z][0-9A-Z-]{3,39}$/
const DEPARTMENT_CODE = /^\d{9}$/
const KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
/** The longest statutory limit of a matter we accept; limits are working days. */
const MAX_LIMIT = 365

function positiveLimit(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT
}

/** The problems of a matter's declaration, each naming its field; empty when it is sound. */
export function matterProblems(matter: Matter): FieldProblem[] {
  const problems: FieldProblem[] = []
  const problem = (field: string, message: string) => problems.push({ field, message })
  if (!MATTER_CODE.test(matter.code)) problem('/code', 'upper-case letters, digits and hyphens, 4 to 40 characters')
  if (matter.name.trim() === '') problem('/name', 'a matter needs a name')
  if (!(MATTER_KINDS as readonly string[]).includes(matter.kind)) problem('/kind', `one of ${MATTER_KINDS.join(', ')}`)
  if (!DEPARTMENT_CODE.test(matter.department)) problem('/department', 'a 9-digit department code')
  if (matter.applicants.length === 0) problem('/applicants', 'name who may apply: person, organisation or both')
  if (matter.legalBasis.length === 0) problem('/legalBasis', 'a matter rests on at least one law or regulation')
  if (!positiveLimit(matter.statutoryLimit)) problem('/statutoryLimit', `whole working days, 1 to ${MAX_LIMIT}`)
  if (!positiveLimit(matter.promisedLimit)) problem('/promisedLimit', `whole working days, 1 to ${MAX_LIMIT}`)
  else if (matter.promisedLimit > matter.statutoryLimit)
    problem('/promisedLimit', `the promised limit (${matter.promisedLimit}) exceeds the statutory limit (${matter.statutoryLimit})`)
  matter.fees.forEach((fee, index) => {
    if (fee.amount !== null && !(fee.amount >= 0)) problem(`/fees/${index}/amount`, 'a fee is zero or more yuan, or null for a published scale')
  })

  const fieldKeys = new Set<string>()
  matter.fields.forEach((field, index) => {
    if (!KEY.test(field.key)) problem(`/fields/${index}/key`, 'lower-case words joined by hyphens')
    if (fieldKeys.has(field.key)) problem(`/fields/${index}/key`, `${field.key} is declared twice`)
    fieldKeys.add(field.key)
    if (!(FIELD_TYPES as readonly string[]).includes(field.type)) problem(`/fields/${index}/type`, `one of ${FIELD_TYPES.join(', ')}`)
    if (field.type === 'choice' && (field.options ?? []).length === 0) problem(`/fields/${index}/options`, 'a choice needs options')
  })

  const materialCodes = new Set<string>()
  matter.materials.forEach((material, index) => {
    if (!KEY.test(material.code)) problem(`/materials/${index}/code`, 'lower-case words joined by hyphens')
    if (materialCodes.has(material.code)) problem(`/materials/${index}/code`, `${material.code} is declared twice`)
    materialCodes.add(material.code)
    if (material.core && !material.required) problem(`/materials/${index}/core`, 'an optional material cannot be core: only required materials are core')
    if (material.source.kind === 'gate') {
      if (material.source.resource.trim() === '') problem(`/materials/${index}/source/resource`, 'name the catalog resource read through the gate')
      if (material.types !== undefined || material.maxBytes !== undefined) problem(`/materials/${index}/source`, 'types and sizes apply to uploads only')
    }
    if (material.types !== undefined && (material.types.length === 0 || material.types.some((type) => !(UPLOAD_TYPES as readonly string[]).includes(type)))) {
      problem(`/materials/${index}/types`, `some of ${UPLOAD_TYPES.join(', ')}`)
    }
    if (material.maxBytes !== undefined && !(Number.isInteger(material.maxBytes) && material.maxBytes > 0))
      problem(`/materials/${index}/maxBytes`, 'a positive number of bytes')
  })

  if (
    matter.result.kind === 'licence' &&
    matter.result.validityYears !== null &&
    !(Number.isInteger(matter.result.validityYears) && matter.result.validityYears >= 1)
  ) {
    problem('/result/validityYears', 'whole years, or null for long-term')
  }
  if (matter.result.kind === 'licence' && matter.kind !== 'licensing' && matter.kind !== 'confirmation') {
    problem('/result/kind', 'only licensing and confirmation matters issue a licence')
  }
  return problems
}

/**
 * Checks a matter's declaration and returns it, or throws `HT_VALIDATION` naming every problem.
 *
 * @example
 * checkMatter({ ...matter, promisedLimit: 30, statutoryLimit: 20 }) // throws: /promisedLimit exceeds the statutory limit
 */
export function checkMatter(matter: Matter): Matter {
  const problems = matterProblems(matter)
  if (problems.length > 0) throw new AppError('HT_VALIDATION', `Matter ${matter.code} is not sound`, problems)
  return matter
}

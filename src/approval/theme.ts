import { AppError, type FieldProblem } from '../platform/errors.js'
import type { ApplicantKind, FormField, Material, Matter } from './matter.js'

/**
 * What a refusal in a stage does: every matter must be approved for the stage to pass, and a
 * refusal either stops the whole theme (the others are cancelled, nothing later starts) or ends
 * only the refused matter while the rest go on.
 */
export type RefusalEffect = 'stops-theme' | 'stops-matter'

/** One stage: its matters are reviewed in parallel by their departments, within the stage limit. */
export interface Stage {
  readonly code: string
  readonly name: string
  /** Stage limit in working days; each review's limit is the lesser of this and its matter's promised limit. */
  readonly limit: number
  /** Matter codes, reviewed in parallel. */
  readonly matters: readonly string[]
  readonly onRefusal: RefusalEffect
}

/**
 * A theme (一件事 / 联办): matters of several departments combined into stages, applied for once
 * with one form and one set of materials, accepted at one window, and reviewed stage by stage.
 * A single matter is applied for as the theme of one stage ({@link singleMatterTheme}).
 */
export interface Theme {
  readonly code: string
  readonly name: string
  readonly applicants: readonly ApplicantKind[]
  /** The department that concludes the theme (牵头部门). */
  readonly leadDepartment: string
  readonly stages: readonly Stage[]
  readonly description: string
}

const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** The problems of a theme's declaration against the catalogue of matters, each naming its field. */
export function themeProblems(theme: Theme, matters: ReadonlyMap<string, Matter>): FieldProblem[] {
  const problems: FieldProblem[] = []
  const problem = (field: string, message: string) => problems.push({ field, message })
  if (!CODE.test(theme.code)) problem('/code', 'lower-case words joined by hyphens')
  if (theme.name.trim() === '') problem('/name', 'a theme needs a name')
  if (theme.applicants.length === 0) problem('/applicants', 'name who may apply')
  if (!/^\d{9}$/.test(theme.leadDepartment)) problem('/leadDepartment', 'a 9-digit department code')
  if (theme.stages.length === 0) problem('/stages', 'a theme has at least one stage')
  const seen = new Set<string>()
  const stageCodes = new Set<string>()
  theme.stages.forEach((stage, index) => {
    if (!CODE.test(stage.code) || stageCodes.has(stage.code)) problem(`/stages/${index}/code`, 'a unique code of lower-case words joined by hyphens')
    stageCodes.add(stage.code)
    if (!(Number.isInteger(stage.limit) && stage.limit >= 1)) problem(`/stages/${index}/limit`, 'whole working days, at least 1')
    if (stage.matters.length === 0) problem(`/stages/${index}/matters`, 'a stage reviews at least one matter')
    stage.matters.forEach((code, at) => {
      const matter = matters.get(code)
      if (matter === undefined) return problem(`/stages/${index}/matters/${at}`, `${code} is not in the catalogue of matters`)
      if (seen.has(code)) problem(`/stages/${index}/matters/${at}`, `${code} appears twice in the theme`)
      seen.add(code)
      // Later stages may be applied for by the subject an earlier one set up (the new enterprise), so only the first must accept the theme's applicants.
      if (index === 0 && !theme.applicants.every((kind) => matter.applicants.includes(kind))) {
        problem(`/stages/${index}/matters/${at}`, `${matter.name} does not accept every applicant the theme accepts`)
      }
    })
  })
  for (const conflict of fieldConflicts(theme, matters)) problem('/stages', conflict)
  for (const conflict of materialConflicts(theme, matters)) problem('/stages', conflict)
  return problems
}

/** Checks a theme and returns it, or throws `HT_VALIDATION` naming every problem. */
export function checkTheme(theme: Theme, matters: ReadonlyMap<string, Matter>): Theme {
  const problems = themeProblems(theme, matters)
  if (problems.length > 0) throw new AppError('HT_VALIDATION', `Theme ${theme.code} is not sound`, problems)
  return theme
}

/**
 * The theme of a matter applied for alone: one stage whose limit is the matter's promised limit.
 *
 * @example
 * singleMatterTheme(matter).stages[0].limit === matter.promisedLimit // true
 */
export function singleMatterTheme(matter: Matter): Theme {
  return {
    code: `matter-${matter.code.toLowerCase()}`,
    name: matter.name,
    applicants: matter.applicants,
    leadDepartment: matter.department,
    stages: [{ code: 'review', name: matter.name, limit: matter.promisedLimit, matters: [matter.code], onRefusal: 'stops-theme' }],
    description: `${matter.name}（单独办理）`,
  }
}

function stageMatters(theme: Theme, matters: ReadonlyMap<string, Matter>): Matter[][] {
  return theme.stages.map((stage) => stage.matters.flatMap((code) => matters.get(code) ?? []))
}

function fieldConflicts(theme: Theme, matters: ReadonlyMap<string, Matter>): string[] {
  const byKey = new Map<string, FormField>()
  const conflicts: string[] = []
  for (const matter of stageMatters(theme, matters).flat()) {
    for (const field of matter.fields) {
      const earlier = byKey.get(field.key)
      if (earlier === undefined) byKey.set(field.key, field)
      else if (earlier.type !== field.type) conflicts.push(`form field ${field.key} is ${earlier.type} in one matter and ${field.type} in ${matter.code}`)
    }
  }
  return conflicts
}

function materialConflicts(theme: Theme, matters: ReadonlyMap<string, Matter>): string[] {
  const byCode = new Map<string, Material>()
  const conflicts: string[] = []
  for (const matter of stageMatters(theme, matters).flat()) {
    for (const material of matter.materials) {
      const earlier = byCode.get(material.code)
      if (earlier === undefined) byCode.set(material.code, material)
      else if (earlier.source.kind !== material.source.kind)
        conflicts.push(`material ${material.code} is uploaded in one matter and read through the gate in ${matter.code}`)
    }
  }
  return conflicts
}

/**
 * The one form of a theme (filled once): every matter's fields, each key once, in the order the
 * stages and matters first ask for it; a field is required if any matter requires it.
 */
export function themeForm(theme: Theme, matters: ReadonlyMap<string, Matter>): FormField[] {
  const byKey = new Map<string, FormField>()
  for (const matter of stageMatters(theme, matters).flat()) {
    for (const field of matter.fields) {
      const earlier = byKey.get(field.key)
      byKey.set(field.key, earlier === undefined ? field : { ...earlier, required: earlier.required || field.required })
    }
  }
  return [...byKey.values()]
}

/** A material of a stage's one set, with the matters of the stage that ask for it. */
export interface StageMaterial extends Material {
  readonly matters: readonly string[]
}

/**
 * The one set of materials of a stage (一套材料): each material once, required if any matter of
 * the stage requires it, core if any holds it core, with the strictest upload limits.
 */
export function stageMaterials(theme: Theme, stageIndex: number, matters: ReadonlyMap<string, Matter>): StageMaterial[] {
  const byCode = new Map<string, StageMaterial>()
  for (const matter of stageMatters(theme, matters)[stageIndex] ?? []) {
    for (const material of matter.materials) {
      const earlier = byCode.get(material.code)
      if (earlier === undefined) {
        byCode.set(material.code, { ...material, matters: [matter.code] })
        continue
      }
      const types =
        earlier.types === undefined ? material.types : material.types === undefined ? earlier.types : earlier.types.filter((t) => material.types?.includes(t))
      const maxBytes =
        earlier.maxBytes === undefined ? material.maxBytes : material.maxBytes === undefined ? earlier.maxBytes : Math.min(earlier.maxBytes, material.maxBytes)
      byCode.set(material.code, {
        ...earlier,
        required: earlier.required || material.required,
        core: earlier.core || material.core,
        ...(types === undefined ? {} : { types }),
        ...(maxBytes === undefined ? {} : { maxBytes }),
        matters: [...earlier.matters, matter.code],
      })
    }
  }
  return [...byCode.values()]
}

/**
 * A review's limit: the lesser of the matter's promised limit and the stage limit, so reviews on
 * time mean a stage on time.
 */
export function reviewLimit(stage: Stage, matter: Matter): number {
  return Math.min(stage.limit, matter.promisedLimit)
}

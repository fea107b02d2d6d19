import { parseResidentId, type ResidentIdResult } from '../standards/resident-id.js'
import { PERSON_STATUSES } from './model.js'
import { sameItem } from './provider.js'
import type { ComparedPerson } from './comparison-reader.js'

/**
 * How batch comparison (比对) judges the rows of a department's file against the registry, kept
 * apart from the job so that a worker thread can judge without loading the rest of Huitong.
 */

export const OUTCOMES = ['ok', 'invalid-id', 'not-found', 'deceased', 'moved-out', 'cancelled', 'name-mismatch', 'field-mismatch'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** The cells of one row as submitted: '' where the file has no such column or the cell is empty. */
export interface SubmittedRow {
  readonly residentId: string
  readonly name: string
  readonly gender: string
  readonly birthDate: string
}

/** The cells of a batch of rows, column by column; a column the file does not map is absent. */
export interface SubmittedBatch {
  readonly residentIds: readonly string[]
  readonly names?: readonly string[]
  readonly genders?: readonly string[]
  readonly birthDates?: readonly string[]
}

export interface RowVerdict {
  readonly outcome: Outcome
  /** The ID in normal form; '' when it is invalid. */
  readonly normalisedId: string
  readonly detail: string
}

export interface JudgeOptions {
  /** Whether the caller sees the status in clear: otherwise no status outcome is given. */
  readonly seeStatus: boolean
  /** Whether the detail may give dates of death and moving out. */
  readonly seeDates?: boolean
  readonly deceasedBefore: string | null
}

/**
 * The verdicts on a batch, compact enough to pass between threads cheaply: every row's outcome,
 * and the normalised ID and the detail only of the rows that need them (not ok, or an ID that
 * normalising changed); every other row is ok with its ID as submitted.
 */
export interface BatchVerdicts {
  /** Each row's outcome, as its index in {@link OUTCOMES}. */
  readonly outcomes: Uint8Array
  /** The rows noted, in ascending order, with their normalised IDs and details. */
  readonly noted: number[]
  readonly normalisedIds: string[]
  readonly details: string[]
}

const NOT_FOUND = 'not in the population registry (人口库中无此人)'
const OUTCOME_INDEX = new Map<Outcome, number>(OUTCOMES.map((outcome, index) => [outcome, index]))

/** The status outcome of a found person, and its text, when the caller may see the status. */
function statusProblem(person: ComparedPerson, options: JudgeOptions): { outcome: Outcome; text: string } | undefined {
  if (!options.seeStatus) return undefined
  // The dates themselves appear only to a caller who may see them in clear.
  const on = options.seeDates === true ? person.status_date : ''
  switch (person.status) {
    case PERSON_STATUSES.deceased:
      if (options.deceasedBefore !== null && person.status_date >= options.deceasedBefore) return undefined
      return { outcome: 'deceased', text: on === '' ? 'deceased (已死亡)' : `deceased on ${on} (已于${on}死亡)` }
    case PERSON_STATUSES.movedOut:
      return { outcome: 'moved-out', text: on === '' ? 'moved out of the city (已迁出)' : `moved out of the city on ${on} (已于${on}迁出)` }
    case PERSON_STATUSES.cancelled:
      return { outcome: 'cancelled', text: 'registration cancelled (户口已注销)' }
    default:
      return undefined
  }
}

/** Whether a submitted cell disagrees with the registry's value of `item`; an empty cell never does. */
function differs(item: string, submitted: string, stored: string): boolean {
  return submitted !== '' && !sameItem(item, submitted, stored)
}

/**
 * Judges one row against the registry: an invalid ID says why; otherwise found or not, status
 * (deceased — before `deceasedBefore` when given —, moved out, cancelled, when the caller may
 * see the status), then the compared fields. The first problem names the outcome; the detail
 * lists them all.
 *
 * @example
 * judgeRow({ residentId: '210102198503150021', name: '王芳', gender: '', birthDate: '' }, parseResidentId('210102198503150021'), person, { seeStatus: true, deceasedBefore: null })
 * // { outcome: 'ok', normalisedId: '210102198503150021', detail: '' }
 */
export function judgeRow(row: SubmittedRow, id: ResidentIdResult, person: ComparedPerson | undefined, options: JudgeOptions): RowVerdict {
  if (!id.valid) return { outcome: 'invalid-id', normalisedId: '', detail: id.message }
  if (person === undefined) return { outcome: 'not-found', normalisedId: id.id, detail: NOT_FOUND }
  const status = statusProblem(person, options)
  const name = differs('name', row.name, person.name)
  const gender = differs('gender', row.gender, person.gender)
  const birthDate = differs('birth_date', row.birthDate, person.birth_date)
  if (status === undefined && !name && !gender && !birthDate) return { outcome: 'ok', normalisedId: id.id, detail: '' }
  const problems: Array<{ outcome: Outcome; text: string }> = status === undefined ? [] : [status]
  if (name) problems.push({ outcome: 'name-mismatch', text: 'name differs from the registry (姓名与人口库不一致)' })
  if (gender) problems.push({ outcome: 'field-mismatch', text: 'gender (性别) differs from the registry (与人口库不一致)' })
  if (birthDate) problems.push({ outcome: 'field-mismatch', text: 'birth date (出生日期) differs from the registry (与人口库不一致)' })
  return { outcome: (problems[0] as { outcome: Outcome }).outcome, normalisedId: id.id, detail: problems.map((problem) => problem.text).join('; ') }
}

/** A batch's IDs parsed, and the valid ones in normal form, in row order: what to look up. */
export function parseBatchIds(batch: SubmittedBatch): { ids: ResidentIdResult[]; lookup: string[] } {
  const ids = batch.residentIds.map((residentId) => parseResidentId(residentId))
  return { ids, lookup: ids.flatMap((id) => (id.valid ? [id.id] : [])) }
}

/**
 * Judges a batch whose valid IDs were looked up: `found` holds the persons, position for
 * position, of the `lookup` list that {@link parseBatchIds} gave.
 */
export function judgeBatch(
  batch: SubmittedBatch,
  ids: readonly ResidentIdResult[],
  found: ReadonlyArray<ComparedPerson | undefined>,
  options: JudgeOptions,
): BatchVerdicts {
  const verdicts: BatchVerdicts = { outcomes: new Uint8Array(ids.length), noted: [], normalisedIds: [], details: [] }
  let next = 0
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position] as ResidentIdResult
    const row: SubmittedRow = {
      residentId: batch.residentIds[position] as string,
      name: batch.names?.[position] ?? '',
      gender: batch.genders?.[position] ?? '',
      birthDate: batch.birthDates?.[position] ?? '',
    }
    const verdict = judgeRow(row, id, id.valid ? found[next++] : undefined, options)
    verdicts.outcomes[position] = OUTCOME_INDEX.get(verdict.outcome) ?? 0
    if (verdict.outcome !== 'ok' || verdict.normalisedId !== row.residentId) {
      verdicts.noted.push(position)
      verdicts.normalisedIds.push(verdict.normalisedId)
      verdicts.details.push(verdict.detail)
    }
  }
  return verdicts
}

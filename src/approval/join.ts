import type { Review } from './review.js'
import type { Stage } from './theme.js'

/**
 * Where a stage stands, by its join rule: `open` while it can still go either way; `approved` when
 * every matter was approved; `refused` when a refusal stops the theme, or every matter was refused;
 * `partly-approved` when, under `stops-matter`, some were refused and the rest approved.
 */
export type StageOutcome = 'open' | 'approved' | 'partly-approved' | 'refused'

/**
 * The outcome of a stage from its reviews (cancelled ones aside: they follow an outcome, never
 * make one).
 *
 * @example
 * stageOutcome({ ...stage, onRefusal: 'stops-theme' }, [approved, refused, open]) // 'refused'
 * stageOutcome({ ...stage, onRefusal: 'stops-matter' }, [approved, refused]) // 'partly-approved'
 */
export function stageOutcome(stage: Stage, reviews: readonly Review[]): StageOutcome {
  const decided = reviews.filter((review) => review.status !== 'cancelled')
  const refused = decided.filter((review) => review.status === 'refused').length
  if (refused > 0 && stage.onRefusal === 'stops-theme') return 'refused'
  if (decided.some((review) => review.status === 'open' || review.status === 'correcting' || review.status === 'suspended')) return 'open'
  if (decided.length < stage.matters.length) return 'open'
  if (refused === 0) return 'approved'
  return refused === decided.length ? 'refused' : 'partly-approved'
}

/** Where a person's profile (一人一档) lives in the console. */
export function profilePath(residentId: string): string {
  return `/population/persons/${encodeURIComponent(residentId)}`
}

/** Where one batch comparison, its progress and its report live. */
export function comparisonPath(id: string): string {
  return `/population/comparisons/${encodeURIComponent(id)}`
}

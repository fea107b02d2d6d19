/** An administrator's decision that a date is, or is not, a working day. */
export interface Override {
  readonly date: string
  readonly working: boolean
  readonly note: string
  readonly updatedBy: string
  readonly updatedAt: string
}

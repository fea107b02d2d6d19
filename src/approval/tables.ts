/**
 * Row shapes as stored, for the tables parallel approval owns. Timestamps are ISO-8601 UTC text,
 * days YYYY-MM-DD text (Beijing days) and flags 0/1 integers on both dialects; the domain objects
 * (a matter, a theme, a case's form and rounds, a review's ledger) are JSON text parsed at the
 * repository edge. Columns beside the JSON are what queries filter and sort on.
 */
export interface ApprovalMatterTable {
  code: string
  department: string
  kind: string
  name: string
  /** JSON: Matter */
  body: string
  updated_by: string
  updated_at: string
}

export interface ApprovalThemeTable {
  code: string
  name: string
  /** JSON: Theme */
  body: string
  updated_by: string
  updated_at: string
}

export interface ApprovalCaseTable {
  id: string
  theme: string
  applicant_kind: 'person' | 'organisation'
  /** The resident ID or credit code the applicant signs in with. */
  applicant_id: string
  applicant_name: string
  subject_credit_code: string | null
  status: string
  stage: number
  idempotency_key: string
  fingerprint: string
  /** The current round's day of receipt: the acceptance sweep reads cases by it. */
  submitted_on: string
  /** JSON: the Case without the columns above */
  body: string
  /** Bumped by every transition; an update names the version it read (optimistic locking). */
  version: number
  created_at: string
  updated_at: string
}

export interface ApprovalReviewTable {
  id: string
  case_id: string
  stage: number
  matter: string
  department: string
  status: string
  start: string
  limit_days: number
  /** JSON: LedgerEntry[] */
  ledger: string
  /** JSON: string[] | null */
  correction: string | null
  /** JSON: ReviewDecision | null */
  decision: string | null
  opened_at: string
  version: number
  updated_at: string
  /** The clock as last computed (see docs/approval.md, "Clocks in the database"): null while paused. */
  deadline: string | null
  /** Working days left when the clock stopped; null while running. */
  paused_left: number | null
  colour: 'none' | 'yellow' | 'red'
  /** 1 when the clock reached a year whose holiday schedule is not published or confirmed. */
  provisional: number
}

export interface ApprovalUploadTable {
  sha256: string
  media_type: string
  bytes: number
  stored_name: string
  created_at: string
}

export interface ApprovalLicenceTable {
  number: string
  case_id: string
  review_id: string
  matter: string
  department: string
  holder_kind: 'person' | 'organisation'
  holder_id: string
  holder_name: string
  issued_on: string
  valid_until: string | null
  /** SHA-256 of the verification code: the code itself is on the holder's PDF only. */
  code_hash: string
  key_id: string
  /** JSON: SignedLicence */
  body: string
  revoked_at: string | null
  revocation_reason: string | null
}

export interface ApprovalLicenceSequenceTable {
  department: string
  year: number
  last: number
}

export interface ApprovalSigningKeyTable {
  key_id: string
  public_key_pem: string
  created_at: string
  retired_at: string | null
}

/** The tables this module owns, by name. */
export interface ApprovalTables {
  approval_matters: ApprovalMatterTable
  approval_themes: ApprovalThemeTable
  approval_cases: ApprovalCaseTable
  approval_reviews: ApprovalReviewTable
  approval_uploads: ApprovalUploadTable
  approval_licences: ApprovalLicenceTable
  approval_licence_sequences: ApprovalLicenceSequenceTable
  approval_signing_keys: ApprovalSigningKeyTable
}

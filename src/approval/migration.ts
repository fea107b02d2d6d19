import type { Kysely } from 'kysely'

/**
 * Parallel approval's tables (see tables.ts), one step for both dialects. Not yet listed in
 * src/migrations/index.ts: the wiring adds it there under its next number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approval_matters')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('approval_matters_department_idx').on('approval_matters').column('department').execute()

  await db.schema
    .createTable('approval_themes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('approval_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('subject_credit_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // A key is the applicant's own: two applicants may pick the same key without meeting.
  await db.schema.createIndex('approval_cases_idempotency_idx').on('approval_cases').columns(['applicant_id', 'idempotency_key']).unique().execute()
  await db.schema.createIndex('approval_cases_applicant_idx').on('approval_cases').columns(['applicant_id', 'created_at']).execute()
  await db.schema.createIndex('approval_cases_status_idx').on('approval_cases').columns(['status', 'submitted_on']).execute()

  await db.schema
    .createTable('approval_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('ledger', 'text', (c) => c.notNull())
    .addColumn('correction', 'text')
    .addColumn('decision', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('paused_left', 'integer')
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('approval_reviews_case_idx').on('approval_reviews').columns(['case_id', 'stage']).execute()
  // The department's queue, sorted by time left: running clocks by deadline (days left grow with it).
  await db.schema.createIndex('approval_reviews_queue_idx').on('approval_reviews').columns(['department', 'status', 'deadline', 'id']).execute()

  await db.schema
    .createTable('approval_uploads')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('approval_licences')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revocation_reason', 'text')
    .execute()
  // One licence per approved review, even when the issuing step is retried.
  await db.schema.createIndex('approval_licences_review_idx').on('approval_licences').column('review_id').unique().execute()
  await db.schema.createIndex('approval_licences_holder_idx').on('approval_licences').columns(['holder_id', 'issued_on']).execute()

  await db.schema
    .createTable('approval_licence_sequences')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_licence_sequences_pk', ['department', 'year'])
    .execute()

  await db.schema
    .createTable('approval_signing_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'approval_signing_keys',
    'approval_licence_sequences',
    'approval_licences',
    'approval_uploads',
    'approval_reviews',
    'approval_cases',
    'approval_themes',
    'approval_matters',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}

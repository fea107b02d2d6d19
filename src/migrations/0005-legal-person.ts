import { sql, type Kysely } from 'kysely'

/**
 * The legal-person base registry: the core entity records (market regulation, civil affairs,
 * the staffing office) and their change history (变更记录). Heads and bindings are shared with
 * the population registry (0004).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema.createTable('entities').addColumn('credit_code', 'text', (c) => c.notNull())
  for (const column of [
    'registration_number',
    'name',
    'former_name',
    'entity_type',
    'legal_representative',
    'representative_id',
    'registered_capital',
    'currency',
    'established_on',
    'business_term_to',
    'domicile',
    'division_code',
    'industry_code',
    'business_scope',
    'registration_status',
    'status_date',
    'registration_authority',
    'source_department',
  ]) {
    table = table.addColumn(column, 'text', (c) => c.notNull())
  }
  await table
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entities_credit_code_idx').on('entities').column('credit_code').unique().execute()
  await db.schema.createIndex('entities_representative_idx').on('entities').column('representative_id').execute()
  await db.schema.createIndex('entities_registration_number_idx').on('entities').column('registration_number').execute()
  // Characters 9–17 of the credit code are the GB 11714 organisation code: old forms look up by it.
  await db.schema
    .createIndex('entities_organisation_code_idx')
    .on('entities')
    .expression(sql`substr(credit_code, 9, 9)`)
    .execute()
  await db.schema.createIndex('entities_seq_idx').on('entities').column('seq').execute()

  await db.schema
    .createTable('entity_history')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entity_history_entity_idx').on('entity_history').columns(['credit_code', 'seq']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entity_history').execute()
  await db.schema.dropTable('entities').execute()
}

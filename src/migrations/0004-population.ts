import type { Kysely } from 'kysely'
import type { Tables } from '../tables.js'

/**
 * The population base registry: the core person records kept by public security, their change
 * history, the registry's sequence counter, the binding of a registry to the catalog entry it
 * serves, a subject index over hosted records (which records name a resident ID or a credit
 * code, so profiles find attachments without scanning), and batch comparison results.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_bindings')
    .addColumn('registry', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('catalog_resources.id'))
    .addColumn('bound_by', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('registry_heads')
    .addColumn('registry', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('record_count', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('persons')
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('former_name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnic_group', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('household_division', 'text', (c) => c.notNull())
    .addColumn('household_address', 'text', (c) => c.notNull())
    .addColumn('residence_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The resident ID is unique through an index rather than a primary-key constraint, so a first
  // load of millions can insert without indexes and build them once at the end (PersonRepository).
  await db.schema.createIndex('persons_resident_id_idx').on('persons').column('resident_id').unique().execute()
  await db.schema.createIndex('persons_name_idx').on('persons').columns(['name', 'birth_date']).execute()
  await db.schema.createIndex('persons_seq_idx').on('persons').column('seq').execute()
  // Covers what a batch comparison reads, so each of its million lookups is one index search.
  await db.schema.createIndex('persons_compare_idx').on('persons').columns(['resident_id', 'name', 'gender', 'birth_date', 'status', 'status_date']).execute()

  await db.schema
    .createTable('person_history')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_history_person_idx').on('person_history').columns(['resident_id', 'seq']).execute()

  await db.schema
    .createTable('dataset_subjects')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_subjects_pk', ['subject', 'resource_id', 'record_key'])
    .execute()

  await indexExistingSubjects(db as unknown as Kysely<Tables>)

  await db.schema
    .createTable('comparison_rows')
    .addColumn('comparison_id', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comparison_rows_pk', ['comparison_id', 'row'])
    .execute()
  await db.schema.createIndex('comparison_rows_outcome_idx').on('comparison_rows').columns(['comparison_id', 'outcome', 'row']).execute()
}

/** Records published before this migration name subjects too: index their resident IDs and credit codes. */
async function indexExistingSubjects(db: Kysely<Tables>): Promise<void> {
  const versions = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', (join) => join.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version'))
    .select(['r.id', 'v.content'])
    .execute()
  for (const { id, content } of versions) {
    const items = (JSON.parse(content) as { items?: Array<{ key: string; identifierKind?: string | null }> }).items ?? []
    const subjectItems = items.filter((item) => item.identifierKind === 'residentId' || item.identifierKind === 'creditCode').map((item) => item.key)
    if (subjectItems.length === 0) continue
    for (let offset = 0; ; offset += 1000) {
      const records = await db
        .selectFrom('dataset_records')
        .select(['record_key', 'data'])
        .where('resource_id', '=', id)
        .orderBy('record_key')
        .limit(1000)
        .offset(offset)
        .execute()
      if (records.length === 0) break
      const rows = records.flatMap((record) => {
        const data = JSON.parse(record.data) as Record<string, unknown>
        const subjects = new Set(subjectItems.map((item) => data[item]).filter((value): value is string => typeof value === 'string' && value !== ''))
        return [...subjects].map((subject) => ({ subject, resource_id: id, record_key: record.record_key }))
      })
      if (rows.length > 0)
        await db
          .insertInto('dataset_subjects')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute()
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['comparison_rows', 'dataset_subjects', 'person_history', 'persons', 'registry_heads', 'registry_bindings']) {
    await db.schema.dropTable(table).execute()
  }
}

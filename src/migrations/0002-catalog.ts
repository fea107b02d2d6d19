import type { Kysely } from 'kysely'

/** The information resource catalog: resources, their versions, the review trail, the search revision. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('classification_code', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('working_status', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('index_revision', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_resources_sequence_uq', ['classification_code', 'sequence'])
    .execute()
  await db.schema.createIndex('catalog_resources_department_idx').on('catalog_resources').columns(['department_id', 'name']).execute()
  await db.schema.createIndex('catalog_resources_working_idx').on('catalog_resources').column('working_status').execute()
  await db.schema.createIndex('catalog_resources_revision_idx').on('catalog_resources').column('index_revision').execute()

  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('catalog_resources.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('published_at', 'text')
    .addUniqueConstraint('catalog_versions_uq', ['resource_id', 'version'])
    .execute()

  await db.schema
    .createTable('catalog_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('catalog_resources.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text')
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('catalog_reviews_resource_idx').on('catalog_reviews').columns(['resource_id', 'at']).execute()

  await db.schema
    .createTable('catalog_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('catalog_revision' as never)
    .values({ id: 1, revision: 0 } as never)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['catalog_revision', 'catalog_reviews', 'catalog_versions', 'catalog_resources']) {
    await db.schema.dropTable(table).execute()
  }
}

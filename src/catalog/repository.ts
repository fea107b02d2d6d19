import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../platform/db/database.js'
import type { IdentityTables } from '../identity/tables.js'
import { newId, now } from '../platform/ids.js'
import type { ResourceContent, ResourceStatus, VersionStatus } from './model.js'
import type { CatalogResourceTable, CatalogReviewTable, CatalogTables, CatalogVersionTable } from './tables.js'

/**
 * The catalog's tables, and the departments its listings name: a read-only join into identity's
 * table, allowed by name in the rule file.
 */
type CatalogReadTables = CatalogTables & Pick<IdentityTables, 'departments'>

export interface DepartmentInfo {
  readonly id: string
  readonly code: string
  readonly name: string
}

export interface ResourceRecord {
  readonly id: string
  readonly code: string
  readonly department: DepartmentInfo
  readonly status: ResourceStatus
  readonly workingStatus: 'draft' | 'submitted' | 'returned' | null
  readonly publishedVersion: number | null
  readonly latestVersion: number
  readonly name: string
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface VersionRecord {
  readonly id: string
  readonly version: number
  readonly status: VersionStatus
  readonly content: ResourceContent
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  readonly reviewedBy: string | null
  readonly reviewedAt: string | null
  readonly reviewComment: string | null
  readonly publishedAt: string | null
}

export interface ReviewRecord {
  readonly version: number
  readonly action: CatalogReviewTable['action']
  readonly actorName: string
  readonly departmentCode: string | null
  readonly comment: string | null
  readonly at: string
}

/** A published resource as the search index holds it. */
export interface IndexedResource {
  readonly resource: ResourceRecord
  readonly version: VersionRecord | undefined
}

type ResourceRow = Selectable<CatalogResourceTable> & { department_code: string; department_name: string }

function toResource(row: ResourceRow): ResourceRecord {
  return {
    id: row.id,
    code: row.code,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    status: row.status,
    workingStatus: row.working_status,
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
    latestVersion: Number(row.latest_version),
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toVersion(row: Selectable<CatalogVersionTable>): VersionRecord {
  return {
    id: row.id,
    version: Number(row.version),
    status: row.status,
    content: JSON.parse(row.content) as ResourceContent,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    publishedAt: row.published_at,
  }
}

export interface ResourceListFilter {
  readonly departmentId?: string
  readonly statuses?: readonly string[]
  /** Resources with a version in one of these working states. */
  readonly workingStatuses?: readonly string[]
  readonly nameLike?: string
  readonly limit: number
  readonly offset: number
}

/** SQL for the catalog. Build one over a transaction to make several calls atomic. */
export class CatalogRepository {
  private readonly db: Kysely<CatalogReadTables>

  /** Over an open database, or over a transaction (see `transaction`). */
  constructor(source: Database | Kysely<CatalogReadTables>) {
    this.db = 'tables' in source ? source.tables<CatalogReadTables>() : source
  }

  /** Runs `work` in one transaction with a repository bound to it. */
  transaction<T>(work: (repository: CatalogRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new CatalogRepository(trx)))
  }

  /** Takes the next catalog revision; every change that the search index must see stamps one. */
  async bumpRevision(): Promise<number> {
    const row = await this.db
      .updateTable('catalog_revision')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', 1)
      .returning('revision')
      .executeTakeFirstOrThrow()
    return Number(row.revision)
  }

  async currentRevision(): Promise<number> {
    const row = await this.db.selectFrom('catalog_revision').select('revision').where('id', '=', 1).executeTakeFirstOrThrow()
    return Number(row.revision)
  }

  async nextSequence(classificationCode: string): Promise<number> {
    const row = await this.db
      .selectFrom('catalog_resources')
      .select((eb) => eb.fn.max('sequence').as('last'))
      .where('classification_code', '=', classificationCode)
      .executeTakeFirst()
    return Number(row?.last ?? 0) + 1
  }

  #resources() {
    return this.db
      .selectFrom('catalog_resources')
      .innerJoin('departments', 'departments.id', 'catalog_resources.department_id')
      .selectAll('catalog_resources')
      .select(['departments.code as department_code', 'departments.name as department_name'])
  }

  async findResource(code: string): Promise<ResourceRecord | undefined> {
    const row = await this.#resources().where('catalog_resources.code', '=', code).executeTakeFirst()
    return row === undefined ? undefined : toResource(row)
  }

  async findResourceByName(departmentId: string, name: string): Promise<ResourceRecord | undefined> {
    const row = await this.#resources()
      .where('catalog_resources.department_id', '=', departmentId)
      .where('catalog_resources.name', '=', name)
      .executeTakeFirst()
    return row === undefined ? undefined : toResource(row)
  }

  async listResources(filter: ResourceListFilter): Promise<{ items: ResourceRecord[]; total: number }> {
    let query = this.db.selectFrom('catalog_resources').innerJoin('departments', 'departments.id', 'catalog_resources.department_id')
    if (filter.departmentId !== undefined) query = query.where('catalog_resources.department_id', '=', filter.departmentId)
    const { statuses, workingStatuses } = filter
    if (statuses !== undefined || workingStatuses !== undefined) {
      query = query.where((eb) =>
        eb.or([
          ...(statuses === undefined || statuses.length === 0 ? [] : [eb('catalog_resources.status', 'in', statuses as ResourceStatus[])]),
          ...(workingStatuses === undefined || workingStatuses.length === 0
            ? []
            : [eb('catalog_resources.working_status', 'in', workingStatuses as Array<'draft' | 'submitted' | 'returned'>)]),
        ]),
      )
    }
    if (filter.nameLike !== undefined && filter.nameLike !== '') query = query.where('catalog_resources.name', 'like', `%${filter.nameLike}%`)
    const [rows, count] = await Promise.all([
      query
        .selectAll('catalog_resources')
        .select(['departments.code as department_code', 'departments.name as department_name'])
        .orderBy('catalog_resources.updated_at', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map(toResource), total: Number(count.total) }
  }

  async insertResource(resource: {
    code: string
    classificationCode: string
    sequence: number
    departmentId: string
    name: string
    createdBy: string
    revision: number
  }): Promise<string> {
    const id = newId()
    const timestamp = now()
    await this.db
      .insertInto('catalog_resources')
      .values({
        id,
        code: resource.code,
        classification_code: resource.classificationCode,
        sequence: resource.sequence,
        department_id: resource.departmentId,
        status: 'draft',
        working_status: 'draft',
        published_version: null,
        latest_version: 1,
        name: resource.name,
        index_revision: resource.revision,
        created_by: resource.createdBy,
        created_at: timestamp,
        updated_at: timestamp,
      })
      .execute()
    return id
  }

  async updateResource(
    id: string,
    changes: Partial<Pick<CatalogResourceTable, 'status' | 'working_status' | 'published_version' | 'latest_version' | 'name' | 'index_revision'>>,
  ): Promise<void> {
    await this.db
      .updateTable('catalog_resources')
      .set({ ...changes, updated_at: now() })
      .where('id', '=', id)
      .execute()
  }

  async deleteResource(id: string): Promise<void> {
    await this.db.deleteFrom('catalog_resources').where('id', '=', id).execute()
  }

  async insertVersion(resourceId: string, version: number, content: ResourceContent, createdBy: string): Promise<void> {
    const timestamp = now()
    await this.db
      .insertInto('catalog_versions')
      .values({
        id: newId(),
        resource_id: resourceId,
        version,
        status: 'draft',
        content: JSON.stringify(content),
        created_by: createdBy,
        created_at: timestamp,
        updated_at: timestamp,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
        published_at: null,
      })
      .execute()
  }

  async updateVersion(
    resourceId: string,
    version: number,
    changes: Partial<Omit<CatalogVersionTable, 'id' | 'resource_id' | 'version' | 'content'>> & { content?: ResourceContent },
  ): Promise<void> {
    const { content, ...rest } = changes
    await this.db
      .updateTable('catalog_versions')
      .set({ ...rest, ...(content === undefined ? {} : { content: JSON.stringify(content) }), updated_at: now() })
      .where('resource_id', '=', resourceId)
      .where('version', '=', version)
      .execute()
  }

  async deleteVersion(resourceId: string, version: number): Promise<void> {
    await this.db.deleteFrom('catalog_versions').where('resource_id', '=', resourceId).where('version', '=', version).execute()
  }

  async getVersion(resourceId: string, version: number): Promise<VersionRecord | undefined> {
    const row = await this.db.selectFrom('catalog_versions').selectAll().where('resource_id', '=', resourceId).where('version', '=', version).executeTakeFirst()
    return row === undefined ? undefined : toVersion(row)
  }

  async listVersions(resourceId: string): Promise<VersionRecord[]> {
    const rows = await this.db.selectFrom('catalog_versions').selectAll().where('resource_id', '=', resourceId).orderBy('version', 'desc').execute()
    return rows.map(toVersion)
  }

  async insertReview(review: Omit<ReviewRecord, 'at'> & { resourceId: string }): Promise<void> {
    await this.db
      .insertInto('catalog_reviews')
      .values({
        id: newId(),
        resource_id: review.resourceId,
        version: review.version,
        action: review.action,
        actor_name: review.actorName,
        department_code: review.departmentCode,
        comment: review.comment,
        at: now(),
      })
      .execute()
  }

  async listReviews(resourceId: string): Promise<ReviewRecord[]> {
    const rows = await this.db
      .selectFrom('catalog_reviews')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('at', 'desc')
      .orderBy('version', 'desc')
      .execute()
    return rows.map((row) => ({
      version: Number(row.version),
      action: row.action,
      actorName: row.actor_name,
      departmentCode: row.department_code,
      comment: row.comment,
      at: row.at,
    }))
  }

  /** Resources changed after `revision`, each with its published version (undefined when it has none). */
  async changedSince(revision: number): Promise<IndexedResource[]> {
    const rows = await this.#resources()
      .leftJoin('catalog_versions', (join) =>
        join.onRef('catalog_versions.resource_id', '=', 'catalog_resources.id').onRef('catalog_versions.version', '=', 'catalog_resources.published_version'),
      )
      .select([
        'catalog_versions.id as v_id',
        'catalog_versions.version as v_version',
        'catalog_versions.status as v_status',
        'catalog_versions.content as v_content',
        'catalog_versions.created_by as v_created_by',
        'catalog_versions.created_at as v_created_at',
        'catalog_versions.updated_at as v_updated_at',
        'catalog_versions.submitted_at as v_submitted_at',
        'catalog_versions.reviewed_by as v_reviewed_by',
        'catalog_versions.reviewed_at as v_reviewed_at',
        'catalog_versions.review_comment as v_review_comment',
        'catalog_versions.published_at as v_published_at',
      ])
      .where('catalog_resources.index_revision', '>', revision)
      .execute()
    return rows.map((row) => ({
      resource: toResource(row),
      version:
        row.v_id === null || row.v_content === null
          ? undefined
          : toVersion({
              id: row.v_id,
              resource_id: row.id,
              version: row.v_version ?? 0,
              status: row.v_status ?? 'published',
              content: row.v_content,
              created_by: row.v_created_by ?? '',
              created_at: row.v_created_at ?? '',
              updated_at: row.v_updated_at ?? '',
              submitted_at: row.v_submitted_at,
              reviewed_by: row.v_reviewed_by,
              reviewed_at: row.v_reviewed_at,
              review_comment: row.v_review_comment,
              published_at: row.v_published_at,
            }),
    }))
  }

  /** Published resources with their published versions, optionally only those with the given codes. */
  async published(codes?: readonly string[]): Promise<Array<{ resource: ResourceRecord; version: VersionRecord }>> {
    const wanted = codes === undefined ? undefined : new Set(codes)
    const all = await this.changedSince(-1)
    return all.filter(
      (entry): entry is { resource: ResourceRecord; version: VersionRecord } =>
        entry.resource.status === 'published' && entry.version !== undefined && (wanted === undefined || wanted.has(entry.resource.code)),
    )
  }

  /** The newest version's content of a resource: its draft when one is in progress. */
  async latestContent(resource: ResourceRecord): Promise<ResourceContent | undefined> {
    return (await this.getVersion(resource.id, resource.latestVersion))?.content
  }

  /** Counts of resources by status and by department and status, for statistics. */
  async statusCounts(): Promise<Array<{ departmentCode: string; departmentName: string; status: string; workingStatus: string | null; count: number }>> {
    const rows = await this.db
      .selectFrom('catalog_resources')
      .innerJoin('departments', 'departments.id', 'catalog_resources.department_id')
      .select(['departments.code', 'departments.name', 'catalog_resources.status', 'catalog_resources.working_status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['departments.code', 'departments.name', 'catalog_resources.status', 'catalog_resources.working_status'])
      .execute()
    return rows.map((row) => ({
      departmentCode: row.code,
      departmentName: row.name,
      status: row.status,
      workingStatus: row.working_status,
      count: Number(row.n),
    }))
  }
}

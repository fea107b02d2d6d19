import type { Principal } from '../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { AppError } from '../platform/errors.js'
import { now } from '../platform/ids.js'
import { dcatCatalog, dcatResource } from './dcat.js'
import { diffContent, type ResourceDiff } from './diff.js'
import { classificationCode, type ResourceContent, type ResourceContentInput } from './model.js'
import type { CatalogRepository, ResourceRecord, ReviewRecord, VersionRecord } from './repository.js'
import { catalogRuleProblems } from './rules.js'
import type { CatalogSearchIndex, SearchQuery, SearchResult } from './search-index.js'
import { catalogStatistics, type CatalogStatistics } from './statistics.js'

export interface VersionSummary {
  readonly version: number
  readonly status: VersionRecord['status']
  readonly name: string
  readonly createdBy: string
  readonly createdAt: string
  readonly submittedAt: string | null
  readonly reviewedBy: string | null
  readonly reviewedAt: string | null
  readonly reviewComment: string | null
  readonly publishedAt: string | null
}

export interface ResourceView {
  readonly code: string
  readonly department: ResourceRecord['department']
  readonly status: ResourceRecord['status']
  readonly workingStatus: ResourceRecord['workingStatus']
  readonly publishedVersion: number | null
  readonly latestVersion: number
  readonly createdAt: string
  readonly updatedAt: string
  /** The version shown: the published one, or for its own department and the data office the one being worked on when none is published. */
  readonly version: VersionRecord
  readonly versions: VersionSummary[]
  /** The review trail, for the provider department and the data office only. */
  readonly reviews: ReviewRecord[]
  /** What the caller may do with it now. */
  readonly actions: string[]
}

const PUBLIC_STATUSES: ReadonlySet<VersionRecord['status']> = new Set(['published', 'superseded', 'retired'])

function summary(version: VersionRecord): VersionSummary {
  return {
    version: version.version,
    status: version.status,
    name: version.content.name,
    createdBy: version.createdBy,
    createdAt: version.createdAt,
    submittedAt: version.submittedAt,
    reviewedBy: version.reviewedBy,
    reviewedAt: version.reviewedAt,
    reviewComment: version.reviewComment,
    publishedAt: version.publishedAt,
  }
}

function invalid(content: ResourceContent): void {
  const problems = catalogRuleProblems(content)
  if (problems.length > 0) {
    throw new AppError('HT_VALIDATION', `The catalog entry breaks ${problems.length} rule(s): ${problems[0]?.field} ${problems[0]?.message}`, problems)
  }
}

/**
 * Fills in defaults, trims text and drops empty or repeated tags and related codes, so stored
 * content is complete and canonical.
 */
export function normaliseContent(input: ResourceContentInput): ResourceContent {
  const unique = (values: readonly string[] = []) => [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))]
  return {
    name: input.name.trim(),
    abstract: input.abstract.trim(),
    classification: input.classification,
    category: input.category,
    formatClass: input.formatClass,
    formatType: input.formatType.trim(),
    shareType: input.shareType,
    shareCondition: (input.shareCondition ?? '').trim(),
    legalBasis: (input.legalBasis ?? '').trim(),
    shareMethods: input.shareMethods,
    open: input.open,
    openCondition: (input.openCondition ?? '').trim(),
    updateCycle: input.updateCycle,
    publishDate: input.publishDate ?? null,
    relatedCodes: unique(input.relatedCodes),
    secrecy: input.secrecy,
    tags: unique(input.tags),
    items: input.items.map((item) => ({
      name: item.name.trim(),
      key: item.key.trim(),
      type: item.type,
      length: item.length ?? null,
      required: item.required ?? false,
      primaryKey: item.primaryKey ?? false,
      sensitive: item.sensitive ?? false,
      identifierKind: item.identifierKind ?? null,
      baseItem: item.baseItem ?? false,
      shareType: item.shareType ?? null,
      description: (item.description ?? '').trim(),
    })),
  }
}

/**
 * The catalog's rules: who may register and edit, the review lifecycle
 * (draft → submitted → published → retired, with returns and new versions), visibility, search.
 */
export class CatalogService {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly index: CatalogSearchIndex,
    private readonly audit: AuditLog,
  ) {}

  // Reading

  search(query: SearchQuery): Promise<SearchResult> {
    return this.index.search(query)
  }

  suggest(q: string): ReturnType<CatalogSearchIndex['suggest']> {
    return this.index.suggest(q)
  }

  statistics(): Promise<CatalogStatistics> {
    return catalogStatistics(this.repository, this.index)
  }

  /** The published catalog as DCAT-AP JSON-LD, with URIs under `base`. */
  async dcat(base: string) {
    return dcatCatalog(base, await this.repository.published())
  }

  async dcatResource(base: string, code: string) {
    const [entry] = await this.repository.published([code])
    if (entry === undefined) throw new AppError('HT_NOT_FOUND', `No published catalog resource ${code}`)
    return dcatResource(base, entry)
  }

  /** The caller's own department's resources in every state, newest change first. */
  listOwn(principal: Principal, filter: { status?: string; q?: string; limit: number; offset: number }) {
    const statuses = filter.status === undefined ? undefined : [filter.status]
    return this.repository.listResources({
      departmentId: principal.department.id,
      ...(statuses === undefined ? {} : { statuses, workingStatuses: statuses }),
      ...(filter.q === undefined ? {} : { nameLike: filter.q }),
      limit: filter.limit,
      offset: filter.offset,
    })
  }

  /** The data office's queue: versions waiting for review. */
  reviewQueue(filter: { limit: number; offset: number }) {
    return this.repository.listResources({ workingStatuses: ['submitted'], ...filter })
  }

  async get(principal: Principal, code: string): Promise<ResourceView> {
    const resource = await this.#resource(code)
    const privileged = this.#privileged(principal, resource)
    const versions = (await this.repository.listVersions(resource.id)).filter((version) => privileged || PUBLIC_STATUSES.has(version.status))
    const shown =
      versions.find((version) => version.version === resource.publishedVersion) ?? versions.find((version) => version.status === 'retired') ?? versions[0]
    if (shown === undefined) throw new AppError('HT_NOT_FOUND', `No catalog resource ${code}`)
    return {
      code: resource.code,
      department: resource.department,
      status: resource.status,
      workingStatus: privileged ? resource.workingStatus : null,
      publishedVersion: resource.publishedVersion,
      latestVersion: privileged ? resource.latestVersion : (resource.publishedVersion ?? shown.version),
      createdAt: resource.createdAt,
      updatedAt: resource.updatedAt,
      version: shown,
      versions: versions.map(summary),
      reviews: privileged ? await this.repository.listReviews(resource.id) : [],
      actions: this.#actions(principal, resource),
    }
  }

  async getVersion(principal: Principal, code: string, number: number): Promise<VersionRecord> {
    const resource = await this.#resource(code)
    const version = await this.repository.getVersion(resource.id, number)
    if (version === undefined || (!this.#privileged(principal, resource) && !PUBLIC_STATUSES.has(version.status))) {
      throw new AppError('HT_NOT_FOUND', `No version ${number} of ${code}`)
    }
    return version
  }

  async diff(principal: Principal, code: string, from: number, to: number): Promise<ResourceDiff & { from: number; to: number }> {
    const [before, after] = await Promise.all([this.getVersion(principal, code, from), this.getVersion(principal, code, to)])
    return { from, to, ...diffContent(before.content, after.content) }
  }

  // Writing: stewards of the provider department

  /** Registers a new resource as a draft; its catalog code is assigned now and never changes. */
  async create(principal: Principal, input: ResourceContentInput, meta: RequestMeta): Promise<ResourceView> {
    const content = normaliseContent(input)
    invalid(content)
    const code = await this.repository.transaction((repository) => this.createIn(repository, principal, content))
    await this.audit.append({ ...auditActor(principal, meta), action: 'catalog.create', target: code, outcome: 'success', detail: { name: content.name } })
    return this.get(principal, code)
  }

  /** `create` inside the caller's transaction, for imports; the content must already be valid. */
  async createIn(repository: CatalogRepository, principal: Principal, content: ResourceContent): Promise<string> {
    this.#requireSteward(principal)
    const revision = await repository.bumpRevision()
    if ((await repository.findResourceByName(principal.department.id, content.name)) !== undefined) {
      throw new AppError('HT_DUPLICATE', `Your department already has a resource named ${content.name}`, [
        { field: '/name', message: 'already registered (资源名称重复)' },
      ])
    }
    const head = classificationCode(content.classification, content.category, principal.department.code)
    const sequence = await repository.nextSequence(head)
    const code = `${head}/${String(sequence).padStart(6, '0')}`
    const id = await repository.insertResource({
      code,
      classificationCode: head,
      sequence,
      departmentId: principal.department.id,
      name: content.name,
      createdBy: principal.name,
      revision,
    })
    await repository.insertVersion(id, 1, content, principal.name)
    await repository.insertReview({
      resourceId: id,
      version: 1,
      action: 'create',
      actorName: principal.name,
      departmentCode: principal.department.code,
      comment: null,
    })
    return code
  }

  /**
   * Saves the working draft. On a published resource with nothing in progress this opens a new
   * version, which goes through review before it replaces the published one.
   */
  async saveDraft(principal: Principal, code: string, input: ResourceContentInput, meta: RequestMeta): Promise<ResourceView> {
    const content = normaliseContent(input)
    invalid(content)
    const version = await this.repository.transaction((repository) => this.saveDraftIn(repository, principal, code, content))
    await this.audit.append({ ...auditActor(principal, meta), action: 'catalog.edit', target: code, outcome: 'success', detail: { version } })
    return this.get(principal, code)
  }

  /** `saveDraft` inside the caller's transaction; returns the draft's version number. */
  async saveDraftIn(repository: CatalogRepository, principal: Principal, code: string, content: ResourceContent): Promise<number> {
    const revision = await repository.bumpRevision()
    const resource = await this.#ownResource(principal, code, repository)
    if (content.name !== resource.name) {
      const clash = await repository.findResourceByName(resource.department.id, content.name)
      if (clash !== undefined && clash.id !== resource.id) {
        throw new AppError('HT_DUPLICATE', `Your department already has a resource named ${content.name}`, [
          { field: '/name', message: 'already registered (资源名称重复)' },
        ])
      }
    }
    if (resource.status === 'retired') throw new AppError('HT_CONFLICT', `${code} is retired and cannot be edited`)
    if (resource.workingStatus === 'submitted') throw new AppError('HT_CONFLICT', `${code} is under review; withdraw it before editing`)
    const editing = resource.workingStatus === 'draft' || resource.workingStatus === 'returned'
    const version = editing ? resource.latestVersion : resource.latestVersion + 1
    if (editing) await repository.updateVersion(resource.id, version, { content, status: 'draft' })
    else await repository.insertVersion(resource.id, version, content, principal.name)
    await repository.updateResource(resource.id, {
      working_status: 'draft',
      latest_version: version,
      ...(resource.publishedVersion === null ? { status: 'draft', name: content.name } : {}),
      index_revision: revision,
    })
    await repository.insertReview({
      resourceId: resource.id,
      version,
      action: 'edit',
      actorName: principal.name,
      departmentCode: principal.department.code,
      comment: null,
    })
    return version
  }

  async submit(principal: Principal, code: string, meta: RequestMeta): Promise<ResourceView> {
    return this.#transition(principal, code, meta, 'submit', (repository, resource) => this.#submit(repository, resource))
  }

  /** `submit` inside the caller's transaction. */
  async submitIn(repository: CatalogRepository, principal: Principal, code: string): Promise<void> {
    const revision = await repository.bumpRevision()
    const resource = await this.#ownResource(principal, code, repository)
    const { version } = await this.#submit(repository, resource)
    await repository.updateResource(resource.id, { index_revision: revision })
    await repository.insertReview({
      resourceId: resource.id,
      version,
      action: 'submit',
      actorName: principal.name,
      departmentCode: principal.department.code,
      comment: null,
    })
  }

  async #submit(repository: CatalogRepository, resource: ResourceRecord): Promise<{ version: number; comment: null }> {
    if (resource.workingStatus !== 'draft' && resource.workingStatus !== 'returned') {
      throw new AppError('HT_CONFLICT', `${resource.code} has no draft to submit`)
    }
    const version = await repository.getVersion(resource.id, resource.latestVersion)
    if (version !== undefined) invalid(version.content)
    await repository.updateVersion(resource.id, resource.latestVersion, { status: 'submitted', submitted_at: now() })
    await repository.updateResource(resource.id, {
      working_status: 'submitted',
      ...(resource.publishedVersion === null ? { status: 'submitted' } : {}),
    })
    return { version: resource.latestVersion, comment: null }
  }

  /** Takes a submitted version back to draft before the data office has decided. */
  async withdraw(principal: Principal, code: string, meta: RequestMeta): Promise<ResourceView> {
    return this.#transition(principal, code, meta, 'withdraw', async (repository, resource) => {
      if (resource.workingStatus !== 'submitted') throw new AppError('HT_CONFLICT', `${code} is not under review`)
      await repository.updateVersion(resource.id, resource.latestVersion, { status: 'draft', submitted_at: null })
      await repository.updateResource(resource.id, { working_status: 'draft', ...(resource.publishedVersion === null ? { status: 'draft' } : {}) })
      return { version: resource.latestVersion, comment: null }
    })
  }

  /** Discards the working draft; a resource never published disappears with it. */
  async discard(principal: Principal, code: string, meta: RequestMeta): Promise<{ deleted: boolean }> {
    let deleted = false
    await this.repository.transaction(async (repository) => {
      const revision = await repository.bumpRevision()
      const resource = await this.#ownResource(principal, code, repository)
      if (resource.workingStatus !== 'draft' && resource.workingStatus !== 'returned') {
        throw new AppError('HT_CONFLICT', `${code} has no draft to discard`)
      }
      if (resource.publishedVersion === null && resource.status !== 'retired') {
        await repository.deleteResource(resource.id)
        deleted = true
        return
      }
      await repository.deleteVersion(resource.id, resource.latestVersion)
      await repository.updateResource(resource.id, { working_status: null, latest_version: resource.latestVersion - 1, index_revision: revision })
      await repository.insertReview({
        resourceId: resource.id,
        version: resource.latestVersion,
        action: 'discard',
        actorName: principal.name,
        departmentCode: principal.department.code,
        comment: null,
      })
    })
    await this.audit.append({ ...auditActor(principal, meta), action: 'catalog.discard', target: code, outcome: 'success', detail: { deleted } })
    return { deleted }
  }

  // Review: the data office

  async approve(principal: Principal, code: string, comment: string | null, meta: RequestMeta): Promise<ResourceView> {
    return this.#transition(
      principal,
      code,
      meta,
      'approve',
      async (repository, resource) => {
        if (resource.workingStatus !== 'submitted') throw new AppError('HT_CONFLICT', `${code} is not waiting for review`)
        const version = await repository.getVersion(resource.id, resource.latestVersion)
        if (version === undefined) throw new AppError('HT_CONFLICT', `${code} has no version to approve`)
        const timestamp = now()
        if (resource.publishedVersion !== null) {
          await repository.updateVersion(resource.id, resource.publishedVersion, { status: 'superseded' })
        }
        await repository.updateVersion(resource.id, version.version, {
          status: 'published',
          reviewed_by: principal.name,
          reviewed_at: timestamp,
          review_comment: comment,
          published_at: timestamp,
        })
        await repository.updateResource(resource.id, {
          status: 'published',
          working_status: null,
          published_version: version.version,
          name: version.content.name,
        })
        return { version: version.version, comment }
      },
      'dataoffice',
    )
  }

  async returnForChanges(principal: Principal, code: string, reason: string, meta: RequestMeta): Promise<ResourceView> {
    return this.#transition(
      principal,
      code,
      meta,
      'return',
      async (repository, resource) => {
        if (resource.workingStatus !== 'submitted') throw new AppError('HT_CONFLICT', `${code} is not waiting for review`)
        await repository.updateVersion(resource.id, resource.latestVersion, {
          status: 'returned',
          reviewed_by: principal.name,
          reviewed_at: now(),
          review_comment: reason,
        })
        await repository.updateResource(resource.id, { working_status: 'returned', ...(resource.publishedVersion === null ? { status: 'returned' } : {}) })
        return { version: resource.latestVersion, comment: reason }
      },
      'dataoffice',
    )
  }

  /** Retires a published resource: it leaves the search results, its versions stay readable. */
  async retire(principal: Principal, code: string, reason: string, meta: RequestMeta): Promise<ResourceView> {
    return this.#transition(
      principal,
      code,
      meta,
      'retire',
      async (repository, resource) => {
        if (resource.status !== 'published' || resource.publishedVersion === null) throw new AppError('HT_CONFLICT', `${code} is not published`)
        if (resource.workingStatus !== null) throw new AppError('HT_CONFLICT', `${code} has a version in progress; discard or finish it first`)
        await repository.updateVersion(resource.id, resource.publishedVersion, { status: 'retired', review_comment: reason })
        await repository.updateResource(resource.id, { status: 'retired' })
        return { version: resource.publishedVersion, comment: reason }
      },
      'retire',
    )
  }

  // Helpers

  async #transition(
    principal: Principal,
    code: string,
    meta: RequestMeta,
    action: 'submit' | 'withdraw' | 'approve' | 'return' | 'retire',
    change: (repository: CatalogRepository, resource: ResourceRecord) => Promise<{ version: number; comment: string | null }>,
    authority: 'steward' | 'dataoffice' | 'retire' = 'steward',
  ): Promise<ResourceView> {
    if (authority === 'dataoffice' && !principal.roles.includes('dataoffice')) {
      throw new AppError('HT_FORBIDDEN', 'Only the data office reviews catalog entries')
    }
    const done = await this.repository.transaction(async (repository) => {
      const revision = await repository.bumpRevision()
      const resource = authority === 'steward' ? await this.#ownResource(principal, code, repository) : await this.#resource(code, repository)
      if (authority === 'retire' && !principal.roles.includes('dataoffice')) await this.#ownResource(principal, code, repository)
      const result = await change(repository, resource)
      await repository.updateResource(resource.id, { index_revision: revision })
      await repository.insertReview({
        resourceId: resource.id,
        version: result.version,
        action,
        actorName: principal.name,
        departmentCode: principal.department.code,
        comment: result.comment,
      })
      return result
    })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: `catalog.${action}`,
      target: code,
      outcome: 'success',
      detail: { version: done.version, ...(done.comment === null ? {} : { comment: done.comment }) },
    })
    return this.get(principal, code)
  }

  async #resource(code: string, repository: CatalogRepository = this.repository): Promise<ResourceRecord> {
    const resource = await repository.findResource(code)
    if (resource === undefined) throw new AppError('HT_NOT_FOUND', `No catalog resource ${code}`)
    return resource
  }

  /** The resource, if the caller is a steward of its provider department; otherwise refused. */
  async #ownResource(principal: Principal, code: string, repository: CatalogRepository): Promise<ResourceRecord> {
    this.#requireSteward(principal)
    const resource = await this.#resource(code, repository)
    if (resource.department.id !== principal.department.id) {
      // Another department's draft must not be confirmed to exist.
      if (resource.publishedVersion === null) throw new AppError('HT_NOT_FOUND', `No catalog resource ${code}`)
      throw new AppError('HT_FORBIDDEN', `${code} belongs to ${resource.department.name}; only its stewards edit it`)
    }
    return resource
  }

  #requireSteward(principal: Principal): void {
    if (!principal.roles.includes('steward')) throw new AppError('HT_FORBIDDEN', 'Only a department’s data steward registers and edits its resources')
  }

  #privileged(principal: Principal, resource: ResourceRecord): boolean {
    return principal.department.id === resource.department.id || principal.roles.includes('dataoffice')
  }

  #actions(principal: Principal, resource: ResourceRecord): string[] {
    const actions: string[] = []
    const steward = principal.roles.includes('steward') && principal.department.id === resource.department.id
    const working = resource.workingStatus
    if (steward && resource.status !== 'retired' && working !== 'submitted') actions.push('edit')
    if (steward && (working === 'draft' || working === 'returned')) actions.push('submit', 'discard')
    if (steward && working === 'submitted') actions.push('withdraw')
    if (principal.roles.includes('dataoffice') && working === 'submitted') actions.push('approve', 'return')
    if ((steward || principal.roles.includes('dataoffice')) && resource.status === 'published' && working === null) actions.push('retire')
    return actions
  }
}

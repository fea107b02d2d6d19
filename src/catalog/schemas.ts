import { Type } from 'typebox'
import {
  CLASSIFICATIONS,
  FORMAT_CLASSES,
  IDENTIFIER_KINDS,
  ITEM_TYPES,
  RESOURCE_STATUSES,
  SECRECY_LEVELS,
  SHARE_METHODS,
  SHARE_TYPES,
  UPDATE_CYCLES,
  VERSION_STATUSES,
} from './model.js'
import { FACETS } from './search-index.js'

const Text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description === undefined ? {} : { description }) })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const ItemSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: '信息项名称' }),
    key: Type.String({ minLength: 1, maxLength: 63, description: 'field key: lower case letters, digits, _' }),
    type: Type.Enum(ITEM_TYPES, { description: 'C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点' }),
    length: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
    required: Type.Optional(Type.Boolean()),
    primaryKey: Type.Optional(Type.Boolean()),
    sensitive: Type.Optional(Type.Boolean({ description: 'sensitive personal information (敏感个人信息)' })),
    identifierKind: Type.Optional(Type.Union([Type.Enum(IDENTIFIER_KINDS), Type.Null()])),
    baseItem: Type.Optional(Type.Boolean({ description: 'a base item of a base-registry resource (基础信息项)' })),
    shareType: Type.Optional(Type.Union([Type.Enum(SHARE_TYPES), Type.Null()], { description: 'overrides the resource share type; null inherits it' })),
    description: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
)

/** A catalog entry as a steward submits it; left-out optional fields take their defaults. */
export const ResourceContentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: '资源名称' }),
    abstract: Type.String({ minLength: 1, maxLength: 2000, description: '资源摘要' }),
    classification: Type.Enum(CLASSIFICATIONS, { description: 'base 基础 / theme 主题 / department 部门' }),
    category: Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Null()], { description: 'base kind or theme code; null for department resources' }),
    formatClass: Type.Enum(FORMAT_CLASSES),
    formatType: Type.String({ minLength: 1, maxLength: 50 }),
    shareType: Type.Enum(SHARE_TYPES),
    shareCondition: Type.Optional(Text(1000, 'required when conditional')),
    legalBasis: Type.Optional(Text(1000, 'required when not shared')),
    shareMethods: Type.Array(Type.Enum(SHARE_METHODS), { maxItems: 3 }),
    open: Type.Boolean({ description: '是否向社会开放' }),
    openCondition: Type.Optional(Text(1000)),
    updateCycle: Type.Enum(UPDATE_CYCLES),
    publishDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    relatedCodes: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 })),
    secrecy: Type.Enum(SECRECY_LEVELS, { description: 'only non-secret resources may be registered' }),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
    items: Type.Array(ItemSchema, { maxItems: 500 }),
  },
  { additionalProperties: false },
)

/** An item as stored: every default filled in. */
export const CatalogItemSchema = Type.Required(ItemSchema, { $id: 'CatalogItem' })

/** A catalog entry as stored: complete and canonical, whatever the steward left out. */
export const StoredContentSchema = Type.Object(
  {
    ...Type.Required(ResourceContentSchema).properties,
    shareMethods: Type.Immutable(Type.Array(Type.Enum(SHARE_METHODS))),
    relatedCodes: Type.Immutable(Type.Array(Type.String())),
    tags: Type.Immutable(Type.Array(Type.String())),
    items: Type.Immutable(Type.Array(CatalogItemSchema)),
  },
  { $id: 'ResourceContent' },
)

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })

export const VersionSchema = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    status: Type.Enum(VERSION_STATUSES),
    content: StoredContentSchema,
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    submittedAt: Nullable(Type.String()),
    reviewedBy: Nullable(Type.String()),
    reviewedAt: Nullable(Type.String()),
    reviewComment: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
  },
  { $id: 'ResourceVersion' },
)

/** A version in a list: the version's fields but its content, plus the entry's name. */
const { id: _id, content: _content, updatedAt: _updatedAt, ...summaryFields } = VersionSchema.properties
const VersionSummarySchema = Type.Object({ ...summaryFields, name: Type.String() }, { $id: 'VersionSummary' })

export const ResourceViewSchema = Type.Object({
  code: Type.String(),
  department: DepartmentRef,
  status: Type.Enum(RESOURCE_STATUSES),
  workingStatus: Type.Union([Type.Enum(['draft', 'submitted', 'returned']), Type.Null()]),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  latestVersion: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: VersionSchema,
  versions: Type.Array(VersionSummarySchema),
  reviews: Type.Array(
    Type.Object(
      {
        version: Type.Integer(),
        action: Type.String(),
        actorName: Type.String(),
        departmentCode: Nullable(Type.String()),
        comment: Nullable(Type.String()),
        at: Type.String(),
      },
      { $id: 'ReviewEntry' },
    ),
  ),
  actions: Type.Array(Type.String()),
})

export const ResourceRecordSchema = Type.Object(
  {
    code: Type.String(),
    department: DepartmentRef,
    status: Type.Enum(RESOURCE_STATUSES),
    workingStatus: Type.Union([Type.Enum(['draft', 'submitted', 'returned']), Type.Null()]),
    publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
    latestVersion: Type.Integer(),
    name: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'ResourceRecord' },
)

export const SearchDocumentSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    abstract: Type.String(),
    department: DepartmentRef,
    classification: Type.Enum(CLASSIFICATIONS),
    category: Nullable(Type.String()),
    formatClass: Type.Enum(FORMAT_CLASSES),
    formatType: Type.String(),
    shareType: Type.Enum(SHARE_TYPES),
    open: Type.Boolean(),
    updateCycle: Type.Enum(UPDATE_CYCLES),
    tags: Type.Array(Type.String()),
    itemCount: Type.Integer(),
    version: Type.Integer(),
    publishedAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'SearchDocument' },
)

const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }))

export const SearchResultSchema = Type.Object({
  items: Type.Array(SearchDocumentSchema),
  total: Type.Integer(),
  facets: Type.Object(Object.fromEntries(FACETS.map((facet) => [facet, FacetList])) as Record<(typeof FACETS)[number], typeof FacetList>),
})

const Multi = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50, description }))

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Chinese words, pinyin (renkou) or initials (rkjc); several terms must all match' })),
    department: Multi('provider department codes'),
    classification: Multi('base / theme / department'),
    category: Multi('base kind or theme codes'),
    shareType: Multi('unconditional / conditional / none'),
    open: Multi('true / false'),
    formatClass: Multi('格式分类'),
    updateCycle: Multi('更新周期'),
    sort: Type.Optional(Type.Enum(['relevance', 'published', '-published', 'name', '-name', 'code', '-code', 'department', '-department'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)

// The diff lists items twice, and a named schema may appear only once in a response.
const DiffItem = Type.Object(CatalogItemSchema.properties)

export const DiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
  itemsAdded: Type.Array(DiffItem),
  itemsRemoved: Type.Array(DiffItem),
  itemsChanged: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
    }),
  ),
})

const Counts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }))

export const StatisticsSchema = Type.Object({
  totals: Type.Object({ all: Type.Integer(), published: Type.Integer(), pendingReview: Type.Integer() }),
  byStatus: Counts,
  byDepartment: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      total: Type.Integer(),
      published: Type.Integer(),
      draft: Type.Integer(),
      submitted: Type.Integer(),
      returned: Type.Integer(),
      retired: Type.Integer(),
    }),
  ),
  byClassification: Counts,
  byShareType: Counts,
  byOpenness: Counts,
  byFormatClass: Counts,
  byUpdateCycle: Counts,
})

const Labelled = Type.Array(Type.Object({ value: Type.String(), zh: Type.String(), en: Type.String() }))

export const CatalogMetaSchema = Type.Object({
  classifications: Labelled,
  baseKinds: Labelled,
  themes: Labelled,
  formatClasses: Type.Array(Type.Object({ value: Type.String(), zh: Type.String(), en: Type.String(), types: Type.Array(Type.String()) })),
  itemTypes: Labelled,
  identifierKinds: Labelled,
  shareTypes: Labelled,
  shareMethods: Labelled,
  updateCycles: Labelled,
  statuses: Labelled,
})

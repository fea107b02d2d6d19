import { Type } from 'typebox'
import { OPERATIONS } from '../gate/model.js'

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()])
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' })

export const GrantItemSchema = Type.Object(
  { key: Type.String({ minLength: 1, maxLength: 63 }), masked: Type.Boolean() },
  { $id: 'GrantItem', additionalProperties: false },
)
export const OperationSchema = Type.Enum(OPERATIONS)

export const RequestBody = Type.Object(
  {
    resource: Type.String({ minLength: 1, maxLength: 20, description: 'catalog code, e.g. 101/000001' }),
    items: Type.Array(GrantItemSchema, { minItems: 1, maxItems: 500 }),
    operations: Type.Array(OperationSchema, { minItems: 1, maxItems: 5 }),
    purpose: Type.String({ minLength: 2, maxLength: 500, description: '用途' }),
    legalBasis: Type.String({ minLength: 2, maxLength: 1000, description: '依据' }),
    validFrom: Type.Optional(Day),
    validUntil: Day,
  },
  { additionalProperties: false },
)

export const ApproveBody = Type.Object(
  {
    items: Type.Optional(Type.Array(GrantItemSchema, { minItems: 1, maxItems: 500 })),
    operations: Type.Optional(Type.Array(OperationSchema, { minItems: 1, maxItems: 5 })),
    validUntil: Type.Optional(Day),
    rateLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'reads a minute per node; 0 for none' })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
)

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false })

export const SharingRequestSchema = Type.Object(
  {
    id: Type.String(),
    resourceCode: Type.String(),
    resourceName: Type.String(),
    shareType: Type.String(),
    provider: DepartmentRef,
    consumer: DepartmentRef,
    requestedBy: Type.String(),
    items: Type.Array(GrantItemSchema),
    operations: Type.Array(OperationSchema),
    purpose: Type.String(),
    legalBasis: Type.String(),
    validFrom: Type.String(),
    validUntil: Type.String(),
    status: Type.Enum(['pending', 'approved', 'refused', 'cancelled']),
    deadline: Type.String(),
    overdue: Type.Boolean(),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    grantId: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'SharingRequest' },
)

export const GrantSchema = Type.Object(
  {
    id: Type.String(),
    resourceId: Type.String(),
    resourceCode: Type.String(),
    resourceName: Type.String(),
    provider: DepartmentRef,
    consumer: DepartmentRef,
    requestId: Nullable(Type.String()),
    items: Type.Array(GrantItemSchema),
    operations: Type.Array(OperationSchema),
    purpose: Type.String(),
    validFrom: Type.String(),
    validUntil: Type.String(),
    rateLimit: Type.Integer(),
    status: Type.Enum(['active', 'revoked']),
    effective: Type.Boolean(),
    grantedBy: Type.String(),
    createdAt: Type.String(),
    revokedAt: Nullable(Type.String()),
    revokedBy: Nullable(Type.String()),
    revokeReason: Nullable(Type.String()),
  },
  { $id: 'Grant' },
)

const Tally = {
  requests: Type.Integer(),
  approved: Type.Integer(),
  refused: Type.Integer(),
  pending: Type.Integer(),
  grants: Type.Integer(),
  reads: Type.Integer(),
  records: Type.Integer(),
  averageApprovalWorkingDays: Type.Union([Type.Number(), Type.Null()]),
}
const Party = Type.Object({ code: Type.String(), name: Type.String() })

/** The exchange's figures (共享统计): per resource and per department, and the sharing rate. */
export const ExchangeStatsSchema = Type.Object({
  sharingRate: Type.Object({
    shared: Type.Integer(),
    published: Type.Integer(),
    rate: Type.Number({ description: 'published resources shared with another department ÷ published' }),
    target: Type.Number(),
  }),
  requests: Type.Object({
    total: Type.Integer(),
    pending: Type.Integer(),
    approved: Type.Integer(),
    refused: Type.Integer(),
    overdue: Type.Integer(),
    averageApprovalWorkingDays: Type.Union([Type.Number(), Type.Null()]),
  }),
  grants: Type.Object({ active: Type.Integer(), total: Type.Integer() }),
  reads: Type.Object({ total: Type.Integer(), records: Type.Integer() }),
  objections: Type.Object({ open: Type.Integer(), answered: Type.Integer() }),
  byResource: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), provider: Party, ...Tally })),
  byDepartment: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), asProvider: Type.Object(Tally), asConsumer: Type.Object(Tally) })),
})

import { Type } from 'typebox'
import { OPERATIONS } from '../gate/model.js'

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()])
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' })

export const GrantItemSchema = Type.Object({ key: Type.String({ minLength: 1, maxLength: 63 }), masked: Type.Boolean() }, { additionalProperties: false })
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

export const SharingRequestSchema = Type.Object({
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
})

export const GrantSchema = Type.Object({
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
})

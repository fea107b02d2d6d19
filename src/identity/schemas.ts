import { Type } from 'typebox'
import { USER_SORTS } from './repository.js'
import { ROLES } from '../platform/auth/roles.js'

export const RoleSchema = Type.Enum(ROLES, { description: 'role' })

const DepartmentRefSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    department: DepartmentRefSchema,
    roles: Type.Array(RoleSchema),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'User' },
)

export const MeSchema = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('client')]),
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  department: DepartmentRefSchema,
  roles: Type.Array(RoleSchema),
})

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'Bearer token; send as Authorization: Bearer <token>' }),
  expiresAt: Type.String(),
  user: UserSchema,
})

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
)

const Username = Type.String({ pattern: '^[a-z][a-z0-9_.-]{1,31}$', description: 'lower case letters, digits, _ . -; 2–32 characters' })
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Text(64),
    department: Type.String({ minLength: 1, description: 'department id or code' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Text(64)),
    department: Type.Optional(Type.String({ minLength: 1 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const ResetPasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false })

export const SetRolesBody = Type.Object({ roles: Type.Array(RoleSchema, { maxItems: 8 }) }, { additionalProperties: false })

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64 })),
    department: Type.Optional(Type.String()),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    sort: Type.Optional(Type.Enum(USER_SORTS, { description: 'sort key; a leading - sorts descending' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)

export const DepartmentSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    nameEn: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    kind: Type.Union([Type.Literal('city'), Type.Literal('district')]),
    divisionCode: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Department' },
)

const DivisionCode = Type.String({ pattern: '^\\d{6}(\\d{6})?$', description: 'GB/T 2260 division code, 6 or 12 digits' })

export const CreateDepartmentBody = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9A-Z]{3,18}$', description: 'stable department code' }),
    name: Text(64),
    shortName: Text(32),
    nameEn: Text(128),
    parent: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    kind: Type.Union([Type.Literal('city'), Type.Literal('district')]),
    divisionCode: Type.Union([DivisionCode, Type.Null()]),
  },
  { additionalProperties: false },
)

export const UpdateDepartmentBody = Type.Object(
  {
    name: Type.Optional(Text(64)),
    shortName: Type.Optional(Text(32)),
    nameEn: Type.Optional(Text(128)),
    parent: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    kind: Type.Optional(Type.Union([Type.Literal('city'), Type.Literal('district')])),
    divisionCode: Type.Optional(Type.Union([DivisionCode, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const ApiClientSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    department: DepartmentRefSchema,
    roles: Type.Array(RoleSchema),
    tokenPrefix: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ApiClient' },
)

export const CreateClientBody = Type.Object(
  {
    name: Text(64),
    department: Type.Optional(Type.String({ minLength: 1, description: 'defaults to your own department' })),
    roles: Type.Optional(Type.Array(RoleSchema, { maxItems: 2 })),
    expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
)

export const SecuritySettingsSchema = Type.Object({
  passwordMinLength: Type.Integer({ minimum: 8, maximum: 64 }),
  passwordMinClasses: Type.Integer({ minimum: 1, maximum: 4 }),
  lockoutThreshold: Type.Integer({ minimum: 3, maximum: 20 }),
  lockoutWindowMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  sessionTtlMinutes: Type.Integer({ minimum: 5, maximum: 43200 }),
})

export const UpdateSecuritySettingsBody = Type.Partial(SecuritySettingsSchema, { additionalProperties: false, minProperties: 1 })

export const RoleInfoSchema = Type.Object({ role: RoleSchema, zh: Type.String(), en: Type.String() }, { $id: 'RoleInfo' })

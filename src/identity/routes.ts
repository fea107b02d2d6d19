import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { metaOf, principalOf } from '../platform/http/access.js'
import { ERROR_RESPONSES, PageOf } from '../platform/http/schemas.js'
import type { Principal } from '../platform/auth/principal.js'
import { ROLE_LABELS, ROLES } from '../platform/auth/roles.js'
import {
  ApiClientSchema,
  ChangePasswordBody,
  CreateClientBody,
  CreateDepartmentBody,
  CreateUserBody,
  DepartmentSchema,
  LoginBody,
  LoginResponse,
  MeSchema,
  ResetPasswordBody,
  RoleInfoSchema,
  SecuritySettingsSchema,
  SetRolesBody,
  UpdateDepartmentBody,
  UpdateSecuritySettingsBody,
  UpdateUserBody,
  UserListQuery,
  UserSchema,
} from './schemas.js'
import type { IdentityService } from './service.js'

const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

function me(principal: Principal) {
  return {
    kind: principal.kind,
    id: principal.id,
    username: principal.name,
    displayName: principal.displayName,
    department: principal.department,
    roles: [...principal.roles],
  }
}

/** Sign-in, the caller's own account, users and roles, departments, API clients, security settings. */
export const identityRoutes: FastifyPluginAsyncTypebox<{ identity: IdentityService }> = async (app, { identity }) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with username and password (登录)',
        body: LoginBody,
        response: { 200: LoginResponse, 401: Type.Ref('Problem'), 423: Type.Ref('Problem') },
      },
    },
    async (request) => identity.login(request.body.username, request.body.password, metaOf(request)),
  )

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'End this session (退出登录)', response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await identity.logout(principalOf(request), metaOf(request))
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Who am I: account, department and roles (当前用户)', response: { 200: MeSchema, ...ERROR_RESPONSES } },
    },
    async (request) => me(principalOf(request)),
  )

  app.put(
    '/me/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Change my password (修改密码)', body: ChangePasswordBody, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await identity.changeOwnPassword(principalOf(request), request.body.currentPassword, request.body.newPassword, metaOf(request))
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/roles',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'The roles and their names (角色)', response: { 200: Type.Array(RoleInfoSchema) } },
    },
    async () => ROLES.map((role) => ({ role, ...ROLE_LABELS[role] })),
  )

  // Users: the system administrator keeps accounts, the security administrator gives roles.

  app.get(
    '/users',
    {
      config: { access: ['sysadmin', 'secadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'List users with search and paging (用户列表)',
        querystring: UserListQuery,
        response: { 200: PageOf(UserSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.listUsers({ limit: 50, offset: 0, ...request.query }),
  )

  app.get(
    '/users/:id',
    {
      config: { access: ['sysadmin', 'secadmin'] },
      schema: { tags: ['identity'], summary: 'One user by id or username', params: IdParam, response: { 200: UserSchema, ...ERROR_RESPONSES } },
    },
    async (request) => identity.getUser(request.params.id),
  )

  app.post(
    '/users',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Create a user account, without roles (新建用户)',
        body: CreateUserBody,
        response: { 201: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const user = await identity.createUser(principalOf(request), { ...request.body, roles: [] }, metaOf(request))
      return reply.status(201).send(user)
    },
  )

  app.patch(
    '/users/:id',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Change a user’s name, department or status (修改用户)',
        params: IdParam,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.updateUser(principalOf(request), request.params.id, request.body, metaOf(request)),
  )

  app.put(
    '/users/:id/password',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Reset a user’s password; ends their sessions (重置密码)',
        params: IdParam,
        body: ResetPasswordBody,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await identity.resetPassword(principalOf(request), request.params.id, request.body.password, metaOf(request))
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/users/:id/roles',
    {
      config: { access: ['secadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Set a user’s roles (分配角色); the three administrator roles exclude all others',
        params: IdParam,
        body: SetRolesBody,
        response: { 200: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.setRoles(principalOf(request), request.params.id, request.body.roles, metaOf(request)),
  )

  // Departments

  app.get(
    '/departments',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'All departments (部门)', response: { 200: Type.Array(DepartmentSchema), ...ERROR_RESPONSES } },
    },
    async () => identity.listDepartments(),
  )

  app.post(
    '/departments',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Create a department (新建部门)',
        body: CreateDepartmentBody,
        response: { 201: DepartmentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.status(201).send(await identity.createDepartment(principalOf(request), request.body, metaOf(request))),
  )

  app.patch(
    '/departments/:id',
    {
      config: { access: ['sysadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Change a department (修改部门)',
        params: IdParam,
        body: UpdateDepartmentBody,
        response: { 200: DepartmentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.updateDepartment(principalOf(request), request.params.id, request.body, metaOf(request)),
  )

  // API clients: a department's systems

  app.get(
    '/clients',
    {
      config: { access: ['sysadmin', 'steward'] },
      schema: {
        tags: ['identity'],
        summary: 'API clients: all for the system administrator, own department’s for a steward (接入系统)',
        response: { 200: Type.Array(ApiClientSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.listClients(principalOf(request)),
  )

  app.post(
    '/clients',
    {
      config: { access: ['sysadmin', 'steward'] },
      schema: {
        tags: ['identity'],
        summary: 'Create an API client; the token is shown once (新建接入系统)',
        body: CreateClientBody,
        response: { 201: Type.Object({ client: ApiClientSchema, token: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request)
      const created = await identity.createClient(
        actor,
        {
          name: request.body.name,
          department: request.body.department ?? actor.department.id,
          roles: request.body.roles ?? [],
          expiresAt: request.body.expiresAt ?? null,
        },
        metaOf(request),
      )
      return reply.status(201).send(created)
    },
  )

  app.delete(
    '/clients/:id',
    {
      config: { access: ['sysadmin', 'steward'] },
      schema: { tags: ['identity'], summary: 'Revoke an API client (吊销)', params: IdParam, response: { 200: ApiClientSchema, ...ERROR_RESPONSES } },
    },
    async (request) => identity.revokeClient(principalOf(request), request.params.id, metaOf(request)),
  )

  // Security settings

  app.get(
    '/security/settings',
    {
      config: { access: ['secadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Password policy, lockout and session settings (安全设置)',
        response: { 200: SecuritySettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async () => identity.securitySettings(),
  )

  app.patch(
    '/security/settings',
    {
      config: { access: ['secadmin'] },
      schema: {
        tags: ['identity'],
        summary: 'Change security settings (修改安全设置)',
        body: UpdateSecuritySettingsBody,
        response: { 200: SecuritySettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => identity.updateSecuritySettings(principalOf(request), request.body, metaOf(request)),
  )
}

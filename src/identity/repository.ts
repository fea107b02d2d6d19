import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../platform/db/database.js'
import { newId, now } from '../platform/ids.js'
import type { Principal } from '../platform/auth/principal.js'
import { isRole, type Role } from '../platform/auth/roles.js'
import type { ApiClientTable, DepartmentTable, IdentityTables, UserTable } from './tables.js'

export interface Department {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly shortName: string
  readonly nameEn: string
  readonly parentId: string | null
  readonly kind: 'city' | 'district'
  readonly divisionCode: string | null
}

export interface User {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly department: { readonly id: string; readonly code: string; readonly name: string }
  readonly roles: Role[]
  readonly status: 'active' | 'disabled'
  readonly createdAt: string
  readonly updatedAt: string
}

export interface ApiClient {
  readonly id: string
  readonly name: string
  readonly department: { readonly id: string; readonly code: string; readonly name: string }
  readonly roles: Role[]
  readonly tokenPrefix: string
  readonly createdBy: string
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly revokedAt: string | null
  readonly lastUsedAt: string | null
}

export interface Page<T> {
  readonly items: T[]
  readonly total: number
}

/** Sort keys for user lists; a leading '-' sorts descending. */
export const USER_SORTS = ['username', '-username', 'displayName', '-displayName', 'createdAt', '-createdAt'] as const
export type UserSort = (typeof USER_SORTS)[number]

const USER_SORT_COLUMNS = { username: 'users.username', displayName: 'users.display_name', createdAt: 'users.created_at' } as const

export interface UserFilter {
  readonly q?: string
  readonly sort?: UserSort
  readonly departmentId?: string
  readonly role?: Role
  readonly status?: 'active' | 'disabled'
  readonly limit: number
  readonly offset: number
}

function toDepartment(row: Selectable<DepartmentTable>): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    nameEn: row.name_en,
    parentId: row.parent_id,
    kind: row.kind,
    divisionCode: row.division_code,
  }
}

function parseRoles(text: string): Role[] {
  const parsed = JSON.parse(text) as unknown
  if (!Array.isArray(parsed) || !parsed.every((role): role is Role => typeof role === 'string' && isRole(role))) {
    throw new Error(`stored roles are not a role list: ${text}`)
  }
  return parsed
}

/** SQL for departments, users, roles, sessions, API clients, login attempts and settings. */
export class IdentityRepository {
  private readonly db: Kysely<IdentityTables>

  constructor(database: Database) {
    this.db = database.tables<IdentityTables>()
  }

  // Departments

  async listDepartments(): Promise<Department[]> {
    const rows = await this.db.selectFrom('departments').selectAll().orderBy('code').execute()
    return rows.map(toDepartment)
  }

  async findDepartment(idOrCode: string): Promise<Department | undefined> {
    const row = await this.db
      .selectFrom('departments')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
      .executeTakeFirst()
    return row === undefined ? undefined : toDepartment(row)
  }

  async insertDepartment(department: Omit<Department, 'id'>): Promise<Department> {
    const timestamp = now()
    const row: Insertable<DepartmentTable> = {
      id: newId(),
      code: department.code,
      name: department.name,
      short_name: department.shortName,
      name_en: department.nameEn,
      parent_id: department.parentId,
      kind: department.kind,
      division_code: department.divisionCode,
      created_at: timestamp,
      updated_at: timestamp,
    }
    await this.db.insertInto('departments').values(row).execute()
    return toDepartment(row as Selectable<DepartmentTable>)
  }

  async updateDepartment(id: string, changes: Partial<Omit<Department, 'id' | 'code'>>): Promise<void> {
    await this.db
      .updateTable('departments')
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.shortName === undefined ? {} : { short_name: changes.shortName }),
        ...(changes.nameEn === undefined ? {} : { name_en: changes.nameEn }),
        ...(changes.parentId === undefined ? {} : { parent_id: changes.parentId }),
        ...(changes.kind === undefined ? {} : { kind: changes.kind }),
        ...(changes.divisionCode === undefined ? {} : { division_code: changes.divisionCode }),
        updated_at: now(),
      })
      .where('id', '=', id)
      .execute()
  }

  async countDepartmentMembers(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', id)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  // Users

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async findUserForLogin(username: string): Promise<Selectable<UserTable> | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  }

  async findUser(idOrUsername: string): Promise<User | undefined> {
    const page = await this.#users((query) => query.where((eb) => eb.or([eb('users.id', '=', idOrUsername), eb('users.username', '=', idOrUsername)])))
    return page[0]
  }

  async listUsers(filter: UserFilter): Promise<Page<User>> {
    let query = this.db.selectFrom('users')
    if (filter.q !== undefined && filter.q !== '') {
      const like = `%${filter.q.toLowerCase()}%`
      query = query.where((eb) => eb.or([eb(eb.fn('lower', ['users.username']), 'like', like), eb('users.display_name', 'like', `%${filter.q}%`)]))
    }
    if (filter.departmentId !== undefined) query = query.where('users.department_id', '=', filter.departmentId)
    if (filter.status !== undefined) query = query.where('users.status', '=', filter.status)
    if (filter.role !== undefined) {
      const role = filter.role
      query = query.where('users.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role))
    }
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const sort = filter.sort ?? 'username'
    const column = USER_SORT_COLUMNS[sort.replace('-', '') as keyof typeof USER_SORT_COLUMNS]
    const direction = sort.startsWith('-') ? 'desc' : 'asc'
    const ids = await query
      .select('users.id')
      .orderBy(column, direction)
      .orderBy('users.username', direction)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute()
    const found =
      ids.length === 0
        ? []
        : await this.#users((q) =>
            q.where(
              'users.id',
              'in',
              ids.map((row) => row.id),
            ),
          )
    const position = new Map(ids.map((row, index) => [row.id, index]))
    const items = found.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    return { items, total: Number(total) }
  }

  async #users(refine: (query: ReturnType<IdentityRepository['baseUserQuery']>) => ReturnType<IdentityRepository['baseUserQuery']>): Promise<User[]> {
    const rows = await refine(this.baseUserQuery()).execute()
    if (rows.length === 0) return []
    const roles = await this.db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where(
        'user_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('role')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
      roles: roles
        .filter((r) => r.user_id === row.id)
        .map((r) => r.role)
        .filter(isRole),
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }))
  }

  baseUserQuery() {
    return this.db
      .selectFrom('users')
      .innerJoin('departments', 'departments.id', 'users.department_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.department_id',
        'users.status',
        'users.created_at',
        'users.updated_at',
        'departments.code as department_code',
        'departments.name as department_name',
      ])
  }

  async insertUser(user: { username: string; displayName: string; departmentId: string; passwordHash: string; roles: readonly Role[] }): Promise<string> {
    const id = newId()
    const timestamp = now()
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          username: user.username,
          display_name: user.displayName,
          department_id: user.departmentId,
          password_hash: user.passwordHash,
          status: 'active',
          password_changed_at: timestamp,
          created_at: timestamp,
          updated_at: timestamp,
        })
        .execute()
      if (user.roles.length > 0) {
        await trx
          .insertInto('user_roles')
          .values(user.roles.map((role) => ({ user_id: id, role })))
          .execute()
      }
    })
    return id
  }

  async updateUser(id: string, changes: { displayName?: string; departmentId?: string; status?: 'active' | 'disabled'; passwordHash?: string }): Promise<void> {
    const timestamp = now()
    await this.db
      .updateTable('users')
      .set({
        ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
        ...(changes.departmentId === undefined ? {} : { department_id: changes.departmentId }),
        ...(changes.status === undefined ? {} : { status: changes.status }),
        ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash, password_changed_at: timestamp }),
        updated_at: timestamp,
      })
      .where('id', '=', id)
      .execute()
  }

  async setRoles(userId: string, roles: readonly Role[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute()
      if (roles.length > 0) {
        await trx
          .insertInto('user_roles')
          .values(roles.map((role) => ({ user_id: userId, role })))
          .execute()
      }
      await trx.updateTable('users').set({ updated_at: now() }).where('id', '=', userId).execute()
    })
  }

  // Sessions

  async insertSession(session: { tokenHash: string; userId: string; expiresAt: string; ip: string | null }): Promise<string> {
    const id = newId()
    await this.db
      .insertInto('sessions')
      .values({
        id,
        token_hash: session.tokenHash,
        user_id: session.userId,
        created_at: now(),
        expires_at: session.expiresAt,
        revoked_at: null,
        ip: session.ip,
      })
      .execute()
    return id
  }

  /** The signed-in user behind a session token hash, if the session is live and the user active. */
  async principalForSession(tokenHash: string, at: string): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('departments', 'departments.id', 'users.department_id')
      .select([
        'sessions.id as session_id',
        'users.id as user_id',
        'users.username',
        'users.display_name',
        'departments.id as department_id',
        'departments.code as department_code',
        'departments.name as department_name',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', at)
      .where('users.status', '=', 'active')
      .executeTakeFirst()
    if (row === undefined) return undefined
    const roles = await this.db.selectFrom('user_roles').select('role').where('user_id', '=', row.user_id).execute()
    return {
      kind: 'user',
      id: row.user_id,
      name: row.username,
      displayName: row.display_name,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
      roles: roles.map((r) => r.role).filter(isRole),
      credentialId: row.session_id,
    }
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.updateTable('sessions').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  }

  async revokeUserSessions(userId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ revoked_at: now() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute()
  }

  // Login attempts

  async recordLoginAttempt(username: string, succeeded: boolean, ip: string | null): Promise<void> {
    await this.db
      .insertInto('login_attempts')
      .values({ id: newId(), username, succeeded: succeeded ? 1 : 0, ip, attempted_at: now() })
      .execute()
  }

  /** Failed attempts for `username` since `since`, not counting those before the last success. */
  async recentFailures(username: string, since: string): Promise<{ count: number; last: string | null }> {
    const lastSuccess = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('attempted_at').as('at'))
      .where('username', '=', username)
      .where('succeeded', '=', 1)
      .executeTakeFirst()
    const from = lastSuccess?.at !== null && lastSuccess?.at !== undefined && lastSuccess.at > since ? lastSuccess.at : since
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('attempted_at').as('last')])
      .where('username', '=', username)
      .where('succeeded', '=', 0)
      .where('attempted_at', '>', from)
      .executeTakeFirstOrThrow()
    return { count: Number(row.n), last: row.last ?? null }
  }

  // API clients

  async insertClient(client: {
    name: string
    departmentId: string
    tokenHash: string
    tokenPrefix: string
    roles: readonly Role[]
    createdBy: string
    expiresAt: string | null
  }): Promise<string> {
    const id = newId()
    await this.db
      .insertInto('api_clients')
      .values({
        id,
        name: client.name,
        department_id: client.departmentId,
        token_hash: client.tokenHash,
        token_prefix: client.tokenPrefix,
        roles: JSON.stringify(client.roles),
        created_by: client.createdBy,
        created_at: now(),
        expires_at: client.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute()
    return id
  }

  async listClients(departmentId?: string): Promise<ApiClient[]> {
    let query = this.db
      .selectFrom('api_clients')
      .innerJoin('departments', 'departments.id', 'api_clients.department_id')
      .selectAll('api_clients')
      .select(['departments.code as department_code', 'departments.name as department_name'])
    if (departmentId !== undefined) query = query.where('api_clients.department_id', '=', departmentId)
    const rows = await query.orderBy('api_clients.created_at', 'desc').execute()
    return rows.map((row) => this.#toClient(row))
  }

  async findClient(id: string): Promise<ApiClient | undefined> {
    const row = await this.db
      .selectFrom('api_clients')
      .innerJoin('departments', 'departments.id', 'api_clients.department_id')
      .selectAll('api_clients')
      .select(['departments.code as department_code', 'departments.name as department_name'])
      .where('api_clients.id', '=', id)
      .executeTakeFirst()
    return row === undefined ? undefined : this.#toClient(row)
  }

  #toClient(row: Selectable<ApiClientTable> & { department_code: string; department_name: string }): ApiClient {
    return {
      id: row.id,
      name: row.name,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
      roles: parseRoles(row.roles),
      tokenPrefix: row.token_prefix,
      createdBy: row.created_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      lastUsedAt: row.last_used_at,
    }
  }

  async revokeClient(id: string): Promise<void> {
    await this.db.updateTable('api_clients').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  }

  async principalForClient(tokenHash: string, at: string): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('api_clients')
      .innerJoin('departments', 'departments.id', 'api_clients.department_id')
      .selectAll('api_clients')
      .select(['departments.code as department_code', 'departments.name as department_name'])
      .where('api_clients.token_hash', '=', tokenHash)
      .where('api_clients.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_clients.expires_at', 'is', null), eb('api_clients.expires_at', '>', at)]))
      .executeTakeFirst()
    if (row === undefined) return undefined
    return {
      kind: 'client',
      id: row.id,
      name: row.name,
      displayName: row.name,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
      roles: parseRoles(row.roles),
      credentialId: row.id,
    }
  }

  async touchClient(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_clients').set({ last_used_at: at }).where('id', '=', id).execute()
  }

  // Settings

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
    return row?.value
  }

  async putSetting(key: string, value: string, updatedBy: string): Promise<void> {
    const timestamp = now()
    await this.db
      .insertInto('settings')
      .values({ key, value, updated_by: updatedBy, updated_at: timestamp })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: updatedBy, updated_at: timestamp }))
      .execute()
  }
}

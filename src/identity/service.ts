import { auditActor, type RequestMeta } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { AppError } from '../platform/errors.js'
import { findDivision } from '../standards/division-code.js'
import { fromNow, now } from '../platform/ids.js'
import { hashPassword, passwordProblems, UNUSABLE_HASH, verifyPassword } from './passwords.js'
import type { Principal } from '../platform/auth/principal.js'
import { PrincipalCache } from './principal-cache.js'
import type { ApiClient, Department, IdentityRepository, Page, User, UserFilter } from './repository.js'
import { CLIENT_ROLES, separationViolation, type Role } from '../platform/auth/roles.js'
import { hashToken, newToken, tokenKind } from './tokens.js'

/** Settings the security administrator keeps. */
export interface SecuritySettings {
  readonly passwordMinLength: number
  readonly passwordMinClasses: number
  readonly lockoutThreshold: number
  readonly lockoutWindowMinutes: number
  readonly sessionTtlMinutes: number
}

const SECURITY_KEY = 'security'
/** The API client's last-used time is written at most this often, to keep writes off the read path. */
const TOUCH_INTERVAL_MS = 60_000

function checkDivision(code: string | null): void {
  if (code !== null && findDivision(code) === undefined) {
    throw new AppError('HT_VALIDATION', `${code} is not a current GB/T 2260 division code`, [
      { field: '/divisionCode', message: 'unknown division (未知行政区划代码)' },
    ])
  }
}

/**
 * The rules of identity: sign-in with lockout, sessions, users and their roles under the
 * separation of the three administrators, departments, API clients and the security settings.
 * Every change is audited.
 */
export class IdentityService {
  readonly #touched = new Map<string, number>()
  readonly #principals = new PrincipalCache()

  constructor(
    private readonly repository: IdentityRepository,
    private readonly audit: AuditLog,
    private readonly defaults: SecuritySettings,
  ) {}

  // Sign-in

  async login(username: string, password: string, meta: RequestMeta): Promise<{ token: string; expiresAt: string; user: User }> {
    const settings = await this.securitySettings()
    const since = new Date(Date.now() - settings.lockoutWindowMinutes * 60_000).toISOString()
    const failures = await this.repository.recentFailures(username, since)
    const base = { actorType: 'anonymous' as const, actorName: username, action: 'auth.login', target: username, ...meta }
    if (failures.count >= settings.lockoutThreshold) {
      await this.audit.append({ ...base, outcome: 'denied', detail: { reason: 'locked' } })
      const until = new Date(Date.parse(failures.last ?? now()) + settings.lockoutWindowMinutes * 60_000)
      throw new AppError('HT_ACCOUNT_LOCKED', `Too many failed logins; try again after ${until.toISOString()}`, [], {
        lockedUntil: until.toISOString(),
      })
    }
    const row = await this.repository.findUserForLogin(username)
    // Hash even for unknown users so response time does not reveal which usernames exist.
    const ok = await verifyPassword(password, row?.password_hash ?? UNUSABLE_HASH)
    if (row === undefined || !ok) {
      await this.repository.recordLoginAttempt(username, false, meta.ip)
      await this.audit.append({ ...base, outcome: 'failure', detail: { reason: 'bad-credentials', failures: failures.count + 1 } })
      throw new AppError('HT_LOGIN_FAILED')
    }
    if (row.status !== 'active') {
      await this.audit.append({ ...base, outcome: 'denied', detail: { reason: 'disabled' } })
      throw new AppError('HT_ACCOUNT_DISABLED')
    }
    await this.repository.recordLoginAttempt(username, true, meta.ip)
    const token = newToken('session')
    const expiresAt = fromNow(settings.sessionTtlMinutes * 60_000)
    await this.repository.insertSession({ tokenHash: hashToken(token), userId: row.id, expiresAt, ip: meta.ip })
    const user = await this.#user(row.id)
    await this.audit.append({
      ...base,
      actorType: 'user',
      actorId: row.id,
      departmentCode: user.department.code,
      outcome: 'success',
    })
    return { token, expiresAt, user }
  }

  async logout(principal: Principal, meta: RequestMeta): Promise<void> {
    if (principal.kind !== 'user') throw new AppError('HT_BAD_REQUEST', 'API clients have no session to end; revoke the client instead')
    await this.repository.revokeSession(principal.credentialId)
    this.#principals.forget({ credentialId: principal.credentialId })
    await this.audit.append({ ...auditActor(principal, meta), action: 'auth.logout', target: principal.name, outcome: 'success' })
  }

  /** The principal behind a bearer token, or undefined when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const kind = tokenKind(token)
    if (kind === undefined) return undefined
    const hash = hashToken(token)
    const cached = this.#principals.get(hash)
    if (cached !== undefined) return cached
    const at = now()
    const principal = kind === 'session' ? await this.repository.principalForSession(hash, at) : await this.repository.principalForClient(hash, at)
    if (principal === undefined) return undefined
    this.#principals.put(hash, principal)
    if (kind === 'client') {
      const last = this.#touched.get(principal.id) ?? 0
      if (Date.now() - last > TOUCH_INTERVAL_MS) {
        this.#touched.set(principal.id, Date.now())
        await this.repository.touchClient(principal.id, at)
      }
    }
    return principal
  }

  async changeOwnPassword(principal: Principal, current: string, next: string, meta: RequestMeta): Promise<void> {
    if (principal.kind !== 'user') throw new AppError('HT_FORBIDDEN', 'API clients have no password')
    const row = await this.repository.findUserForLogin(principal.name)
    if (row === undefined || !(await verifyPassword(current, row.password_hash))) {
      await this.audit.append({ ...auditActor(principal, meta), action: 'user.password.change', target: principal.name, outcome: 'failure' })
      throw new AppError('HT_VALIDATION', 'The current password is wrong', [{ field: '/currentPassword', message: 'wrong password' }])
    }
    await this.#checkPassword(next, principal.name, '/newPassword')
    await this.repository.updateUser(row.id, { passwordHash: await hashPassword(next) })
    await this.audit.append({ ...auditActor(principal, meta), action: 'user.password.change', target: principal.name, outcome: 'success' })
  }

  // Users

  async listUsers(filter: Omit<UserFilter, 'departmentId'> & { department?: string }): Promise<Page<User>> {
    const { department, ...rest } = filter
    if (department === undefined) return this.repository.listUsers(rest)
    const found = await this.repository.findDepartment(department)
    return found === undefined ? { items: [], total: 0 } : this.repository.listUsers({ ...rest, departmentId: found.id })
  }

  async getUser(idOrUsername: string): Promise<User> {
    const user = await this.repository.findUser(idOrUsername)
    if (user === undefined) throw new AppError('HT_NOT_FOUND', `No user ${idOrUsername}`)
    return user
  }

  /**
   * Creates an account. Through the API the system administrator creates accounts without roles:
   * roles are the security administrator's to give (三员分立). The CLI, run by the operator on the
   * server, may create an account with its roles in one step.
   */
  async createUser(
    actor: Principal | 'cli',
    input: { username: string; displayName: string; department: string; password: string; roles: readonly Role[] },
    meta: RequestMeta,
  ): Promise<User> {
    if (actor !== 'cli' && input.roles.length > 0) {
      throw new AppError('HT_FORBIDDEN', 'Roles are assigned by the security administrator')
    }
    const violation = separationViolation(input.roles)
    if (violation !== undefined) throw new AppError('HT_SEPARATION_OF_DUTIES', violation, [{ field: '/roles', message: violation }])
    const department = await this.#department(input.department, '/department')
    if ((await this.repository.findUserForLogin(input.username)) !== undefined) {
      throw new AppError('HT_DUPLICATE', `Username ${input.username} is taken`, [{ field: '/username', message: 'already exists' }])
    }
    await this.#checkPassword(input.password, input.username, '/password')
    const id = await this.repository.insertUser({
      username: input.username,
      displayName: input.displayName,
      departmentId: department.id,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
    })
    await this.audit.append({
      ...(actor === 'cli' ? { actorType: 'system' as const, actorName: 'cli', ...meta } : auditActor(actor, meta)),
      action: 'user.create',
      target: input.username,
      outcome: 'success',
      detail: { department: department.code, roles: [...input.roles] },
    })
    return this.#user(id)
  }

  async updateUser(
    actor: Principal,
    idOrUsername: string,
    changes: { displayName?: string; department?: string; status?: 'active' | 'disabled' },
    meta: RequestMeta,
  ): Promise<User> {
    const user = await this.getUser(idOrUsername)
    if (changes.status === 'disabled' && user.id === actor.id) {
      throw new AppError('HT_CONFLICT', 'You cannot disable your own account', [{ field: '/status', message: 'own account' }])
    }
    const department = changes.department === undefined ? undefined : await this.#department(changes.department, '/department')
    await this.repository.updateUser(user.id, {
      ...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
      ...(department === undefined ? {} : { departmentId: department.id }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
    })
    if (changes.status === 'disabled') await this.#endSessions(user.id)
    if (changes.displayName !== undefined || changes.department !== undefined) this.#principals.forget({ principalId: user.id })
    await this.audit.append({
      ...auditActor(actor, meta),
      action: 'user.update',
      target: user.username,
      outcome: 'success',
      detail: { ...changes },
    })
    return this.#user(user.id)
  }

  async resetPassword(actor: Principal, idOrUsername: string, password: string, meta: RequestMeta): Promise<void> {
    const user = await this.getUser(idOrUsername)
    await this.#checkPassword(password, user.username, '/password')
    await this.repository.updateUser(user.id, { passwordHash: await hashPassword(password) })
    await this.#endSessions(user.id)
    await this.audit.append({ ...auditActor(actor, meta), action: 'user.password.reset', target: user.username, outcome: 'success' })
  }

  async setRoles(actor: Principal | 'cli', idOrUsername: string, roles: readonly Role[], meta: RequestMeta): Promise<User> {
    const user = await this.getUser(idOrUsername)
    const unique = [...new Set(roles)]
    const violation = separationViolation(unique)
    if (violation !== undefined) throw new AppError('HT_SEPARATION_OF_DUTIES', violation, [{ field: '/roles', message: violation }])
    if (actor !== 'cli' && user.id === actor.id) {
      throw new AppError('HT_CONFLICT', 'You cannot change your own roles', [{ field: '/roles', message: 'own account' }])
    }
    await this.repository.setRoles(user.id, unique)
    await this.#endSessions(user.id)
    await this.audit.append({
      ...(actor === 'cli' ? { actorType: 'system' as const, actorName: 'cli', ...meta } : auditActor(actor, meta)),
      action: 'user.roles.set',
      target: user.username,
      outcome: 'success',
      detail: { before: user.roles, after: unique },
    })
    return this.#user(user.id)
  }

  // Departments

  listDepartments(): Promise<Department[]> {
    return this.repository.listDepartments()
  }

  async createDepartment(
    actor: Principal | 'seed',
    input: Omit<Department, 'id' | 'parentId'> & { parent?: string | null },
    meta: RequestMeta,
  ): Promise<Department> {
    if ((await this.repository.findDepartment(input.code)) !== undefined) {
      throw new AppError('HT_DUPLICATE', `Department code ${input.code} exists`, [{ field: '/code', message: 'already exists' }])
    }
    checkDivision(input.divisionCode)
    const parent = input.parent === undefined || input.parent === null ? null : await this.#department(input.parent, '/parent')
    const created = await this.repository.insertDepartment({
      code: input.code,
      name: input.name,
      shortName: input.shortName,
      nameEn: input.nameEn,
      kind: input.kind,
      divisionCode: input.divisionCode,
      parentId: parent?.id ?? null,
    })
    if (actor !== 'seed') {
      await this.audit.append({ ...auditActor(actor, meta), action: 'department.create', target: input.code, outcome: 'success', detail: { name: input.name } })
    }
    return created
  }

  async updateDepartment(
    actor: Principal,
    idOrCode: string,
    changes: Partial<Omit<Department, 'id' | 'code' | 'parentId'>> & { parent?: string | null },
    meta: RequestMeta,
  ): Promise<Department> {
    const department = await this.#department(idOrCode, '/code', 'HT_NOT_FOUND')
    let parentId: string | null | undefined
    if (changes.parent !== undefined) {
      parentId = changes.parent === null ? null : (await this.#department(changes.parent, '/parent')).id
      if (parentId === department.id)
        throw new AppError('HT_VALIDATION', 'A department cannot be its own parent', [{ field: '/parent', message: 'own parent' }])
    }
    if (changes.divisionCode !== undefined) checkDivision(changes.divisionCode)
    const { parent: _parent, ...rest } = changes
    await this.repository.updateDepartment(department.id, { ...rest, ...(parentId === undefined ? {} : { parentId }) })
    await this.audit.append({ ...auditActor(actor, meta), action: 'department.update', target: department.code, outcome: 'success', detail: { ...changes } })
    return this.#department(department.id, '/code', 'HT_NOT_FOUND')
  }

  // API clients

  /** Creates a department's system account; the token is returned once and only its hash is kept. */
  async createClient(
    actor: Principal | 'cli',
    input: { name: string; department: string; roles: readonly Role[]; expiresAt?: string | null },
    meta: RequestMeta,
  ): Promise<{ client: ApiClient; token: string }> {
    const department = await this.#department(input.department, '/department')
    if (actor !== 'cli' && !actor.roles.includes('sysadmin') && actor.department.id !== department.id) {
      throw new AppError('HT_FORBIDDEN', 'A steward creates API clients for their own department only')
    }
    const roles = input.roles.length === 0 ? (['consumer'] as Role[]) : [...new Set(input.roles)]
    const outside = roles.filter((role) => !CLIENT_ROLES.includes(role))
    if (outside.length > 0) {
      throw new AppError('HT_VALIDATION', `API clients may carry only ${CLIENT_ROLES.join(', ')}`, [
        { field: '/roles', message: `not allowed: ${outside.join(', ')}` },
      ])
    }
    if (actor !== 'cli' && !actor.roles.includes('sysadmin') && !roles.every((role) => actor.roles.includes(role))) {
      throw new AppError('HT_FORBIDDEN', 'A client cannot carry a role its creator does not hold')
    }
    if (input.expiresAt !== undefined && input.expiresAt !== null && input.expiresAt <= now()) {
      throw new AppError('HT_VALIDATION', 'Expiry must be in the future', [{ field: '/expiresAt', message: 'in the past' }])
    }
    const token = newToken('client')
    const id = await this.repository.insertClient({
      name: input.name,
      departmentId: department.id,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 8),
      roles,
      createdBy: actor === 'cli' ? 'cli' : actor.name,
      expiresAt: input.expiresAt ?? null,
    })
    await this.audit.append({
      ...(actor === 'cli' ? { actorType: 'system' as const, actorName: 'cli', ...meta } : auditActor(actor, meta)),
      action: 'client.create',
      target: input.name,
      outcome: 'success',
      detail: { clientId: id, department: department.code, roles },
    })
    const client = await this.repository.findClient(id)
    if (client === undefined) throw new Error('client vanished after insert')
    return { client, token }
  }

  listClients(actor: Principal): Promise<ApiClient[]> {
    return this.repository.listClients(actor.roles.includes('sysadmin') ? undefined : actor.department.id)
  }

  async revokeClient(actor: Principal, id: string, meta: RequestMeta): Promise<ApiClient> {
    const client = await this.repository.findClient(id)
    if (client === undefined || (!actor.roles.includes('sysadmin') && client.department.id !== actor.department.id)) {
      throw new AppError('HT_NOT_FOUND', `No API client ${id}`)
    }
    await this.repository.revokeClient(id)
    this.#principals.forget({ principalId: id })
    await this.audit.append({ ...auditActor(actor, meta), action: 'client.revoke', target: client.name, outcome: 'success', detail: { clientId: id } })
    return (await this.repository.findClient(id)) ?? client
  }

  // Security settings

  async securitySettings(): Promise<SecuritySettings> {
    const stored = await this.repository.getSetting(SECURITY_KEY)
    return { ...this.defaults, ...(stored === undefined ? {} : (JSON.parse(stored) as Partial<SecuritySettings>)) }
  }

  async updateSecuritySettings(actor: Principal, changes: Partial<SecuritySettings>, meta: RequestMeta): Promise<SecuritySettings> {
    const before = await this.securitySettings()
    const after = { ...before, ...changes }
    await this.repository.putSetting(SECURITY_KEY, JSON.stringify(after), actor.name)
    await this.audit.append({
      ...auditActor(actor, meta),
      action: 'security.settings.update',
      target: SECURITY_KEY,
      outcome: 'success',
      detail: { before, after },
    })
    return after
  }

  /** Records that a caller was refused an endpoint, so probing shows up in the audit log. */
  async recordDenied(principal: Principal, meta: RequestMeta, route: string): Promise<void> {
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'access.denied',
      target: route,
      outcome: 'denied',
      detail: { roles: [...principal.roles] },
    })
  }

  // Helpers

  async #endSessions(userId: string): Promise<void> {
    await this.repository.revokeUserSessions(userId)
    this.#principals.forget({ principalId: userId })
  }

  async #checkPassword(password: string, username: string, field: string): Promise<void> {
    const settings = await this.securitySettings()
    const problems = passwordProblems(password, { minLength: settings.passwordMinLength, minClasses: settings.passwordMinClasses }, username)
    if (problems.length > 0) {
      throw new AppError(
        'HT_PASSWORD_POLICY',
        `The password does not meet the policy: ${problems.join('; ')}`,
        problems.map((message) => ({ field, message })),
      )
    }
  }

  async #department(idOrCode: string, field: string, code: 'HT_VALIDATION' | 'HT_NOT_FOUND' = 'HT_VALIDATION'): Promise<Department> {
    const department = await this.repository.findDepartment(idOrCode)
    if (department === undefined) throw new AppError(code, `No department ${idOrCode}`, [{ field, message: 'unknown department' }])
    return department
  }

  async #user(id: string): Promise<User> {
    const user = await this.repository.findUser(id)
    if (user === undefined) throw new Error(`user ${id} vanished`)
    return user
  }
}

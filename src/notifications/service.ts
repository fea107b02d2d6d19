import type { Kysely } from 'kysely'
import type { IdentityTables } from '../identity/tables.js'
import type { Database } from '../platform/db/database.js'
import type { NotificationTables } from './tables.js'

/**
 * Notifications, and the users they go to: recipients are found by role and department in
 * identity's tables, a read-only join allowed by name in the rule file.
 */
type NotificationReadTables = NotificationTables & Pick<IdentityTables, 'users' | 'user_roles'>
import { newId, now } from '../platform/ids.js'

export interface Notification {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly link: string | null
  readonly createdAt: string
  readonly readAt: string | null
}

export interface NotificationMessage {
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly link?: string
}

/** The console's inbox (消息): messages to people, by user or to every holder of a role in a department. */
export class NotificationService {
  private readonly db: Kysely<NotificationReadTables>

  constructor(database: Database) {
    this.db = database.tables<NotificationReadTables>()
  }

  async toUsers(userIds: readonly string[], message: NotificationMessage): Promise<void> {
    if (userIds.length === 0) return
    const createdAt = now()
    await this.db
      .insertInto('notifications')
      .values(
        userIds.map((userId) => ({
          id: newId(),
          user_id: userId,
          kind: message.kind,
          title: message.title,
          body: message.body,
          link: message.link ?? null,
          created_at: createdAt,
          read_at: null,
        })),
      )
      .execute()
  }

  /** To every active user holding `role`, in `departmentId` or, when it is undefined, anywhere. */
  async toRole(role: string, departmentId: string | undefined, message: NotificationMessage): Promise<void> {
    let query = this.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('user_roles.role', '=', role)
      .where('users.status', '=', 'active')
    if (departmentId !== undefined) query = query.where('users.department_id', '=', departmentId)
    await this.toUsers(
      (await query.execute()).map((row) => row.id),
      message,
    )
  }

  async toUsername(username: string, message: NotificationMessage): Promise<void> {
    const user = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
    if (user !== undefined) await this.toUsers([user.id], message)
  }

  async list(
    userId: string,
    options: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ items: Notification[]; total: number; unread: number }> {
    let query = this.db.selectFrom('notifications').where('user_id', '=', userId)
    if (options.unreadOnly) query = query.where('read_at', 'is', null)
    const [rows, count, unread] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      this.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ])
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        body: row.body,
        link: row.link,
        createdAt: row.created_at,
        readAt: row.read_at,
      })),
      total: Number(count.n),
      unread: Number(unread.n),
    }
  }

  async markRead(userId: string, ids: readonly string[] | 'all'): Promise<number> {
    let query = this.db.updateTable('notifications').set({ read_at: now() }).where('user_id', '=', userId).where('read_at', 'is', null)
    if (ids !== 'all') query = query.where('id', 'in', ids.length === 0 ? ['-'] : [...ids])
    return Number((await query.executeTakeFirst()).numUpdatedRows)
  }
}

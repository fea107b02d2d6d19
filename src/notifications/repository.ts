import type { Kysely } from 'kysely'
import type { IdentityTables } from '../identity/tables.js'
import type { Database } from '../platform/db/database.js'
import { newId, now } from '../platform/ids.js'
import type { Notification, NotificationMessage } from './model.js'
import type { NotificationTables } from './tables.js'

/**
 * Notifications, and the users they go to: recipients are found by role and department in
 * identity's tables, a read-only join allowed by name in the rule file.
 */
type NotificationReadTables = NotificationTables & Pick<IdentityTables, 'users' | 'user_roles'>

/** SQL for the inbox. */
export class NotificationRepository {
  private readonly db: Kysely<NotificationReadTables>

  constructor(database: Database) {
    this.db = database.tables<NotificationReadTables>()
  }

  async insert(userIds: readonly string[], message: NotificationMessage): Promise<void> {
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

  /** Active users holding `role`, in `departmentId` or, when it is undefined, anywhere. */
  async activeHolders(role: string, departmentId: string | undefined): Promise<string[]> {
    let query = this.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('user_roles.role', '=', role)
      .where('users.status', '=', 'active')
    if (departmentId !== undefined) query = query.where('users.department_id', '=', departmentId)
    return (await query.execute()).map((row) => row.id)
  }

  async userIdOf(username: string): Promise<string | undefined> {
    const user = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
    return user?.id
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

import type { Notification, NotificationMessage } from './model.js'
import type { NotificationRepository } from './repository.js'

/** The console's inbox (消息): messages to people, by user or to every holder of a role in a department. */
export class NotificationService {
  constructor(private readonly repository: NotificationRepository) {}

  async toUsers(userIds: readonly string[], message: NotificationMessage): Promise<void> {
    if (userIds.length === 0) return
    await this.repository.insert(userIds, message)
  }

  /** To every active user holding `role`, in `departmentId` or, when it is undefined, anywhere. */
  async toRole(role: string, departmentId: string | undefined, message: NotificationMessage): Promise<void> {
    await this.toUsers(await this.repository.activeHolders(role, departmentId), message)
  }

  async toUsername(username: string, message: NotificationMessage): Promise<void> {
    const userId = await this.repository.userIdOf(username)
    if (userId !== undefined) await this.toUsers([userId], message)
  }

  list(userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: Notification[]; total: number; unread: number }> {
    return this.repository.list(userId, options)
  }

  markRead(userId: string, ids: readonly string[] | 'all'): Promise<number> {
    return this.repository.markRead(userId, ids)
  }
}

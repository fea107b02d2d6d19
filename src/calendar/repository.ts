import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/database.js'
import { now } from '../platform/ids.js'
import type { CalendarTables } from './tables.js'
import type { Override } from './model.js'

/** SQL for the administrator's working-day overrides. */
export class CalendarRepository {
  private readonly db: Kysely<CalendarTables>

  constructor(database: Database) {
    this.db = database.tables<CalendarTables>()
  }

  async overrides(): Promise<Override[]> {
    const rows = await this.db.selectFrom('calendar_overrides').selectAll().execute()
    return rows.map((row) => ({ date: row.date, working: row.working === 1, note: row.note, updatedBy: row.updated_by, updatedAt: row.updated_at }))
  }

  async setOverride(date: string, working: boolean, note: string, updatedBy: string): Promise<void> {
    const timestamp = now()
    await this.db
      .insertInto('calendar_overrides')
      .values({ date, working: working ? 1 : 0, note, updated_by: updatedBy, updated_at: timestamp })
      .onConflict((oc) => oc.column('date').doUpdateSet({ working: working ? 1 : 0, note, updated_by: updatedBy, updated_at: timestamp }))
      .execute()
  }

  /** Whether there was an override to remove. */
  async removeOverride(date: string): Promise<boolean> {
    const result = await this.db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }
}

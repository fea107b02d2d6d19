import { SqliteAdapter, sql, type Kysely } from 'kysely'

/**
 * On SQLite the audit log moves to its own file (`huitong-audit.db`, attached as `audit`): a
 * commit there no longer invalidates the main connection's page cache, so a lookup audited at
 * every read does not re-read its pages after each group commit. `seq` becomes the rowid, one
 * B-tree fewer per row. Rows move as they are; the chain is unchanged. PostgreSQL keeps the
 * table where it is.
 *
 * Safe to run again after a crash part-way: the copy ignores rows already moved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await sql`CREATE TABLE IF NOT EXISTS audit.audit_log (
    seq INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    department_code TEXT,
    action TEXT NOT NULL,
    target TEXT,
    outcome TEXT NOT NULL,
    request_id TEXT,
    ip TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  )`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS audit.audit_log_occurred_idx ON audit_log (occurred_at)`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS audit.audit_log_action_idx ON audit_log (action, seq)`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS audit.audit_log_actor_idx ON audit_log (actor_name, seq)`.execute(db)
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM main.sqlite_master WHERE type = 'table' AND name = 'audit_log'`.execute(db)
  if ((rows[0]?.n ?? 0) === 0) return
  await sql`INSERT OR IGNORE INTO audit.audit_log SELECT seq, occurred_at, actor_type, actor_id, actor_name, department_code, action, target, outcome, request_id, ip, detail, prev_hash, hash FROM main.audit_log`.execute(
    db,
  )
  await sql`DROP TABLE main.audit_log`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await sql`CREATE TABLE main.audit_log AS SELECT * FROM audit.audit_log`.execute(db)
  await sql`DROP TABLE audit.audit_log`.execute(db)
  await sql`CREATE INDEX main.audit_log_occurred_idx ON audit_log (occurred_at)`.execute(db)
  await sql`CREATE INDEX main.audit_log_action_idx ON audit_log (action, seq)`.execute(db)
  await sql`CREATE INDEX main.audit_log_actor_idx ON audit_log (actor_name, seq)`.execute(db)
}

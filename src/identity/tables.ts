/**
 * Row shapes as stored, for the tables this module owns. Timestamps are ISO-8601 UTC text and
 * flags are 0/1 integers on both dialects, so one set of migrations and queries serves SQLite
 * and PostgreSQL alike; JSON is stored as text and parsed at the repository edge.
 */
export interface DepartmentTable {
  id: string
  code: string
  name: string
  short_name: string
  name_en: string
  parent_id: string | null
  kind: 'city' | 'district'
  division_code: string | null
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: string
  username: string
  display_name: string
  department_id: string
  password_hash: string
  status: 'active' | 'disabled'
  password_changed_at: string
  created_at: string
  updated_at: string
}

export interface UserRoleTable {
  user_id: string
  role: string
}

export interface SessionTable {
  id: string
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  ip: string | null
}

export interface ApiClientTable {
  id: string
  name: string
  department_id: string
  token_hash: string
  token_prefix: string
  roles: string
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

export interface LoginAttemptTable {
  id: string
  username: string
  succeeded: number
  ip: string | null
  attempted_at: string
}

export interface SettingTable {
  key: string
  value: string
  updated_by: string | null
  updated_at: string
}

/** The tables this module owns, by name. */
export interface IdentityTables {
  departments: DepartmentTable
  users: UserTable
  user_roles: UserRoleTable
  sessions: SessionTable
  api_clients: ApiClientTable
  login_attempts: LoginAttemptTable
  settings: SettingTable
}

import type { Context } from '../context.js'
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, type DemoAccount } from './departments.js'

export interface SeedReport {
  readonly departments: number
  readonly accounts: number
}

const SEED_META = { requestId: null, ip: null }

/**
 * Seeds the demo's departments and accounts where they are missing; running it again adds nothing.
 * Only `huitong demo` (and `npm start`) calls this: `huitong serve` never creates demo accounts.
 *
 * @example
 * await seedDemo(context, 'Huitong@2026') // { departments: 29, accounts: 18 } on a new database
 */
export async function seedDemo(context: Context, password: string): Promise<SeedReport> {
  const { identity } = context
  const existing = new Set((await identity.listDepartments()).map((department) => department.code))
  let departments = 0
  for (const department of DEMO_DEPARTMENTS) {
    if (existing.has(department.code)) continue
    await identity.createDepartment('seed', department, SEED_META)
    departments += 1
  }
  const missing: DemoAccount[] = []
  for (const account of DEMO_ACCOUNTS) {
    const page = await identity.listUsers({ q: account.username, limit: 50, offset: 0 })
    if (!page.items.some((user) => user.username === account.username)) missing.push(account)
  }
  // Password hashing runs on libuv's thread pool, so accounts are created a few at a time.
  for (let start = 0; start < missing.length; start += 4) {
    await Promise.all(
      missing.slice(start, start + 4).map((account) => identity.createUser('cli', { ...account, password }, SEED_META)),
    )
  }
  return { departments, accounts: missing.length }
}

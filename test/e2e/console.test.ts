import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiStatus, horizontalOverflow, signIn, startConsoleHarness, type ConsoleHarness } from './console-harness.js'

describe('web console', () => {
  let harness: ConsoleHarness

  beforeAll(async () => {
    harness = await startConsoleHarness()
  })

  afterAll(async () => {
    await harness?.stop()
  })

  it('signs a steward in through the login form and shows the home page', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'police')

    const welcome = page.getByTestId('welcome')
    await expect(welcome.textContent()).resolves.toContain('欢迎，公安局数据管理员')
    await expect(welcome.textContent()).resolves.toContain('市公安局')
    await expect(welcome.textContent()).resolves.toContain('部门数据管理员')
    await page.getByTestId('health').getByText('SQLite').waitFor()
    await page.screenshot({ path: '/tmp/huitong-home.png', fullPage: true })
    await context.close()
  })

  it('refuses the audit log to a consumer: no menu item, a 403 page, and a 403 from the API', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'heping')

    await page.getByRole('menuitem', { name: '资源目录' }).waitFor()
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0)

    await page.goto(`${harness.url}/admin/audit`)
    await page.getByText('无权访问').waitFor()
    expect(await page.getByTestId('audit-table').count()).toBe(0)
    expect(await apiStatus(page, harness.url, '/api/v1/audit')).toBe(403)
    await context.close()
  })

  it('lets the auditor read the log, see the sign-ins and verify the chain', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'auditor')

    await page.getByRole('menuitem', { name: '审计日志' }).click()
    const table = page.getByTestId('audit-table')
    await table.getByText('auth.login').first().waitFor()
    await expect(table.textContent()).resolves.toContain('auditor')

    await page.getByTestId('verify-chain').click()
    const result = page.getByTestId('verify-result')
    await result.waitFor({ timeout: 30_000 })
    await expect(result.textContent()).resolves.toContain('审计链完整')
    await page.screenshot({ path: '/tmp/huitong-audit.png', fullPage: true })
    await context.close()
  })

  it('stays usable at phone width: the menu opens from a button and pages do not overflow', async () => {
    const context = await harness.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await signIn(page, harness.url, 'sysadmin')

    await page.getByTestId('open-menu').click()
    await page.getByRole('menuitem', { name: '部门与用户' }).click()
    await page.getByTestId('users-table').getByText('police').waitFor()

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-phone.png', fullPage: true })
    await context.close()
  })

  it('shows the reason when the password is wrong, in either language', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await page.goto(`${harness.url}/login`)
    await page.getByLabel('用户名').fill('police')
    await page.getByLabel('密码').fill('not-the-password')
    await page.locator('button[type=submit]').click()
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误')

    await page.getByTestId('language-switch').click()
    await page.getByText('Huitong data-sharing platform').waitFor()
    await page.getByLabel('Password').fill('still-wrong')
    await page.locator('button[type=submit]').click()
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('Wrong username or password')
    await page.screenshot({ path: '/tmp/huitong-login.png' })
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })

  it('lets the system administrator create a user, showing the password policy inline', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'sysadmin')
    await page.goto(`${harness.url}/admin/directory`)
    await page.getByTestId('users-table').getByText('police').waitFor()

    await page.getByRole('button', { name: '新建用户' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('用户名').fill('zhangwei')
    await dialog.getByLabel('姓名').fill('张伟')
    await dialog.getByLabel('部门').click()
    await page.getByTitle('市民政局').click()
    await dialog.getByLabel('初始密码').fill('short')
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()
    await dialog.locator('#password_help').waitFor()
    await page.screenshot({ path: '/tmp/huitong-create-user.png' })

    await dialog.getByLabel('初始密码').fill('Zhang-Wei-2026!')
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('user-search').locator('input').fill('zhangwei')
    await page.getByTestId('user-search').locator('input').press('Enter')
    await page.getByTestId('users-table').getByText('张伟').waitFor()
    await context.close()
  })

  it('shows the separation of duties when the security administrator mixes an administrator role', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'secadmin')
    await page.goto(`${harness.url}/admin/directory`)
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'heping' })
    await row.getByRole('button', { name: '分配角色' }).click()

    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(/审计管理员/).check()
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()
    await expect(dialog.getByTestId('separation-error').textContent()).resolves.toContain('违反三员分立')
    await page.screenshot({ path: '/tmp/huitong-roles.png' })
    await context.close()
  })

  it('shows a new API client token once, with a warning', async () => {
    const context = await harness.newContext()
    const page = await context.newPage()
    await signIn(page, harness.url, 'police')
    await page.getByRole('menuitem', { name: '接入系统' }).click()
    await page.getByRole('button', { name: '新建接入系统' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('系统名称').fill('户籍业务系统')
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()

    const token = page.getByTestId('client-token')
    await token.waitFor()
    expect((await token.textContent())?.length).toBeGreaterThan(20)
    await page.getByText('令牌只显示这一次').waitFor()
    await page.getByRole('button', { name: '我已保存令牌' }).click()
    await page.getByRole('cell', { name: '户籍业务系统' }).waitFor()
    expect(await page.getByTestId('client-token').count()).toBe(0)
    await context.close()
  })
})

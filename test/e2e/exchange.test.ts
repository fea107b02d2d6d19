import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residentId } from '../support/exchange-fixtures.js'
import { DEMO_PASSWORD, horizontalOverflow, startConsoleHarness, type ConsoleHarness } from './console-harness.js'

/**
 * 婚姻登记信息 of the civil affairs bureau in the demo catalog: conditional, keyed by the certificate
 * number, and without demo records or grants, so every record and grant here comes from the tests.
 */
const MARRIAGE = '3210100005-000001'
const MARRIAGE_NAME = '婚姻登记信息'
const PURPOSE = '办理公积金提取时核验婚姻状况'

const COLUMNS = ['certificate_no', 'registration_type', 'husband_resident_id', 'husband_name', 'wife_resident_id', 'wife_name', 'registered_on', 'registry']

function marriage(certificate: string, husband: string, wife: string, seq: number) {
  return {
    certificate_no: certificate,
    registration_type: 'IA',
    husband_resident_id: residentId(`210102198501${String(seq).padStart(2, '0')}013`),
    husband_name: husband,
    wife_resident_id: residentId(`210103198702${String(seq).padStart(2, '0')}024`),
    wife_name: wife,
    registered_on: '2015-05-20',
    registry: '沈阳市和平区婚姻登记处',
  }
}

const ZHANG = marriage('J210102-2015-000101', '张伟', '李娜', 1)
const WANG = marriage('J210102-2015-000102', '王强', '刘芳', 2)
const CHEN = marriage('J210102-2015-000103', '陈明', '赵静', 3)

function csvOf(records: ReadonlyArray<Record<string, string>>): Buffer {
  return Buffer.from([COLUMNS.join(','), ...records.map((record) => COLUMNS.map((column) => record[column] ?? '').join(','))].join('\n'))
}

describe('exchange console', () => {
  let harness: ConsoleHarness
  let requestId = ''

  async function tokenOf(username: string): Promise<string> {
    const response = await fetch(`${harness.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
    return ((await response.json()) as { token: string }).token
  }

  async function api(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${harness.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(username)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, json: await response.json().catch(() => undefined) }
  }

  beforeAll(async () => {
    harness = await startConsoleHarness()
  })

  afterAll(async () => {
    await harness?.stop()
  })

  const as = (username: string, viewport?: { width: number; height: number }): Promise<Page> => harness.signedIn(username, viewport)

  it('lets civil affairs upload a file: one bad row rejects it with the row named, a good file is applied', async () => {
    const page = await as('civil')
    await page.getByRole('menuitem', { name: '共享交换' }).click()
    await page.getByRole('menuitem', { name: '我的数据集' }).click()
    const dataset = page.getByTestId(`dataset-${MARRIAGE}`)
    await dataset.waitFor()
    await page.getByTestId(`count-${MARRIAGE}`).getByText('0', { exact: true }).waitFor()

    // The right first 17 digits with a wrong check character.
    const id = ZHANG.husband_resident_id
    const bad = { ...CHEN, husband_resident_id: `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}` }
    await dataset.locator('input[type=file]').setInputFiles({ name: 'marriages-bad.csv', mimeType: 'text/csv', buffer: csvOf([ZHANG, WANG, bad]) })
    const result = page.getByTestId('upload-result')
    const problems = result.getByTestId('upload-problems')
    await problems.waitFor({ timeout: 30_000 })
    // Row 1 is the header: the third record is on row 4.
    const problem = problems.getByRole('row').filter({ hasText: 'husband_resident_id' })
    await problem.getByRole('cell', { name: '4', exact: true }).waitFor()
    await expect(result.textContent()).resolves.toContain('文件未导入：3 行中有 1 行有误')
    await result.getByTestId('upload-report').waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-upload-rejected.png', fullPage: true })

    await dataset.locator('input[type=file]').setInputFiles({ name: 'marriages.csv', mimeType: 'text/csv', buffer: csvOf([ZHANG, WANG, CHEN]) })
    const applied = page.getByTestId('upload-applied')
    await applied.waitFor({ timeout: 30_000 })
    await expect(applied.textContent()).resolves.toContain('新增或更新 3 条')
    await page.getByTestId(`count-${MARRIAGE}`).getByText('3', { exact: true }).waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-datasets.png', fullPage: true })

    await dataset.getByRole('button', { name: /记录历史/ }).click()
    const key = page.getByTestId('history-key').locator('input')
    await key.fill(ZHANG.certificate_no)
    await key.press('Enter')
    await page.getByTestId('history-table').getByText('新增或更新').waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-history.png' })
  })

  it('lets heping request access to a conditional entry from its catalog page; the request waits for civil affairs', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/catalog/${MARRIAGE}`)
    await page.getByTestId('resource-name').getByText(MARRIAGE_NAME).waitFor()
    await page.getByTestId('request-access').click()

    await page.getByTestId('request-form').waitFor()
    await page.getByTestId('request-items').locator('input[name=registry]').uncheck()
    for (const key of ['husband_name', 'wife_name']) {
      const mask = page.getByTestId(`mask-${key}`)
      if ((await mask.getAttribute('aria-checked')) !== 'true') await mask.click()
    }
    await page.getByTestId('request-operations').getByText('批量导出').click()
    await page.getByTestId('request-purpose').fill(PURPOSE)
    await page.getByTestId('request-legal-basis').fill('《住房公积金管理条例》第二十四条')
    await page.screenshot({ path: '/tmp/huitong-exchange-request-form.png', fullPage: true })
    await page.getByTestId('request-submit').click()

    const outcome = page.getByTestId('request-outcome')
    await outcome.waitFor()
    expect(await outcome.getAttribute('data-status')).toBe('pending')
    await expect(outcome.textContent()).resolves.toMatch(/市民政局应于 \d{4}-\d{2}-\d{2} 前答复/)
    await page.screenshot({ path: '/tmp/huitong-exchange-request-outcome.png', fullPage: true })

    await outcome.getByRole('button', { name: '查看申请' }).click()
    await page.waitForURL(/\/exchange\/requests\/[\w-]+$/)
    requestId = page.url().split('/').pop() ?? ''
    await page.getByText('待审批', { exact: true }).first().waitFor()
    await expect(page.getByTestId('request-detail').textContent()).resolves.toContain('男方姓名 · 脱敏')
    await page.screenshot({ path: '/tmp/huitong-exchange-request-detail.png', fullPage: true })
  })

  it('shows civil affairs the request in its notification bell', async () => {
    const page = await as('civil')
    const count = page.getByTestId('notification-count').locator('.ant-badge-count')
    await count.waitFor()
    await expect(count.textContent()).resolves.toMatch(/[1-9]/)
    await page.getByTestId('notification-bell').click()
    const message = page.getByTestId('notification-list').locator('[data-unread=true]').filter({ hasText: PURPOSE })
    await message.getByText(`共享申请：${MARRIAGE_NAME}`).waitFor()
    // Lets the drawer finish sliding in before the screenshot.
    await page.waitForTimeout(400)
    await page.screenshot({ path: '/tmp/huitong-exchange-notifications.png' })
    await message.click()
    await page.waitForURL(`${harness.url}/exchange/requests/${requestId}`)
    await page.getByTestId('request-detail').waitFor()
  })

  it('lets civil affairs find the request under 待我审批 with its deadline and approve it', async () => {
    const page = await as('civil')
    await page.getByRole('menuitem', { name: '共享交换' }).click()
    await page.getByRole('menuitem', { name: '申请与审批' }).click()
    await page.getByRole('tab', { name: '待我审批' }).click()
    const row = page.locator(`[data-row-key="${requestId}"]`)
    await row.getByText(MARRIAGE_NAME).waitFor()
    await expect(row.getByTestId('deadline').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}剩 \d+ 天/)
    await page.screenshot({ path: '/tmp/huitong-exchange-requests.png', fullPage: true })

    await row.locator('[data-action=approve]').click()
    const drawer = page.getByTestId('approve-form')
    await drawer.waitFor()
    await drawer.locator('input[id=rateLimit]').fill('600')
    await drawer.locator('textarea[id=comment]').fill('同意，姓名脱敏，仅限公积金业务使用')
    await page.screenshot({ path: '/tmp/huitong-exchange-approve.png', fullPage: true })
    await page.getByTestId('approve-submit').click()
    await drawer.waitFor({ state: 'detached' })
    await row.getByText('已同意').waitFor()

    const approved = await api('heping', 'GET', `/api/v1/exchange/requests/${requestId}`)
    expect((approved.json as { status: string }).status).toBe('approved')
  })

  it('lets heping explore the granted data, masked names as they come, and raise an objection', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/exchange/grants`)
    const row = page.getByTestId('grants-table').getByRole('row').filter({ hasText: MARRIAGE_NAME })
    await row.getByText('生效中').waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-grants.png', fullPage: true })
    await row.locator('[data-action=explore]').click()
    await page.waitForURL(`${harness.url}/exchange/explore/${MARRIAGE}`)

    const records = page.getByTestId('records-table')
    await records.getByText('张*', { exact: true }).waitFor()
    await records.getByText('王*', { exact: true }).waitFor()
    expect(await records.getByText('张伟').count()).toBe(0)
    // Only what was granted: the registry was not asked for.
    expect(await records.getByText('婚姻登记处').count()).toBe(0)
    await page.screenshot({ path: '/tmp/huitong-exchange-explore.png', fullPage: true })

    await page.getByTestId('filter-value').fill(WANG.certificate_no)
    await page.getByTestId('query-search').click()
    await records.getByText('张*', { exact: true }).waitFor({ state: 'detached' })
    const wang = records.getByRole('row').filter({ hasText: '王*' })
    await wang.locator('[data-action=object]').click()
    await page.getByTestId('objection-text').fill('当事人已于 2020 年办理离婚登记，请核实。')
    await page.getByTestId('objection-ok').click()
    await page.getByText('异议已提交，提供方将答复').waitFor()

    const incoming = await api('civil', 'GET', '/api/v1/exchange/objections?direction=incoming')
    expect((incoming.json as Array<{ recordKey: string }>).map((objection) => objection.recordKey)).toContain(WANG.certificate_no)
  })

  it('shows heping’s verification as match and mismatch, and a lookup by key', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/exchange/explore/${MARRIAGE}`)
    await page.getByRole('tab', { name: '按键查询' }).click()

    const lookup = page.getByTestId('lookup-key').locator('input')
    await lookup.fill(ZHANG.certificate_no)
    await lookup.press('Enter')
    await page.getByTestId('lookup-record').getByText('张*', { exact: true }).waitFor()

    await page.getByTestId('verify-key').fill(ZHANG.certificate_no)
    await page.getByTestId('verify-husband_name').fill('张伟')
    await page.getByTestId('verify-wife_name').fill('李丽')
    await page.getByTestId('verify-submit').click()
    await page.getByTestId('verdict-husband_name').waitFor()
    expect(await page.getByTestId('verdict-husband_name').getAttribute('data-verdict')).toBe('match')
    await expect(page.getByTestId('verdict-husband_name').textContent()).resolves.toBe('一致')
    expect(await page.getByTestId('verdict-wife_name').getAttribute('data-verdict')).toBe('mismatch')
    await expect(page.getByTestId('verdict-wife_name').textContent()).resolves.toBe('不一致')
    await page.screenshot({ path: '/tmp/huitong-exchange-verify.png', fullPage: true })
  })

  it('exports heping’s granted records as a job and offers the file', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/exchange/explore/${MARRIAGE}`)
    await page.getByTestId('records-table').getByText('张*', { exact: true }).waitFor()
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-download').waitFor({ timeout: 30_000 })
    await expect(page.getByTestId('export-job').textContent()).resolves.toContain('导出完成，共 3 条')
    const download = page.waitForEvent('download')
    await page.getByTestId('export-download').click()
    expect((await download).suggestedFilename()).toBe(`${MARRIAGE}.xlsx`)
  })

  it('lets civil affairs answer heping’s objection', async () => {
    const page = await as('civil')
    await page.goto(`${harness.url}/exchange/objections`)
    await page.getByRole('tab', { name: '本部门收到的' }).click()
    const row = page.getByTestId('objections-table').getByRole('row').filter({ hasText: WANG.certificate_no })
    await row.locator('[data-action=answer]').click()
    await page.getByTestId('answer-text').fill('已核实，离婚登记在外省办理，已补录。')
    await page.getByTestId('answer-ok').click()
    await row.getByText('已答复').waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-objections.png', fullPage: true })
  })

  it('stops heping’s reads once civil affairs revokes the grant', async () => {
    const page = await as('civil')
    await page.goto(`${harness.url}/exchange/grants`)
    await page.getByRole('tab', { name: '本部门给出的授权' }).click()
    const row = page.getByTestId('grants-table').getByRole('row').filter({ hasText: MARRIAGE_NAME }).filter({ hasText: '和平区人民政府' })
    await row.locator('[data-action=revoke]').click()
    await page.getByTestId('revoke-text').fill('公积金核验专项工作已结束')
    await page.getByTestId('revoke-ok').click()
    await row.getByText('已撤销').waitFor()

    const heping = await as('heping')
    await heping.goto(`${harness.url}/exchange/explore/${MARRIAGE}`)
    await heping.getByTestId('not-granted').getByText('未获授权').waitFor()
    await heping.getByTestId('request-access').waitFor()
    expect(await heping.getByTestId('records-table').count()).toBe(0)
    await heping.screenshot({ path: '/tmp/huitong-exchange-not-granted.png', fullPage: true })
    const read = await api('heping', 'GET', `/api/v1/exchange/resources/${MARRIAGE}/records/${ZHANG.certificate_no}`)
    expect(read.status).toBe(403)
    expect((read.json as { code: string }).code).toBe('HT_NOT_GRANTED')
  })

  it('shows the data office the sharing statistics and refuses them to heping', async () => {
    const office = await as('dataoffice')
    await office.getByRole('menuitem', { name: '共享交换' }).click()
    await office.getByRole('menuitem', { name: '共享统计' }).click()
    await office.getByTestId('sharing-rate').waitFor()
    await expect(office.getByTestId('stat-requests').textContent()).resolves.toMatch(/共享申请\s*[1-9]/)
    await office.getByTestId('chart-departments').locator('canvas').waitFor()
    await office.getByTestId('stats-resources').getByText(MARRIAGE_NAME).waitFor()
    await office.screenshot({ path: '/tmp/huitong-exchange-stats.png', fullPage: true })

    const heping = await as('heping')
    await heping.getByRole('menuitem', { name: '共享交换' }).click()
    await heping.getByRole('menuitem', { name: '申请与审批' }).waitFor()
    expect(await heping.getByRole('menuitem', { name: '共享统计' }).count()).toBe(0)
    await heping.goto(`${harness.url}/exchange/stats`)
    await heping.getByText('无权访问').waitFor()
    expect(await heping.getByTestId('sharing-rate').count()).toBe(0)
  })

  it('lets the system administrator set and remove a working-day override on the calendar', async () => {
    const page = await as('sysadmin')
    await page.getByRole('menuitem', { name: '工作日历' }).click()
    await page.getByTestId('working-calendar').locator('[data-date]').first().waitFor({ state: 'attached' })
    await page.getByTestId('override-note').fill('调休上班（测试）')
    await page.getByTestId('override-save').click()
    await page.getByTestId('overrides-table').getByText('调休上班（测试）').waitFor()
    await page.getByTestId('override-remove').waitFor()
    await page.screenshot({ path: '/tmp/huitong-exchange-calendar.png', fullPage: true })
    await page.getByTestId('override-remove').click()
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click()
    await page.getByTestId('overrides-table').getByText('调休上班（测试）').waitFor({ state: 'detached' })
  })

  it('stays usable at phone width on the requests and explore pages', async () => {
    const page = await as('heping', { width: 390, height: 844 })
    await page.goto(`${harness.url}/exchange/requests`)
    await page.getByTestId('requests-table').getByText(MARRIAGE_NAME).first().waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-exchange-phone.png', fullPage: true })
    // heping still holds the demo's grant on 城乡低保对象信息.
    await page.goto(`${harness.url}/exchange/grants`)
    await page.getByTestId('grants-table').locator('[data-action=explore]').first().click()
    await page.getByTestId('records-table').locator('.ant-table-row').first().waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-exchange-phone-explore.png', fullPage: true })
  })
})

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCreditCode } from '../../src/standards/credit-code.js'
import { residentId } from '../support/exchange-fixtures.js'
import { DEMO_PASSWORD, horizontalOverflow, startConsoleHarness, type ConsoleHarness } from './console-harness.js'

/**
 * Two entities the tests import themselves, so nothing depends on the generated demo register.
 * Their credit codes carry a Beijing division (110105) in characters 3–8: the generator issues
 * Shenyang codes, so they cannot already be in the registry. Their domicile is in Heping.
 */
const FIRST = makeCreditCode('91110105', 'HTE2E001')
const SECOND = makeCreditCode('91110105', 'HTE2E002')
const OLD_NAME = '汇通测验智能科技有限公司'
const NEW_NAME = '汇通测验数据科技有限公司'
const SECOND_NAME = '汇通测验商贸有限公司'
const REPRESENTATIVE_ID = residentId('21010219800101001')
/** FIRST with its last character changed: the right 17 characters and a wrong check character. */
const WRONG_CHECK = `${FIRST.slice(0, 17)}${FIRST.endsWith('0') ? '1' : '0'}`

const HEADER =
  '统一社会信用代码,名称,曾用名,市场主体类型,法定代表人,法定代表人身份证号,注册资本（万元）,币种,成立日期,营业期限至,住所,行政区划,行业代码,经营范围,登记状态,状态日期,登记机关,来源部门'
const AUTHORITY = '沈阳市和平区市场监督管理局'

interface Version {
  readonly name?: string
  readonly formerName?: string
  readonly representative?: string
  readonly status?: string
  readonly statusDate?: string
}

function firstRow(version: Version = {}): string {
  return `${FIRST},${version.name ?? OLD_NAME},${version.formerName ?? ''},1130,${version.representative ?? '张测验'},${REPRESENTATIVE_ID},500,CNY,2018-05-20,,辽宁省沈阳市和平区南京北街1号,210102,65,软件开发；信息技术咨询服务,2,,${AUTHORITY},market`
}

function secondRow(version: Version = {}): string {
  return `${SECOND},${SECOND_NAME},,1151,李测验,,100,CNY,2020-03-01,2040-02-29,辽宁省沈阳市和平区中华路2号,210102,51,日用百货销售,${version.status ?? '1'},${version.statusDate ?? ''},${AUTHORITY},market`
}

const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'))

describe('legal-person console', () => {
  let harness: ConsoleHarness

  async function api(username: string, path: string): Promise<{ status: number; json: unknown }> {
    const login = await fetch(`${harness.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const response = await fetch(`${harness.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
    return { status: response.status, json: await response.json().catch(() => undefined) }
  }

  beforeAll(async () => {
    harness = await startConsoleHarness()
  })

  afterAll(async () => {
    await harness?.stop()
  })

  const as = (username: string, viewport?: { width: number; height: number }): Promise<Page> => harness.signedIn(username, viewport)

  async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer })
    await page.getByTestId('import-outcome').waitFor({ timeout: 60_000 })
  }

  async function count(page: Page, key: string, value: string): Promise<void> {
    await page.getByTestId(`import-${key}`).getByText(value, { exact: true }).waitFor()
  }

  it('lets the market steward import entities: created, then a rename, then a new representative and a deregistration with a bad row sent back', async () => {
    const page = await as('market')
    await page.getByRole('menuitem', { name: '法人库' }).click()
    await page.getByRole('menuitem', { name: '法人数据导入' }).click()

    await importFile(page, 'entities-1.csv', csv(firstRow(), secondRow()))
    expect(await page.getByTestId('import-outcome').getAttribute('data-status')).toBe('applied')
    await count(page, 'created', '2')

    const back = () =>
      page
        .getByTestId('import-job')
        .getByRole('button', { name: /返\s*回/ })
        .click()
    await back()
    await importFile(page, 'entities-2.csv', csv(firstRow({ name: NEW_NAME, formerName: OLD_NAME }), secondRow()))
    await count(page, 'updated', '1')
    await count(page, 'unchanged', '1')

    await back()
    await importFile(
      page,
      'entities-3.csv',
      csv(
        firstRow({ name: NEW_NAME, formerName: OLD_NAME, representative: '赵测验' }),
        secondRow({ status: '4', statusDate: '2024-12-31' }),
        firstRow().replace(FIRST, WRONG_CHECK),
      ),
    )
    await count(page, 'rows', '3')
    await count(page, 'updated', '2')
    await count(page, 'rejected', '1')
    const rejections = page.waitForEvent('download')
    await page.getByTestId('rejections-csv').click()
    expect((await rejections).suggestedFilename()).toMatch(/\.csv$/)
    await page.screenshot({ path: '/tmp/huitong-legal-person-import.png', fullPage: true })
  })

  it('refuses an import from a steward of another department with the problem shown', async () => {
    const page = await as('civil')
    await page.getByRole('menuitem', { name: '法人库' }).click()
    await page.getByRole('menuitem', { name: '法人数据导入' }).click()
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'entities.csv', mimeType: 'text/csv', buffer: csv(firstRow({ name: '不应导入的名称' })) })
    await page.getByTestId('import-problems').getByRole('alert').waitFor()
    expect(await page.getByTestId('import-job').count()).toBe(0)
    expect((await api('market', `/api/v1/legal-persons/${FIRST}`)).json).toMatchObject({ name: NEW_NAME })
  })

  it('lets the market steward search by words in any order, sort the page, and open the profile with its change record', async () => {
    const page = await as('market')
    await page.getByRole('menuitem', { name: '法人库' }).click()
    await page.getByRole('menuitem', { name: '法人查询' }).click()
    await page.getByTestId('search-q').fill('测验 汇通')
    await page.getByTestId('search-submit').click()
    const results = page.getByTestId('search-results')
    await results.getByText(NEW_NAME).waitFor()
    await results.getByText(SECOND_NAME).waitFor()
    await results.getByText(`曾用名：${OLD_NAME}`).waitFor()

    // Sorting by registered capital, largest first, puts FIRST (500) above SECOND (100).
    const capital = results.locator('th', { hasText: '注册资本' })
    await capital.click()
    await capital.click()
    const names = await results.locator('.ant-table-row [data-action=profile]').allTextContents()
    expect(names.indexOf(NEW_NAME)).toBeLessThan(names.indexOf(SECOND_NAME))
    await page.screenshot({ path: '/tmp/huitong-legal-person-search.png', fullPage: true })

    await results.locator('.ant-table-row', { hasText: NEW_NAME }).locator('td').last().click()
    await page.waitForURL(`${harness.url}/legal-persons/${FIRST}`)
    await expect(page.getByTestId('profile-title').textContent()).resolves.toContain(NEW_NAME)
    const record = page.getByTestId('core-card').getByTestId('entity-record')
    await expect(record.getByTestId('value-registration_status').textContent()).resolves.toBe('在业')
    await expect(record.getByTestId('value-entity_type').textContent()).resolves.toBe('有限责任公司（自然人投资或控股）')
    await expect(record.getByTestId('value-legal_representative').textContent()).resolves.toBe('赵测验')
    await expect(record.getByTestId('value-division_code').textContent()).resolves.toBe('和平区 (210102)')
    await expect(record.getByTestId('value-business_term_to').textContent()).resolves.toBe('长期')
    expect(await record.locator('[data-action=representative-profile]').getAttribute('href')).toBe(`/population/persons/${REPRESENTATIVE_ID}`)

    // Newest first: the new representative, the rename, the registration; the first two drawn prominently.
    const entries = page.getByTestId('history').getByTestId('history-entry')
    await entries.nth(2).waitFor()
    const events = await Promise.all([0, 1, 2].map((index) => entries.nth(index).getAttribute('data-event')))
    expect(events).toEqual(['representative', 'rename', 'create'])
    expect(await entries.count()).toBe(3)
    expect(await entries.first().getAttribute('data-highlighted')).toBe('true')
    await expect(entries.first().textContent()).resolves.toContain('法定代表人：张测验 → 赵测验')
    await expect(entries.nth(1).textContent()).resolves.toContain(`名称：${OLD_NAME} → ${NEW_NAME}`)
    await page.getByTestId('attachments').waitFor()
    await page.screenshot({ path: '/tmp/huitong-legal-person-profile.png', fullPage: true })

    // Imported today: on an earlier day the registry did not hold the entity.
    await page.getByTestId('as-of').fill('2000-01-01')
    await page.getByTestId('as-of').press('Enter')
    await page.getByTestId('as-of-note').waitFor()
    await page.getByText('2000-01-01 时法人库中尚无此主体').waitFor()
  })

  it('shows the licences and penalties of an entity as tables at the top of its attachments', async () => {
    const profile = (await api('market', `/api/v1/legal-persons/${FIRST}/profile`)).json as { attachments: Array<{ code: string; name: string }> }
    const penalties = profile.attachments.find((attachment) => attachment.name.includes('行政处罚'))
    expect(penalties).toBeDefined()
    const records = (await api('market', `/api/v1/exchange/resources/${penalties?.code.replace('/', '-')}/records?limit=1`)).json as {
      items: Array<{ credit_code: string; decision_no: string }>
    }
    const penalised = records.items[0]
    expect(penalised).toBeDefined()

    const page = await as('market')
    await page.goto(`${harness.url}/legal-persons/${penalised?.credit_code}`)
    const card = page.getByTestId('key-attachments').getByTestId(`attachment-${penalties?.code.replace('/', '-')}`)
    await card.getByRole('cell', { name: penalised?.decision_no, exact: true }).waitFor()
    expect(Number(await card.getByTestId('penalties-count').getAttribute('data-count'))).toBeGreaterThan(0)
    await page.screenshot({ path: '/tmp/huitong-legal-person-penalties.png', fullPage: true })
  })

  it('shows heping the representative masked, by pinyin too, and the attachments it has no grant for greyed', async () => {
    const seen = (await api('heping', `/api/v1/legal-persons/${FIRST}`)).json as Record<string, string | null>
    expect(seen.legal_representative).toMatch(/\*/)
    expect(seen).not.toHaveProperty('representative_id')

    const page = await as('heping')
    await page.getByRole('menuitem', { name: '法人库' }).click()
    await page.getByRole('menuitem', { name: '法人查询' }).click()
    expect(await page.getByRole('menuitem', { name: '法人数据导入' }).count()).toBe(0)
    await page.getByTestId('search-q').fill('huitongceyan')
    await page.getByTestId('search-submit').click()
    const results = page.getByTestId('search-results')
    const row = results.locator('.ant-table-row', { hasText: NEW_NAME })
    await row.waitFor()
    await row.getByText(seen.legal_representative ?? '', { exact: true }).waitFor()
    await expect(results.locator('th [data-item=legal_representative]').textContent()).resolves.toContain('脱敏')
    await page.screenshot({ path: '/tmp/huitong-legal-person-search-heping.png', fullPage: true })

    await row.getByRole('link', { name: NEW_NAME }).click()
    const record = page.getByTestId('core-card').getByTestId('entity-record')
    await expect(record.getByTestId('value-legal_representative').textContent()).resolves.toBe(seen.legal_representative)
    expect(await record.getByTestId('value-representative_id').count()).toBe(0)
    const locked = page.getByTestId('attachments').locator('[data-granted=false]').first()
    await locked.waitFor()
    expect(await locked.locator('[data-action=request-access]').getAttribute('href')).toMatch(/^\/catalog\/\d+-\d+$/)
    await page.screenshot({ path: '/tmp/huitong-legal-person-profile-heping.png', fullPage: true })
  })

  it('verifies an entity: a wrong name, a deregistered entity, a code with a wrong check character', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/legal-persons/verify`)
    await page.getByTestId('verify-code').fill(FIRST)
    await page.getByTestId('verify-name').fill(OLD_NAME)
    await page.getByTestId('verify-submit').click()
    const result = page.getByTestId('verify-result')
    await result.waitFor()
    expect(await result.getAttribute('data-found')).toBe('true')
    expect(await page.getByTestId('verdict-name').getAttribute('data-verdict')).toBe('mismatch')
    await result.locator('[data-flag=active]').waitFor()

    await page.getByTestId('verify-code').fill(SECOND)
    await page.getByTestId('verify-name').fill(SECOND_NAME)
    await page.getByTestId('verify-submit').click()
    await page.locator(`[data-testid=verify-result] [data-flag=deregistered]`).waitFor()
    expect(await page.getByTestId('verdict-name').getAttribute('data-verdict')).toBe('match')

    await page.getByTestId('verify-code').fill(WRONG_CHECK)
    await page.getByTestId('verify-submit').click()
    await page.locator('[data-testid=verify-result][data-validity=check]').waitFor()
    await expect(page.getByTestId('verify-validity').textContent()).resolves.toBe('校验码错误')
    await page.screenshot({ path: '/tmp/huitong-legal-person-verify.png', fullPage: true })
  })

  it('shows the data office the statistics: industries, status, the district map and the establishment trend', async () => {
    const page = await as('dataoffice')
    await page.getByRole('menuitem', { name: '法人库' }).click()
    await page.getByRole('menuitem', { name: '法人统计' }).click()
    await page.getByTestId('chart-map').locator('canvas').waitFor({ timeout: 30_000 })
    for (const chart of ['chart-industry', 'chart-status', 'chart-trend']) await page.getByTestId(chart).locator('canvas').waitFor()
    const stats = (await api('dataoffice', '/api/v1/legal-persons/statistics')).json as { total: number }
    // At least the two entities imported above.
    expect(stats.total).toBeGreaterThanOrEqual(2)
    await page.getByTestId('stat-total').getByText(stats.total.toLocaleString('en-US'), { exact: true }).waitFor()
    await page.getByTestId('district-table').getByText('和平区').waitFor()
    await page.screenshot({ path: '/tmp/huitong-legal-person-statistics.png', fullPage: true })
  })

  it('stays usable at phone width on the search and profile pages', async () => {
    const page = await as('heping', { width: 390, height: 844 })
    await page.goto(`${harness.url}/legal-persons/search?q=${encodeURIComponent('汇通测验')}`)
    await page.getByTestId('search-results').getByText(NEW_NAME).waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.goto(`${harness.url}/legal-persons/${FIRST}`)
    await page.getByTestId('history-entry').first().waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-legal-person-phone-profile.png', fullPage: true })
  })
})

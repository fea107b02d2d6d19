import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residentId } from '../support/exchange-fixtures.js'
import { DEMO_PASSWORD, horizontalOverflow, startConsoleHarness, type ConsoleHarness } from './console-harness.js'

/**
 * Two persons the tests import themselves, so nothing depends on the generated demo population.
 * Their IDs were first issued in Beijing (110105): the generator issues Shenyang codes, so they
 * cannot already be in the registry. Both share a name that the search then tells apart by birth date.
 */
const NAME = '司马测验'
const FIRST = residentId('11010519850307001')
const SECOND = residentId('11010519920815002')
/** Valid, but nobody's. */
const NOBODY = residentId('11010519500101003')
const OLD_ADDRESS = '辽宁省沈阳市和平区南京北街1号'
const NEW_ADDRESS = '辽宁省沈阳市浑南区创新路99号'

const HEADER = '公民身份号码,姓名,曾用名,性别,民族,出生日期,户籍地行政区划,户籍地址,居住地址,人员状态,死亡日期,迁出日期'

function personsCsv(firstResidence: string, extra: readonly string[] = []): Buffer {
  return Buffer.from(
    [
      HEADER,
      `${FIRST},${NAME},,1,01,1985-03-07,210102001001,${OLD_ADDRESS},${firstResidence},10,,`,
      `${SECOND},${NAME},,2,10,1992-08-15,210103001001,辽宁省沈阳市沈河区青年大街2号,,10,,`,
      ...extra,
    ].join('\n'),
  )
}

/** FIRST with its last character changed: the right 17 digits and a wrong check character. */
const WRONG_CHECK = `${FIRST.slice(0, 17)}${FIRST.endsWith('0') ? '1' : '0'}`

describe('population console', () => {
  let harness: ConsoleHarness

  async function apiGet(username: string, path: string): Promise<{ status: number; json: unknown }> {
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
  }

  it('lets the police steward import persons: created, then one updated and one unchanged, then a bad row sent back', async () => {
    const page = await as('police')
    await page.getByRole('menuitem', { name: '人口库' }).click()
    await page.getByRole('menuitem', { name: '数据导入' }).click()

    await importFile(page, 'persons-1.csv', personsCsv(OLD_ADDRESS))
    const outcome = page.getByTestId('import-outcome')
    await outcome.waitFor({ timeout: 60_000 })
    expect(await outcome.getAttribute('data-status')).toBe('applied')
    await page.getByTestId('import-created').getByText('2', { exact: true }).waitFor()

    await page
      .getByTestId('import-job')
      .getByRole('button', { name: /返\s*回/ })
      .click()
    await importFile(page, 'persons-2.csv', personsCsv(NEW_ADDRESS))
    await page.getByTestId('import-outcome').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-updated').getByText('1', { exact: true }).waitFor()
    await page.getByTestId('import-unchanged').getByText('1', { exact: true }).waitFor()
    await page.screenshot({ path: '/tmp/huitong-population-import.png', fullPage: true })

    await page
      .getByTestId('import-job')
      .getByRole('button', { name: /返\s*回/ })
      .click()
    await importFile(page, 'persons-3.csv', personsCsv(NEW_ADDRESS, [`${WRONG_CHECK},错号人,,1,01,1985-03-07,210102001001,${OLD_ADDRESS},,10,,`]))
    await page.getByTestId('import-outcome').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-rows').getByText('3', { exact: true }).waitFor()
    await page.getByTestId('import-rejected').getByText('1', { exact: true }).waitFor()
    const rejections = page.waitForEvent('download')
    await page.getByTestId('rejections-csv').click()
    expect((await rejections).suggestedFilename()).toMatch(/\.csv$/)
    await page.screenshot({ path: '/tmp/huitong-population-import-rejected.png', fullPage: true })
  })

  it('refuses an import from a steward of another department with the problem shown', async () => {
    const page = await as('civil')
    await page.goto(`${harness.url}/population/imports`)
    await importFile(page, 'persons.csv', personsCsv(OLD_ADDRESS))
    await page.getByTestId('import-problems').getByRole('alert').waitFor()
    expect(await page.getByTestId('import-job').count()).toBe(0)
    expect((await apiGet('police', `/api/v1/population/persons/${FIRST}`)).json).toMatchObject({ residence_address: NEW_ADDRESS })
  })

  it('lets the police find a person by name and birth date, look the ID up, and open the profile with its history', async () => {
    const page = await as('police')
    await page.getByRole('menuitem', { name: '人口库' }).click()
    await page.getByRole('menuitem', { name: '人员查询' }).click()

    await page.getByRole('tab', { name: '按姓名' }).click()
    await page.getByTestId('search-name').fill(NAME)
    await page.getByTestId('search-submit').click()
    const results = page.getByTestId('search-results')
    await results.getByText(FIRST).waitFor()
    await results.getByText(SECOND).waitFor()

    await page.getByTestId('search-birth-date').fill('1985-03-07')
    await page.getByTestId('search-birth-date').press('Enter')
    await page.getByTestId('search-submit').click()
    await results.getByText(SECOND).waitFor({ state: 'detached' })
    const rows = results.locator('.ant-table-row')
    expect(await rows.count()).toBe(1)
    const found = (await rows.first().locator('td').first().textContent())?.trim() ?? ''
    expect(found).toBe(FIRST)
    await page.screenshot({ path: '/tmp/huitong-population-search.png', fullPage: true })

    await page.getByRole('tab', { name: '按身份号码' }).click()
    await page.getByTestId('lookup-id').fill(found)
    await page.getByTestId('lookup-purpose').fill('核对户籍信息（测试）')
    await page.getByTestId('lookup-submit').click()
    const record = page.getByTestId('person-record')
    await expect(record.getByTestId('value-name').textContent()).resolves.toBe(NAME)
    await expect(record.getByTestId('value-gender').textContent()).resolves.toBe('男')
    await expect(record.getByTestId('value-ethnic_group').textContent()).resolves.toBe('汉族')
    await expect(record.getByTestId('value-status').textContent()).resolves.toBe('正常')
    await expect(record.getByTestId('value-residence_address').textContent()).resolves.toBe(NEW_ADDRESS)

    await page.getByTestId('open-profile').click()
    await page.waitForURL(`${harness.url}/population/persons/${FIRST}`)
    await expect(page.getByTestId('profile-title').textContent()).resolves.toContain(NAME)
    const entries = page.getByTestId('history').getByTestId('history-entry')
    await entries.first().waitFor()
    // Newest first: the changed residence address, then the registration.
    expect(await entries.first().getAttribute('data-event')).toBe('update')
    await expect(entries.first().textContent()).resolves.toContain(`居住地址：${OLD_ADDRESS} → ${NEW_ADDRESS}`)
    expect(await entries.last().getAttribute('data-event')).toBe('create')
    await page.getByTestId('attachments').waitFor()
    await page.screenshot({ path: '/tmp/huitong-population-profile.png', fullPage: true })

    // Long before the import the registry did not hold the person.
    await page.getByTestId('as-of').fill('2000-01-01')
    await page.getByTestId('as-of').press('Enter')
    await page.getByTestId('as-of-note').waitFor()
    await page.getByText('2000-01-01 时人口库中尚无此人').waitFor()
  })

  it('shows heping the masked values its grant gives, never the clear ones', async () => {
    const clear = (await apiGet('police', `/api/v1/population/persons/${FIRST}`)).json as Record<string, string | null>
    const granted = await apiGet('heping', `/api/v1/population/persons/${FIRST}`)
    expect(granted.status).toBe(200)
    const seen = granted.json as Record<string, string | null>
    const masked = Object.keys(seen).filter((key) => typeof seen[key] === 'string' && seen[key].includes('*'))
    expect(masked.length).toBeGreaterThan(0)

    const page = await as('heping')
    await page.getByRole('menuitem', { name: '人口库' }).click()
    await page.getByRole('menuitem', { name: '人员查询' }).click()
    expect(await page.getByRole('menuitem', { name: '数据导入' }).count()).toBe(0)
    await page.getByTestId('lookup-id').fill(FIRST)
    await page.getByTestId('lookup-submit').click()
    const record = page.getByTestId('person-record')
    await record.waitFor()
    for (const key of masked) {
      const shown = await record.getByTestId(`value-${key}`).textContent()
      expect(shown).toBe(seen[key])
      expect(shown).not.toBe(clear[key])
      await expect(record.locator(`[data-item="${key}"]`).textContent()).resolves.toContain('脱敏')
    }
    await page.screenshot({ path: '/tmp/huitong-population-masked.png', fullPage: true })

    await page.getByTestId('open-profile').click()
    await page.getByTestId('core-card').getByTestId('person-record').waitFor()
    for (const key of masked) await expect(page.getByTestId('core-card').getByTestId(`value-${key}`).textContent()).resolves.toBe(seen[key])
    // Attachments without a grant are listed greyed, with the way to ask for them.
    const locked = page.getByTestId('attachments').locator('[data-granted=false]').first()
    await locked.waitFor()
    expect(await locked.locator('[data-action=request-access]').getAttribute('href')).toMatch(/^\/catalog\/\d+-\d+$/)
    await page.screenshot({ path: '/tmp/huitong-population-profile-heping.png', fullPage: true })
  })

  it('checks an ID and a name on the verify page', async () => {
    const page = await as('police')
    await page.goto(`${harness.url}/population/verify`)
    await page.getByTestId('verify-id').fill(FIRST)
    await page.getByTestId('verify-name').fill('司马测试')
    await page.getByTestId('verify-submit').click()
    const result = page.getByTestId('verify-result')
    await result.waitFor()
    expect(await result.getAttribute('data-found')).toBe('true')
    expect(await page.getByTestId('verdict-name').getAttribute('data-verdict')).toBe('mismatch')
    await expect(page.getByTestId('verdict-name').textContent()).resolves.toBe('不一致')

    await page.getByTestId('verify-id').fill(WRONG_CHECK)
    await page.getByTestId('verify-name').fill(NAME)
    await page.getByTestId('verify-submit').click()
    await page.locator('[data-testid=verify-result][data-validity=check]').waitFor()
    await expect(page.getByTestId('verify-validity').textContent()).resolves.toBe('校验码错误')
    await page.screenshot({ path: '/tmp/huitong-population-verify.png', fullPage: true })
  })

  it('compares an uploaded list: columns mapped from the suggestion, then a report with counts and problem rows', async () => {
    const page = await as('police')
    await page.getByRole('menuitem', { name: '人口库' }).click()
    await page.getByRole('menuitem', { name: '批量比对' }).click()
    const file = [
      '序号,身份证号,姓名,性别,出生日期',
      `1,${FIRST},${NAME},1,1985-03-07`,
      `2,${SECOND},司马测试,2,1992-08-15`,
      `3,${WRONG_CHECK},错号人,1,1985-03-07`,
      `4,${NOBODY},查无此人,1,1950-01-01`,
    ].join('\n')
    await page
      .getByTestId('comparison-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'welfare-list.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })

    await page.getByTestId('sample-table').getByText('司马测试').waitFor()
    // Pre-filled from the server's suggestion.
    await expect(page.getByTestId('map-residentId').textContent()).resolves.toBe('身份证号')
    await expect(page.getByTestId('map-name').textContent()).resolves.toBe('姓名')
    await page.screenshot({ path: '/tmp/huitong-population-compare-mapping.png', fullPage: true })
    await page.getByTestId('comparison-start').click()

    await page.waitForURL(/\/population\/comparisons\/[^/]+$/)
    const report = page.getByTestId('comparison-report')
    await report.waitFor({ timeout: 60_000 })
    const count = (key: string, value: string) => report.getByTestId(`count-${key}`).getByText(value, { exact: true }).waitFor()
    await count('total', '4')
    await count('ok', '1')
    await count('invalid-id', '1')
    await count('not-found', '1')
    await count('name-mismatch', '1')
    await report.getByTestId('chart-outcomes').locator('canvas').waitFor()

    const rows = report.getByTestId('problem-rows')
    await rows.getByText('错号人').waitFor()
    await page.getByRole('tab', { name: /姓名不一致/ }).click()
    await rows.getByText('司马测试').waitFor()
    await rows.getByText('错号人').waitFor({ state: 'detached' })
    await page.screenshot({ path: '/tmp/huitong-population-compare-report.png', fullPage: true })

    const download = page.waitForEvent('download')
    await report.getByTestId('report-csv').click()
    expect((await download).suggestedFilename()).toMatch(/\.csv$/)

    await page.getByRole('menuitem', { name: '批量比对' }).click()
    await page.getByTestId('comparisons-table').getByText('welfare-list.csv').waitFor()
  })

  it('shows the data office the statistics with the district map', async () => {
    const page = await as('dataoffice')
    await page.getByRole('menuitem', { name: '人口库' }).click()
    await page.getByRole('menuitem', { name: '人口统计' }).click()
    await page.getByTestId('chart-map').locator('canvas').waitFor({ timeout: 30_000 })
    await page.getByTestId('chart-pyramid').locator('canvas').waitFor()
    const stats = (await apiGet('dataoffice', '/api/v1/population/statistics')).json as { total: number }
    // At least the two persons imported above.
    expect(stats.total).toBeGreaterThanOrEqual(2)
    await page.getByTestId('stat-total').getByText(stats.total.toLocaleString('en-US'), { exact: true }).waitFor()
    await page.getByTestId('district-table').getByText('和平区').waitFor()
    await page.screenshot({ path: '/tmp/huitong-population-statistics.png', fullPage: true })
  })

  it('stays usable at phone width on the lookup and profile pages', async () => {
    const page = await as('heping', { width: 390, height: 844 })
    await page.goto(`${harness.url}/population/persons?id=${FIRST}`)
    await page.getByTestId('person-record').waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.getByTestId('open-profile').click()
    await page.getByTestId('history-entry').first().waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-population-phone-profile.png', fullPage: true })
  })
})

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiStatus, horizontalOverflow, startConsoleHarness, type ConsoleHarness } from './console-harness.js'

describe('catalog console', () => {
  let harness: ConsoleHarness

  beforeAll(async () => {
    harness = await startConsoleHarness()
  })

  afterAll(async () => {
    await harness?.stop()
  })

  const as = (username: string, viewport?: { width: number; height: number }): Promise<Page> => harness.signedIn(username, viewport)

  async function search(page: Page, text: string): Promise<void> {
    const input = page.getByTestId('catalog-search').locator('input')
    await input.fill(text)
    await input.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === text)
  }

  const result = (page: Page, name: string) => page.getByTestId('catalog-results').getByRole('link', { name, exact: true })

  /** Fills step ① of the wizard for a department resource. */
  async function fillBasics(page: Page, name: string): Promise<void> {
    await page.goto(`${harness.url}/catalog/new`)
    await page.locator('#name').fill(name)
    await page.locator('#abstract').fill(`${name}：由市公安局犬类管理系统登记的养犬信息，供相关部门核查。`)
    await page.locator('#formatType').fill('PostgreSQL')
    await page.getByTestId('wizard-next').click()
    await page.getByTestId('items-editor').waitFor()
  }

  async function addItem(page: Page, index: number, item: { name: string; key: string; length: number; primaryKey?: boolean }): Promise<void> {
    await page.getByTestId('add-item').click()
    await page.locator(`#items_${index}_name`).fill(item.name)
    await page.locator(`#items_${index}_key`).fill(item.key)
    await page.locator(`#items_${index}_length`).fill(String(item.length))
    if (item.primaryKey === true) await page.locator(`#items_${index}_primaryKey`).check()
  }

  it('finds a resource by Chinese words and by pinyin initials, and opens its items', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/catalog`)
    await page.getByTestId('catalog-result').first().waitFor()

    await search(page, '人口')
    await result(page, '人口基础信息').waitFor()
    await page.screenshot({ path: '/tmp/huitong-catalog-search.png', fullPage: true })

    await search(page, 'rkjc')
    await result(page, '人口基础信息').waitFor()
    // The search is in the URL, so the same search can be shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe('rkjc')

    await result(page, '人口基础信息').click()
    await page.getByTestId('resource-code').getByText('101/000001').waitFor()
    await page.getByRole('tab', { name: /信息项/ }).click()
    await page.getByTestId('items-table').getByText('公民身份号码').first().waitFor()
    await page.screenshot({ path: '/tmp/huitong-catalog-detail.png', fullPage: true })
  })

  it('narrows results with facets kept in the URL', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/catalog`)
    const facet = page.locator('[data-facet=shareType]')
    await facet.getByText('不予共享').click()
    await page.waitForURL((url) => url.searchParams.getAll('shareType').includes('none'))
    const count = Number((await facet.locator('label').filter({ hasText: '不予共享' }).locator('.ant-typography').textContent()) ?? '')
    expect(count).toBeGreaterThan(0)
    await page.getByTestId('catalog-total').getByText(`共找到 ${count} 个资源`).waitFor()
    const cards = page.getByTestId('catalog-result')
    expect(await cards.count()).toBe(count)
    expect(await cards.filter({ hasText: '不予共享' }).count()).toBe(count)
  })

  it('lets a steward register a resource that the data office approves and a consumer then finds', async () => {
    const name = '城市犬只登记信息'
    const police = await as('police')
    await fillBasics(police, name)
    await addItem(police, 0, { name: '犬只登记号', key: 'dog_id', length: 20, primaryKey: true })
    await addItem(police, 1, { name: '犬主姓名', key: 'owner_name', length: 50 })
    await police.screenshot({ path: '/tmp/huitong-catalog-wizard-items.png', fullPage: true })
    await police.getByTestId('wizard-next').click()
    await police.getByText('共享方式').waitFor()
    await police.getByTestId('wizard-next').click()
    await police.getByTestId('wizard-summary').getByRole('heading', { name }).waitFor()
    await police.screenshot({ path: '/tmp/huitong-catalog-wizard-confirm.png', fullPage: true })
    await police.getByTestId('wizard-submit').click()

    await police.getByTestId('resource-name').getByText(name).waitFor()
    const code = ((await police.getByTestId('resource-code').textContent()) ?? '').trim()
    expect(code).toMatch(/^\d{3,10}\/\d{6}$/)
    await police.getByText('待审核').first().waitFor()

    const office = await as('dataoffice')
    await office.getByRole('menuitem', { name: '资源目录' }).click()
    await office.getByRole('menuitem', { name: '审核队列' }).click()
    const row = office.getByTestId('review-queue').getByRole('row').filter({ hasText: name })
    await row.waitFor()
    await office.screenshot({ path: '/tmp/huitong-catalog-reviews.png', fullPage: true })
    await row.locator('[data-action=approve]').click()
    await office
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click()
    await row.waitFor({ state: 'detached' })

    const heping = await as('heping')
    await heping.goto(`${harness.url}/catalog`)
    await search(heping, '犬只')
    await result(heping, name).waitFor()
  })

  it('shows the catalog rules inline, on the field they are about', async () => {
    const page = await as('police')
    await fillBasics(page, '规则校验示例资源')
    await addItem(page, 0, { name: '编号', key: 'id', length: 10 })
    await page.locator('#items_0_length').fill('')
    await page.getByTestId('wizard-next').click()
    await expect(page.locator('#items_0_length_help').textContent()).resolves.toContain('此数据类型须填写长度')
    // A database holds records, so it needs a primary key.
    await page.getByText('须至少有一个主键信息项').waitFor()

    await page.locator('#items_0_length').fill('10')
    await page.locator('#items_0_primaryKey').check()
    await page.getByTestId('wizard-next').click()
    await page.getByText('有条件共享', { exact: true }).click()
    await page.getByTestId('wizard-next').click()
    await expect(page.locator('#shareCondition_help').textContent()).resolves.toContain('有条件共享须说明共享条件')
    await page.screenshot({ path: '/tmp/huitong-catalog-rule.png', fullPage: true })
  })

  it('keeps the review queue from a consumer: no menu entry, a 403 page and a 403 from the API', async () => {
    const page = await as('heping')
    await page.getByRole('menuitem', { name: '资源目录' }).click()
    await page.getByRole('menuitem', { name: '资源检索' }).waitFor()
    await page.getByRole('menuitem', { name: '我的资源' }).waitFor()
    expect(await page.getByRole('menuitem', { name: '审核队列' }).count()).toBe(0)

    await page.goto(`${harness.url}/catalog/reviews`)
    await page.getByText('无权访问').waitFor()
    expect(await page.getByTestId('review-queue').count()).toBe(0)
    expect(await apiStatus(page, harness.url, '/api/v1/catalog/reviews')).toBe(403)
  })

  it('lists the versions of an entry and what changed between them', async () => {
    const page = await as('heping')
    await page.goto(`${harness.url}/catalog/101-000001`)
    await page.getByRole('tab', { name: /版本历史/ }).click()
    const versions = page.getByTestId('versions-table')
    await versions.getByText('v2').waitFor()
    await versions.getByText('v1').waitFor()
    await page.getByTestId('compare-versions').click()

    const fields = page.getByTestId('diff-fields')
    await fields.locator('[data-field=abstract]').waitFor()
    await fields.locator('[data-field=tags]').waitFor()
    await expect(fields.textContent()).resolves.toContain('一人一档')
    await page.screenshot({ path: '/tmp/huitong-catalog-diff.png', fullPage: true })
  })

  it('shows my department’s entries by status', async () => {
    const page = await as('police')
    await page.goto(`${harness.url}/catalog/mine`)
    await page.getByTestId('mine-table').getByText('人口基础信息').waitFor()
    await page.getByRole('tab', { name: '草稿' }).click()
    await page.waitForURL((url) => url.searchParams.get('status') === 'draft')
    await page.screenshot({ path: '/tmp/huitong-catalog-mine.png', fullPage: true })
  })

  it('re-imports an exported spreadsheet without changing anything, and lists bad rows in a table', async () => {
    const page = await as('police')
    const { origins } = await page.context().storageState()
    const token = origins.flatMap((origin) => origin.localStorage).find((entry) => entry.name === 'huitong.token')?.value ?? ''
    const exported = await fetch(`${harness.url}/api/v1/catalog/export?format=csv&department=210100003`, { headers: { authorization: `Bearer ${token}` } })
    const csv = Buffer.from(await exported.arrayBuffer())

    await page.goto(`${harness.url}/catalog/transfer`)
    await page.locator('input[type=file]').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: csv })
    const imported = page.getByTestId('import-result')
    await imported.getByText('101/000001').waitFor()
    await expect(imported.textContent()).resolves.toContain('未变化')

    const broken = csv.toString('utf8').replace(/,resident_id,/, ',Bad Key,')
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    await page.getByTestId('import-errors').getByRole('row').nth(1).waitFor()
    await page.getByText('导入失败，未导入任何内容').waitFor()
    await page.screenshot({ path: '/tmp/huitong-catalog-transfer.png', fullPage: true })
  })

  it('stays usable at phone width: facets open in a drawer and nothing overflows', async () => {
    const page = await as('heping', { width: 390, height: 844 })
    await page.goto(`${harness.url}/catalog`)
    await page.getByTestId('catalog-result').first().waitFor()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/huitong-catalog-phone.png', fullPage: true })
    await page.getByTestId('open-filters').click()
    await page.locator('[data-facet=department]').waitFor()
    await page.screenshot({ path: '/tmp/huitong-catalog-phone-filters.png' })
  })
})

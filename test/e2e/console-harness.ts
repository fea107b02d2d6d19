import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { loadConfig } from '../../src/platform/config.js'
import { startServer } from '../../src/server.js'

export const DEMO_PASSWORD = 'Huitong@2026'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface ConsoleHarness {
  /** Base URL of the running server, without the trailing slash. */
  readonly url: string
  readonly browser: Browser
  /** A fresh browser profile (own localStorage), Chinese by default. */
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>
  /** A page signed in as `username` in a fresh profile; closed with the browser at `stop()`. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>
  stop(): Promise<void>
}

/** Builds the console if it is missing, starts a demo server on a free port and launches Chromium. */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'web/dist/index.html'))) {
    execSync('npm run build:web', { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-e2e-'))
  const server = await startServer(
    loadConfig({ HUITONG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', HUITONG_LOG_LEVEL: 'warn' }),
    // A smaller demo than `npm start`'s: the same shapes, seeded in seconds for each test file.
    { demoPassword: DEMO_PASSWORD, demoSize: { persons: 20_000, entities: 5_000 } },
  )
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const url = server.url.replace(/\/$/, '')
  const newContext = (options: { viewport?: { width: number; height: number } } = {}) => browser.newContext({ locale: 'zh-CN', ...options })
  return {
    url,
    browser,
    newContext,
    signedIn: async (username, viewport) => {
      const page = await (await newContext(viewport === undefined ? {} : { viewport })).newPage()
      await signIn(page, url, username)
      return page
    },
    stop: async () => {
      await browser.close()
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Signs in through the login form and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('welcome').waitFor()
}

/** Calls the API with the session token the console keeps in the page's localStorage; returns the HTTP status. */
export async function apiStatus(page: Page, baseUrl: string, path: string): Promise<number> {
  const { origins } = await page.context().storageState()
  const token = origins.flatMap((origin) => origin.localStorage).find((entry) => entry.name === 'huitong.token')?.value ?? ''
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return response.status
}

/** How many CSS pixels the page is wider than the viewport (0 when nothing overflows sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string expression: the test project is type-checked without the DOM library.
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))
}

import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { themeToBpmn } from '../../src/approval/bpmn.js'
import { BUSINESS_START, CONSTRUCTION_PROJECT, demoDepartmentNames, demoMatters } from '../../src/demo/approval-catalogue.js'

// bpmn-js's distributed viewer, from node_modules: the page loads nothing from the network.
const VIEWER = path.join(path.dirname(createRequire(import.meta.url).resolve('bpmn-js/package.json')), 'dist/bpmn-viewer.production.min.js')
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

interface Rendered {
  readonly warnings: string[]
  readonly tasks: string[]
  readonly lanes: number
  readonly connections: number
}

describe('bpmn-js renders the theme flows', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser.close()
  })

  for (const theme of [BUSINESS_START, CONSTRUCTION_PROJECT]) {
    it(`draws ${theme.name} with a shape for every task and lane`, async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
      await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1560px;height:860px"></div></body></html>')
      await page.addScriptTag({ path: VIEWER })
      const xml = themeToBpmn(theme, demoMatters(), demoDepartmentNames())
      // Runs in the page, where the DOM is: written as a script so the test compiles without DOM types.
      const rendered = (await page.evaluate(`(async () => {
        const viewer = new window.BpmnJS({ container: '#canvas' })
        const { warnings } = await viewer.importXML(${JSON.stringify(xml)})
        const names = (selector) => [...document.querySelectorAll(selector)].map((element) => (element.textContent || '').trim())
        return {
          warnings: warnings.map((warning) => warning.message),
          tasks: names('[data-element-id^="Task_"] .djs-visual text'),
          lanes: document.querySelectorAll('[data-element-id^="Lane_"].djs-shape').length,
          connections: document.querySelectorAll('.djs-connection').length,
        }
      })()`)) as Rendered
      expect(rendered.warnings).toEqual([])
      const matterNames = theme.stages.flatMap((stage) => stage.matters.map((code) => demoMatters().get(code)?.name ?? ''))
      // Task labels wrap into lines; compare without the breaks.
      expect(rendered.tasks.map((name) => name.replace(/\s+/g, ''))).toEqual(['一窗受理', ...matterNames].map((name) => name.replace(/\s+/g, '')))
      expect(rendered.lanes).toBe(new Set(theme.stages.flatMap((stage) => stage.matters.map((code) => demoMatters().get(code)?.department))).size + 1)
      expect(rendered.connections).toBe((xml.match(/<bpmn:sequenceFlow /g) ?? []).length)
      await page.close()
    })
  }
})

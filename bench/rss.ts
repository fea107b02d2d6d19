/**
 * Memory and start-up of the platform as `npm start` runs it (`node dist/cli.js demo`): time from
 * spawn to the first healthy /healthz on a new data directory (migrations and demo seeding
 * included) and on a restart over it, then the server's resident memory after a login burst and
 * a few hundred authenticated requests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../src/demo/departments.js'
import { NODE_FLAGS } from '../src/platform/node-flags.js'
import { expectOk, login } from './support/huitong-client.js'
import { printTable, writeResults } from './support/report.js'
import { formatNumber, median } from './support/stats.js'

export interface RssOptions {
  readonly runs: number
  readonly logins: number
  /** Logins in flight at once: scrypt takes 32 MB per hash, so this is the memory-hungry part. */
  readonly loginConcurrency: number
  readonly meRequests: number
  readonly meConcurrency: number
}

export const RSS_DEFAULTS: RssOptions = { runs: 3, logins: 36, loginConcurrency: 8, meRequests: 400, meConcurrency: 10 }

/** The target for the resident memory of a serving node. */
const RSS_TARGET_MB = 200
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CLI = path.join(ROOT, 'dist', 'cli.js')
const HEALTHY_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 15_000

/** Megabytes (10^6 bytes), the unit of the target; /proc reports KiB. */
interface Memory {
  /** Resident set now (VmRSS). */
  readonly rssMb: number
  /** Peak resident set since start (VmHWM). */
  readonly peakMb: number
}

interface RssRun {
  readonly coldStartMs: number
  readonly restartMs: number
  readonly idle: Memory
  readonly afterLoad: Memory
}

/** The newest modification time of the TypeScript that tsconfig.build.json compiles (tests excluded). */
function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Builds dist/ when it is missing or older than src/, so the figures are for the code in the tree. */
function ensureBuilt(): void {
  if (fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) return
  console.log('building dist/ (tsc -p tsconfig.build.json)')
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`tsc failed with status ${build.status}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
  return { rssMb: (kib('VmRSS') * 1024) / 1e6, peakMb: (kib('VmHWM') * 1024) / 1e6 }
}

interface Platform {
  readonly child: ChildProcess
  readonly url: string
  readonly startMs: number
}

/** Spawns `node dist/cli.js demo` over `dataDir` and waits for /healthz to answer 200. */
async function startPlatform(dataDir: string, logFile: string): Promise<Platform> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HUITONG_') && name !== 'PORT' && name !== 'HOST'))
  const log = fs.openSync(logFile, 'a')
  const started = performance.now()
  const child = spawn(process.execPath, [...NODE_FLAGS, CLI, 'demo'], {
    cwd: ROOT,
    env: { ...env, HUITONG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const deadline = started + HEALTHY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break
    const healthy = await fetch(new URL('/healthz', url)).then(
      (response) => response.status === 200,
      () => false,
    )
    if (healthy) return { child, url, startMs: performance.now() - started }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  child.kill('SIGKILL')
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')
  throw new Error(`the platform did not become healthy (exit code ${child.exitCode}); log tail:\n${tail}`)
}

async function stopPlatform(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
  child.kill('SIGTERM')
  if (!(await exited)) child.kill('SIGKILL')
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next
      next += 1
      await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

async function measureOnce(options: RssOptions): Promise<RssRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huitong-bench-rss-'))
  const logFile = path.join(dataDir, 'server.log')
  try {
    const cold = await startPlatform(dataDir, logFile)
    await stopPlatform(cold.child)
    const platform = await startPlatform(dataDir, logFile)
    try {
      const pid = platform.child.pid ?? -1
      const idle = memoryOf(pid)
      const tokens: string[] = []
      await inParallel(options.logins, options.loginConcurrency, async (index) => {
        const account = DEMO_ACCOUNTS[index % DEMO_ACCOUNTS.length]
        tokens.push(await login(platform.url, account?.username ?? 'police', DEFAULT_DEMO_PASSWORD))
      })
      await inParallel(options.meRequests, options.meConcurrency, async (index) => {
        await expectOk(platform.url, '/api/v1/me', { authorization: `Bearer ${tokens[index % tokens.length] ?? ''}` })
      })
      return { coldStartMs: cold.startMs, restartMs: platform.startMs, idle, afterLoad: memoryOf(pid) }
    } finally {
      await stopPlatform(platform.child)
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function benchRss(options: RssOptions = RSS_DEFAULTS): Promise<void> {
  ensureBuilt()
  const runs: RssRun[] = []
  for (let run = 0; run < options.runs; run += 1) {
    const result = await measureOnce(options)
    runs.push(result)
    console.log(
      `  run ${run + 1}/${options.runs}  cold start ${formatNumber(result.coldStartMs)} ms  restart ${formatNumber(result.restartMs)} ms  ` +
        `RSS idle ${result.idle.rssMb.toFixed(1)} MB  after load ${result.afterLoad.rssMb.toFixed(1)} MB  peak ${result.afterLoad.peakMb.toFixed(1)} MB`,
    )
  }
  const summary = {
    coldStartMs: median(runs.map((r) => r.coldStartMs)),
    restartMs: median(runs.map((r) => r.restartMs)),
    idleRssMb: median(runs.map((r) => r.idle.rssMb)),
    idlePeakMb: median(runs.map((r) => r.idle.peakMb)),
    afterLoadRssMb: median(runs.map((r) => r.afterLoad.rssMb)),
    peakRssMb: median(runs.map((r) => r.afterLoad.peakMb)),
  }
  printTable(
    `rss: node dist/cli.js demo, median of ${options.runs} runs; load = ${options.logins} logins (${options.loginConcurrency} at once) + ${options.meRequests} GET /api/v1/me`,
    ['measure', 'median', 'runs'],
    [
      ['spawn → healthy, new data dir', `${formatNumber(summary.coldStartMs)} ms`, runs.map((r) => formatNumber(r.coldStartMs)).join(' / ')],
      ['spawn → healthy, restart', `${formatNumber(summary.restartMs)} ms`, runs.map((r) => formatNumber(r.restartMs)).join(' / ')],
      ['RSS idle after restart', `${summary.idleRssMb.toFixed(1)} MB`, runs.map((r) => r.idle.rssMb.toFixed(1)).join(' / ')],
      ['peak RSS before load', `${summary.idlePeakMb.toFixed(1)} MB`, runs.map((r) => r.idle.peakMb.toFixed(1)).join(' / ')],
      ['RSS after load', `${summary.afterLoadRssMb.toFixed(1)} MB`, runs.map((r) => r.afterLoad.rssMb.toFixed(1)).join(' / ')],
      ['peak RSS after load (VmHWM)', `${summary.peakRssMb.toFixed(1)} MB`, runs.map((r) => r.afterLoad.peakMb.toFixed(1)).join(' / ')],
    ],
  )
  const verdict = (mb: number): string => (mb < RSS_TARGET_MB ? 'meets' : 'misses')
  console.log(`RSS after load ${summary.afterLoadRssMb.toFixed(1)} MB ${verdict(summary.afterLoadRssMb)} the < ${RSS_TARGET_MB} MB target`)
  console.log(`peak RSS during the run ${summary.peakRssMb.toFixed(1)} MB ${verdict(summary.peakRssMb)} it`)
  const file = writeResults('rss', { options, rssTargetMb: RSS_TARGET_MB, summary, runs })
  console.log(`results: ${file}`)
}

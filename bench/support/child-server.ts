import { fork, type ChildProcess } from 'node:child_process'
import { NODE_FLAGS } from '../../src/platform/node-flags.js'

/** What a target process sends once it listens. */
export interface ReadyMessage {
  readonly type: 'ready'
  readonly url: string
  /** What the target measured while it prepared, e.g. how long seeding took. */
  readonly info?: Readonly<Record<string, number>>
}

/** What a target answers to a profiling request. */
export interface ProfileMessage {
  readonly type: 'profile-started' | 'profile-written'
}

export interface ChildServer {
  readonly url: string
  readonly pid: number
  readonly info: Readonly<Record<string, number>>
  /** Records a CPU profile of the server's main thread while `work` runs and writes it to `file`. */
  profile<T>(file: string, work: () => Promise<T>): Promise<T>
  /** Asks the target to shut down cleanly (dropping its PostgreSQL schema), then kills it if it hangs. */
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 15_000

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * Forks a TypeScript target in its own Node process (through tsx, with the `huitong` command's
 * {@link NODE_FLAGS}, bare baselines too), so the server under test and the load generator do not
 * share an event loop.
 *
 * @example
 * const server = await forkServer(new URL('../http-target.ts', import.meta.url), ['bare'])
 */
export async function forkServer(entry: URL, args: readonly string[], nodeOptions: readonly string[] = []): Promise<ChildServer> {
  const child = fork(entry, [...args], {
    execArgv: ['--import', 'tsx', ...NODE_FLAGS, ...nodeOptions],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer)
      resolve(message)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')}: exited with code ${code} before it was ready`))
    })
  }).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  const reply = (type: ProfileMessage['type']): Promise<void> =>
    new Promise((resolve) => {
      const listener = (message: ProfileMessage): void => {
        if (message.type !== type) return
        child.off('message', listener)
        resolve()
      }
      child.on('message', listener)
    })
  return {
    url: ready.url,
    pid: child.pid ?? -1,
    info: ready.info ?? {},
    async profile(file, work) {
      const started = reply('profile-started')
      child.send({ type: 'profile-start' })
      await started
      try {
        return await work()
      } finally {
        const written = reply('profile-written')
        child.send({ type: 'profile-stop', file })
        await written
      }
    },
    async stop() {
      if (child.connected) child.send('stop')
      if (!(await exited(child, STOP_TIMEOUT_MS))) child.kill('SIGKILL')
    },
  }
}

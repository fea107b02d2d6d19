import { fork } from 'node:child_process'
import { NODE_FLAGS } from '../../src/platform/node-flags.js'

/** What a task process sends when it is done. */
export interface TaskResultMessage<T> {
  readonly type: 'result'
  readonly result: T
}

/**
 * Runs a TypeScript benchmark task in its own Node process (through tsx, with the `huitong`
 * command's {@link NODE_FLAGS}, as an import run from the command line has them) with extra Node flags,
 * such as `--expose-gc` for heap figures, and resolves with the result it sends over IPC.
 *
 * @example
 * const result = await runTask<InProcessResult>(new URL('../catalog-search-in-process.ts', import.meta.url), ['10000'], ['--expose-gc'])
 */
export function runTask<T>(entry: URL, args: readonly string[], nodeOptions: readonly string[] = []): Promise<T> {
  const child = fork(entry, [...args], { execArgv: ['--import', 'tsx', ...NODE_FLAGS, ...nodeOptions], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | undefined
    child.on('message', (message: TaskResultMessage<T>) => {
      if (message.type === 'result') result = { value: message.result }
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolve(result.value)
      else reject(new Error(`${entry.pathname} ${args.join(' ')}: exited with ${signal ?? `code ${code}`}${result === undefined ? ' without a result' : ''}`))
    })
  })
}

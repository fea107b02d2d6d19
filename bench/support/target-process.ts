/**
 * The child side of `forkServer`: listens on 127.0.0.1 (random port), sends {type:'ready', url}
 * over IPC, stops on 'stop' or when the parent goes, and records a CPU profile of the main thread
 * between 'profile-start' and 'profile-stop'.
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { FastifyInstance } from 'fastify'
import type { ProfileMessage, ReadyMessage } from './child-server.js'

export interface Target {
  readonly app: FastifyInstance
  readonly info?: Readonly<Record<string, number>>
  close(): Promise<void>
}

/**
 * Serves `target` until the parent stops it, then closes the app and the target and exits.
 *
 * @example
 * await serveTarget({ app: Fastify().get('/', async () => 'ok'), close: async () => undefined })
 */
export async function serveTarget(target: Target): Promise<void> {
  const url = await target.app.listen({ port: 0, host: '127.0.0.1' })
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await target.app.close()
    await target.close()
    process.exit(0)
  }
  // Profiling is driven over IPC so a profile covers one measured run, not start-up and seeding.
  let inspector: Session | undefined
  const onMessage = async (message: unknown): Promise<void> => {
    if (message === 'stop') return stop()
    const request = message as { type?: string; file?: string }
    if (request.type === 'profile-start') {
      inspector = new Session()
      inspector.connect()
      await inspector.post('Profiler.enable')
      await inspector.post('Profiler.start')
      process.send?.({ type: 'profile-started' } satisfies ProfileMessage)
    } else if (request.type === 'profile-stop' && request.file !== undefined && inspector !== undefined) {
      const { profile } = await inspector.post('Profiler.stop')
      inspector.disconnect()
      fs.writeFileSync(request.file, JSON.stringify(profile))
      process.send?.({ type: 'profile-written' } satisfies ProfileMessage)
    }
  }
  process.on('message', (message) => void onMessage(message))
  process.on('disconnect', () => void stop())
  process.send?.({ type: 'ready', url, ...(target.info === undefined ? {} : { info: target.info }) } satisfies ReadyMessage)
}

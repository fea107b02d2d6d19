import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { AppError } from '../platform/errors.js'
import { EntityNameSearch, type EntityNameSource } from './name-search.js'
import type { StoredEntity } from './repository.js'

const ALL = { limit: 500, offset: 0, formerNames: true }

interface Row {
  readonly credit_code: string
  readonly name: string
  readonly former_name: string
  readonly seq: number
}

/** The registry as the name search reads it: names by code, changes by sequence number. */
class FakeRegistry implements EntityNameSource {
  readonly #rows = new Map<string, Row>()
  #lastSeq = 0
  /** Reading names waits for this, when set. */
  hold: Promise<void> | undefined

  put(code: string, name: string, formerName = ''): void {
    this.#lastSeq += 1
    this.#rows.set(code, { credit_code: code, name, former_name: formerName, seq: this.#lastSeq })
  }

  async head(): Promise<{ lastSeq: number; recordCount: number }> {
    return { lastSeq: this.#lastSeq, recordCount: this.#rows.size }
  }

  async *names(pageSize = 20_000): AsyncGenerator<Array<{ credit_code: string; name: string; former_name: string }>> {
    await this.hold
    const rows = [...this.#rows.values()].sort((a, b) => (a.credit_code < b.credit_code ? -1 : 1))
    for (let start = 0; start < rows.length; start += pageSize) yield rows.slice(start, start + pageSize)
  }

  async changes(after: number, limit: number): Promise<StoredEntity[]> {
    const rows = [...this.#rows.values()].filter((row) => row.seq > after).sort((a, b) => a.seq - b.seq)
    return rows.slice(0, limit) as unknown as StoredEntity[]
  }
}

const BRANDS = [
  ...'安邦宝诚达鼎丰富光广海汉和恒宏华辉汇佳嘉金锦京聚凯康坤蓝乐力利隆龙美铭明鹏奇启泉荣瑞润森晟盛顺泰腾天通万伟祥鑫欣新兴旭亚扬耀益银永友宇裕远源跃云泽正致智中众卓',
]
const TRADES = ['科技', '商贸', '物流', '餐饮', '建筑', '文化', '机械', '食品']

/** `count` entities with distinct codes and names in the registry's style. */
function fill(registry: FakeRegistry, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const brand = `${BRANDS[i % BRANDS.length] as string}${BRANDS[Math.floor(i / BRANDS.length) % BRANDS.length] as string}`
    registry.put(`91210100${String(i).padStart(9, '0')}X`, `沈阳${brand}${TRADES[i % TRADES.length] as string}${i}有限公司`)
  }
}

const codesOf = async (names: EntityNameSearch, query: string, options = ALL) => (await names.search(query, options)).codes

describe('EntityNameSearch', () => {
  it('answers 503 with a retryAfter while the index is first built, and answers once it is', async () => {
    const registry = new FakeRegistry()
    registry.put('91210100000000001X', '沈阳华信机械制造有限公司')
    let release = () => undefined as void
    registry.hold = new Promise<void>((resolve) => {
      release = resolve
    })
    const names = new EntityNameSearch(registry, { warmingWaitMs: 20 })
    expect(names.status.state).toBe('cold')
    const warming = names.warm()
    expect(names.status.state).toBe('building')
    const refused = await names.search('华信', ALL).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'HT_UNAVAILABLE', status: 503, extra: { retryAfter: 5 } })
    release()
    await warming
    expect(names.status).toMatchObject({ state: 'ready', entities: 1 })
    expect(await codesOf(names, '华信')).toEqual(['91210100000000001X'])
  })

  it('builds at the first search when nothing started it, and that search waits for a short build', async () => {
    const registry = new FakeRegistry()
    fill(registry, 100)
    const names = new EntityNameSearch(registry)
    expect((await names.search('有限公司', ALL)).total).toBe(100)
  })

  it.each([
    ['on a worker thread', 0],
    ['here, a slice at a time', Number.POSITIVE_INFINITY],
  ])('builds %s: the event loop keeps turning, no turn waiting long', async (_where, threadFrom) => {
    const registry = new FakeRegistry()
    fill(registry, 30_000)
    const names = new EntityNameSearch(registry, { threadFrom })
    const delay = monitorEventLoopDelay({ resolution: 5 })
    let turns = 0
    let building = true
    const counting = (async () => {
      while (building) {
        await nextTurn()
        turns += 1
      }
    })()
    delay.enable()
    await names.warm()
    delay.disable()
    building = false
    await counting
    // A build holding the thread would let no turn happen; slices of 2 ms, or a thread, let hundreds,
    // most of them on time (the longest depend on how busy the machine is).
    expect(turns).toBeGreaterThan(20)
    expect(delay.percentile(50) / 1e6).toBeLessThan(50)
    expect(names.status.entities).toBe(30_000)
  })

  it('stops a build on a worker thread when closed', async () => {
    const registry = new FakeRegistry()
    fill(registry, 30_000)
    const names = new EntityNameSearch(registry, { threadFrom: 0 })
    const warming = names.warm()
    await sleep(50)
    names.close()
    await warming
    expect(names.status.entities).toBe(0)
  })

  it('catches up with the registry before each search', async () => {
    const registry = new FakeRegistry()
    fill(registry, 50)
    const names = new EntityNameSearch(registry)
    await names.warm()
    registry.put('91210100000000099X', '沈阳汇通测试科技有限公司')
    registry.put('91210100000000000X', '沈阳远大重工有限公司', '沈阳安安科技0有限公司')
    expect(await codesOf(names, '汇通测试')).toEqual(['91210100000000099X'])
    expect(await codesOf(names, '远大重工')).toEqual(['91210100000000000X'])
    expect(await codesOf(names, '安安科技0')).toEqual(['91210100000000000X'])
    expect(await codesOf(names, '安安科技0', { ...ALL, formerNames: false })).toEqual([])
  })

  it('builds afresh in the background once upserts pile up, changes made meanwhile kept', async () => {
    const registry = new FakeRegistry()
    fill(registry, 6_000)
    const names = new EntityNameSearch(registry, { threadFrom: 0 })
    await names.warm()
    // More than a fresh build waits for: every name changes.
    for (let i = 0; i < 6_000; i += 1) registry.put(`91210100${String(i).padStart(9, '0')}X`, `沈阳新名${i}有限公司`)
    expect((await names.search('新名', ALL)).total).toBe(6_000)
    expect(names.status).toMatchObject({ changesSinceBuild: 6_000, rebuilding: true })
    registry.put('91210100000000001X', '沈阳改后有限公司')
    for (let waited = 0; names.status.rebuilding && waited < 30_000; waited += 50) {
      await sleep(50)
      if (!names.status.rebuilding) break
      // A search now and then takes the fresh index in as soon as it is there.
      await names.search('改后', ALL)
    }
    expect(await codesOf(names, '改后')).toEqual(['91210100000000001X'])
    expect(names.status).toMatchObject({ entities: 6_000, rebuilding: false })
    expect(names.status.changesSinceBuild).toBeLessThan(10)
    expect((await names.search('新名', ALL)).total).toBe(5_999)
  })
})

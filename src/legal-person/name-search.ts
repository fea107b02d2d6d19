import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { AppError } from '../platform/errors.js'
import { EntityNameIndex, EntityNameRecords, type NameSearchOptions, type NameSearchResult } from './name-index.js'
import { buildInThread } from './name-index-thread.js'
import { prepareNameTerms, splitFormerNames } from './name-terms.js'
import type { EntityRepository } from './repository.js'

/**
 * Names read per page while building, and changes per catch-up step: reading one from SQLite
 * holds the event loop a few milliseconds.
 */
const PAGE = 500
/** Work done between two turns of the event loop, at most, while changes are read in or a small registry built here. */
const SLICE_MS = 2
/** How long a search waits for the index being built, unless told otherwise, before it is told to come back. */
const WARMING_WAIT_MS = 2_000
/** What the answer to a search during the build suggests waiting, in seconds. */
const RETRY_AFTER_SECONDS = 5
/** A fresh build starts once upserts since the last pass this many, or a 32nd of the entities. */
const REBUILD_FROM = 4_096
/**
 * Entities from which the index is built on a worker thread. Starting one costs about a second
 * (loading the pinyin and OpenCC dictionaries again); fewer are built here, a slice at a time, in
 * less than that.
 */
const THREAD_FROM = 20_000

/** What the name search reads of the registry. */
export type EntityNameSource = Pick<EntityRepository, 'head' | 'names' | 'changes'>

/** Where a node's name index stands. */
export interface EntityNameSearchStatus {
  /** `cold` before the build begins, `building` until it ends, then `ready`. */
  readonly state: 'cold' | 'building' | 'ready'
  /** Entities the index holds. */
  readonly entities: number
  /** Upserts beside the packed lists, until a fresh build folds them in. */
  readonly changesSinceBuild: number
  /** Whether a fresh build is under way or waiting to be swapped in. */
  readonly rebuilding: boolean
  /** Bytes of the index's typed arrays (see {@link EntityNameIndex.arrayBytes}). */
  readonly arrayBytes: number
}

export interface EntityNameSearchOptions {
  /** Told of a background rebuild that failed (the index stays as it was). */
  readonly onError?: (error: unknown) => void
  /** How long a search waits for the index being built before it is answered `503`: 2 s unless given. */
  readonly warmingWaitMs?: number
  /** Entities from which the index is built on a worker thread: 20 000 unless given. */
  readonly threadFrom?: number
}

/** Long work done a few milliseconds at a time, the event loop turning in between. */
class Slices {
  #until = performance.now() + SLICE_MS

  /** `stopped`: whether to give up, asked between slices. */
  constructor(private readonly stopped: () => boolean) {}

  /** Whether this slice's time is up. */
  get due(): boolean {
    return performance.now() >= this.#until
  }

  /** Lets everything waiting run, then starts the next slice. */
  async next(): Promise<void> {
    await nextTurn()
    this.#until = performance.now() + SLICE_MS
  }

  /** Runs steps to the end, a slice at a time; undefined when stopped before. */
  async run<T>(steps: Generator<undefined, T>): Promise<T | undefined> {
    for (;;) {
      const step = steps.next()
      if (step.done === true) return step.value
      if (this.due) {
        await this.next()
        if (this.stopped()) return undefined
      }
    }
  }
}

/**
 * The entity name index of this node, kept in step with the registry. `warm` builds it from the
 * database when the node starts; after that, each search first reads the entities changed after
 * the last sequence number it saw (the change feed), so writes on other nodes show up too.
 *
 * The index is built on a worker thread, this one only reading the names for it and taking the
 * finished index over (a small registry is built here, a slice at a time); once upserts pile up
 * beside it, a fresh one is built the same way and swapped in. Reading changes in is done here a
 * slice at a time too, so requests go on meanwhile. A search that comes while the index is first built waits a little for it, and is
 * then answered `503` with a `retryAfter`: the index is never half there.
 */
export class EntityNameSearch {
  #index: EntityNameIndex | undefined
  #seq = 0
  #warming: Promise<void> | undefined
  #updating: Promise<void> | undefined
  #rebuilding = false
  /** A fresh build done, waiting to be swapped in by the next catch-up: the new index, and the sequence number it holds up to. */
  #rebuilt: { readonly index: EntityNameIndex; readonly seq: number } | undefined
  /** Aborted when the node shuts down: builds stop, a build thread ends. */
  readonly #closing = new AbortController()
  readonly #onError: (error: unknown) => void
  readonly #warmingWaitMs: number
  readonly #threadFrom: number

  constructor(
    private readonly entities: EntityNameSource,
    options: EntityNameSearchOptions = {},
  ) {
    this.#onError = options.onError ?? (() => undefined)
    this.#warmingWaitMs = options.warmingWaitMs ?? WARMING_WAIT_MS
    this.#threadFrom = options.threadFrom ?? THREAD_FROM
  }

  /**
   * Builds the index in the background, if it is not built or being built already; settles when it
   * is there. A failed build is tried again by the next search.
   *
   * @example
   * entityNames.warm().catch((error: unknown) => logger.error({ err: error }, 'name index build failed'))
   */
  warm(): Promise<void> {
    if (this.#warming === undefined) {
      // Normalising and pinyin here too (queries, upserts): their libraries set up now, once.
      prepareNameTerms()
      this.#warming = this.#build()
        .then((built) => {
          if (built === undefined) return
          this.#index = built.index
          this.#seq = built.seq
        })
        .catch((error: unknown) => {
          this.#warming = undefined
          throw error
        })
    }
    return this.#warming
  }

  get status(): EntityNameSearchStatus {
    const index = this.#index
    return {
      state: index !== undefined ? 'ready' : this.#warming !== undefined ? 'building' : 'cold',
      entities: index?.size ?? 0,
      changesSinceBuild: index?.changesSinceBuild ?? 0,
      rebuilding: this.#rebuilding || this.#rebuilt !== undefined,
      arrayBytes: index?.arrayBytes ?? 0,
    }
  }

  /** Stops building, ending a build thread: the node is shutting down. */
  close(): void {
    this.#closing.abort()
  }

  /**
   * Entities whose names match, best first (see {@link EntityNameIndex.search}).
   *
   * @example
   * await entityNames.search('华信机械', { limit: 20, offset: 0, formerNames: false })
   */
  async search(query: string, options: NameSearchOptions): Promise<NameSearchResult> {
    await this.#ready()
    await this.#current()
    return (this.#index as EntityNameIndex).search(query, options)
  }

  /** Waits a little for a build under way, and refuses when it takes longer. */
  async #ready(): Promise<void> {
    if (this.#index !== undefined) return
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.#warmingWaitMs)
    })
    try {
      await Promise.race([this.warm(), late])
    } finally {
      clearTimeout(timer)
    }
    if (this.#index === undefined) {
      throw new AppError(
        'HT_UNAVAILABLE',
        'The name index of this node is still being built; search again in a few seconds (名称索引正在加载，请稍后再试)',
        [],
        {
          retryAfter: RETRY_AFTER_SECONDS,
        },
      )
    }
  }

  /**
   * A fresh index of every entity, and the sequence number it holds up to: changes made while the
   * names are read are after it, and caught up next time (upserts repeat harmlessly). Undefined
   * when the node closed meanwhile.
   */
  async #build(): Promise<{ index: EntityNameIndex; seq: number } | undefined> {
    const { lastSeq, recordCount } = await this.entities.head()
    const slices = new Slices(() => this.#closing.signal.aborted)
    let index: EntityNameIndex | undefined
    if (recordCount >= this.#threadFrom) {
      const parts = await buildInThread(this.entities.names(PAGE), this.#closing.signal)
      index = parts === undefined ? undefined : EntityNameIndex.fromParts(parts)
    } else {
      const records = new EntityNameRecords()
      for await (const page of this.entities.names(PAGE)) {
        for (const row of page) {
          records.add({ code: row.credit_code, name: row.name, formerNames: splitFormerNames(row.former_name) })
          if (slices.due) await slices.next()
        }
      }
      index = await slices.run(EntityNameIndex.building(records))
    }
    return index === undefined || this.#closing.signal.aborted ? undefined : { index, seq: lastSeq }
  }

  /** Brings the index up to the registry's head, one update at a time: searches arriving meanwhile wait for it. */
  async #current(): Promise<void> {
    while (this.#updating !== undefined) await this.#updating
    const head = await this.entities.head()
    if (this.#rebuilt === undefined && head.lastSeq <= this.#seq) return
    this.#updating = this.#catchUp().finally(() => {
      this.#updating = undefined
    })
    await this.#updating
  }

  async #catchUp(): Promise<void> {
    const rebuilt = this.#rebuilt
    if (rebuilt !== undefined) {
      // The fresh build read the names after `seq`: the changes since are read again, into it.
      this.#index = rebuilt.index
      this.#seq = rebuilt.seq
      this.#rebuilt = undefined
    }
    const index = this.#index as EntityNameIndex
    const slices = new Slices(() => false)
    for (;;) {
      const changed = await this.entities.changes(this.#seq, PAGE)
      for (const entity of changed) {
        index.upsert({ code: entity.credit_code, name: entity.name, formerNames: splitFormerNames(entity.former_name) })
        if (slices.due) await slices.next()
      }
      const last = changed.at(-1)
      if (last === undefined) break
      this.#seq = last.seq
      if (changed.length < PAGE) break
    }
    // Upserts leave the old names behind beside the packed lists, and each search reads what
    // they add whole: a fresh build folds them in once they pile up.
    if (!this.#rebuilding && index.changesSinceBuild > Math.max(REBUILD_FROM, index.size / 32)) this.#rebuild(index)
  }

  /** Builds a fresh index in the background, for the next catch-up to swap in. */
  #rebuild(index: EntityNameIndex): void {
    this.#rebuilding = true
    this.#build()
      .then((built) => {
        if (built !== undefined && this.#index === index) this.#rebuilt = built
      })
      .catch(this.#onError)
      .finally(() => {
        this.#rebuilding = false
      })
  }
}

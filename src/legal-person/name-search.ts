import { EntityNameIndex } from './name-index.js'
import type { EntityRepository } from './repository.js'

/** Changes read per catch-up step. */
const CATCH_UP_PAGE = 10_000

function formerNames(text: string): string[] {
  return text === '' ? [] : text.split('；')
}

/**
 * The entity name index of this node, kept in step with the registry: built from the database at
 * the first search, then brought up to date before each search from the change feed (entities
 * changed after the last sequence number it saw), so writes on other nodes show up too.
 */
export class EntityNameSearch {
  #index: EntityNameIndex | undefined
  #seq = 0
  #updating: Promise<void> | undefined

  constructor(private readonly entities: EntityRepository) {}

  async search(query: string, limit: number, offset: number): Promise<{ codes: string[]; total: number }> {
    await this.#current()
    return (this.#index as EntityNameIndex).search(query, { limit, offset })
  }

  async #current(): Promise<void> {
    // One update at a time; searches arriving meanwhile wait for it.
    while (this.#updating !== undefined) await this.#updating
    const head = await this.entities.head()
    if (this.#index !== undefined && head.lastSeq <= this.#seq) return
    this.#updating = (this.#index === undefined ? this.#build(head.lastSeq) : this.#catchUp()).finally(() => {
      this.#updating = undefined
    })
    await this.#updating
  }

  /** Builds from every entity; changes made while it reads are after `lastSeq` and caught up next time (upserts repeat harmlessly). */
  async #build(lastSeq: number): Promise<void> {
    const entries: Array<{ code: string; name: string; formerNames: string[] }> = []
    for await (const page of this.entities.names()) {
      for (const row of page) entries.push({ code: row.credit_code, name: row.name, formerNames: formerNames(row.former_name) })
    }
    this.#index = EntityNameIndex.build(entries)
    this.#seq = lastSeq
  }

  async #catchUp(): Promise<void> {
    const index = this.#index as EntityNameIndex
    for (;;) {
      const changed = await this.entities.changes(this.#seq, CATCH_UP_PAGE)
      for (const entity of changed) index.upsert({ code: entity.credit_code, name: entity.name, formerNames: formerNames(entity.former_name) })
      const last = changed.at(-1)
      if (last === undefined) break
      this.#seq = last.seq
      if (changed.length < CATCH_UP_PAGE) break
    }
    // Upserts leave the old names behind beside the compact index: fold them in once they pile up.
    if (index.changesSinceCompaction > index.size / 8) index.compact()
  }
}

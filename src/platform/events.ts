/**
 * The side of an event bus a module announces on: it says what happened and knows nothing of
 * who listens.
 */
export interface Publisher<Events> {
  emit<K extends keyof Events>(name: K, payload: Events[K]): void
}

/**
 * A small typed in-process event bus. Modules announce through a `Publisher` of their own events
 * (declared beside them); the composition root decides who listens, so no module is patched
 * after construction and no module needs one built after it. Listeners run at once, in the order
 * they were added, and what one throws reaches the module that emitted.
 *
 * @example
 * const events = new EventBus<{ 'grants.changed': { grantId: string } }>()
 * events.on('grants.changed', () => gate.forgetGrants())
 * events.emit('grants.changed', { grantId })
 */
export class EventBus<Events> implements Publisher<Events> {
  readonly #listeners = new Map<keyof Events, Array<(payload: never) => void>>()

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): void {
    const listeners = this.#listeners.get(name) ?? []
    listeners.push(listener)
    this.#listeners.set(name, listeners)
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) (listener as (payload: Events[K]) => void)(payload)
  }
}

import type { Provider, ProviderDescription } from './provider.js'

/** How long a node keeps the registry bindings before reading them again. */
const CACHE_MS = 5_000

export type ProviderFactory = (description: ProviderDescription) => Provider

/** Where the bindings of registries to catalog entries are kept (the registry module's table). */
export interface RegistryBindings {
  /** Every binding: which registry serves which resource. */
  list(): Promise<Array<{ readonly registry: string; readonly resourceId: string }>>
  /** Binds a registry to the resource it serves, replacing any earlier binding. */
  bind(registry: string, resourceId: string, by: string): Promise<void>
}

/**
 * Which provider serves a resource: a base registry bound to it (人口基础信息 → the population
 * registry), or otherwise the platform's hosted dataset. Registries register a factory once;
 * the data office binds each registry to the published catalog entry it serves.
 */
export class ProviderDirectory {
  readonly #factories = new Map<string, ProviderFactory>()
  #bindings: { value: Map<string, string>; until: number } | undefined
  #bindingsGeneration = 0

  /**
   * @param bindings where the registry bindings are kept
   * @param hosted the provider of every resource no registry serves: the hosted datasets
   */
  constructor(
    private readonly bindings: RegistryBindings,
    private readonly hosted: ProviderFactory,
  ) {}

  register(registry: string, factory: ProviderFactory): void {
    this.#factories.set(registry, factory)
  }

  /** Counts the bindings made here: what was decided from the ones before is stale. */
  get bindingsGeneration(): number {
    return this.#bindingsGeneration
  }

  /** Until when the bindings read last hold (0 before the first read). */
  get bindingsUntil(): number {
    return this.#bindings?.until ?? 0
  }

  /** Registries that can be bound, by name. */
  registries(): string[] {
    return [...this.#factories.keys()]
  }

  async #resourceRegistries(): Promise<Map<string, string>> {
    if (this.#bindings !== undefined && this.#bindings.until > Date.now()) return this.#bindings.value
    const rows = await this.bindings.list()
    const value = new Map(rows.map((row) => [row.resourceId, row.registry]))
    this.#bindings = { value, until: Date.now() + CACHE_MS }
    return value
  }

  /** The registry serving a resource, or undefined for a hosted dataset. */
  async registryOf(resourceId: string): Promise<string | undefined> {
    return (await this.#resourceRegistries()).get(resourceId)
  }

  /** The resource a registry serves, or undefined while it is unbound. */
  async resourceOf(registry: string): Promise<string | undefined> {
    for (const [resourceId, bound] of await this.#resourceRegistries()) if (bound === registry) return resourceId
    return undefined
  }

  async providerFor(description: ProviderDescription): Promise<Provider> {
    const registry = await this.registryOf(description.resourceId)
    const factory = registry === undefined ? undefined : this.#factories.get(registry)
    return factory === undefined ? this.hosted(description) : factory(description)
  }

  /** Binds a registry to the resource it serves, replacing any earlier binding. */
  async bind(registry: string, resourceId: string, by: string): Promise<void> {
    await this.bindings.bind(registry, resourceId, by)
    this.#bindings = undefined
    this.#bindingsGeneration += 1
  }
}

/** What a base registry announces: its records changed, so change deliveries (webhooks) can start. */
export interface RegistryEvents {
  'registry.changed': { readonly registry: string }
}

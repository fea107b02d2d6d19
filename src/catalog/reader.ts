import type { CatalogRepository } from './repository.js'

export type { ResourceRecord, VersionRecord } from './repository.js'

/**
 * What other modules read of the catalog: an entry by code, one of its versions, and what is
 * published. They name this, never the repository, whose writes stay the catalog's own.
 */
export type CatalogReader = Pick<CatalogRepository, 'findResource' | 'getVersion' | 'published'>

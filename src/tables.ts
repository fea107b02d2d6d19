import type { AuditTables } from './audit/tables.js'
import type { CalendarTables } from './calendar/tables.js'
import type { CatalogTables } from './catalog/tables.js'
import type { DatasetTables } from './exchange/datasets/tables.js'
import type { FeedTables } from './exchange/feeds/tables.js'
import type { GateTables } from './exchange/gate/tables.js'
import type { SharingTables } from './exchange/sharing/tables.js'
import type { IdentityTables } from './identity/tables.js'
import type { LegalPersonTables } from './legal-person/tables.js'
import type { NotificationTables } from './notifications/tables.js'
import type { JobTables } from './platform/jobs/tables.js'
import type { PopulationTables } from './population/tables.js'
import type { RegistryTables } from './registry/tables.js'

/**
 * Every module's tables composed: the database as the composition root, the migrations and the
 * tests see it. A module sees only the tables it owns (its `tables.ts`), through
 * `Database.tables<T>()`; the rule file keeps other modules' `tables.ts` out of its imports.
 */
export interface Tables
  extends
    IdentityTables,
    AuditTables,
    JobTables,
    CatalogTables,
    CalendarTables,
    NotificationTables,
    GateTables,
    SharingTables,
    DatasetTables,
    FeedTables,
    RegistryTables,
    PopulationTables,
    LegalPersonTables {}

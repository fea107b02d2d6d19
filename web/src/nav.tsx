import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DiffOutlined,
  ExclamationCircleOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LineChartOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Role } from './api/types'
import type { MessageKey } from './i18n'

export type PageGroup = 'main' | 'modules' | 'admin'

/** A page of the console: where it lives, what the menu shows, and who may use it. */
export interface ConsolePage {
  readonly key: string
  readonly path: string
  readonly label: MessageKey
  readonly icon: ReactNode
  readonly group: PageGroup
  /** Roles that may use the page; `everyone` for any signed-in account. */
  readonly roles: readonly Role[] | 'everyone'
  /** For modules still to come: what the module will hold. */
  readonly coming?: MessageKey
  /** The page whose sub-menu lists this one (the parent then opens as a sub-menu). */
  readonly parent?: string
  /** The label inside its own sub-menu, when it differs from the sub-menu's title. */
  readonly menuLabel?: MessageKey
  /** Reached by links, not from the menu (e.g. a detail page with a path parameter). */
  readonly hidden?: boolean
}

/** Pages the menu and the home page list at the top level. */
export function isTopLevel(page: ConsolePage): boolean {
  return page.parent === undefined && page.hidden !== true
}

const DATA_ROLES: readonly Role[] = ['dataoffice', 'steward', 'consumer']

/** Who reads a base registry's records; the gate then decides what each department sees. The data office reads the statistics only. */
const REGISTRY_READERS: readonly Role[] = ['steward', 'consumer']

export const PAGES: readonly ConsolePage[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, group: 'main', roles: 'everyone' },
  { key: 'catalog', path: '/catalog', label: 'nav.catalog', menuLabel: 'nav.catalogSearch', icon: <BookOutlined />, group: 'modules', roles: DATA_ROLES },
  {
    key: 'catalog-mine',
    path: '/catalog/mine',
    label: 'nav.catalogMine',
    icon: <ProfileOutlined />,
    group: 'modules',
    roles: ['steward', 'consumer'],
    parent: 'catalog',
  },
  {
    key: 'catalog-reviews',
    path: '/catalog/reviews',
    label: 'nav.catalogReviews',
    icon: <AuditOutlined />,
    group: 'modules',
    roles: ['dataoffice'],
    parent: 'catalog',
  },
  {
    key: 'catalog-transfer',
    path: '/catalog/transfer',
    label: 'nav.catalogTransfer',
    icon: <CloudSyncOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'catalog',
  },
  {
    key: 'catalog-stats',
    path: '/catalog/stats',
    label: 'nav.catalogStats',
    icon: <PieChartOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'catalog',
  },
  {
    key: 'catalog-new',
    path: '/catalog/new',
    label: 'nav.catalogNew',
    icon: <BookOutlined />,
    group: 'modules',
    roles: ['steward'],
    parent: 'catalog',
    hidden: true,
  },
  {
    key: 'catalog-edit',
    path: '/catalog/:code/edit',
    label: 'nav.catalogEdit',
    icon: <BookOutlined />,
    group: 'modules',
    roles: ['steward'],
    parent: 'catalog',
    hidden: true,
  },
  {
    key: 'catalog-detail',
    path: '/catalog/:code',
    label: 'nav.catalogDetail',
    icon: <BookOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'catalog',
    hidden: true,
  },
  {
    key: 'exchange',
    path: '/exchange/requests',
    label: 'nav.exchange',
    menuLabel: 'nav.exchangeRequests',
    icon: <SwapOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
  },
  {
    key: 'exchange-grants',
    path: '/exchange/grants',
    label: 'nav.exchangeGrants',
    icon: <KeyOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'exchange',
  },
  {
    key: 'exchange-datasets',
    path: '/exchange/datasets',
    label: 'nav.exchangeDatasets',
    icon: <DatabaseOutlined />,
    group: 'modules',
    roles: ['steward'],
    parent: 'exchange',
  },
  {
    key: 'exchange-objections',
    path: '/exchange/objections',
    label: 'nav.exchangeObjections',
    icon: <ExclamationCircleOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'exchange',
  },
  {
    key: 'exchange-stats',
    path: '/exchange/stats',
    label: 'nav.exchangeStats',
    icon: <DashboardOutlined />,
    group: 'modules',
    roles: ['dataoffice', 'steward'],
    parent: 'exchange',
  },
  {
    key: 'exchange-request',
    path: '/exchange/requests/:id',
    label: 'nav.exchangeRequest',
    icon: <SwapOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
    parent: 'exchange',
    hidden: true,
  },
  {
    key: 'exchange-explore',
    path: '/exchange/explore/:code',
    label: 'nav.exchangeExplore',
    icon: <SwapOutlined />,
    group: 'modules',
    roles: ['steward', 'consumer'],
    parent: 'exchange',
    hidden: true,
  },
  // The statistics open the module: they are the one population page the data office may use.
  {
    key: 'population',
    path: '/population',
    label: 'nav.population',
    menuLabel: 'nav.populationStats',
    icon: <TeamOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
  },
  {
    key: 'population-lookup',
    path: '/population/persons',
    label: 'nav.populationLookup',
    icon: <SearchOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'population',
  },
  {
    key: 'population-verify',
    path: '/population/verify',
    label: 'nav.populationVerify',
    icon: <SafetyCertificateOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'population',
  },
  {
    key: 'population-comparisons',
    path: '/population/comparisons',
    label: 'nav.populationComparisons',
    icon: <DiffOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'population',
  },
  {
    key: 'population-import',
    path: '/population/imports',
    label: 'nav.populationImport',
    icon: <UploadOutlined />,
    group: 'modules',
    roles: ['steward'],
    parent: 'population',
  },
  {
    key: 'population-profile',
    path: '/population/persons/:residentId',
    label: 'nav.populationProfile',
    icon: <IdcardOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'population',
    hidden: true,
  },
  {
    key: 'population-comparison',
    path: '/population/comparisons/:id',
    label: 'nav.populationComparison',
    icon: <DiffOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'population',
    hidden: true,
  },
  // As for persons, the statistics open the module; a profile's path is the credit code (the named pages win over it).
  {
    key: 'legal-person',
    path: '/legal-persons',
    label: 'nav.legalPerson',
    menuLabel: 'nav.legalPersonStats',
    icon: <BankOutlined />,
    group: 'modules',
    roles: DATA_ROLES,
  },
  {
    key: 'legal-person-search',
    path: '/legal-persons/search',
    label: 'nav.legalPersonSearch',
    icon: <SearchOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'legal-person',
  },
  {
    key: 'legal-person-verify',
    path: '/legal-persons/verify',
    label: 'nav.legalPersonVerify',
    icon: <SafetyCertificateOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'legal-person',
  },
  {
    key: 'legal-person-import',
    path: '/legal-persons/imports',
    label: 'nav.legalPersonImport',
    icon: <UploadOutlined />,
    group: 'modules',
    roles: ['steward'],
    parent: 'legal-person',
  },
  {
    key: 'legal-person-profile',
    path: '/legal-persons/:creditCode',
    label: 'nav.legalPersonProfile',
    icon: <ShopOutlined />,
    group: 'modules',
    roles: REGISTRY_READERS,
    parent: 'legal-person',
    hidden: true,
  },
  { key: 'geo', path: '/geo', label: 'nav.geo', icon: <GlobalOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.geo' },
  { key: 'economy', path: '/economy', label: 'nav.economy', icon: <LineChartOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.economy' },
  {
    key: 'approval',
    path: '/approval',
    label: 'nav.approval',
    icon: <SolutionOutlined />,
    group: 'modules',
    roles: ['approver', 'supervisor', 'dataoffice'],
    coming: 'module.approval',
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: 'nav.supervision',
    icon: <AlertOutlined />,
    group: 'modules',
    roles: ['supervisor', 'dataoffice'],
    coming: 'module.supervision',
  },
  {
    key: 'insight',
    path: '/insight',
    label: 'nav.insight',
    icon: <BarChartOutlined />,
    group: 'modules',
    roles: ['dataoffice', 'supervisor'],
    coming: 'module.insight',
  },
  { key: 'directory', path: '/admin/directory', label: 'nav.directory', icon: <ApartmentOutlined />, group: 'admin', roles: ['sysadmin', 'secadmin'] },
  { key: 'clients', path: '/admin/clients', label: 'nav.clients', icon: <ApiOutlined />, group: 'admin', roles: ['sysadmin', 'steward'] },
  { key: 'security', path: '/admin/security', label: 'nav.security', icon: <SafetyCertificateOutlined />, group: 'admin', roles: ['secadmin'] },
  { key: 'audit', path: '/admin/audit', label: 'nav.audit', icon: <FileSearchOutlined />, group: 'admin', roles: ['auditor'] },
  { key: 'calendar', path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, group: 'admin', roles: ['sysadmin'] },
  { key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: <BellOutlined />, group: 'main', roles: 'everyone', hidden: true },
  { key: 'jobs', path: '/jobs', label: 'nav.jobs', icon: <ScheduleOutlined />, group: 'admin', roles: 'everyone' },
]

export function canUse(page: ConsolePage, roles: readonly Role[]): boolean {
  return page.roles === 'everyone' || page.roles.some((role) => roles.includes(role))
}

/** The pages a sub-menu lists under a page (itself first), when it has any. */
export function menuChildren(page: ConsolePage, pages: readonly ConsolePage[]): readonly ConsolePage[] {
  const children = pages.filter((candidate) => candidate.parent === page.key && candidate.hidden !== true)
  return children.length === 0 ? [] : [page, ...children]
}

export function pageByKey(key: string): ConsolePage {
  const page = PAGES.find((candidate) => candidate.key === key)
  if (page === undefined) throw new Error(`No console page ${key}`)
  return page
}

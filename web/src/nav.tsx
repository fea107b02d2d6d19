import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HomeOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
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
}

const DATA_ROLES: readonly Role[] = ['dataoffice', 'steward', 'consumer']

export const PAGES: readonly ConsolePage[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, group: 'main', roles: 'everyone' },
  { key: 'catalog', path: '/catalog', label: 'nav.catalog', icon: <BookOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.catalog' },
  { key: 'exchange', path: '/exchange', label: 'nav.exchange', icon: <SwapOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.exchange' },
  { key: 'population', path: '/population', label: 'nav.population', icon: <TeamOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.population' },
  { key: 'legal-person', path: '/legal-persons', label: 'nav.legalPerson', icon: <BankOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.legalPerson' },
  { key: 'geo', path: '/geo', label: 'nav.geo', icon: <GlobalOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.geo' },
  { key: 'economy', path: '/economy', label: 'nav.economy', icon: <LineChartOutlined />, group: 'modules', roles: DATA_ROLES, coming: 'module.economy' },
  { key: 'approval', path: '/approval', label: 'nav.approval', icon: <SolutionOutlined />, group: 'modules', roles: ['approver', 'supervisor', 'dataoffice'], coming: 'module.approval' },
  { key: 'supervision', path: '/supervision', label: 'nav.supervision', icon: <AlertOutlined />, group: 'modules', roles: ['supervisor', 'dataoffice'], coming: 'module.supervision' },
  { key: 'insight', path: '/insight', label: 'nav.insight', icon: <BarChartOutlined />, group: 'modules', roles: ['dataoffice', 'supervisor'], coming: 'module.insight' },
  { key: 'directory', path: '/admin/directory', label: 'nav.directory', icon: <ApartmentOutlined />, group: 'admin', roles: ['sysadmin', 'secadmin'] },
  { key: 'clients', path: '/admin/clients', label: 'nav.clients', icon: <ApiOutlined />, group: 'admin', roles: ['sysadmin', 'steward'] },
  { key: 'security', path: '/admin/security', label: 'nav.security', icon: <SafetyCertificateOutlined />, group: 'admin', roles: ['secadmin'] },
  { key: 'audit', path: '/admin/audit', label: 'nav.audit', icon: <FileSearchOutlined />, group: 'admin', roles: ['auditor'] },
  { key: 'jobs', path: '/jobs', label: 'nav.jobs', icon: <ScheduleOutlined />, group: 'admin', roles: 'everyone' },
]

export function canUse(page: ConsolePage, roles: readonly Role[]): boolean {
  return page.roles === 'everyone' || page.roles.some((role) => roles.includes(role))
}

export function pageByKey(key: string): ConsolePage {
  const page = PAGES.find((candidate) => candidate.key === key)
  if (page === undefined) throw new Error(`No console page ${key}`)
  return page
}

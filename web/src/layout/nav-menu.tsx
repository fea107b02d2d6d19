import { Menu, type MenuProps } from 'antd'
import { useLocation, useNavigate } from 'react-router'
import { useMe } from '../api/identity'
import type { MessageKey } from '../i18n'
import { useLanguage } from '../language'
import { canUse, isTopLevel, menuChildren, PAGES, type ConsolePage, type PageGroup } from '../nav'

const GROUP_LABELS: Readonly<Record<Exclude<PageGroup, 'main'>, MessageKey>> = { modules: 'nav.modules', admin: 'nav.admin' }

const SUBMENU_SUFFIX = ':menu'

/** The menu page whose path matches the location best ('/' only exactly); pages off the menu count as their parent. */
export function currentPage(pathname: string): ConsolePage | undefined {
  return PAGES.filter((page) => page.hidden !== true)
    .sort((a, b) => b.path.length - a.path.length)
    .find((page) => (page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`)))
}

/** The side menu: only the pages the signed-in roles may use; a module with sub-pages opens as a sub-menu. */
export function NavMenu({ onNavigate }: { readonly onNavigate?: () => void }) {
  const { t } = useLanguage()
  const { data: me } = useMe()
  const navigate = useNavigate()
  const location = useLocation()
  const usable = PAGES.filter((page) => canUse(page, me?.roles ?? []))
  const item = (page: ConsolePage) => {
    const children = menuChildren(page, usable)
    if (children.length === 0) return { key: page.key, icon: page.icon, label: t(page.label), 'data-path': page.path }
    return {
      key: `${page.key}${SUBMENU_SUFFIX}`,
      icon: page.icon,
      label: t(page.label),
      children: children.map((child) => ({ key: child.key, label: t(child.menuLabel ?? child.label), 'data-path': child.path })),
    }
  }
  const topLevel = usable.filter(isTopLevel)
  const items: MenuProps['items'] = [
    ...topLevel.filter((page) => page.group === 'main').map(item),
    ...(['modules', 'admin'] as const)
      .map((group) => ({ group, pages: topLevel.filter((page) => page.group === group) }))
      .filter(({ pages }) => pages.length > 0)
      .map(({ group, pages }) => ({ type: 'group' as const, key: group, label: t(GROUP_LABELS[group]), children: pages.map(item) })),
  ]
  const selected = currentPage(location.pathname)
  const openModule = selected?.parent ?? selected?.key
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected === undefined ? [] : [selected.key]}
      defaultOpenKeys={openModule === undefined ? [] : [`${openModule}${SUBMENU_SUFFIX}`]}
      onClick={({ key }) => {
        const page = PAGES.find((candidate) => candidate.key === key)
        if (page !== undefined) void navigate(page.path)
        onNavigate?.()
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  )
}

import { MenuOutlined } from '@ant-design/icons'
import { Button, Drawer, Grid, Layout, Space, Spin, Typography, theme } from 'antd'
import { Suspense, useState } from 'react'
import { Link, Outlet } from 'react-router'
import { useLanguage } from '../language'
import { LanguageSwitch } from './language-switch'
import { NavMenu } from './nav-menu'
import { NotificationBell } from './notification-bell'
import { UserMenu } from './user-menu'

const SIDER_WIDTH = 220

function Brand({ collapsed }: { readonly collapsed: boolean }) {
  const { t } = useLanguage()
  return (
    <Link to="/" style={{ display: 'flex', flexDirection: 'column', padding: '12px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <span style={{ fontSize: 22, fontWeight: 700, lineHeight: '30px', color: '#b7312c' }}>{collapsed ? t('app.name').slice(0, 1) : t('app.name')}</span>
      {collapsed ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('app.subtitle')}
        </Typography.Text>
      )}
    </Link>
  )
}

/**
 * The signed-in frame: a collapsible side menu (a drawer on phones), the header with the
 * language switch and the user menu, and the current page.
 */
export function AppLayout() {
  const { t } = useLanguage()
  const { token } = theme.useToken()
  const screens = Grid.useBreakpoint()
  const isPhone = screens.md === false
  const [collapsed, setCollapsed] = useState(false)
  const [drawerOpen, setDrawerOpen] = useState(false)

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          styles={{ body: { padding: 0 } }}
          title={t('app.title')}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={SIDER_WIDTH}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Brand collapsed={collapsed} />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space>
            {isPhone ? (
              <>
                <Button type="text" icon={<MenuOutlined />} aria-label={t('header.openMenu')} onClick={() => setDrawerOpen(true)} data-testid="open-menu" />
                <Link to="/" style={{ fontSize: 20, fontWeight: 700, color: '#b7312c' }}>
                  {t('app.name')}
                </Link>
              </>
            ) : null}
          </Space>
          <Space size={4} style={{ marginInlineStart: 'auto' }}>
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu compact={isPhone} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

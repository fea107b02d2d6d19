import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router'
import { RequireRoles } from './auth/require-roles'
import { RequireSession } from './auth/require-session'
import { AppLayout } from './layout/app-layout'
import { PAGES, type ConsolePage } from './nav'

const LoginPage = lazy(() => import('./pages/login-page'))
const NotFoundPage = lazy(() => import('./pages/not-found-page'))
const ModulePage = lazy(() => import('./pages/module-page'))

/** The pages that exist; every other entry of PAGES is a module still to come. */
const BUILT_PAGES: Readonly<Record<string, LazyExoticComponent<ComponentType>>> = {
  home: lazy(() => import('./pages/home-page')),
  directory: lazy(() => import('./pages/directory/directory-page')),
  clients: lazy(() => import('./pages/clients/clients-page')),
  security: lazy(() => import('./pages/security-settings-page')),
  audit: lazy(() => import('./pages/audit/audit-page')),
  jobs: lazy(() => import('./pages/jobs-page')),
  catalog: lazy(() => import('./pages/catalog/search-page')),
  'catalog-detail': lazy(() => import('./pages/catalog/detail-page')),
  'catalog-new': lazy(() => import('./pages/catalog/wizard/wizard-page')),
  'catalog-edit': lazy(() => import('./pages/catalog/wizard/wizard-page')),
  'catalog-mine': lazy(() => import('./pages/catalog/mine-page')),
  'catalog-reviews': lazy(() => import('./pages/catalog/reviews-page')),
  'catalog-transfer': lazy(() => import('./pages/catalog/transfer-page')),
  'catalog-stats': lazy(() => import('./pages/catalog/stats-page')),
  exchange: lazy(() => import('./pages/exchange/requests-page')),
  'exchange-request': lazy(() => import('./pages/exchange/request-detail-page')),
  'exchange-grants': lazy(() => import('./pages/exchange/grants-page')),
  'exchange-explore': lazy(() => import('./pages/exchange/explore-page')),
  'exchange-datasets': lazy(() => import('./pages/exchange/datasets-page')),
  'exchange-objections': lazy(() => import('./pages/exchange/objections-page')),
  'exchange-stats': lazy(() => import('./pages/exchange/stats-page')),
  population: lazy(() => import('./pages/population/statistics-page')),
  'population-lookup': lazy(() => import('./pages/population/lookup-page')),
  'population-profile': lazy(() => import('./pages/population/profile-page')),
  'population-verify': lazy(() => import('./pages/population/verify-page')),
  'population-comparisons': lazy(() => import('./pages/population/comparisons-page')),
  'population-comparison': lazy(() => import('./pages/population/comparison-page')),
  'population-import': lazy(() => import('./pages/population/import-page')),
  'legal-person': lazy(() => import('./pages/legal-person/statistics-page')),
  'legal-person-search': lazy(() => import('./pages/legal-person/search-page')),
  'legal-person-profile': lazy(() => import('./pages/legal-person/profile-page')),
  'legal-person-verify': lazy(() => import('./pages/legal-person/verify-page')),
  'legal-person-import': lazy(() => import('./pages/legal-person/import-page')),
  notifications: lazy(() => import('./pages/notifications-page')),
  calendar: lazy(() => import('./pages/calendar/calendar-page')),
}

function pageElement(page: ConsolePage) {
  const Built = BUILT_PAGES[page.key]
  return <RequireRoles page={page}>{Built === undefined ? <ModulePage page={page} /> : <Built />}</RequireRoles>
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      ...PAGES.map((page) => (page.path === '/' ? { index: true, element: pageElement(page) } : { path: page.path, element: pageElement(page) })),
      { path: '/exchange', element: <Navigate to="/exchange/requests" replace /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])

export function App() {
  return <RouterProvider router={router} />
}

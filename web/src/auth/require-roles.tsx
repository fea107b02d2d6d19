import type { ReactNode } from 'react'
import { useMe } from '../api/identity'
import { canUse, type ConsolePage } from '../nav'
import { ForbiddenPage } from '../pages/forbidden-page'

/** Shows the page only to roles that may use it; the server refuses the others anyway. */
export function RequireRoles({ page, children }: { readonly page: ConsolePage; readonly children: ReactNode }) {
  const { data: me } = useMe()
  if (me === undefined || !canUse(page, me.roles)) return <ForbiddenPage />
  return children
}

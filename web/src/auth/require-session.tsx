import { useQueryClient } from '@tanstack/react-query'
import { Button, Result, Spin } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { setUnauthorizedHandler, tokenStore } from '../api/client'
import { useMe } from '../api/identity'
import { useLanguage } from '../language'

/** Renders its children only for a signed-in account; otherwise sends the visitor to /login. */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { t } = useLanguage()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const me = useMe()

  useEffect(() => {
    setUnauthorizedHandler(() => {
      void navigate('/login', { replace: true })
      queryClient.removeQueries()
    })
  }, [navigate, queryClient])

  if (tokenStore.get() === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />
  if (me.isPending) return <Spin size="large" fullscreen />
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.refresh')}</Button>}
      />
    )
  }
  return children
}

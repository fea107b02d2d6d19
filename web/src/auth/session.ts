import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { logout } from '../api/identity'
import { tokenStore } from '../api/client'

/** Ends the session on the server (best effort), forgets it here, and shows the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useCallback(async () => {
    await logout().catch(() => undefined)
    tokenStore.clear()
    queryClient.clear()
    await navigate('/login', { replace: true })
  }, [queryClient, navigate])
}

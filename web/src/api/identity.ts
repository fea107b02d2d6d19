import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request, tokenStore } from './client'
import type { ApiClient, Department, DepartmentInput, LoginResponse, Me, Page, Role, RoleInfo, SecuritySettings, User, UserStatus } from './types'

const V1 = '/api/v1'

export const identityKeys = {
  me: ['me'] as const,
  roles: ['roles'] as const,
  departments: ['departments'] as const,
  users: ['users'] as const,
  clients: ['clients'] as const,
  security: ['security-settings'] as const,
}

/** The signed-in account; disabled without a token. */
export function useMe() {
  return useQuery({
    queryKey: identityKeys.me,
    queryFn: () => request<Me>('GET', `${V1}/me`),
    enabled: tokenStore.get() !== null,
    staleTime: 60_000,
    retry: false,
  })
}

export function login(username: string, password: string): Promise<LoginResponse> {
  return request<LoginResponse>('POST', `${V1}/auth/login`, { body: { username, password } })
}

export function logout(): Promise<void> {
  return request<void>('POST', `${V1}/auth/logout`)
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => request<void>('PUT', `${V1}/me/password`, { body }),
  })
}

export function useRoles() {
  return useQuery({ queryKey: identityKeys.roles, queryFn: () => request<RoleInfo[]>('GET', `${V1}/roles`), staleTime: Infinity })
}

export function useDepartments() {
  return useQuery({ queryKey: identityKeys.departments, queryFn: () => request<Department[]>('GET', `${V1}/departments`), staleTime: 300_000 })
}

function useInvalidating<TInput, TResult>(key: readonly string[], mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) })
}

export function useSaveDepartment() {
  return useInvalidating(identityKeys.departments, ({ id, input }: { id: string | undefined; input: DepartmentInput }) =>
    id === undefined
      ? request<Department>('POST', `${V1}/departments`, { body: input })
      : request<Department>('PATCH', `${V1}/departments/${encodeURIComponent(id)}`, { body: input }),
  )
}

export interface UserFilter {
  readonly q?: string
  readonly department?: string
  readonly role?: Role
  readonly status?: UserStatus
}

export type UserSort = 'username' | '-username' | 'displayName' | '-displayName' | 'createdAt' | '-createdAt'

export function listUsers(filter: UserFilter, offset: number, limit: number, sort: UserSort = 'username'): Promise<Page<User>> {
  return request<Page<User>>('GET', `${V1}/users`, { query: { ...filter, offset, limit, sort } })
}

export function useCreateUser() {
  return useInvalidating(identityKeys.users, (body: { username: string; displayName: string; department: string; password: string }) =>
    request<User>('POST', `${V1}/users`, { body }),
  )
}

export function useUpdateUser() {
  return useInvalidating(identityKeys.users, ({ id, ...body }: { id: string; displayName?: string; department?: string; status?: UserStatus }) =>
    request<User>('PATCH', `${V1}/users/${encodeURIComponent(id)}`, { body }),
  )
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      request<void>('PUT', `${V1}/users/${encodeURIComponent(id)}/password`, { body: { password } }),
  })
}

export function useSetRoles() {
  return useInvalidating(identityKeys.users, ({ id, roles }: { id: string; roles: Role[] }) =>
    request<User>('PUT', `${V1}/users/${encodeURIComponent(id)}/roles`, { body: { roles } }),
  )
}

export function useClients() {
  return useQuery({ queryKey: identityKeys.clients, queryFn: () => request<ApiClient[]>('GET', `${V1}/clients`) })
}

export interface ClientInput {
  readonly name: string
  readonly department?: string
  readonly roles: Role[]
  readonly expiresAt?: string
}

export function useCreateClient() {
  return useInvalidating(identityKeys.clients, (body: ClientInput) => request<{ client: ApiClient; token: string }>('POST', `${V1}/clients`, { body }))
}

export function useRevokeClient() {
  return useInvalidating(identityKeys.clients, (id: string) => request<ApiClient>('DELETE', `${V1}/clients/${encodeURIComponent(id)}`))
}

export function useSecuritySettings() {
  return useQuery({ queryKey: identityKeys.security, queryFn: () => request<SecuritySettings>('GET', `${V1}/security/settings`) })
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<SecuritySettings>) => request<SecuritySettings>('PATCH', `${V1}/security/settings`, { body }),
    onSuccess: (settings) => queryClient.setQueryData(identityKeys.security, settings),
  })
}

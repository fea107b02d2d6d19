import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { request, tokenStore } from './client'
import type { ApiClient, BodyOf, Department, DepartmentInput, LoginResponse, Me, QueryOf, ResponseOf, RoleInfo, SecuritySettings, User } from './types'

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
    mutationFn: (body: BodyOf<'/api/v1/me/password', 'put'>) => request<void>('PUT', `${V1}/me/password`, { body }),
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

type UserQuery = QueryOf<'/api/v1/users', 'get'>
export type UserFilter = Pick<UserQuery, 'q' | 'department' | 'role' | 'status'>
export type UserSort = NonNullable<UserQuery['sort']>

export function listUsers(filter: UserFilter, offset: number, limit: number, sort: UserSort = 'username') {
  return request<ResponseOf<'/api/v1/users', 'get'>>('GET', `${V1}/users`, { query: { ...filter, offset, limit, sort } })
}

export function useCreateUser() {
  return useInvalidating(identityKeys.users, (body: BodyOf<'/api/v1/users', 'post'>) => request<User>('POST', `${V1}/users`, { body }))
}

export function useUpdateUser() {
  return useInvalidating(identityKeys.users, ({ id, ...body }: { id: string } & BodyOf<'/api/v1/users/{id}', 'patch'>) =>
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
  return useInvalidating(identityKeys.users, ({ id, roles }: { id: string } & BodyOf<'/api/v1/users/{id}/roles', 'put'>) =>
    request<User>('PUT', `${V1}/users/${encodeURIComponent(id)}/roles`, { body: { roles } }),
  )
}

export function useClients() {
  return useQuery({ queryKey: identityKeys.clients, queryFn: () => request<ApiClient[]>('GET', `${V1}/clients`) })
}

export type ClientInput = BodyOf<'/api/v1/clients', 'post'>

export function useCreateClient() {
  return useInvalidating(identityKeys.clients, (body: ClientInput) => request<ResponseOf<'/api/v1/clients', 'post'>>('POST', `${V1}/clients`, { body }))
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
    mutationFn: (body: BodyOf<'/api/v1/security/settings', 'patch'>) => request<SecuritySettings>('PATCH', `${V1}/security/settings`, { body }),
    onSuccess: (settings) => queryClient.setQueryData(identityKeys.security, settings),
  })
}

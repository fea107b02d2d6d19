import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { identityKeys, listUsers, type UserFilter } from '../../api/identity'

export type UsernameOrder = 'ascend' | 'descend'

/** One page of users in username order, sorted by the server. */
export function useUsersPage(filter: UserFilter, page: number, pageSize: number, order: UsernameOrder) {
  return useQuery({
    queryKey: [...identityKeys.users, filter, page, pageSize, order],
    queryFn: () => listUsers(filter, (page - 1) * pageSize, pageSize, order === 'descend' ? '-username' : 'username'),
    placeholderData: keepPreviousData,
  })
}

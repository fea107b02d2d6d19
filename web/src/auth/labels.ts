import { useDepartments, useRoles } from '../api/identity'
import type { Department, DepartmentRef, Role } from '../api/types'
import { useLanguage } from '../language'

/** Role names in the current language, as the server names them. */
export function useRoleLabel(): (role: Role) => string {
  const { language } = useLanguage()
  const { data } = useRoles()
  return (role) => data?.find((info) => info.role === role)?.[language] ?? role
}

/** A department's name in the current language. */
export function useDepartmentName(): (department: DepartmentRef | Department) => string {
  const { language } = useLanguage()
  const { data } = useDepartments()
  return (department) => {
    if (language === 'zh') return department.name
    return data?.find((candidate) => candidate.id === department.id)?.nameEn ?? department.name
  }
}

import type { Department } from '../../api/types'

export interface DepartmentNode extends Department {
  readonly children?: DepartmentNode[]
}

/**
 * Nests departments under their parents (the city government → its departments and districts).
 * A department whose parent is unknown becomes a root, so nothing disappears.
 *
 * @example
 * departmentTree([city, police]) // [{ ...city, children: [police] }]
 */
export function departmentTree(departments: readonly Department[]): DepartmentNode[] {
  const ids = new Set(departments.map((department) => department.id))
  const build = (department: Department): DepartmentNode => {
    const children = departments.filter((child) => child.parentId === department.id).map(build)
    return children.length === 0 ? department : { ...department, children }
  }
  return departments.filter((department) => department.parentId === null || !ids.has(department.parentId)).map(build)
}

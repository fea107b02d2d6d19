import type { BoundRegistry } from '../registry/bound-registry.js'
import type { Principal } from '../platform/auth/principal.js'
import { AppError, type FieldProblem } from '../platform/errors.js'
import { openTableStream } from '../platform/files/table-stream.js'
import { parseCreditCode } from '../standards/credit-code.js'
import { mapEntityColumns } from './entity-input.js'
import { SOURCE_DEPARTMENTS, sourceOfCreditCode, type Entity, type SourceDepartment } from './model.js'
import type { EntityRepository, EntityVet } from './repository.js'

/** The records an importer may write: every one, or those of one source department. */
export type ImportScope = { readonly all: true } | { readonly all: false; readonly source: SourceDepartment }

/** Rows named in a refusal; the count says how many there were in all. */
const LISTED_ROWS = 20
const SOURCE_NAMES: Readonly<Record<SourceDepartment, string>> = {
  market: 'market regulation (市场监管)',
  civil: 'civil affairs (民政)',
  staffing: 'the staffing office (编委办)',
}

/**
 * Who may import legal persons, and which: the stewards of the registry's provider department
 * (market regulation) import every entity; the stewards of a source department named in
 * `HUITONG_LEGAL_PERSON_SOURCES` (civil affairs, the staffing office) import the entities whose
 * `source_department` is theirs, new ones or ones already theirs, and nothing else.
 *
 * @example
 * const access = new EntityImportAccess(registry, entities, { civil: '210100005' })
 * await access.refuseForeignRows(await access.scopeOf(civilSteward), 'upload.csv') // HT_FORBIDDEN for a market row
 */
export class EntityImportAccess {
  constructor(
    private readonly registry: BoundRegistry,
    private readonly entities: EntityRepository,
    /** Source department → the code of the department that keeps it. */
    private readonly sources: Readonly<Record<string, string>>,
  ) {}

  /** The principal's scope; `HT_FORBIDDEN` for anyone else, `HT_CONFLICT` while the registry is unbound. */
  async scopeOf(principal: Principal): Promise<ImportScope> {
    try {
      await this.registry.ownCore(principal)
      return { all: true }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'HT_FORBIDDEN') throw error
      const source = SOURCE_DEPARTMENTS.find((candidate) => this.sources[candidate] === principal.department.code)
      if (source === undefined || !principal.roles.includes('steward')) {
        throw new AppError(
          'HT_FORBIDDEN',
          'Only the stewards of the registry’s provider department, or of the department an entity comes from, import into the legal-person registry (法人库) (仅提供部门或来源部门的数据管理员可导入)',
        )
      }
      return { all: false, source }
    }
  }

  /**
   * Refuses (`HT_FORBIDDEN`, naming the rows) a file in which a source department's steward
   * names an entity of another source, or one that another department keeps already. Rows the
   * check will reject anyway (no valid code, an unknown source) are left to it, and so is a file
   * it cannot read.
   */
  async refuseForeignRows(scope: ImportScope, file: string): Promise<void> {
    if (scope.all) return
    const foreign: FieldProblem[] = []
    let count = 0
    const note = (problem: FieldProblem) => {
      count += 1
      if (foreign.length < LISTED_ROWS) foreign.push(problem)
    }
    try {
      const table = await openTableStream(file, { maxCellLength: 10_000 })
      const { columns } = mapEntityColumns(table.headers)
      const codeColumn = columns.get('credit_code')
      const sourceColumn = columns.get('source_department')
      if (codeColumn === undefined) return
      for await (const chunk of table.rows()) {
        const own = new Map<string, number>()
        for (const { row, cells } of chunk) {
          const code = parseCreditCode(cells[codeColumn] ?? '')
          const stated = sourceColumn === undefined ? '' : (cells[sourceColumn] ?? '')
          const source = stated === '' ? (code.valid ? sourceOfCreditCode(code.code) : undefined) : SOURCE_DEPARTMENTS.find((candidate) => candidate === stated)
          if (source !== undefined && source !== scope.source)
            note({
              row,
              field: 'source_department',
              message: `is ${source}: ${SOURCE_NAMES[scope.source]} imports only its own entities (只能导入本部门登记的主体)`,
            })
          else if (source !== undefined && code.valid) own.set(code.code, row)
        }
        for (const [code, stored] of await this.entities.sourcesOf([...own.keys()])) {
          if (stored !== scope.source)
            note({ row: own.get(code) ?? 0, field: 'credit_code', message: `names an entity that ${stored} keeps (该主体由其他部门登记)` })
        }
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'HT_VALIDATION') return
      throw error
    }
    if (count > 0) {
      throw new AppError(
        'HT_FORBIDDEN',
        `${count} row(s) name entities ${SOURCE_NAMES[scope.source]} does not keep; nothing was imported (含非本部门登记的主体，未导入任何数据)`,
        foreign,
      )
    }
  }

  /** Inside each write: an importer held to one source writes its own entities only, even if the registry changed since the upload. */
  vetFor(scope: ImportScope): EntityVet | undefined {
    if (scope.all) return undefined
    return (incoming: Entity, stored: Entity | undefined) => {
      const other =
        incoming.source_department !== scope.source
          ? incoming.source_department
          : stored !== undefined && stored.source_department !== scope.source
            ? stored.source_department
            : undefined
      if (other !== undefined) {
        throw new AppError(
          'HT_FORBIDDEN',
          `Entity ${incoming.credit_code} is kept by ${other}: ${SOURCE_NAMES[scope.source]} imports only its own entities (只能导入本部门登记的主体)`,
          [{ field: 'credit_code', message: incoming.credit_code }],
        )
      }
    }
  }
}

import type { Principal } from '../platform/auth/principal.js'
import { auditActor, type RequestMeta } from '../audit/actor.js'
import type { AuditLog } from '../audit/audit-log.js'
import { AppError, type FieldProblem } from '../platform/errors.js'
import { readTable, writeTable, type TableFormat, type TextEncoding } from '../platform/files/table-file.js'
import type { ResourceContent } from './model.js'
import type { CatalogRepository, ResourceRecord } from './repository.js'
import { catalogRuleProblems } from './rules.js'
import type { CatalogSearchIndex, SearchQuery } from './search-index.js'
import { normaliseContent, type CatalogService } from './service.js'
import { CATALOG_COLUMNS, COLUMN_HELP, contentToRows, locateProblem, parseRows, type ParsedResource } from './spreadsheet.js'

export interface ImportReport {
  readonly created: string[]
  readonly updated: string[]
  readonly unchanged: string[]
  readonly submitted: string[]
}

/** The most rows one import file may hold. */
const MAX_IMPORT_ROWS = 20_000
const SHEET_NAME = '政务信息资源目录'

function sameContent(a: ResourceContent, b: ResourceContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** An example entry for the template: the population registry's core, two items. */
const TEMPLATE_EXAMPLE: ResourceContent = {
  name: '示例：人口基础信息',
  abstract: '全市户籍人口的基础信息，以公民身份号码为唯一标识。',
  classification: 'base',
  category: '01',
  formatClass: '数据库',
  formatType: 'PostgreSQL',
  shareType: 'unconditional',
  shareCondition: '',
  legalBasis: '',
  shareMethods: ['api'],
  open: false,
  openCondition: '',
  updateCycle: 'realtime',
  publishDate: '2026-01-01',
  relatedCodes: [],
  secrecy: 'non-secret',
  tags: ['人口', '户籍'],
  items: [
    {
      name: '公民身份号码',
      key: 'resident_id',
      type: 'C',
      length: 18,
      required: true,
      primaryKey: true,
      sensitive: true,
      identifierKind: 'residentId',
      baseItem: true,
      shareType: null,
      description: '18 位居民身份证号码',
    },
    {
      name: '姓名',
      key: 'name',
      type: 'C',
      length: 50,
      required: true,
      primaryKey: false,
      sensitive: true,
      identifierKind: null,
      baseItem: true,
      shareType: null,
      description: '',
    },
  ],
}

/**
 * The catalog as the spreadsheet departments keep: the template, export of published entries,
 * and atomic, idempotent import of a department's entries as drafts.
 */
export class CatalogTransfer {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly index: CatalogSearchIndex,
    private readonly catalog: CatalogService,
    private readonly audit: AuditLog,
  ) {}

  /** The import template: the columns, an example entry and (XLSX) a sheet explaining each column. */
  template(format: TableFormat, principal: Principal): Promise<Buffer> {
    const rows = contentToRows({ code: '', departmentCode: principal.department.code, departmentName: principal.department.name }, TEMPLATE_EXAMPLE)
    return writeTable({ name: SHEET_NAME, headers: CATALOG_COLUMNS, rows }, format, 'utf-8', [
      { name: '填写说明', headers: ['列', '说明'], rows: CATALOG_COLUMNS.map((column) => [column, COLUMN_HELP[column]]) },
    ])
  }

  /** Published entries matching a search, one row per item. */
  async export(query: Omit<SearchQuery, 'limit' | 'offset'>, format: TableFormat, encoding: TextEncoding): Promise<Buffer> {
    const { items } = await this.index.search({ ...query, limit: Number.MAX_SAFE_INTEGER, offset: 0 })
    const published = new Map((await this.repository.published(items.map((item) => item.code))).map((entry) => [entry.resource.code, entry]))
    const rows = items.flatMap((item) => {
      const entry = published.get(item.code)
      return entry === undefined
        ? []
        : contentToRows(
            { code: item.code, departmentCode: entry.resource.department.code, departmentName: entry.resource.department.name },
            entry.version.content,
          )
    })
    return writeTable({ name: SHEET_NAME, headers: CATALOG_COLUMNS, rows }, format, encoding)
  }

  /**
   * Imports a department's entries from the catalog spreadsheet. New names become drafts, known
   * codes or names get a new draft when their content changed, unchanged entries are left alone,
   * so importing the same file twice changes nothing. All or nothing: any bad row refuses the
   * whole file, with every problem's row and column.
   */
  async import(principal: Principal, file: Buffer, options: { submit: boolean }, meta: RequestMeta): Promise<ImportReport> {
    if (!principal.roles.includes('steward')) throw new AppError('HT_FORBIDDEN', 'Only a department’s data steward imports its catalog')
    const table = await readTable(file, { maxCellLength: 2000, maxRows: MAX_IMPORT_ROWS })
    const { resources, problems } = parseRows(table.headers, table.rows, table.rowNumbers)
    const planned: Array<{ parsed: ParsedResource; content: ResourceContent; existing: ResourceRecord | undefined }> = []
    for (const parsed of resources) {
      const found = await this.#check(principal, parsed, problems)
      if (found !== null) planned.push(found)
    }
    if (problems.length > 0) {
      problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
      throw new AppError(
        'HT_VALIDATION',
        `The file has ${problems.length} problem(s); nothing was imported (文件有 ${problems.length} 处错误，未导入任何内容)`,
        problems,
      )
    }
    if (planned.length === 0) throw new AppError('HT_VALIDATION', 'The file holds no entries (文件中没有资源)', [{ field: 'file', message: 'no data rows' }])

    const report: ImportReport = { created: [], updated: [], unchanged: [], submitted: [] }
    await this.repository.transaction(async (repository) => {
      for (const { content, existing } of planned) {
        let code: string
        if (existing === undefined) {
          code = await this.catalog.createIn(repository, principal, content)
          report.created.push(code)
        } else {
          code = existing.code
          const latest = await repository.latestContent(existing)
          if (latest !== undefined && sameContent(latest, content)) {
            report.unchanged.push(code)
            continue
          }
          await this.catalog.saveDraftIn(repository, principal, code, content)
          report.updated.push(code)
        }
        if (options.submit) {
          await this.catalog.submitIn(repository, principal, code)
          report.submitted.push(code)
        }
      }
    })
    await this.audit.append({
      ...auditActor(principal, meta),
      action: 'catalog.import',
      target: principal.department.code,
      outcome: 'success',
      detail: {
        rows: table.rows.length,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged.length,
        submitted: report.submitted.length,
      },
    })
    return report
  }

  /** Checks one parsed entry, adding its problems; returns what to write, or null when it cannot be. */
  async #check(principal: Principal, parsed: ParsedResource, problems: FieldProblem[]) {
    const before = problems.length
    const content = normaliseContent(parsed.content)
    if (parsed.departmentCode !== principal.department.code) {
      problems.push({ row: parsed.firstRow, field: '提供方代码', message: `must be your department's code ${principal.department.code} (只能导入本部门资源)` })
    }
    if ([...content.name].length > 100) problems.push({ row: parsed.firstRow, field: '资源名称', message: 'longer than 100 characters' })
    for (const problem of catalogRuleProblems(content)) problems.push(locateProblem(parsed, problem))
    let existing: ResourceRecord | undefined
    if (parsed.code !== null) {
      existing = await this.repository.findResource(parsed.code)
      if (existing === undefined || existing.department.id !== principal.department.id) {
        problems.push({ row: parsed.firstRow, field: '资源代码', message: `no resource ${parsed.code} of your department (本部门无此资源代码)` })
      }
    } else {
      existing = await this.repository.findResourceByName(principal.department.id, content.name)
    }
    if (existing !== undefined && existing.department.id === principal.department.id) {
      if (existing.workingStatus === 'submitted' || existing.status === 'retired') {
        const latest = await this.repository.latestContent(existing)
        if (latest === undefined || !sameContent(latest, content)) {
          problems.push({
            row: parsed.firstRow,
            field: '资源代码',
            message: `${existing.code} is ${existing.status === 'retired' ? 'retired' : 'under review'} and cannot be changed now (资源正在审核或已停用)`,
          })
        }
      }
    }
    return problems.length > before ? null : { parsed, content, existing }
  }
}

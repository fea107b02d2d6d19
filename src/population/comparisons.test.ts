import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.js'
import { checkCharacter } from '../standards/resident-id.js'
import { ComparisonRowRepository, type ProblemRow } from './comparison-repository.js'
import { compareFile, type CompareOptions } from './comparisons.js'
import type { Person } from './model.js'
import { PersonRepository } from './repository.js'

function residentId(address: string, date: string, sequence: number): string {
  const first17 = `${address}${date}${String(sequence).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

function person(id: string, name: string, values: Partial<Person> = {}): Person {
  return {
    resident_id: id,
    name,
    former_name: '',
    gender: Number(id.slice(14, 17)) % 2 === 1 ? '1' : '2',
    ethnic_group: '01',
    birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    household_division: '210102001001',
    household_address: '辽宁省沈阳市和平区南京北街1号',
    residence_address: '',
    status: '10',
    status_date: '',
    ...values,
  }
}

const LIVING = residentId('210102', '19850315', 2)
const WITH_X = '21010219491231069X'
const OLD_FORM = residentId('210103', '19620708', 301)
const DECEASED = residentId('210104', '19400101', 11)
const MOVED = residentId('210105', '19700202', 22)
const CANCELLED = residentId('210106', '19800303', 33)
const UNKNOWN = residentId('110101', '19900101', 5)

const PERSONS = [
  person(LIVING, '王芳'),
  person(WITH_X, '张伟'),
  person(OLD_FORM, '买买提·艾力'),
  person(DECEASED, '李强', { status: '20', status_date: '2024-05-01' }),
  person(MOVED, '赵敏', { status: '30', status_date: '2023-01-15' }),
  person(CANCELLED, '孙丽', { status: '40', status_date: '2022-07-07' }),
]

/** Every outcome, the ID forms verification accepts, names as departments type them, a quoted cell. */
const FILE = [
  '身份证号,姓名,性别,出生日期,备注',
  `${LIVING},王芳,女,1985-03-15,`,
  `${WITH_X.toLowerCase()},張偉,1,1949年12月31日,"走访,核实"`,
  `${OLD_FORM.slice(0, 6)}${OLD_FORM.slice(8, 17)},买买提•艾力,男,19620708,`,
  `${LIVING.slice(0, 6)} ${LIVING.slice(6)},王 芳,2,1985/3/16,`,
  `${DECEASED},李强,,,`,
  `${MOVED},赵敏,,,`,
  `${CANCELLED},孙丽,,,`,
  `${UNKNOWN},张三,,,`,
  '12345,李四,,,',
  `${LIVING.slice(0, 17)}${LIVING.endsWith('0') ? '1' : '0'},王芳,,,`,
  `${LIVING},王五,男,,`,
  `${LIVING},=cmd(),,,`,
  '',
  `,,,,空`,
].join('\r\n')

const REPORT = [
  '\uFEFF行号 row,身份证号码 residentId,姓名 name,标准化身份证号码 normalisedId,结果 outcome,说明 detail',
  `2,${LIVING},王芳,${LIVING},一致 ok,`,
  `3,${WITH_X.toLowerCase()},張偉,${WITH_X},一致 ok,`,
  `4,${OLD_FORM.slice(0, 6)}${OLD_FORM.slice(8, 17)},买买提•艾力,${OLD_FORM},一致 ok,`,
  `5,${LIVING.slice(0, 6)} ${LIVING.slice(6)},王 芳,${LIVING},其他信息不一致 field mismatch,birth date (出生日期) differs from the registry (与人口库不一致)`,
  `6,${DECEASED},李强,${DECEASED},已死亡 deceased,deceased on 2024-05-01 (已于2024-05-01死亡)`,
  `7,${MOVED},赵敏,${MOVED},已迁出 moved out,moved out of the city on 2023-01-15 (已于2023-01-15迁出)`,
  `8,${CANCELLED},孙丽,${CANCELLED},已注销 cancelled,registration cancelled (户口已注销)`,
  `9,${UNKNOWN},张三,${UNKNOWN},人口库中无此人 not found,not in the population registry (人口库中无此人)`,
  '10,12345,李四,,身份证号码无效 invalid ID,"a resident ID number has 18 characters, or 15 in the old form, not 5 (身份证号码应为18位或15位)"',
  `11,${LIVING.slice(0, 17)}${LIVING.endsWith('0') ? '1' : '0'},王芳,,身份证号码无效 invalid ID,"the check character (the last one) should be ${LIVING.charAt(17)}, not ${LIVING.endsWith('0') ? '1' : '0'} (校验码错误，应为${LIVING.charAt(17)})"`,
  `12,${LIVING},王五,${LIVING},姓名不一致 name mismatch,name differs from the registry (姓名与人口库不一致); gender (性别) differs from the registry (与人口库不一致)`,
  `13,${LIVING},'=cmd(),${LIVING},姓名不一致 name mismatch,name differs from the registry (姓名与人口库不一致)`,
  '15,,,,身份证号码无效 invalid ID,no resident ID number given (未填写身份证号码)',
  '',
].join('\n')

const MAPPING = { residentId: '身份证号', name: '姓名', gender: '性别', birthDate: '出生日期' } as const

for (const dialect of DIALECTS) {
  describe(`batch comparison of a file, on ${dialect}`, () => {
    let test: TestDatabase
    let persons: PersonRepository
    let results: ComparisonRowRepository
    let file: string

    beforeAll(async () => {
      test = await openTestDatabase(dialect)
      persons = new PersonRepository(test.database)
      results = new ComparisonRowRepository(test.database)
      await persons.applyBatch(
        PERSONS.map((p) => ({ person: p })),
        'test',
        'police',
      )
      file = path.join(test.config.dataDir, 'department.csv')
      fs.writeFileSync(file, FILE)
    })
    afterAll(async () => {
      await test.drop()
    })

    const compare = async (options: Partial<CompareOptions> = {}) => {
      const reportFile = path.join(test.config.dataDir, `report-${Math.random().toString(36).slice(2)}.csv`)
      const problems: ProblemRow[] = []
      const counts = await compareFile(persons, file, {
        mapping: MAPPING,
        deceasedBefore: null,
        seeStatus: true,
        seeDates: true,
        reportFile,
        onProblems: async (rows) => void problems.push(...rows),
        ...options,
      })
      return { counts, problems, report: fs.readFileSync(reportFile, 'utf8') }
    }

    it('judges every row, in file order, with the first problem as the outcome and all of them in the detail', async () => {
      const { counts, problems, report } = await compare({ thread: false })
      expect(counts).toEqual({ total: 13, ok: 3, invalidId: 3, notFound: 1, nameMismatch: 2, fieldMismatch: 1, deceased: 1, movedOut: 1, cancelled: 1 })
      expect(report).toBe(REPORT)
      expect(problems.map((row) => [row.row, row.outcome])).toEqual([
        [5, 'field-mismatch'],
        [6, 'deceased'],
        [7, 'moved-out'],
        [8, 'cancelled'],
        [9, 'not-found'],
        [10, 'invalid-id'],
        [11, 'invalid-id'],
        [12, 'name-mismatch'],
        [13, 'name-mismatch'],
        [15, 'invalid-id'],
      ])
      expect(problems[7]).toEqual({
        row: 12,
        residentId: LIVING,
        name: '王五',
        outcome: 'name-mismatch',
        detail: 'name differs from the registry (姓名与人口库不一致); gender (性别) differs from the registry (与人口库不一致)',
      })
    })

    it('judges alike on a worker thread, in batches larger than one', async () => {
      expect(await compare({ thread: true })).toEqual(await compare({ thread: false }))
      const many = path.join(test.config.dataDir, 'many.csv')
      const [header, ...rows] = FILE.split('\r\n').filter((line) => line !== '')
      fs.writeFileSync(many, [header, ...Array.from({ length: 20_000 }, (_, index) => rows[index % rows.length])].join('\n'))
      const options = { mapping: MAPPING, deceasedBefore: null, seeStatus: true, seeDates: true }
      const threaded = await compareFile(persons, many, { ...options, thread: true, reportFile: path.join(test.config.dataDir, 'many-thread.csv') })
      const here = await compareFile(persons, many, { ...options, thread: false, reportFile: path.join(test.config.dataDir, 'many-here.csv') })
      expect(threaded).toEqual(here)
      expect(threaded.total).toBe(20_000)
      expect(fs.readFileSync(path.join(test.config.dataDir, 'many-thread.csv'), 'utf8')).toBe(
        fs.readFileSync(path.join(test.config.dataDir, 'many-here.csv'), 'utf8'),
      )
    })

    it('names no status to a caller who does not see it, no dates to one who does not see them, and counts only deaths before a day', async () => {
      const blind = await compare({ seeStatus: false })
      expect(blind.counts).toMatchObject({ ok: 6, deceased: 0, movedOut: 0, cancelled: 0 })
      const undated = await compare({ seeDates: false })
      expect(undated.report).toContain('已死亡 deceased,deceased (已死亡)')
      expect(undated.report).not.toContain('2024-05-01')
      const before = await compare({ deceasedBefore: '2024-05-01' })
      expect(before.counts).toMatchObject({ ok: 4, deceased: 0 })
    })

    it('keeps the problem rows of each comparison apart, a page at a time, and starts a comparison over', async () => {
      const { problems } = await compare()
      await results.append('comparison-a', problems)
      await results.append('comparison-b', problems.slice(0, 2))
      expect(await results.page('comparison-a', 'invalid-id', 2, 1)).toEqual({
        total: 3,
        items: [problems.find((row) => row.row === 11), problems.find((row) => row.row === 15)],
      })
      expect((await results.page('comparison-a', undefined, 500, 0)).items).toEqual(problems)
      await results.clear('comparison-a')
      expect(await results.page('comparison-a', undefined, 500, 0)).toEqual({ total: 0, items: [] })
      expect((await results.page('comparison-b', undefined, 500, 0)).total).toBe(2)
      const awkward = [
        { row: 2, residentId: 'NULL', name: 'a"b\\c{d},e', outcome: 'invalid-id', detail: '' },
        { row: 3, residentId: '', name: '王\u3000芳\n', outcome: 'not-found', detail: 'x; y' },
      ]
      await results.append('comparison-c', awkward)
      expect((await results.page('comparison-c', undefined, 500, 0)).items).toEqual(awkward)
    })
  })
}

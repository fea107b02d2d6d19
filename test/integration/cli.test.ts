import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createContext } from '../../src/context.js'
import { seedDemo } from '../../src/demo/seed.js'
import { NODE_FLAGS } from '../../src/platform/node-flags.js'
import { DEMO_PASSWORD } from '../support/app.js'
import { DIALECTS, openTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../support/databases.js'

/** Runs the real CLI (`huitong …`) against the test database. */
function huitong(testDatabase: TestDatabase | undefined, args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const databaseEnv: NodeJS.ProcessEnv =
    testDatabase === undefined
      ? {}
      : {
          HUITONG_DATA_DIR: testDatabase.config.dataDir,
          ...(testDatabase.schema === undefined
            ? {}
            : { HUITONG_DATABASE_URL: `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${testDatabase.schema}`)}` }),
        }
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, HUITONG_LOG_LEVEL: 'silent', ...databaseEnv, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? {} : { input }),
  })
}

describe('the server process', () => {
  it('runs with the same Node flags through npm start and the huitong command', () => {
    const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
    const shebang = fs.readFileSync('src/cli.ts', 'utf8').split('\n')[0] ?? ''
    expect(start).toBe(`node ${NODE_FLAGS.join(' ')} dist/cli.js demo`)
    expect(shebang).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`)
  })

  it('starts the built command by its first line, flags and all', () => {
    const built = 'dist/cli.js'
    expect(fs.readFileSync(built, 'utf8').split('\n')[0]).toBe(fs.readFileSync('src/cli.ts', 'utf8').split('\n')[0])
    // As the kernel runs a script: the interpreter, the rest of the line as one argument, the file.
    const [interpreter = '', rest = ''] = (fs.readFileSync(built, 'utf8').split('\n')[0] ?? '').slice(2).split(/ (.*)/)
    const result = spawnSync(interpreter, [rest, built, '--help'], { encoding: 'utf8', timeout: 30_000 })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Usage: huitong')
  })
})

describe('huitong with a bad setting', () => {
  it('stops with one line naming the setting', () => {
    const result = huitong(undefined, ['migrate'], { PORT: 'eighty' })
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('PORT')
  })

  it('has help for every command', () => {
    for (const command of [[], ['serve'], ['demo'], ['migrate'], ['user', 'create'], ['client', 'create'], ['audit', 'verify']]) {
      const result = huitong(undefined, [...command, '--help'])
      expect(result.status, command.join(' ')).toBe(0)
      expect(result.stdout).toContain('Usage: huitong')
    }
  })
})

for (const dialect of DIALECTS) {
  describe(`huitong CLI on ${dialect}`, () => {
    let testDatabase: TestDatabase
    beforeEach(async () => {
      testDatabase = await openTestDatabase(dialect)
      const context = createContext(testDatabase.config, testDatabase.database)
      await seedDemo(context, DEMO_PASSWORD, { catalog: false })
      await context.close()
    })
    afterEach(async () => {
      await testDatabase.drop()
    })

    it('migrate reports an up-to-date schema', () => {
      const result = huitong(testDatabase, ['migrate'])
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toContain('up to date')
    })

    it('audit verify passes on an intact chain and names the first broken row', async () => {
      const intact = huitong(testDatabase, ['audit', 'verify'])
      expect(intact.status, intact.stderr).toBe(0)
      expect(intact.stdout).toMatch(/audit chain intact: \d+ rows/)

      await sql`UPDATE audit_log SET actor_name = 'intruder' WHERE seq = 3`.execute(testDatabase.database.db)
      const broken = huitong(testDatabase, ['audit', 'verify'])
      expect(broken.status).toBe(1)
      expect(broken.stderr).toContain('BROKEN at row 3')
    })

    it('user create reads the password from stdin and applies the policy', async () => {
      const created = huitong(
        testDatabase,
        ['user', 'create', '-u', 'zhaoliu', '-n', '赵六', '-d', '210100006', '-r', 'steward,consumer', '--password-stdin'],
        {},
        'Weisheng@2026\n',
      )
      expect(created.status, created.stderr).toBe(0)
      expect(created.stdout).toContain('zhaoliu')
      const weak = huitong(testDatabase, ['user', 'create', '-u', 'weak', '-n', '弱', '-d', '210100006', '--password-stdin'], {}, 'weak\n')
      expect(weak.status).toBe(1)
      expect(weak.stderr).toContain('HT_PASSWORD_POLICY')
      const admins = huitong(
        testDatabase,
        ['user', 'create', '-u', 'both', '-n', '双', '-d', '210100002', '-r', 'sysadmin,auditor', '--password-stdin'],
        {},
        'Both@2026xyz\n',
      )
      expect(admins.status).toBe(1)
      expect(admins.stderr).toContain('HT_SEPARATION_OF_DUTIES')
    })

    it('client create prints a working token once and stores only its hash', async () => {
      const result = huitong(testDatabase, ['client', 'create', '-n', '社保核验系统', '-d', '210100004'])
      expect(result.status, result.stderr).toBe(0)
      const token = /token \(shown once[^)]*\): (htc_\S+)/.exec(result.stdout)?.[1]
      expect(token).toBeDefined()
      const rows = await testDatabase.database.db.selectFrom('api_clients').selectAll().execute()
      expect(JSON.stringify(rows)).not.toContain(token)
    })
  })
}

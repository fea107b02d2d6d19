import { describe, expect, it } from 'vitest'
import { separationViolation, type Role } from './roles.js'

describe('separation of the three administrators (三员分立)', () => {
  it.each<[Role[], boolean]>([
    [['sysadmin'], true],
    [['secadmin'], true],
    [['auditor'], true],
    [['steward', 'consumer'], true],
    [['dataoffice', 'consumer'], true],
    [[], true],
    [['sysadmin', 'auditor'], false],
    [['sysadmin', 'secadmin'], false],
    [['secadmin', 'auditor'], false],
    [['auditor', 'consumer'], false],
    [['sysadmin', 'steward'], false],
  ])('%o allowed: %s', (roles, allowed) => {
    expect(separationViolation(roles) === undefined).toBe(allowed)
  })
})

/**
 * A department's file for batch comparison (比对): the resident ID, the name and a remark, made
 * from persons sampled from the registry with the noise a real file carries, in known amounts,
 * so the comparison's counts can be checked against what was planted.
 */
import { once } from 'node:events'
import fs from 'node:fs'
import { finished } from 'node:stream/promises'
import { checkCharacter } from '../../src/standards/resident-id.js'
import { seededRandom } from './catalog-generator.js'

/** The file's header row; the mapping a comparison uses names the first two. */
export const DEPARTMENT_HEADERS = ['身份证号', '姓名', '备注'] as const

/** Shares of the rows that are not a registry person's ID and name as the registry has them. */
export interface Noise {
  /** A registry person's ID with the name's last character changed. */
  readonly nameChanged: number
  /** IDs no registry could hold: a wrong check character, a digit short, a 13th month. */
  readonly invalidId: number
  /** Well-formed IDs of Beijing's 东城区 (110101), which the Shenyang generator never issues. */
  readonly unknownId: number
}

export const DEFAULT_NOISE: Noise = { nameChanged: 0.05, invalidId: 0.02, unknownId: 0.03 }

/** What was written: the rows of each kind. */
export interface DepartmentFile {
  readonly rows: number
  readonly bytes: number
  readonly unchanged: number
  readonly nameChanged: number
  readonly invalidId: number
  readonly unknownId: number
}

// Remarks as departments type them; one holds a comma, so the parser meets a quoted cell.
const REMARKS = ['', '', '走访核实', '低保复核', '"2024年,第二批"', '待复核']
const DAY_MS = 86_400_000
const FIRST_UNKNOWN_BIRTH = Date.UTC(1950, 0, 1)
const ROWS_PER_WRITE = 2000

/** The n-th of a run of valid IDs that belong to no one in the generated register. */
function unknownId(n: number): string {
  const birth = new Date(FIRST_UNKNOWN_BIRTH + (n % 20_000) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `110101${birth}${String(1 + (Math.floor(n / 20_000) % 999)).padStart(3, '0')}`
  return `${first17}${checkCharacter(first17)}`
}

function invalidId(id: string, n: number): string {
  switch (n % 3) {
    case 0: {
      const check = id.charAt(17)
      return `${id.slice(0, 17)}${check === '0' ? '1' : '0'}`
    }
    case 1:
      return id.slice(0, 17)
    default:
      return `${id.slice(0, 10)}13${id.slice(12)}`
  }
}

function changedName(name: string): string {
  return `${name.slice(0, -1)}${name.endsWith('伟') ? '强' : '伟'}`
}

/**
 * Writes one row per sampled person, in the sample's order: most as the registry has them, the
 * noise's shares altered (drawn by a seeded PRNG, so the same sample gives the same file).
 * UTF-8 without a BOM, LF line ends.
 *
 * @example
 * await writeDepartmentFile('/tmp/dept.csv', [{ resident_id: '210102194001010004', name: '王伟' }])
 */
export async function writeDepartmentFile(
  file: string,
  persons: ReadonlyArray<{ readonly resident_id: string; readonly name: string }>,
  noise: Noise = DEFAULT_NOISE,
  seed = 2026,
): Promise<DepartmentFile> {
  const random = seededRandom(seed)
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 })
  const counts = { unchanged: 0, nameChanged: 0, invalidId: 0, unknownId: 0 }
  let text = `${DEPARTMENT_HEADERS.join(',')}\n`
  for (const [index, person] of persons.entries()) {
    const draw = random()
    let id = person.resident_id
    let name = person.name
    if (draw < noise.nameChanged) {
      name = changedName(name)
      counts.nameChanged += 1
    } else if (draw < noise.nameChanged + noise.invalidId) {
      id = invalidId(id, counts.invalidId)
      counts.invalidId += 1
    } else if (draw < noise.nameChanged + noise.invalidId + noise.unknownId) {
      id = unknownId(counts.unknownId)
      counts.unknownId += 1
    } else {
      counts.unchanged += 1
    }
    text += `${id},${name},${REMARKS[index % REMARKS.length] ?? ''}\n`
    if ((index + 1) % ROWS_PER_WRITE === 0) {
      if (!out.write(text)) await once(out, 'drain')
      text = ''
    }
  }
  out.end(text)
  await finished(out)
  return { rows: persons.length, bytes: out.bytesWritten, ...counts }
}

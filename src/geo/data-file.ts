import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The path of a file shipped in `src/geo/data/`. tsc does not copy data files to `dist/`, so a
 * module compiled to `dist/geo/` falls back to the copy in `src/geo/data/`.
 *
 * @example
 * geoDataFile('areacodes.json') // '/…/src/geo/data/areacodes.json'
 */
export function geoDataFile(name: string): string {
  const candidates = [new URL(`./data/${name}`, import.meta.url), new URL(`../../src/geo/data/${name}`, import.meta.url)]
  const found = candidates.find((url) => existsSync(url))
  if (found === undefined) throw new Error(`${name} not found; looked at ${candidates.map((url) => fileURLToPath(url)).join(', ')}`)
  return fileURLToPath(found)
}

import { Type } from 'typebox'

/** A catalog code in a URL path: its slash (101/000001) is sent as a dash (101-000001) or as %2F. */
export const CodeParam = Type.Object({ code: Type.String({ pattern: '^\\d{3,10}[-/]\\d{6}$', description: 'catalog code, e.g. 101-000001 or 101%2F000001' }) })

/** The catalog code a path parameter names. */
export function codeOf(raw: string): string {
  return raw.replace('-', '/')
}

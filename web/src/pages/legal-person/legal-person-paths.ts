/** Where 法人查询 lives; the query goes in its address (?q=…). */
export const SEARCH_PATH = '/legal-persons/search'

/** Where an entity's profile (一企一档) lives in the console: by credit code, or an organisation code the server resolves. */
export function profilePath(creditCode: string): string {
  return `/legal-persons/${encodeURIComponent(creditCode)}`
}

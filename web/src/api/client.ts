import type { Schemas } from './types'

/** Where the session token lives between page loads. */
const TOKEN_KEY = 'huitong.token'

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
}

/** One field a problem is about; an import's problems also name the file's row. */
export type FieldProblem = NonNullable<Schemas['Problem']['errors']>[number]

/** An RFC 9457 problem answered by the server, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail)
    this.name = 'ApiError'
  }
}

let onUnauthorized: () => void = () => undefined

/** What to do when the server no longer accepts the token (the router sends the user to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

/** A query parameter; a list repeats the parameter (`?department=a&department=b`). */
export type QueryValue = string | number | boolean | undefined | null | readonly string[]

function withQuery(path: string, query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return path
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const one of value as readonly string[]) params.append(name, one)
    else if (value !== undefined && value !== null && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined)
  if (typeof body === 'object' && body !== null && 'code' in body) {
    const { code, title, detail, errors, ...extra } = body as Record<string, unknown>
    return new ApiError(
      response.status,
      String(code),
      String(title ?? response.statusText),
      String(detail ?? title ?? response.statusText),
      Array.isArray(errors) ? (errors as FieldProblem[]) : [],
      extra,
    )
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText, response.statusText)
}

export interface RequestOptions {
  readonly body?: unknown
  readonly query?: Readonly<Record<string, QueryValue>>
  /** A file sent as it is (e.g. an XLSX upload) instead of JSON. */
  readonly raw?: { readonly data: Blob; readonly contentType: string }
  /** Extra headers, e.g. X-Huitong-Purpose for a read through the gate. */
  readonly headers?: Readonly<Record<string, string>>
}

async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const token = tokenStore.get()
  const headers: Record<string, string> = { ...options.headers, accept }
  if (token !== null) headers.authorization = `Bearer ${token}`
  let body: BodyInit | undefined
  if (options.raw !== undefined) {
    headers['content-type'] = options.raw.contentType
    body = options.raw.data
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, ...(body === undefined ? {} : { body }) })
  } catch (cause) {
    throw new ApiError(0, 'HT_NETWORK', 'Network error', cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) {
    const error = await toApiError(response)
    // A failed sign-in is also a 401; only a refused token ends the session.
    if (response.status === 401 && token !== null) {
      tokenStore.clear()
      onUnauthorized()
    }
    throw error
  }
  return response
}

/**
 * Calls the Huitong API with the session token; a problem+json answer becomes an {@link ApiError}.
 *
 * @example
 * const page = await request<ResponseOf<'/api/v1/users', 'get'>>('GET', '/api/v1/users', { query: { q: 'li' } })
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json')
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/** The file name a response suggests (Content-Disposition), or the fallback. */
function suggestedName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1]
  if (encoded !== undefined) return decodeURIComponent(encoded)
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback
}

/**
 * Downloads a file with the session token (a plain link cannot carry it) and hands it to the
 * browser to save.
 *
 * @example
 * await download('/api/v1/catalog/template', { format: 'xlsx' }, 'template.xlsx')
 */
export async function download(path: string, query: Readonly<Record<string, QueryValue>>, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { query }, '*/*')
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = suggestedName(response, fallbackName)
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

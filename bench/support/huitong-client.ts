/** Signs in through the API and returns the bearer token. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200) throw new Error(`login ${username}: HTTP ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** GETs `path` and fails unless the answer is 200: a benchmark of 401s would measure the wrong thing. */
export async function expectOk(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(new URL(path, baseUrl), { headers })
  const body = await response.text()
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status} ${body}`)
}

/** GETs JSON, failing on anything but 200. */
export async function getJson(baseUrl: string, urlPath: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(urlPath, baseUrl), { headers })
  if (response.status !== 200) throw new Error(`GET ${urlPath}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

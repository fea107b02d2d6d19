/**
 * Canonical JSON: object keys sorted, no whitespace. The audit chain hashes this form, so the
 * same content always gives the same bytes whatever order a caller built the object in.
 *
 * Written with loops and one string rather than entries, sort callbacks and joins: the audit
 * writer runs it for every row it appends.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null)
  }
  if (Array.isArray(value)) {
    let json = '['
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) json += ','
      json += canonicalJson(value[index])
    }
    return `${json}]`
  }
  const record = value as Record<string, unknown>
  // The default sort orders strings by UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort()
  let json = '{'
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    if (json.length > 1) json += ','
    json += `${JSON.stringify(key)}:${canonicalJson(item)}`
  }
  return `${json}}`
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { changePageJson, type ChangePage } from './change-page-json.js'
import { ChangesSchema } from './schemas.js'

/** The body Fastify's schema serializer writes for a page: what the feed routes sent before. */
async function schemaSerialized(page: unknown): Promise<string> {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>()
  app.get('/', { schema: { response: { 200: ChangesSchema } } }, async () => page as ChangePage)
  const response = await app.inject({ method: 'GET', url: '/' })
  await app.close()
  return response.body
}

const decoded = (page: ChangePage) => new TextDecoder().decode(changePageJson(page))

const PAGES: ReadonlyArray<{ name: string; page: ChangePage }> = [
  { name: 'an empty page', page: { changes: [], next: 42, lastSeq: 42 } },
  {
    name: 'upserts with masked text, numbers, booleans and nulls, and a tombstone',
    page: {
      changes: [
        {
          seq: 1,
          key: '210102195001101000',
          op: 'upsert',
          data: { resident_id: '210102195001101000', name: '张*', allowance_amount: 600 },
          at: '2026-01-01T00:00:00.000Z',
        },
        {
          seq: 2,
          key: '************',
          op: 'upsert',
          data: { amount: 612.5, negative: -3, zero: 0, big: 1e21, active: true, closed: false, note: null },
          at: '2026-01-01T00:00:01.000Z',
        },
        { seq: 3, key: '210102195001101000', op: 'delete', data: null, at: '2026-01-02T00:00:00.000Z' },
      ],
      next: 3,
      lastSeq: 606,
    },
  },
  {
    name: 'text that JSON must escape',
    page: {
      changes: [
        {
          seq: 7,
          key: 'a|"b"\\c',
          op: 'upsert',
          data: { address: '辽宁省沈阳市\n和平区\t"南京北街"\\100号', emoji: '🏛️', control: '\u0001\u001f', separator: '\u2028' },
          at: '2026-01-01T00:00:00.000Z',
        },
      ],
      next: 7,
      lastSeq: 7,
    },
  },
  {
    name: 'a page written in many slices of changing size',
    page: {
      changes: Array.from({ length: 3000 }, (_, index) => ({
        seq: index + 1,
        key: `21010219500110${String(index).padStart(4, '0')}`,
        op: index % 7 === 6 ? ('delete' as const) : ('upsert' as const),
        data:
          index % 7 === 6
            ? null
            : { name: `${'张李王'[index % 3]}*`, address: '沈阳市和平区南京北街'.repeat(index % 500 === 0 ? 400 : 1 + (index % 5)), amount: index * 1.5 },
        at: '2026-01-01T00:00:00.000Z',
      })),
      next: 3000,
      lastSeq: 3010,
    },
  },
]

describe('changePageJson', () => {
  for (const { name, page } of PAGES) {
    it(`writes the same JSON as the response schema for ${name}`, async () => {
      const ours = decoded(page)
      expect(JSON.parse(ours)).toEqual(JSON.parse(await schemaSerialized(page)))
      expect(ours).toBe(await schemaSerialized(page))
    })
  }

  it('leaves out fields the schema does not document', async () => {
    const change = { seq: 1, key: 'k', op: 'upsert' as const, data: { a: 1 }, at: '2026-01-01T00:00:00.000Z', batchId: 'internal', recordId: 9 }
    const page = { changes: [change], next: 1, lastSeq: 1, extra: true } as ChangePage
    expect(JSON.parse(decoded(page))).toEqual({
      changes: [{ seq: 1, key: 'k', op: 'upsert', data: { a: 1 }, at: '2026-01-01T00:00:00.000Z' }],
      next: 1,
      lastSeq: 1,
    })
    expect(decoded(page)).toBe(await schemaSerialized(page))
  })
})

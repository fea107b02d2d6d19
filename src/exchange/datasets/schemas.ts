import { Type } from 'typebox'

export const BatchBody = Type.Object(
  {
    batchId: Type.String({ minLength: 1, maxLength: 100, description: 'your id for this batch: sending it again changes nothing' }),
    upserts: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 50_000 })),
    deletes: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 50_000, description: 'records named by their key items' })),
  },
  { additionalProperties: false },
)

export const BatchResultSchema = Type.Object({
  batchId: Type.String(),
  upserted: Type.Integer(),
  deleted: Type.Integer(),
  unchanged: Type.Integer(),
  fromSeq: Type.Integer(),
  toSeq: Type.Integer(),
  replayed: Type.Boolean(),
})

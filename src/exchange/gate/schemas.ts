import { Type } from 'typebox'

const Value = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])
export const RecordSchema = Type.Record(Type.String(), Value)

export const ChangeSchema = Type.Object({
  seq: Type.Integer(),
  key: Type.String(),
  op: Type.Enum(['upsert', 'delete']),
  data: Type.Union([RecordSchema, Type.Null()]),
  at: Type.String(),
})

export const ChangesSchema = Type.Object({ changes: Type.Array(ChangeSchema), next: Type.Integer(), lastSeq: Type.Integer() })

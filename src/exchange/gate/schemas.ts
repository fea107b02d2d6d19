import { Type } from 'typebox'

/** One value of a record: what a resource's items hold, or a masked string ('张*'). */
export const RecordValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])
export const RecordSchema = Type.Record(Type.String(), RecordValue)

/** A profile's attachment (一人一档, 一企一档): another department's records of the same key, read through the gate. */
export const AttachmentSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    department: Type.Object({ code: Type.String(), name: Type.String() }),
    granted: Type.Boolean({ description: 'false: listed by name only, for want of a grant' }),
    records: Type.Array(RecordSchema),
    masked: Type.Array(Type.String(), { description: 'the items whose values come masked' }),
    items: Type.Array(Type.Object({ key: Type.String(), name: Type.String() }), { description: "the visible items with their names, in the entry's order" }),
  },
  { $id: 'Attachment' },
)

export const ChangeSchema = Type.Object(
  {
    seq: Type.Integer(),
    key: Type.String(),
    op: Type.Enum(['upsert', 'delete']),
    data: Type.Union([RecordSchema, Type.Null()]),
    at: Type.String(),
  },
  { $id: 'Change' },
)

export const ChangesSchema = Type.Object({ changes: Type.Array(ChangeSchema), next: Type.Integer(), lastSeq: Type.Integer() })

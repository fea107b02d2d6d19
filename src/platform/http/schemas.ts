import { Type, type TSchema } from 'typebox'

// A schema given an $id is a named component of the OpenAPI document, and so a named type of the
// console's generated API types. One route's schemas may hold a named schema only once: a second
// use under the same $id stops the app at start ("resolves to more than one schema").

/** RFC 9457 problem details as Huitong sends them. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code, e.g. HT_VALIDATION' }),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          row: Type.Optional(Type.Integer()),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
)

/** Standard error responses, so every route documents them. */
export const ERROR_RESPONSES = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}

export const PagingQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}

/** A page of items with the total count, for tables with pagination. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() })
}

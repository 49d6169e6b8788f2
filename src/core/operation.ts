import type { BodyEncoder } from './encode-body'

/**
 * Where an operation parameter travels and how it is written there.
 * `name` is the wire name when it differs from the camelCase key the caller
 * uses (`locationId` → `location_id`).
 */
export interface ParameterSpec {
  /** Location of the parameter in the HTTP request. */
  in: 'path' | 'query' | 'header'
  /** Wire name, when it differs from the camelCase key. */
  name?: string
  /** Whether the API refuses the call without it. */
  required?: boolean
  /**
   * How a query array is written: repeated keys (`a=1&a=2`, the OpenAPI
   * default for `form` + `explode: true`) or one comma-joined value
   * (`explode: false`).
   */
  explode?: false
}

/** How a request body is encoded on the wire. */
export type BodyEncoding = 'json' | 'form' | 'multipart'

/**
 * Everything the request pipeline needs to know about one API operation.
 * The generator writes one of these next to each operation function, so
 * importing a function pulls in only its own metadata.
 */
export interface Operation {
  /** The exported function name, used in error messages. */
  id: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path template with `{name}` placeholders, as in the OpenAPI file. */
  path: string
  /** Value of the `Version` header this operation declares. */
  version?: string
  /**
   * Security requirement names from the OpenAPI file (`bearer`,
   * `Location-Access`, `Agency-Access`, `Location-Access-Only`,
   * `Agency-Access-Only`); empty for operations that need no token.
   */
  security: readonly string[]
  /** Parameters by the camelCase key the caller passes. */
  params?: Readonly<Record<string, ParameterSpec>>
  /** Body encoding, when the operation takes a body. */
  body?: BodyEncoding
  /**
   * Encoder of a `form` or `multipart` body (`encodeFormBody`,
   * `encodeMultipartBody`); absent for JSON bodies.
   */
  encode?: BodyEncoder
  /** Set when the body is required. */
  bodyRequired?: true
  /** Set when a successful response is not JSON. */
  responseType?: 'text' | 'blob'
  /**
   * How the operation pages, copied by the generator from
   * scripts/generator/pagination.mjs; absent for operations that do not page.
   */
  pagination?: Pagination
}

/**
 * How a list operation asks for its next page, for `paginate`. Paths are
 * dotted paths into the response body (`meta.startAfter`); `''` is the
 * body itself.
 */
export interface Pagination {
  /**
   * - `cursor`: parameters copied from response fields (`startAfter` from
   *   `meta.startAfter`, `lastMessageId` from `lastMessageId`)
   * - `page`: a page number counted up from 1
   * - `offset`: a `skip` or `offset` advanced by the items received
   */
  style: 'cursor' | 'page' | 'offset'
  /** Path of the item array in the response. */
  items: string
  /** Parameter holding the page size (`limit`, `pageSize`, `pageLimit`). */
  limit?: string
  /** `page` and `offset`: the parameter to advance (`page`, `skip`). */
  param?: string
  /** `cursor`: next-page parameter → response path it is read from. */
  cursor?: Readonly<Record<string, string>>
  /**
   * Path of a next-page URL whose query holds the cursor parameters when
   * the fields are absent (`meta.nextPageUrl`). Only its query is read:
   * its host is never contacted.
   */
  nextPageUrl?: string
  /** Path of a flag that is false (or null) on the last page. */
  hasMore?: string
  /** Path of the total item count, when the response gives one. */
  total?: string
  /** Set when the paging parameters travel in the JSON body. */
  in?: 'body'
}

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
  /** Set when the body is required. */
  bodyRequired?: true
  /** Set when a successful response is not JSON. */
  responseType?: 'text' | 'blob'
  /**
   * How the operation pages, copied by the generator from
   * scripts/generator/pagination.mjs; absent for operations that do not page.
   */
  pagination?: unknown
}

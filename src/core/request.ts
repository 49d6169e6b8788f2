import type { Client, RequestOptions } from '../client/types'
import { callOperation } from './call-operation'
import { encodeFormBody, encodeMultipartBody } from './encode-body'
import { HighLevelError } from './error'
import type { Operation } from './operation'

/** A call to an endpoint the generated functions do not cover. */
export interface RawRequest extends RequestOptions {
  method: Operation['method']
  /** Path under the base URL, starting with `/`; may hold a query. */
  path: string
  /** Query values; arrays repeat the key. */
  query?: Record<string, unknown>
  /** JSON-encoded unless a string, `FormData` or `URLSearchParams`. */
  body?: unknown
}

/**
 * Calls any endpoint through the same token choice, retries, hooks and
 * errors as the generated functions. The token is chosen as for an
 * operation that accepts location and agency tokens: name the resource
 * with `locationId` / `companyId` in the query, the body or the options.
 *
 * @example
 * const { contacts } = await request(client, {
 *   method: 'GET',
 *   path: '/contacts/',
 *   query: { locationId: 'loc_123', limit: 10 },
 *   version: '2021-07-28',
 * })
 */
export function request<TResponse = unknown>(
  client: Client,
  { method, path, query, body, ...options }: RawRequest,
): Promise<TResponse> {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new HighLevelError(
      `request: path must start with "/" (it is appended to the base URL), got "${path}"`,
      { code: 'invalid_input', operation: 'request' },
    )
  }
  const [pathname, search] = path.split('?', 2)
  const params: Record<string, unknown> = {}
  new URLSearchParams(search).forEach((value, key) => {
    const previous = params[key]
    params[key] = previous === undefined ? value : [previous, value].flat()
  })
  Object.assign(params, query)

  const operation: Operation = {
    id: 'request',
    method,
    path: pathname,
    // What the operations that declare no Version get; options.version
    // overrides it.
    version: '2021-07-28',
    security: ['Location-Access', 'Agency-Access'],
    params: Object.fromEntries(
      Object.keys(params).map((key) => [key, { in: 'query' }]),
    ),
    ...(body instanceof FormData
      ? { body: 'multipart', encode: encodeMultipartBody }
      : body instanceof URLSearchParams
        ? { body: 'form', encode: encodeFormBody }
        : { body: 'json' }),
  }
  return callOperation(client, operation, params, body, options)
}

import type { Client, RequestOptions } from '../client/types'
import { HighLevelError } from '../core/error'
import type { Hook } from '../core/hooks'
import type { Pagination } from '../core/operation'

/** A list function: `getContacts`, `getMessages`, `listInvoices`, ... */
export type ListFunction<TParams, TResponse> = (
  client: Client,
  params: TParams,
  options?: RequestOptions,
) => Promise<TResponse>

/** Options of `paginate`; the rest are passed to every page's call. */
export interface PaginateOptions extends RequestOptions {
  /** Stop after this many items. */
  max?: number
}

/** One page: its items, the whole body, and the params it was asked with. */
export interface Page<TResponse, TItem> {
  items: TItem[]
  data: TResponse
  params: Record<string, unknown>
}

/** The element type of the first array property of a response. */
export type ItemOf<TResponse> = [
  TResponse extends readonly (infer TItem)[]
    ? TItem
    : {
        [K in keyof TResponse]-?: NonNullable<
          TResponse[K]
        > extends readonly (infer TItem)[]
          ? TItem
          : never
      }[keyof TResponse],
] extends [infer TItem]
  ? [TItem] extends [never]
    ? unknown
    : TItem
  : unknown

/**
 * Iterates over every page of a list operation. How the next page is asked
 * for comes from the operation's generated metadata (its `pagination`),
 * never from guessing: the cursor is merged into your params, so
 * `locationId`, `limit` and filters are sent with every page. Iteration
 * stops on a missing cursor, a short or empty page, the declared total, or
 * `max` items.
 *
 * @example
 * for await (const page of paginatePages(getContacts, client, { locationId, limit: 100 })) {
 *   total += page.items.length
 * }
 */
export async function* paginatePages<TParams, TResponse>(
  list: ListFunction<TParams, TResponse>,
  client: Client,
  params: TParams,
  { max = Infinity, ...options }: PaginateOptions = {},
): AsyncGenerator<Page<TResponse, ItemOf<TResponse>>, void, undefined> {
  // Generated functions taking a body after their params have 4 parameters.
  if (list.length > 3) {
    throw new HighLevelError(
      `paginate: ${list.name || 'this function'} takes params and a body; ` +
        'wrap it: paginate((client, body, options) => ' +
        `${list.name || 'fn'}(client, params, body, options), client, body)`,
      { code: 'invalid_input', operation: 'paginate' },
    )
  }

  let pagination: Pagination | undefined
  const learn: Hook = ({ definition, operation }) => {
    pagination = definition?.pagination
    if (!pagination) {
      throw new HighLevelError(
        `paginate: ${operation} is not a list operation with declared ` +
          'pagination; call it directly instead',
        { code: 'invalid_input', operation },
      )
    }
  }
  const callOptions: RequestOptions = {
    ...options,
    onRequest: [learn, ...[options.onRequest ?? []].flat()],
  }

  let current = { ...(params as Record<string, unknown>) }
  let largest = 0
  let count = 0
  for (;;) {
    const data = await list(client, current as TParams, callOptions)
    const spec = pagination!
    const found = spec.items ? readPath(data, spec.items) : data
    const items = (Array.isArray(found) ? found : []) as ItemOf<TResponse>[]
    yield { items, data, params: current }
    count += items.length

    // Short: fewer than asked for, and fewer than an earlier page held (the
    // API may cap `limit` lower than asked, so page 1 alone cannot tell).
    const requested = Number(current[spec.limit!]) || Infinity
    const short = items.length < Math.min(requested, largest)
    largest = Math.max(largest, items.length)
    const total = Number(spec.total && readPath(data, spec.total))
    const more = spec.hasMore && readPath(data, spec.hasMore)
    const next = nextParams(spec, current, data, items.length)
    if (
      !next ||
      !items.length ||
      short ||
      count >= max ||
      (more !== undefined && !more) ||
      count >= total ||
      (spec.style === 'offset' && Number(next[spec.param!]) >= total)
    ) {
      return
    }
    current = next
  }
}

/**
 * Iterates over every item of a list operation, page after page: see
 * `paginatePages`.
 *
 * @example
 * for await (const contact of paginate(getContacts, client, { locationId: 'loc_123', limit: 100 })) {
 *   ids.push(contact.id)
 * }
 */
export async function* paginate<TParams, TResponse>(
  list: ListFunction<TParams, TResponse>,
  client: Client,
  params: TParams,
  options: PaginateOptions = {},
): AsyncGenerator<ItemOf<TResponse>, void, undefined> {
  let left = options.max ?? Infinity
  for await (const page of paginatePages(list, client, params, options)) {
    for (const item of page.items) {
      if (left-- <= 0) return
      yield item
    }
  }
}

/** The params of the next page, or `undefined` when there is none. */
function nextParams(
  spec: Pagination,
  current: Record<string, unknown>,
  data: unknown,
  received: number,
): Record<string, unknown> | undefined {
  if (spec.style === 'page') {
    return {
      ...current,
      [spec.param!]: (Number(current[spec.param!]) || 1) + 1,
    }
  }
  if (spec.style === 'offset') {
    const offset = Number(current[spec.param!]) || 0
    return { ...current, [spec.param!]: offset + received }
  }

  // Only the query of a next-page URL is read; its host is never contacted.
  const url = spec.nextPageUrl && readPath(data, spec.nextPageUrl)
  const query =
    typeof url === 'string'
      ? new URL(url, 'http://localhost').searchParams
      : undefined
  const cursor: Record<string, unknown> = {}
  for (const [param, path] of Object.entries(spec.cursor ?? {})) {
    const value = readPath(data, path) ?? query?.get(param)
    if (value == null || value === '') return undefined
    cursor[param] = value
  }
  const moved = Object.keys(cursor).some(
    (param) => String(cursor[param]) !== String(current[param]),
  )
  return moved ? { ...current, ...cursor } : undefined
}

/** Reads `a.b.c` from a parsed body; `undefined` when any step is missing. */
function readPath(data: unknown, path: string): unknown {
  let value = data
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

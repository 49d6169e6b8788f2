import type { RequestOptions } from '../client/types'
import { HighLevelError } from './error'

/** A parsed body with the status and headers it came with. */
export interface ResponseWith<TData> {
  data: TData
  status: number
  headers: Headers
}

/**
 * Runs one call and returns its status and response headers along with
 * the body. `call` receives options to pass as the operation's last
 * argument (spread them when you add your own).
 *
 * @example
 * const { data, status, headers } = await withResponse((options) =>
 *   getContact(client, { contactId }, options),
 * )
 * headers.get('x-ratelimit-remaining')
 */
export async function withResponse<TData>(
  call: (options: RequestOptions) => Promise<TData>,
): Promise<ResponseWith<TData>> {
  let response: Response | undefined
  const data = await call({
    onResponse: (context) => {
      response = context.response
    },
  })
  if (!response) {
    throw new HighLevelError(
      'withResponse: the call made no request with the options it was ' +
        "given: pass them as the operation's last argument",
      { code: 'invalid_input', operation: 'withResponse' },
    )
  }
  return { data, status: response.status, headers: response.headers }
}

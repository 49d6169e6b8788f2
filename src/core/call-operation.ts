import { sendAuthorized } from '../auth/send-authorized'
import type { Client, RequestOptions } from '../client/types'
import { buildRequest } from './build-request'
import { HighLevelError } from './error'
import { findResourceIds } from './find-resource-ids'
import type { Operation } from './operation'
import { sendRequest, withTimeout } from './send-request'

/**
 * Every generated operation function ends here: check and place the
 * arguments, pick the token, send, and return the parsed body.
 */
export async function callOperation<TResponse>(
  client: Client,
  operation: Operation,
  params: Record<string, unknown> | undefined,
  body: unknown,
  options: RequestOptions | undefined,
): Promise<TResponse> {
  if (!client?.auth) {
    throw new HighLevelError(
      `${operation.id}: the first argument must be a client from createClient()`,
      { code: 'invalid_input', operation: operation.id },
    )
  }
  const built = buildRequest(operation, params, body)
  // Header names are case-insensitive: `Headers` merges `version` and
  // `Version` into one, where a plain object would send both.
  const headers = new Headers({ Accept: 'application/json' })
  for (const extra of [
    client.config.headers,
    built.headers,
    options?.headers,
  ]) {
    new Headers(extra).forEach((value, name) => headers.set(name, value))
  }
  const version = options?.version ?? operation.version
  if (version) headers.set('Version', version)
  // A multipart body sets its own Content-Type, with the boundary.
  if (built.contentType) headers.set('Content-Type', built.contentType)
  else headers.delete('Content-Type')

  // One deadline for the whole call: waiting for a token refresh, the
  // request, its retries and a retry after a 401.
  const timeout = options?.timeout ?? client.config.timeout
  const signal = withTimeout([options?.signal, client.config.signal], timeout)
  const request = { client, operation, params, body, options }
  const resource = findResourceIds([options, params, body])
  const response = await sendAuthorized(request, signal, (token) =>
    sendRequest(client, {
      operation: operation.id,
      definition: operation,
      method: operation.method,
      path: built.path,
      headers: withToken(headers, token),
      body: built.body,
      responseType: operation.responseType,
      timeout,
      signal,
      retry: options?.retry,
      hooks: options,
      resource: resource.locationId ?? resource.companyId,
    }),
  )
  return response.data as TResponse
}

function withToken(headers: Headers, token: string | undefined): Headers {
  if (token) headers.set('Authorization', `Bearer ${token}`)
  return headers
}

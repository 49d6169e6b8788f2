import { sendAuthorized } from '../auth/send-authorized'
import type { Client, RequestOptions } from '../client/types'
import { buildRequest } from './build-request'
import { findResourceIds } from './find-resource-ids'
import type { Operation } from './operation'
import { sendRequest } from './send-request'

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
  const built = buildRequest(operation, params, body)
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...client.config.headers,
    ...built.headers,
    ...options?.headers,
  }
  const version = options?.version ?? operation.version
  if (version) headers.Version = version
  if (built.contentType) headers['Content-Type'] = built.contentType

  const request = { client, operation, params, body, options }
  const resource = findResourceIds([options, params, body])
  const response = await sendAuthorized(request, (token) =>
    sendRequest(client, {
      operation: operation.id,
      definition: operation,
      method: operation.method,
      path: built.path,
      headers: token
        ? { ...headers, Authorization: `Bearer ${token}` }
        : headers,
      body: built.body,
      responseType: operation.responseType,
      timeout: options?.timeout ?? client.config.timeout,
      signal: options?.signal,
      retry: options?.retry,
      hooks: options,
      resource: resource.locationId ?? resource.companyId,
    }),
  )
  return response.data as TResponse
}

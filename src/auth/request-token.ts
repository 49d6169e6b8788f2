import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'
import { sendRequest } from '../core/send-request'
import type { OAuthSession } from './sessions'

/** Milliseconds a token request may take; the store's lock lasts longer. */
export const TOKEN_TIMEOUT = 10_000

/**
 * POSTs a form to HighLevel's `/oauth/token` with the app's credentials.
 * No `Authorization` header is ever sent there: a private integration
 * token is not an OAuth credential.
 */
export async function requestToken(
  client: Client,
  operation: string,
  resourceId: string,
  form: Record<string, string | undefined>,
): Promise<OAuthSession> {
  const body = new URLSearchParams()
  const { clientId, clientSecret } = client.config
  for (const [name, value] of Object.entries({
    client_id: clientId,
    client_secret: clientSecret,
    ...form,
  })) {
    if (value) body.append(name, value)
  }
  // Waiters and the store's lock rely on a refresh ending: at most
  // TOKEN_TIMEOUT, shorter when the client's own timeout is.
  const timeout = Math.min(
    client.config.timeout ?? TOKEN_TIMEOUT,
    TOKEN_TIMEOUT,
  )
  try {
    const { data } = await sendRequest(client, {
      operation,
      method: 'POST',
      path: '/oauth/token',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
      timeout,
      signal: AbortSignal.timeout(timeout),
      secrets: [clientSecret, form.refresh_token, form.code],
      // A repeated refresh would spend the new refresh token on a retry.
      retry: 0,
    })
    return data as OAuthSession
  } catch (error) {
    throw classifyTokenError(operation, resourceId, error)
  }
}

/**
 * Names a failed token request by what to do about it. Whatever the
 * reason, the stored session was not touched.
 */
export function classifyTokenError(
  operation: string,
  resourceId: string,
  error: unknown,
) {
  const { status, body, url, code } = error as HighLevelError
  // Only failures of the request itself have a url; errors raised before
  // sending already say what to do.
  if (!url || code === 'aborted') return error
  const reply = `${status ?? code} ${JSON.stringify(body ?? '')}`
  // `reauthorize`: install the app again; `refresh_failed`: try later.
  const newCode = /not active/i.test(reply)
    ? 'location_inactive'
    : !status || status === 429 || status > 499
      ? 'refresh_failed'
      : 'reauthorize'
  return new HighLevelError(
    `${operation}: ${newCode}: the token request for ${resourceId} got ` +
      reply +
      (operation === 'exchangeAuthorizationCode'
        ? ''
        : '; the stored session was kept'),
    { code: newCode, operation, status, body, cause: error },
  )
}

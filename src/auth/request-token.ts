import type { Client } from '../client/types'
import { HighLevelError, isHighLevelError } from '../core/error'
import { sendRequest } from '../core/send-request'
import type { OAuthSession } from './sessions'

/**
 * POSTs a form to HighLevel's `/oauth/token` with the app's credentials.
 * No `Authorization` header is ever sent there: a private integration
 * token is not an OAuth credential and must not leave the app.
 */
export async function requestToken(
  client: Client,
  operation: string,
  subject: string,
  form: Record<string, string | undefined>,
): Promise<OAuthSession> {
  const { clientId, clientSecret } = client.config
  if (!clientId || !clientSecret) {
    throw new HighLevelError(
      `${operation}: clientId and clientSecret are needed to request tokens`,
      { code: 'invalid_config', operation },
    )
  }
  const body = new URLSearchParams({
    client_id: clientId,
    client_secret: clientSecret,
  })
  for (const [name, value] of Object.entries(form)) {
    if (value) body.append(name, value)
  }

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
    })
    return data as OAuthSession
  } catch (error) {
    throw classifyTokenError(operation, subject, error)
  }
}

/**
 * Turns a failed token request into an error that says what to do. The
 * stored session is never touched on failure, whatever the reason.
 */
export function classifyTokenError(
  operation: string,
  subject: string,
  error: unknown,
): unknown {
  // Only failures of the request itself carry a url; auth and input
  // errors raised before sending already say what to do.
  if (!isHighLevelError(error) || !error.url || error.code === 'aborted') {
    return error
  }
  const { status, body } = error
  const reply = status ? ` (${status}: ${JSON.stringify(body)})` : ''

  let code: 'location_inactive' | 'refresh_failed' | 'reauthorize'
  let message: string
  if (/not active|inactive/i.test(reply)) {
    code = 'location_inactive'
    message = `${subject} is not active${reply}; its stored session was kept`
  } else if (!status || status === 429 || status >= 500) {
    code = 'refresh_failed'
    message =
      `the token request for ${subject} failed${reply || ` (${error.code})`}` +
      '; the stored session was kept, try again later'
  } else {
    code = 'reauthorize'
    message =
      `HighLevel refused the token request for ${subject}${reply}; ` +
      'the app must be authorised again (see getAuthorizationUrl)'
  }
  return new HighLevelError(`${operation}: ${message}`, {
    code,
    operation,
    status,
    body,
    cause: error,
  })
}

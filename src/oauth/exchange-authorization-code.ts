import { requestToken } from '../auth/request-token'
import { writeSession, type OAuthSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'

/** Options of `exchangeAuthorizationCode`. */
export interface ExchangeAuthorizationCodeOptions {
  /** The `code` query parameter HighLevel put on the redirect URI. */
  code: string
  /** The redirect URI the authorization URL named. */
  redirectUri?: string
  /** `Company` for an agency-level install; `Location` by default. */
  userType?: 'Location' | 'Company'
}

/**
 * Trades the authorization code of the OAuth callback for a session,
 * stores it under the location (or company) it belongs to and returns it.
 *
 * @example
 * app.get('/oauth/callback', async (req, res) => {
 *   const session = await exchangeAuthorizationCode(client, { code: req.query.code })
 *   res.send(`Installed on ${session.locationId ?? session.companyId}`)
 * })
 */
export async function exchangeAuthorizationCode(
  client: Client,
  options: ExchangeAuthorizationCodeOptions,
): Promise<OAuthSession> {
  if (typeof options?.code !== 'string' || !options.code) {
    throw new HighLevelError('exchangeAuthorizationCode: code is required', {
      code: 'invalid_input',
      operation: 'exchangeAuthorizationCode',
    })
  }
  if (!client.config.clientSecret) {
    throw new HighLevelError(
      'exchangeAuthorizationCode: the client needs clientId and clientSecret',
      { code: 'invalid_config', operation: 'exchangeAuthorizationCode' },
    )
  }
  const tokens = await requestToken(
    client,
    'exchangeAuthorizationCode',
    'an authorization code',
    {
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      user_type: options.userType ?? 'Location',
    },
  )

  const resourceId =
    tokens.userType === 'Company' || !tokens.locationId
      ? tokens.companyId
      : tokens.locationId
  if (!resourceId) {
    throw new HighLevelError(
      'exchangeAuthorizationCode: the token response names no location ' +
        'or company, so the session could not be stored',
      { code: 'invalid_response', operation: 'exchangeAuthorizationCode' },
    )
  }
  return writeSession(client, resourceId, tokens)
}

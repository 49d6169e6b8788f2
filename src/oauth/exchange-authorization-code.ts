import { requestToken } from '../auth/request-token'
import { writeSession, type OAuthSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'
import { completePendingInstalls } from '../webhooks/pending-installs'

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
 * A company session also completes the installs that webhooks recorded as
 * pending because they came before it (`completePendingInstalls`).
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
  const session = await writeSession(client, resourceId, tokens)
  if (resourceId === tokens.companyId) {
    // Installs that arrived (by webhook) before this company session can
    // be completed now. A failure leaves them pending, to be completed on
    // the company's next INSTALL or the location's first use.
    await completePendingInstalls(client, { companyId: resourceId }).catch(
      (error) =>
        client.logger.warn(
          `exchangeAuthorizationCode: pending installs of ${resourceId} ` +
            `stay pending: ${(error as Error).message}`,
        ),
    )
  }
  return session
}

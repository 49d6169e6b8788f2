import type { TokenRequest, TokenResolver } from '../client/types'
import { HighLevelError } from '../core/error'
import { findResourceIds } from '../core/find-resource-ids'
import { describeToken } from './describe-token'
import { isFresh, renewSession } from './renew-session'
import { readSession } from './sessions'

/**
 * Picks the token of each call from the operation's security requirement
 * names: the private integration token, else a static agency or location
 * token, else the stored OAuth session of the location or company the
 * call is about, renewed when it is about to expire.
 */
export function createTokenResolver(): TokenResolver {
  // Calls whose token was renewed already: a 401 on a token that new is
  // not the session's fault, and one renewal per call is the rule.
  const renewed = new WeakSet<TokenRequest>()
  // `refused`: the session token a 401 answered; renew it for one retry.
  const resolve = async (request: TokenRequest, refused?: string) => {
    const choice = chooseCredential(request)
    if (typeof choice !== 'object') return refused ? undefined : choice
    if (renewed.has(request)) return
    const { client } = request
    let session = refused ? undefined : await readSession(client, choice[0])
    if (!session || !isFresh(client, session)) {
      renewed.add(request)
      session = await renewSession(
        client,
        choice[0],
        refused ?? session?.access_token,
        choice[1],
      )
    }
    return session.access_token
  }
  return { getToken: (request) => resolve(request), refreshToken: resolve }
}

const ANY_TOKEN = ['Location-Access', 'Agency-Access']

/** A configured token, or the resource id (and company) of a session. */
function chooseCredential({
  client: { config },
  operation,
  params,
  body,
  options,
}: TokenRequest): string | [string, string?] | undefined {
  // The token endpoint authenticates with the client secret; no bearer
  // token, least of all a private integration token, is sent there.
  if (/^\/oauth\/token\/*$/.test(operation.path)) return undefined
  // 14 operations declare no security (docs/spec-defects.md), yet the API
  // wants a token there as everywhere else: any kind will do.
  const names = operation.security[0] ? operation.security : ANY_TOKEN
  const oauth = config.clientId
  if (
    config.privateIntegrationToken &&
    !(oauth && names.every((name) => name.endsWith('-Only')))
  ) {
    return config.privateIntegrationToken
  }

  // Parameter keys are camelCase even where the wire name is `location_id`;
  // an id in options wins, and options are never sent.
  const { locationId, companyId } = findResourceIds([options, params, body])
  const acceptsAgency = names.some((name) => name.startsWith('Agency'))
  const acceptsLocation = names.some((name) => !name.startsWith('Agency'))
  const location =
    acceptsLocation && !!(config.locationAccessToken || locationId)
  const agency = acceptsAgency && !!(config.agencyAccessToken || companyId)
  const type =
    location && agency
      ? (options?.preferredTokenType ?? config.preferredTokenType)
      : agency || !acceptsLocation
        ? 'agency'
        : 'location'

  const token =
    type === 'agency' ? config.agencyAccessToken : config.locationAccessToken
  // An expired static token gives way to a stored session, if any.
  if (token && !(oauth && describeToken(token).expiresAt! < Date.now())) {
    return token
  }
  if (!oauth) return config.locationAccessToken ?? config.agencyAccessToken

  const resourceId = type === 'agency' ? companyId : locationId
  if (!resourceId) {
    const hints = [
      acceptsLocation && 'locationId',
      acceptsAgency && 'companyId',
    ]
    throw new HighLevelError(
      `${operation.id}: pass options.` +
        hints.filter(Boolean).join(' or options.') +
        ': no parameter names the OAuth session to use',
      { code: 'invalid_input', operation: operation.id },
    )
  }
  return [resourceId, companyId]
}

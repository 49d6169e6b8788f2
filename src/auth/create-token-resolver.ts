import type { TokenRequest, TokenResolver, TokenType } from '../client/types'
import { HighLevelError } from '../core/error'
import { describeToken } from './describe-token'
import { isFresh, renewSession } from './renew-session'
import { readSession } from './sessions'

/** The stored session a call uses, when no configured token fits. */
interface SessionChoice {
  type: TokenType
  resourceId: string
  companyId?: string
}

/**
 * Picks the token of each call from the operation's security requirement
 * names: the private integration token, else a static agency or location
 * token, else the stored OAuth session of the location or company the
 * call is about, refreshed when it is about to expire.
 */
export function createTokenResolver(): TokenResolver {
  return {
    refreshes: new Map(),

    async getToken(request) {
      const choice = chooseCredential(request)
      if (typeof choice !== 'object') return choice

      const { client } = request
      let session = await readSession(client, choice.resourceId)
      if (!session || !isFresh(client, session)) {
        session = await renewSession(
          client,
          choice.resourceId,
          session?.access_token,
          choice.companyId,
        )
      }
      return session.access_token
    },

    async refreshToken(request, refused) {
      const choice = chooseCredential(request)
      if (typeof choice !== 'object') return undefined
      const session = await renewSession(
        request.client,
        choice.resourceId,
        refused,
        choice.companyId,
      )
      return session.access_token
    },
  }
}

function chooseCredential(
  request: TokenRequest,
): string | SessionChoice | undefined {
  const { client, operation, params, body, options } = request
  const config = client.config
  const names = operation.security
  // The token endpoint authenticates with the client secret; no bearer
  // token (least of all a private integration token) is ever sent there.
  if (!names.length || operation.path === '/oauth/token') return undefined

  const oauth = !!config.clientId
  const oauthOnly = names.every((name) => name.endsWith('-Only'))
  if (config.privateIntegrationToken && !(oauth && oauthOnly)) {
    return config.privateIntegrationToken
  }

  const acceptsAgency = names.some((name) => name.startsWith('Agency'))
  const acceptsLocation = names.some((name) => !name.startsWith('Agency'))
  // Parameter keys are camelCase even where the wire name is `location_id`;
  // an id in options wins, and options are never sent.
  const sources = [options, params, body] as Record<string, unknown>[]
  const find = (key: string) =>
    sources
      .map((source) => source?.[key])
      .find((id) => id && typeof id === 'string') as string | undefined
  const locationId = find('locationId')
  const companyId = find('companyId')
  const location =
    acceptsLocation && !!(config.locationAccessToken || locationId)
  const agency = acceptsAgency && !!(config.agencyAccessToken || companyId)
  const type =
    location && agency
      ? (options?.preferredTokenType ?? config.preferredTokenType ?? 'location')
      : agency || (!location && !acceptsLocation)
        ? 'agency'
        : 'location'

  const token =
    type === 'agency' ? config.agencyAccessToken : config.locationAccessToken
  const expiresAt = token ? describeToken(token).expiresAt : undefined
  if (token && (!oauth || !expiresAt || expiresAt > Date.now())) return token
  if (!oauth) {
    return config.locationAccessToken ?? config.agencyAccessToken
  }

  const resourceId = type === 'agency' ? companyId : locationId
  if (!resourceId) {
    const hint = type === 'agency' ? 'companyId' : 'locationId'
    throw new HighLevelError(
      `${operation.id}: cannot tell whose OAuth session to use; this ` +
        `operation names no ${hint} in its parameters, so pass ` +
        `options.${hint} (e.g. { ${hint}: '...' } as the last argument)`,
      { code: 'invalid_input', operation: operation.id },
    )
  }
  return { type, resourceId, companyId }
}

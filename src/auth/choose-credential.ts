import type { TokenRequest } from '../client/types'
import { HighLevelError } from '../core/error'
import { findResourceIds } from '../core/find-resource-ids'

const ANY_TOKEN = ['Location-Access', 'Agency-Access']

/**
 * The credential of a call: a configured token, or the resource id (and
 * company) of the OAuth session to use; `undefined` to send no token.
 * `isExpired` lets an OAuth client skip an expired static token.
 */
export async function chooseCredential(
  { client: { config }, operation, params, body, options }: TokenRequest,
  isExpired?: (token: string) => Promise<boolean>,
): Promise<string | [string, string?] | undefined> {
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
  if (token && !(oauth && (await isExpired?.(token)))) {
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

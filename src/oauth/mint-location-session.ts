import { mintSession } from '../auth/mint-session'
import type { OAuthSession } from '../auth/sessions'
import type { Client, RequestOptions } from '../client/types'
import { HighLevelError } from '../core/error'

/**
 * Gets a location access token from the stored session of the company
 * (agency) that owns the location, stores it as the location's session
 * (with `userType: 'Location'` and the `companyId`, which the response
 * lacks) and returns it.
 *
 * @example
 * // on an INSTALL webhook of an agency-level app
 * await mintLocationSession(client, { companyId: 'co_1', locationId: 'loc_1' })
 */
export function mintLocationSession(
  client: Client,
  params: { companyId: string; locationId: string },
  options?: RequestOptions,
): Promise<OAuthSession> {
  const { companyId, locationId } = params ?? {}
  for (const [name, value] of Object.entries({ companyId, locationId })) {
    if (typeof value !== 'string' || !value) {
      throw new HighLevelError(`mintLocationSession: ${name} is required`, {
        code: 'invalid_input',
        operation: 'mintLocationSession',
      })
    }
  }
  return mintSession(client, companyId, locationId, options)
}

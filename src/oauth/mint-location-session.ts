import type { Client, RequestOptions } from '../client/types'
import { callOperation } from '../core/call-operation'
import { HighLevelError } from '../core/error'
import type { Operation } from '../core/operation'
import { classifyTokenError } from '../auth/request-token'
import { writeSession, type OAuthSession } from '../auth/sessions'

// https://marketplace.gohighlevel.com/docs/ghl/oauth/get-location-access-token
const locationTokenOperation: Operation = {
  id: 'mintLocationSession',
  method: 'POST',
  path: '/oauth/locationToken',
  version: '2021-07-28',
  security: ['Agency-Access-Only'],
  body: 'form',
  bodyRequired: true,
}

/**
 * Gets a location access token from the stored session of the company
 * (agency) that owns the location, stores it as the location's session
 * and returns it. The response names neither the company nor the user
 * type, so both are added before storing.
 *
 * @example
 * // on an INSTALL webhook of an agency-level app
 * await mintLocationSession(client, { companyId: 'co_1', locationId: 'loc_1' })
 */
export async function mintLocationSession(
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

  let tokens: OAuthSession
  try {
    tokens = await callOperation<OAuthSession>(
      client,
      locationTokenOperation,
      undefined,
      { companyId, locationId },
      { ...options, companyId, preferredTokenType: 'agency' },
    )
  } catch (error) {
    throw classifyTokenError(
      'mintLocationSession',
      `location ${locationId}`,
      error,
    )
  }
  return writeSession(client, locationId, {
    ...tokens,
    userType: tokens.userType ?? 'Location',
    companyId: tokens.companyId ?? companyId,
    locationId: tokens.locationId ?? locationId,
  })
}

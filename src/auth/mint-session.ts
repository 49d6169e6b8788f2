import type { Client, RequestOptions } from '../client/types'
import { callOperation } from '../core/call-operation'
import type { Operation } from '../core/operation'
import { classifyTokenError } from './request-token'
import { writeSession, type OAuthSession } from './sessions'

// https://marketplace.gohighlevel.com/docs/ghl/oauth/get-location-access-token
const locationToken: Operation = {
  id: 'mintLocationSession',
  method: 'POST',
  path: '/oauth/locationToken',
  version: '2021-07-28',
  security: ['Agency-Access-Only'],
  body: 'form',
  // The body is always the URLSearchParams below: no general form encoder
  // on every call's path (the token resolver mints through here).
  encode: (body) => ({
    body: body as URLSearchParams,
    contentType: 'application/x-www-form-urlencoded',
  }),
}

/**
 * Mints a location session from the stored agency session and stores it.
 * The response names neither the company nor the user type: both are
 * added, so the session can be renewed the same way later.
 */
export async function mintSession(
  client: Client,
  companyId: string,
  locationId: string,
  options?: RequestOptions,
): Promise<OAuthSession> {
  try {
    const tokens = await callOperation<OAuthSession>(
      client,
      locationToken,
      undefined,
      new URLSearchParams({ companyId, locationId }),
      { ...options, companyId, preferredTokenType: 'agency' },
    )
    return await writeSession(client, locationId, {
      userType: 'Location',
      companyId,
      locationId,
      ...tokens,
    })
  } catch (error) {
    throw classifyTokenError('mintLocationSession', locationId, error)
  }
}

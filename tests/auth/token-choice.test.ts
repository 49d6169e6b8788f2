import { describe, expect, it } from 'vitest'
import {
  exchangeAuthorizationCode,
  getAccessToken,
  getCalendars,
  getContact,
  getInstalledLocation,
  getLocation,
  memoryStorage,
  request,
  writeSession,
} from '../../src/index'
import { useTokenServer } from './token-server'

const inAnHour = () => Date.now() + 3_600_000

/** A JWT with the given claims; the signature is never checked. */
const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"HS256"}', JSON.stringify(claims), 'sig']
    .map((part) => Buffer.from(part).toString('base64url'))
    .join('.')

describe('choosing the token of a call', () => {
  const server = useTokenServer()

  const oauthClient = async (config = {}) => {
    const client = server.createOAuthClient({
      storage: memoryStorage(),
      ...config,
    })
    await writeSession(client, 'loc_1', {
      access_token: 'valid-location',
      expire_at: inAnHour(),
      userType: 'Location',
    })
    await writeSession(client, 'co_1', {
      access_token: 'valid-agency',
      expire_at: inAnHour(),
      userType: 'Company',
    })
    return client
  }

  it('prefers the private integration token over sessions', async () => {
    const client = await oauthClient({ privateIntegrationToken: 'valid-pit' })

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-pit')
  })

  it('never sends a private integration token to /oauth/token', async () => {
    const client = await oauthClient({ privateIntegrationToken: 'valid-pit' })

    await getAccessToken(client, {
      client_id: 'app1-suffix',
      client_secret: 'secret-1',
      grant_type: 'authorization_code',
    })
    await exchangeAuthorizationCode(client, { code: 'code-1' })

    expect(server.tokenRequests()).toHaveLength(2)
    for (const request of server.tokenRequests()) {
      expect(request.authorization).toBeUndefined()
    }
  })

  it('sends no token to /oauth/token/ through a raw request either', async () => {
    const client = await oauthClient({ privateIntegrationToken: 'valid-pit' })

    await request(client, {
      method: 'POST',
      path: '/oauth/token/',
      body: new URLSearchParams({ grant_type: 'authorization_code' }),
    }).catch(() => undefined)

    expect(server.requests.at(-1)?.path).toBe('/oauth/token/')
    expect(server.requests.at(-1)?.authorization).toBeUndefined()
  })

  it('names both hints when the call could use either kind of session', async () => {
    const client = await oauthClient()

    const call = request(client, { method: 'GET', path: '/custom' })

    await expect(call).rejects.toThrow(
      /request: pass options.locationId or options.companyId/,
    )
  })

  it('uses the session of the locationId in the parameters', async () => {
    const client = await oauthClient()

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-location')
  })

  it('uses the session named by options.locationId, without sending it', async () => {
    const client = await oauthClient()

    await getContact(client, { contactId: 'c1' }, { locationId: 'loc_1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-location')
    expect(server.requests[0].path).toBe('/contacts/c1')
  })

  it('asks for options.locationId when the call names no location', async () => {
    const client = await oauthClient()

    const call = getContact(client, { contactId: 'c1' })

    await expect(call).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(call).rejects.toThrow(/getContact: pass options.locationId/)
    expect(server.requests).toHaveLength(0)
  })

  it('uses the company session for an agency-only operation', async () => {
    const client = await oauthClient()

    await getInstalledLocation(client, { companyId: 'co_1', appId: 'app1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-agency')
  })

  it('follows preferredTokenType when both kinds would do', async () => {
    const client = await oauthClient()

    await getLocation(
      client,
      { locationId: 'loc_1' },
      { companyId: 'co_1', preferredTokenType: 'agency' },
    )
    await getLocation(client, { locationId: 'loc_1' }, { companyId: 'co_1' })

    expect(server.requests.map((request) => request.authorization)).toEqual([
      'Bearer valid-agency',
      'Bearer valid-location',
    ])
  })

  it('sends a static location token without touching storage', async () => {
    const client = server.createOAuthClient({
      clientId: undefined,
      clientSecret: undefined,
      locationAccessToken: 'valid-static',
    })

    await getContact(client, { contactId: 'c1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-static')
  })

  it('skips an expired static JWT for the stored session', async () => {
    const expired = jwt({ authClass: 'Location', exp: 1_000_000 })
    const client = await oauthClient({ locationAccessToken: expired })

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.requests[0].authorization).toBe('Bearer valid-location')
  })

  it('learns the expiry of a stored JWT without expire_at', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', {
      access_token: jwt({ authClass: 'Location', exp: 1_000_000 }),
      refresh_token: 'refresh-jwt',
    })

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.tokenRequests()).toHaveLength(1)
    expect(server.tokenRequests()[0].form?.get('user_type')).toBe('Location')
  })

  it('refreshes a company JWT session as a Company', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'co_1', {
      access_token: jwt({ authClass: 'Company', exp: 1_000_000 }),
      refresh_token: 'refresh-company',
    })

    await getInstalledLocation(client, { companyId: 'co_1', appId: 'app1' })

    expect(server.tokenRequests()[0].form?.get('user_type')).toBe('Company')
  })

  it('says when no session is stored for the location', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })

    const call = getCalendars(client, { locationId: 'loc_9' })

    await expect(call).rejects.toMatchObject({ code: 'reauthorize' })
    await expect(call).rejects.toThrow(/loc_9/)
  })
})

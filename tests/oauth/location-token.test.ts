import { describe, expect, it } from 'vitest'
import {
  memoryStorage,
  mintLocationSession,
  readSession,
  writeSession,
} from '../../src/index'
import { useTokenServer } from '../auth/token-server'

describe('mintLocationSession', () => {
  const server = useTokenServer()

  const agencyClient = async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'co_1', {
      access_token: 'valid-agency',
      refresh_token: 'refresh-agency',
      expire_at: Date.now() + 3_600_000,
      userType: 'Company',
      companyId: 'co_1',
    })
    return client
  }

  it('posts companyId and locationId form-encoded with the agency token', async () => {
    const client = await agencyClient()

    await mintLocationSession(client, {
      companyId: 'co_1',
      locationId: 'loc_123',
    })

    const [request] = server.locationTokenRequests()
    expect(request.method).toBe('POST')
    expect(request.contentType).toBe('application/x-www-form-urlencoded')
    expect(request.form?.toString()).toBe('companyId=co_1&locationId=loc_123')
    expect(request.authorization).toBe('Bearer valid-agency')
  })

  it('stores the location session with userType and companyId added', async () => {
    const client = await agencyClient()

    const session = await mintLocationSession(client, {
      companyId: 'co_1',
      locationId: 'loc_123',
    })

    expect(await readSession(client, 'loc_123')).toEqual(session)
    expect(session).toMatchObject({
      userType: 'Location',
      companyId: 'co_1',
      locationId: 'loc_123',
    })
    expect(session.expire_at).toBeGreaterThan(Date.now())
  })

  it('refreshes the agency session once when it is refused with 401', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'co_1', {
      access_token: 'revoked-agency',
      refresh_token: 'refresh-agency',
      expire_at: Date.now() + 3_600_000,
      userType: 'Company',
      companyId: 'co_1',
    })

    await mintLocationSession(client, {
      companyId: 'co_1',
      locationId: 'loc_123',
    })

    expect(server.tokenRequests()).toHaveLength(1)
    expect(server.locationTokenRequests()).toHaveLength(2)
  })

  it('keeps the location session when the location is not active', async () => {
    const client = await agencyClient()
    await writeSession(client, 'loc_123', { access_token: 'kept' })
    // HighLevel's answer for a location that is not active.
    const inactive = server.createOAuthClient({
      storage: client.storage,
      fetch: async (input, init) =>
        String(input).includes('/oauth/locationToken')
          ? new Response('{"message":"Location is not active"}', {
              status: 400,
              headers: { 'content-type': 'application/json' },
            })
          : fetch(input, init),
    })

    const call = mintLocationSession(inactive, {
      companyId: 'co_1',
      locationId: 'loc_123',
    })

    await expect(call).rejects.toMatchObject({ code: 'location_inactive' })
    expect((await readSession(client, 'loc_123'))?.access_token).toBe('kept')
  })

  it('requires both ids before sending anything', async () => {
    const client = await agencyClient()

    expect(() =>
      mintLocationSession(client, { companyId: 'co_1' } as never),
    ).toThrow(/locationId is required/)
    expect(server.requests).toHaveLength(0)
  })
})

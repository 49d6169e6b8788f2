import { describe, expect, it } from 'vitest'
import {
  getCalendars,
  memoryStorage,
  readSession,
  writeSession,
} from '../../src/index'
import { expiredSession, useTokenServer } from './token-server'

const fresh = () =>
  expiredSession({
    access_token: 'revoked-access',
    expire_at: Date.now() + 3_600_000,
  })

describe('a 401 from the API', () => {
  const server = useTokenServer()

  it('refreshes once, retries once, then fails with unauthorized', async () => {
    server.answerApi = () => ({ status: 401, body: { message: 'Invalid JWT' } })
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', fresh())

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
    })
    expect(server.tokenRequests()).toHaveLength(1)
    expect(server.apiRequests()).toHaveLength(2)
  })

  it('retries with the refreshed token and succeeds', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', fresh())

    await getCalendars(client, { locationId: 'loc_1' })

    const [first, second] = server.apiRequests()
    expect(first.authorization).toBe('Bearer revoked-access')
    expect(second.authorization).toBe(
      `Bearer ${(await readSession(client, 'loc_1'))?.access_token}`,
    )
  })

  it('does not refresh or retry a private integration token', async () => {
    const client = server.createOAuthClient({
      privateIntegrationToken: 'pit-1',
      storage: memoryStorage(),
    })

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'unauthorized' })
    expect(server.requests).toHaveLength(1)
  })

  it('does not refresh twice when the session was renewed for this call', async () => {
    server.answerApi = () => ({ status: 401, body: { message: 'Invalid JWT' } })
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', expiredSession())

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'unauthorized' })
    expect(server.tokenRequests()).toHaveLength(1)
    expect(server.apiRequests()).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'
import {
  getCalendars,
  getSessionKey,
  memoryStorage,
  readSession,
  writeSession,
  withConfig,
  type StorageAdapter,
} from '../../src/index'
import { expiredSession, useTokenServer } from './token-server'

describe('refreshing an expired session', () => {
  const server = useTokenServer()

  it('makes one token request for 50 concurrent calls, all succeed', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', expiredSession())

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        getCalendars(client, { locationId: 'loc_1' }),
      ),
    )

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50)
    expect(server.tokenRequests()).toHaveLength(1)
  })

  it('makes one token request when a client and one derived with withConfig refresh together', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    const derived = withConfig(client, { timeout: 5000 })
    await writeSession(client, 'loc_1', expiredSession())

    await Promise.all([
      getCalendars(client, { locationId: 'loc_1' }),
      getCalendars(derived, { locationId: 'loc_1' }),
    ])

    expect(server.tokenRequests()).toHaveLength(1)
  })

  it('sends the refresh token with the app credentials, form-encoded', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', expiredSession())

    await getCalendars(client, { locationId: 'loc_1' })

    const [request] = server.tokenRequests()
    expect(request.authorization).toBeUndefined()
    expect(Object.fromEntries(request.form!)).toEqual({
      client_id: 'app1-suffix',
      client_secret: 'secret-1',
      grant_type: 'refresh_token',
      refresh_token: 'refresh-old',
      user_type: 'Location',
    })
  })

  it('stores the new session before any caller uses it', async () => {
    const events: string[] = []
    const inner = memoryStorage()
    const storage: StorageAdapter = {
      ...inner,
      async set(key, value, options) {
        events.push('stored')
        await inner.set(key, value, options)
      },
    }
    const client = server.createOAuthClient({
      storage,
      fetch: (input, init) => {
        if (!String(input).includes('/oauth/')) events.push('api call')
        return fetch(input, init)
      },
    })
    await inner.set(getSessionKey(client, 'loc_1'), expiredSession())

    await Promise.all([
      getCalendars(client, { locationId: 'loc_1' }),
      getCalendars(client, { locationId: 'loc_1' }),
    ])

    expect(events).toEqual(['stored', 'api call', 'api call'])
    expect((await readSession(client, 'loc_1'))?.refresh_token).not.toBe(
      'refresh-old',
    )
  })

  it('refreshes ahead of expiry within the margin', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(
      client,
      'loc_1',
      expiredSession({ expire_at: Date.now() + 2 * 60_000 }),
    )

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.tokenRequests()).toHaveLength(1)
  })

  it('does not refresh a session that expires after the margin', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(
      client,
      'loc_1',
      expiredSession({
        access_token: 'valid-1',
        expire_at: Date.now() + 10 * 60_000,
      }),
    )

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.tokenRequests()).toHaveLength(0)
  })

  it('shares one refresh between two clients on one store in a process', async () => {
    const storage = memoryStorage()
    const first = server.createOAuthClient({ storage })
    const second = server.createOAuthClient({ storage })
    await writeSession(first, 'loc_1', expiredSession())

    await Promise.all([
      getCalendars(first, { locationId: 'loc_1' }),
      getCalendars(second, { locationId: 'loc_1' }),
    ])

    expect(server.tokenRequests()).toHaveLength(1)
  })
})

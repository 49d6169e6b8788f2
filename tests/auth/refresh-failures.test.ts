import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  getCalendars,
  getSessionKey,
  memoryStorage,
  readSession,
  writeSession,
} from '../../src/index'
import { expiredSession, useTokenServer } from './token-server'

describe('a refresh that fails', () => {
  const server = useTokenServer()

  const setUp = async () => {
    const storage = memoryStorage()
    const client = server.createOAuthClient({ storage })
    await writeSession(client, 'loc_1', expiredSession())
    const before = await storage.get(getSessionKey(client, 'loc_1'))
    return { client, storage, before }
  }

  it('keeps the session and says so when the location is not active', async () => {
    server.answerToken = () => ({
      status: 400,
      body: { message: 'Location is not active' },
    })
    const { client, storage, before } = await setUp()

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'location_inactive' })
    await expect(call).rejects.toThrow(/Location is not active/)
    await expect(call).rejects.toThrow(/stored session was kept/)
    expect(await storage.get(getSessionKey(client, 'loc_1'))).toEqual(before)
  })

  it('asks to re-authorise when the refresh token was already used', async () => {
    const { client, storage, before } = await setUp()
    const other = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(other, 'loc_1', expiredSession())
    await getCalendars(other, { locationId: 'loc_1' })

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'reauthorize' })
    expect(await storage.get(getSessionKey(client, 'loc_1'))).toEqual(before)
  })

  it('reports a 5xx as retryable and keeps the session', async () => {
    server.answerToken = () => ({ status: 503, body: { message: 'down' } })
    const { client, storage, before } = await setUp()

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({
      code: 'refresh_failed',
      status: 503,
    })
    expect(await storage.get(getSessionKey(client, 'loc_1'))).toEqual(before)
  })

  it('reports an unreachable token endpoint as retryable', async () => {
    const { client } = await setUp()
    const offline = server.createOAuthClient({
      storage: client.storage,
      fetch: async (input, init) => {
        if (String(input).includes('/oauth/token')) {
          throw new TypeError('fetch failed')
        }
        return fetch(input, init)
      },
    })

    const call = getCalendars(offline, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'refresh_failed' })
    expect((await readSession(client, 'loc_1'))?.access_token).toBe(
      'old-access',
    )
  })

  it('never leaks the refresh token or client secret in the error', async () => {
    server.answerToken = () => ({
      status: 400,
      body: { error: 'invalid_grant' },
    })
    const { client } = await setUp()

    const error = await getCalendars(client, { locationId: 'loc_1' }).catch(
      (caught) => caught,
    )

    const text = [error.message, JSON.stringify(error), String(error.stack)]
    expect(text.join(' ')).not.toMatch(/refresh-old|secret-1|old-access/)
  })

  it('mints a location token from the company session when refresh is refused', async () => {
    const { client } = await setUp()
    await writeSession(client, 'co_1', {
      access_token: 'valid-agency',
      refresh_token: 'refresh-agency',
      expire_at: Date.now() + 3_600_000,
      userType: 'Company',
      companyId: 'co_1',
    })
    server.answerToken = (form) =>
      form.get('refresh_token') === 'refresh-old'
        ? { status: 400, body: { error: 'invalid_grant' } }
        : undefined

    await getCalendars(client, { locationId: 'loc_1' })

    const [mint] = server.locationTokenRequests()
    expect(mint.authorization).toBe('Bearer valid-agency')
    expect(await readSession(client, 'loc_1')).toMatchObject({
      userType: 'Location',
      companyId: 'co_1',
      locationId: 'loc_1',
    })
  })

  it('goes on with a token that still works when a refresh ahead of expiry fails', async () => {
    server.answerToken = () => ({
      status: 502,
      body: { message: 'Bad gateway' },
    })
    const warnings: string[] = []
    const storage = memoryStorage()
    const client = server.createOAuthClient({
      storage,
      logLevel: 'warn',
      logger: { warn: (line: string) => warnings.push(line) },
    })
    // Inside the 5-minute margin, but valid for two more minutes.
    await writeSession(client, 'loc_1', {
      ...expiredSession({ access_token: 'valid-still' }),
      expire_at: Date.now() + 120_000,
    })

    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.apiRequests()[0].authorization).toBe('Bearer valid-still')
    expect(warnings[0]).toMatch(
      /getCalendars: the session of loc_1 was not refreshed ahead of expiry \(refreshSession: refresh_failed/,
    )
    expect(warnings.join('\n')).not.toMatch(/secret-1|refresh-old/)
  })

  it('masks the refresh token when the token endpoint echoes it', async () => {
    server.answerToken = (form) => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `refresh token reused: ${form.get('refresh_token')}`,
      },
    })
    const { client } = await setUp()

    const error = await getCalendars(client, { locationId: 'loc_1' }).catch(
      (error: unknown) => error,
    )

    expect(error).toMatchObject({
      code: 'reauthorize',
      operation: 'refreshSession',
    })
    const text = inspect(error, { depth: 6 }) + JSON.stringify(error)
    expect(text).toContain('refresh token reused')
    expect(text).not.toMatch(/refresh-old|secret-1/)
  })
})

import { describe, expect, it } from 'vitest'
import {
  getCalendars,
  memoryStorage,
  readSession,
  writeSession,
} from '../../src/index'
import { expiredSession, useTokenServer, type Reply } from './token-server'

describe('the deadline of a call that waits for a refresh', () => {
  const server = useTokenServer()

  /** `/oauth/token` answers after `ms`; `answered` says whether it has. */
  const slowTokenEndpoint = (ms: number) => {
    const state = { answered: false }
    server.answerToken = () =>
      new Promise<Reply>((resolve) =>
        setTimeout(() => {
          state.answered = true
          resolve({
            status: 200,
            body: {
              access_token: 'valid-slow',
              refresh_token: 'refresh-slow',
              expires_in: 86399,
              userType: 'Location',
              locationId: 'loc_1',
            },
          })
        }, ms),
      ) as never
    return state
  }

  it("ends with the client's timeout while the token endpoint hangs", async () => {
    const token = slowTokenEndpoint(2_000)
    const client = server.createOAuthClient({
      storage: memoryStorage(),
      timeout: 200,
    })
    await writeSession(client, 'loc_1', expiredSession())

    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'timeout' })
    expect(token.answered).toBe(false)
    expect(server.apiRequests()).toHaveLength(0)
  })

  it('ends at once when the caller aborts, and the refresh still lands', async () => {
    const token = slowTokenEndpoint(300)
    const client = server.createOAuthClient({ storage: memoryStorage() })
    await writeSession(client, 'loc_1', expiredSession())
    const controller = new AbortController()

    const call = getCalendars(
      client,
      { locationId: 'loc_1' },
      { signal: controller.signal },
    )
    setTimeout(() => controller.abort(), 50)

    await expect(call).rejects.toMatchObject({ code: 'aborted' })
    expect(token.answered).toBe(false)
    // The refresh is shared with other callers: it goes on and is stored.
    await expect
      .poll(async () => (await readSession(client, 'loc_1'))?.refresh_token)
      .toBe('refresh-slow')
    expect(server.apiRequests()).toHaveLength(0)
  })
})

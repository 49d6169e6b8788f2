import { describe, expect, it } from 'vitest'
import {
  deleteSession,
  getCalendars,
  getSessionKey,
  memoryStorage,
  writeSession,
  type StorageAdapter,
} from '../../src/index'
import { expiredSession, useTokenServer } from './token-server'

/** A memory store whose writes fail while `down` is set. */
function flakyStorage() {
  const inner = memoryStorage()
  const storage: StorageAdapter & { down: boolean } = {
    down: false,
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    async set(key, value, options) {
      if (storage.down) throw new Error('store unavailable')
      await inner.set(key, value, options)
    },
  }
  return storage
}

describe('a store that fails right after a refresh', () => {
  const server = useTokenServer()

  it('keeps the renewed session in memory and stores it later', async () => {
    const storage = flakyStorage()
    const logs: string[] = []
    const client = server.createOAuthClient({
      storage,
      logLevel: 'error',
      logger: { error: (line: string) => logs.push(line) },
    })
    await storage.set(getSessionKey(client, 'loc_1'), expiredSession())
    storage.down = true

    await getCalendars(client, { locationId: 'loc_1' })
    // HighLevel spent refresh-old: the new session is the only one left.
    await getCalendars(client, { locationId: 'loc_1' })
    storage.down = false
    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.tokenRequests()).toHaveLength(1)
    const stored = await storage.get(getSessionKey(client, 'loc_1'))
    expect(stored).toMatchObject({ refresh_token: 'refresh-1' })
    expect(logs[0]).toMatch(/store refused the renewed session of loc_1/)
    expect(logs.join('\n')).not.toMatch(/access-1|refresh-1|secret-1/)
  })

  /** A client whose first refresh of loc_1 the store refused. */
  const keptAfterRefusal = async () => {
    const storage = flakyStorage()
    const client = server.createOAuthClient({ storage, logLevel: 'silent' })
    await storage.set(getSessionKey(client, 'loc_1'), expiredSession())
    storage.down = true
    await getCalendars(client, { locationId: 'loc_1' })
    storage.down = false
    return { client, storage }
  }

  it('does not bring back a session deleted since (an UNINSTALL)', async () => {
    const { client, storage } = await keptAfterRefusal()

    await deleteSession(client, 'loc_1')
    const call = getCalendars(client, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'reauthorize' })
    expect(await storage.get(getSessionKey(client, 'loc_1'))).toBeUndefined()
  })

  it('gives way to a session stored since (a new install)', async () => {
    const { client, storage } = await keptAfterRefusal()

    await writeSession(client, 'loc_1', {
      access_token: 'valid-reinstalled',
      refresh_token: 'refresh-reinstalled',
      expires_in: 86399,
    })
    await getCalendars(client, { locationId: 'loc_1' })

    expect(server.apiRequests().at(-1)?.authorization).toBe(
      'Bearer valid-reinstalled',
    )
    expect(await storage.get(getSessionKey(client, 'loc_1'))).toMatchObject({
      refresh_token: 'refresh-reinstalled',
    })
  })

  it('is never handed to a client of another store', async () => {
    await keptAfterRefusal()
    const other = server.createOAuthClient({ storage: memoryStorage() })

    const call = getCalendars(other, { locationId: 'loc_1' })

    await expect(call).rejects.toMatchObject({ code: 'reauthorize' })
    expect(server.apiRequests()).toHaveLength(1)
  })
})

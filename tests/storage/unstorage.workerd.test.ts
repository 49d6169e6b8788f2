import { env } from 'cloudflare:workers'
import { createStorage } from 'unstorage'
import cloudflareKVBindingDriver from 'unstorage/drivers/cloudflare-kv-binding'
import { describe, expect, it } from 'vitest'
import {
  createClient,
  getCalendars,
  readSession,
  writeSession,
} from '../../src/index'
import { unstorageStorage } from '../../src/storage/unstorage'

// Runs inside workerd with a real (local) Workers KV namespace.
const kv = (env as unknown as { SESSIONS: KVNamespace }).SESSIONS
const createKVStorage = () =>
  unstorageStorage(
    createStorage({ driver: cloudflareKVBindingDriver({ binding: kv }) }),
  )

describe('unstorageStorage on Workers KV', () => {
  it('stores a session as JSON in the KV namespace and reads it back', async () => {
    const storage = createKVStorage()

    await storage.set('highlevel:app1:loc_1', { access_token: 'a', n: 1 })

    expect(await storage.get('highlevel:app1:loc_1')).toEqual({
      access_token: 'a',
      n: 1,
    })
    expect(await kv.get('highlevel:app1:loc_1', 'json')).toEqual({
      access_token: 'a',
      n: 1,
    })
  })

  it('gives undefined for a missing key and after delete', async () => {
    const storage = createKVStorage()
    await storage.set('highlevel:app1:gone', { access_token: 'a' })

    await storage.delete('highlevel:app1:gone')

    expect(await storage.get('highlevel:app1:gone')).toBeUndefined()
    expect(await storage.get('highlevel:app1:never')).toBeUndefined()
  })

  it('passes a ttl to KV as an expiration of at least 60 s', async () => {
    const storage = createKVStorage()

    await storage.set('seen:w1', true, { ttl: 5_000 })

    const { keys } = await kv.list({ prefix: 'seen:w1' })
    const expiration = keys[0]?.expiration ?? 0
    expect(expiration * 1000).toBeGreaterThan(Date.now() + 50_000)
  })

  it('lists the session keys of one app', async () => {
    const storage = createKVStorage()
    await storage.set('highlevel:app7:loc_1', { access_token: 'a' })
    await storage.set('highlevel:app7:co_1', { access_token: 'b' })
    await storage.set('highlevel:app8:loc_1', { access_token: 'c' })

    const keys = await storage.list!('highlevel:app7:')

    expect(keys.sort()).toEqual(['highlevel:app7:co_1', 'highlevel:app7:loc_1'])
  })

  it('refreshes an expired session once for concurrent calls', async () => {
    let tokenRequests = 0
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    const client = createClient({
      clientId: 'app9-x',
      clientSecret: 's',
      storage: createKVStorage(),
      logLevel: 'silent',
      // HighLevel's token endpoint and API, played inside the worker.
      fetch: async (input, init) => {
        const request = new Request(input, init)
        if (new URL(request.url).pathname === '/oauth/token') {
          tokenRequests++
          return json(200, {
            access_token: 'new',
            refresh_token: 'r2',
            expires_in: 86399,
            userType: 'Location',
          })
        }
        return request.headers.get('authorization') === 'Bearer new'
          ? json(200, { calendars: [] })
          : json(401, { message: 'Invalid JWT' })
      },
    })
    await writeSession(client, 'loc_1', {
      access_token: 'old',
      refresh_token: 'r1',
      expire_at: Date.now() - 1000,
      userType: 'Location',
    })

    await Promise.all(
      Array.from({ length: 10 }, () =>
        getCalendars(client, { locationId: 'loc_1' }),
      ),
    )

    expect(tokenRequests).toBe(1)
    expect((await readSession(client, 'loc_1'))?.refresh_token).toBe('r2')
  })
})

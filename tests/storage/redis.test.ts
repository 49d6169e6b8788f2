import { createClient as createRedisClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCalendars, readSession, writeSession } from '../../src/index'
import { redisStorage } from '../../src/storage/redis'
import { expiredSession, useTokenServer } from '../auth/token-server'
import { findRedisServer, useRedisServer } from './redis-server'

const redisServer = findRedisServer()
if (!redisServer.available) console.warn(`skipped: ${redisServer.reason}`)

describe.runIf(redisServer.available)('redisStorage', () => {
  const server = useTokenServer()
  const redis = useRedisServer()
  type Connection = Awaited<ReturnType<typeof connect>>
  const connect = () => createRedisClient({ url: redis.url() }).connect()
  const connections: Connection[] = []
  let connection: Connection

  beforeAll(async () => {
    connection = await connect()
    connections.push(connection)
  })
  afterAll(async () => {
    for (const open of connections) await open.quit()
  })

  it('stores values as JSON and reads them back', async () => {
    const storage = redisStorage(connection, { prefix: 't1:' })

    await storage.set('a', { access_token: 'x', expire_at: 1 })

    expect(await storage.get('a')).toEqual({ access_token: 'x', expire_at: 1 })
    expect(await connection.get('t1:a')).toBe(
      '{"access_token":"x","expire_at":1}',
    )
  })

  it('gives undefined for a missing key and after delete', async () => {
    const storage = redisStorage(connection, { prefix: 't2:' })
    await storage.set('a', 1)

    await storage.delete('a')

    expect(await storage.get('a')).toBeUndefined()
  })

  it('sets a ttl in milliseconds', async () => {
    const storage = redisStorage(connection, { prefix: 't3:' })

    await storage.set('a', 1, { ttl: 60_000 })

    const ttl = await connection.pTTL('t3:a')
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  it('lists keys by prefix', async () => {
    const storage = redisStorage(connection, { prefix: 't4:' })
    await storage.set('highlevel:app1:loc_1', 1)
    await storage.set('highlevel:app1:loc_2', 1)
    await storage.set('highlevel:app2:loc_1', 1)

    const keys = await storage.list!('highlevel:app1:')

    expect(keys.sort()).toEqual([
      'highlevel:app1:loc_1',
      'highlevel:app1:loc_2',
    ])
  })

  it('lets one holder take the lock until it releases it', async () => {
    const storage = redisStorage(connection, { prefix: 't5:' })

    const release = await storage.lock!('k', 10_000)
    const second = await storage.lock!('k', 10_000)
    await release!()
    const third = await storage.lock!('k', 10_000)

    expect(release).toBeTypeOf('function')
    expect(second).toBeNull()
    expect(third).toBeTypeOf('function')
  })

  it('does not free a lock another holder took after expiry', async () => {
    const storage = redisStorage(connection, { prefix: 't6:' })
    const stale = await storage.lock!('k', 10_000)
    // The first holder's lock expires; a second holder takes it.
    await connection.del('t6:k:lock')
    const current = await storage.lock!('k', 10_000)

    await stale!()

    expect(current).toBeTypeOf('function')
    expect(await storage.lock!('k', 10_000)).toBeNull()
  })

  it('works with an ioredis-shaped client (call)', async () => {
    const ioredisLike = {
      call: (command: string, ...args: string[]) =>
        connection.sendCommand([command, ...args]),
    }
    const storage = redisStorage(ioredisLike, { prefix: 't7:' })

    await storage.set('a', { b: 1 })

    expect(await storage.get('a')).toEqual({ b: 1 })
    expect(await storage.lock!('k', 1000)).toBeTypeOf('function')
  })

  it('two clients on two connections make exactly one token request', async () => {
    const [first, second] = [await connect(), await connect()]
    connections.push(first, second)
    const clientA = server.createOAuthClient({
      storage: redisStorage(first, { prefix: 't8:' }),
    })
    const clientB = server.createOAuthClient({
      storage: redisStorage(second, { prefix: 't8:' }),
    })
    await writeSession(clientA, 'loc_1', expiredSession())

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        getCalendars(index % 2 ? clientA : clientB, { locationId: 'loc_1' }),
      ),
    )

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20)
    expect(server.tokenRequests()).toHaveLength(1)
    expect((await readSession(clientB, 'loc_1'))?.refresh_token).not.toBe(
      'refresh-old',
    )
  })
})

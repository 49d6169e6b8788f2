// Not proven against a MongoDB server: none can run on these machines or
// in CI (no Debian package, no Docker). These tests hold the adapter's
// driver calls to an in-memory collection with MongoDB's semantics.
import { describe, expect, it } from 'vitest'
import { getCalendars, readSession, writeSession } from '../../src/index'
import { mongodbStorage } from '../../src/storage/mongodb'
import { expiredSession, useTokenServer } from '../auth/token-server'
import { createMemoryCollection } from './memory-collection'

describe('mongodbStorage', () => {
  const server = useTokenServer()

  it('creates the unique index of the official SDK on first use', async () => {
    const { collection, indexes } = createMemoryCollection()

    await mongodbStorage(collection).get('highlevel:app1:loc_1')

    expect(indexes).toContainEqual({
      keys: { applicationId: 1, resourceId: 1 },
      options: { unique: true },
    })
  })

  it('writes a session as an official SDK session document', async () => {
    const { collection, documents } = createMemoryCollection()
    const client = server.createOAuthClient({
      storage: mongodbStorage(collection),
    })

    await writeSession(client, 'loc_1', expiredSession())

    expect(documents).toHaveLength(1)
    expect(documents[0]).toMatchObject({
      applicationId: 'app1',
      resourceId: 'loc_1',
      access_token: 'old-access',
      refresh_token: 'refresh-old',
      userType: 'Location',
      companyId: 'co_1',
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    })
  })

  it('reads a document the official SDK wrote, without its metadata', async () => {
    const { collection, documents } = createMemoryCollection()
    const session = {
      access_token: 'sdk-access',
      refresh_token: 'sdk-refresh',
      expires_in: 86399,
      expire_at: Date.now() + 3_600_000,
      userType: 'Location',
      locationId: 'loc_1',
    }
    documents.push({
      _id: 'object-id',
      applicationId: 'app1',
      resourceId: 'loc_1',
      ...session,
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    const client = server.createOAuthClient({
      storage: mongodbStorage(collection),
    })

    expect(await readSession(client, 'loc_1')).toEqual(session)
  })

  it('replaces the document on a second write', async () => {
    const { collection, documents } = createMemoryCollection()
    const storage = mongodbStorage(collection)

    await storage.set('highlevel:app1:loc_1', { access_token: 'a', extra: 1 })
    await storage.set('highlevel:app1:loc_1', { access_token: 'b' })

    expect(documents).toHaveLength(1)
    expect(await storage.get('highlevel:app1:loc_1')).toEqual({
      access_token: 'b',
    })
  })

  it('keeps keys of other data apart from sessions', async () => {
    const { collection, documents } = createMemoryCollection()
    const storage = mongodbStorage(collection)

    await storage.set('highlevel-fetch:webhook:seen:w1', true, { ttl: 60_000 })

    expect(documents[0]).toMatchObject({
      applicationId: 'highlevel-fetch',
      resourceId: 'highlevel-fetch:webhook:seen:w1',
      value: true,
      expiresAt: expect.any(Date),
    })
    expect(await storage.get('highlevel-fetch:webhook:seen:w1')).toBe(true)
  })

  it('reads an entry past its expiresAt as missing', async () => {
    const { collection, documents } = createMemoryCollection()
    const storage = mongodbStorage(collection)
    await storage.set('seen:w1', true, { ttl: 60_000 })

    documents[0].expiresAt = new Date(Date.now() - 1)

    expect(await storage.get('seen:w1')).toBeUndefined()
  })

  it('lists the session keys of one app', async () => {
    const { collection } = createMemoryCollection()
    const storage = mongodbStorage(collection)
    await storage.set('highlevel:app1:loc_1', { access_token: 'a' })
    await storage.set('highlevel:app1:co_1', { access_token: 'b' })
    await storage.set('highlevel:app2:loc_1', { access_token: 'c' })

    const keys = await storage.list!('highlevel:app1:')

    expect(keys.sort()).toEqual(['highlevel:app1:co_1', 'highlevel:app1:loc_1'])
  })

  it('lets one holder take the lock until it releases it', async () => {
    const { collection } = createMemoryCollection()
    const storage = mongodbStorage(collection)

    const release = await storage.lock!('highlevel:app1:loc_1', 10_000)
    const second = await storage.lock!('highlevel:app1:loc_1', 10_000)
    await release!()
    const third = await storage.lock!('highlevel:app1:loc_1', 10_000)

    expect(release).toBeTypeOf('function')
    expect(second).toBeNull()
    expect(third).toBeTypeOf('function')
  })

  it('takes over a lock whose holder let it expire', async () => {
    const { collection, documents } = createMemoryCollection()
    const storage = mongodbStorage(collection)
    await storage.lock!('k', 10_000)

    documents[0].expiresAt = new Date(Date.now() - 1)

    expect(await storage.lock!('k', 10_000)).toBeTypeOf('function')
  })

  it('serves 50 concurrent calls with one token request', async () => {
    const { collection } = createMemoryCollection()
    const client = server.createOAuthClient({
      storage: mongodbStorage(collection),
    })
    await writeSession(client, 'loc_1', expiredSession())

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        getCalendars(client, { locationId: 'loc_1' }),
      ),
    )

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50)
    expect(server.tokenRequests()).toHaveLength(1)
  })
})

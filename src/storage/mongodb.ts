import type { Collection, Document, Filter } from 'mongodb'
import type { StorageAdapter } from './types'

/** The collection methods this adapter calls (a driver `Collection`). */
export type MongoCollectionLike = Pick<
  Collection<Document>,
  | 'createIndex'
  | 'findOne'
  | 'find'
  | 'replaceOne'
  | 'deleteOne'
  | 'deleteMany'
  | 'insertOne'
>

// Locks and keys outside the session layout get an application id of
// their own. The app's webhook ids and pending installs have keys in the
// session layout (`highlevel:<appId>:...`), so they share the app's
// application id, under resource ids no location or company can have.
const OTHER_KEYS = 'highlevel-fetch'
const LOCKS = 'highlevel-fetch:lock'
const METADATA = [
  '_id',
  'applicationId',
  'resourceId',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'boxed',
]

/** `highlevel:<appId>:<resourceId>` → the official SDK's document key. */
function toFilter(key: string): { applicationId: string; resourceId: string } {
  const session = /^highlevel:([^:]+):(.+)$/.exec(key)
  return session
    ? { applicationId: session[1], resourceId: session[2] }
    : { applicationId: OTHER_KEYS, resourceId: key }
}

function toKey({ applicationId, resourceId }: Document): string {
  return applicationId === OTHER_KEYS
    ? resourceId
    : `highlevel:${applicationId}:${resourceId}`
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Keeps sessions in a MongoDB collection laid out as the official
 * HighLevel SDK lays it out: one document per `applicationId` (the client
 * id before its first `-`) and `resourceId` (location or company id),
 * unique on that pair, with the session fields at the top level. Point it
 * at an existing `application_sessions` collection to reuse its sessions.
 *
 * Not yet proven against a MongoDB server: its tests run the driver's
 * calls against an in-memory collection, as no server can run in CI here.
 *
 * @example
 * import { MongoClient } from 'mongodb'
 * import { mongodbStorage } from 'highlevel-fetch/storage/mongodb'
 *
 * const mongo = await new MongoClient(process.env.MONGO_URL).connect()
 * const storage = mongodbStorage(mongo.db('app').collection('application_sessions'))
 */
export function mongodbStorage(
  collection: MongoCollectionLike,
): StorageAdapter {
  let indexes: Promise<unknown> | undefined
  const ready = () =>
    (indexes ??= Promise.all([
      collection.createIndex(
        { applicationId: 1, resourceId: 1 },
        { unique: true },
      ),
      // MongoDB drops an entry once its expiresAt has passed (ttl option).
      collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }),
    ]).catch((error) => {
      indexes = undefined
      throw error
    }))

  return {
    async get(key) {
      await ready()
      const document = await collection.findOne(toFilter(key))
      // The TTL monitor runs once a minute; an expired entry may linger.
      if (!document || document.expiresAt?.getTime() <= Date.now()) {
        return undefined
      }
      if (document.boxed) return document.value
      const value = { ...document }
      for (const field of METADATA) delete value[field]
      return value
    },
    async set(key, value, options) {
      await ready()
      const filter = toFilter(key)
      const plain =
        typeof value === 'object' && value !== null && !Array.isArray(value)
      const now = new Date()
      await collection.replaceOne(
        filter,
        {
          ...filter,
          ...(plain ? (value as Document) : { value, boxed: true }),
          createdAt: now,
          updatedAt: now,
          ...(options?.ttl
            ? { expiresAt: new Date(now.getTime() + options.ttl) }
            : {}),
        },
        { upsert: true },
      )
    },
    async delete(key) {
      await ready()
      await collection.deleteOne(toFilter(key))
    },
    async list(prefix) {
      await ready()
      const session = /^highlevel:([^:]+):(.*)$/.exec(prefix)
      const filter: Filter<Document> = session
        ? {
            applicationId: session[1],
            resourceId: { $regex: `^${escapeRegExp(session[2])}` },
          }
        : {
            applicationId: OTHER_KEYS,
            resourceId: { $regex: `^${escapeRegExp(prefix)}` },
          }
      const documents = await collection
        .find(filter, { projection: { applicationId: 1, resourceId: 1 } })
        .toArray()
      return documents.map(toKey)
    },
    async lock(key, ttl) {
      await ready()
      const filter = { applicationId: LOCKS, resourceId: key }
      await collection.deleteMany({
        ...filter,
        expiresAt: { $lte: new Date() },
      })
      const owner = `${Date.now()}-${Math.random().toString(36).slice(2)}`
      try {
        await collection.insertOne({
          ...filter,
          owner,
          expiresAt: new Date(Date.now() + ttl),
        })
      } catch (error) {
        // 11000: duplicate key, i.e. another process holds the lock.
        if ((error as { code?: number }).code === 11000) return null
        throw error
      }
      return async () => {
        await collection.deleteOne({ ...filter, owner })
      }
    },
  }
}

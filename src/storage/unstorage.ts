import type { Storage } from 'unstorage'
import type { StorageAdapter } from './types'

/**
 * Keeps sessions in an `unstorage` instance, so any of its drivers works:
 * Cloudflare KV, Vercel KV, Upstash, Netlify Blobs, the filesystem...
 *
 * There is no `lock`: most of these stores have no atomic operation to
 * build one on (Workers KV is also eventually consistent). Refreshes are
 * single-flight within one process or isolate only; when two instances
 * do race, the loser re-reads the session the winner stored.
 *
 * @example
 * import { createStorage } from 'unstorage'
 * import cloudflareKVBindingDriver from 'unstorage/drivers/cloudflare-kv-binding'
 * import { unstorageStorage } from 'highlevel-fetch/storage/unstorage'
 *
 * const storage = unstorageStorage(
 *   createStorage({ driver: cloudflareKVBindingDriver({ binding: env.SESSIONS }) }),
 * )
 */
export function unstorageStorage(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'getKeys'>,
): StorageAdapter {
  return {
    async get(key) {
      return (await storage.getItem(key)) ?? undefined
    },
    async set(key, value, options) {
      // unstorage counts ttl in seconds; Workers KV refuses less than 60.
      const ttl = options?.ttl && Math.max(60, Math.ceil(options.ttl / 1000))
      await storage.setItem(key, value as never, ttl ? { ttl } : undefined)
    },
    async delete(key) {
      await storage.removeItem(key)
    },
    async list(prefix) {
      const keys = await storage.getKeys(prefix)
      return keys.filter((key) => key.startsWith(prefix))
    },
  }
}

import type { StorageAdapter } from './types'

/**
 * Keeps entries in a `Map` of this process. The default storage of
 * `createClient`: fine for scripts and tests, but sessions are lost on
 * restart and not shared between instances, so production apps pass a
 * shared store (Redis, MongoDB, unstorage).
 *
 * @example
 * const client = createClient({ clientId, clientSecret, storage: memoryStorage() })
 */
export function memoryStorage(): StorageAdapter {
  const entries = new Map<string, { value: unknown; expiresAt?: number }>()
  const read = (key: string) => {
    const entry = entries.get(key)
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  return {
    async get(key) {
      return read(key)?.value
    },
    async set(key, value, options) {
      const expiresAt = options?.ttl ? Date.now() + options.ttl : undefined
      entries.set(key, { value, expiresAt })
    },
    async delete(key) {
      entries.delete(key)
    },
    async list(prefix) {
      return [...entries.keys()].filter((key) => key.startsWith(prefix))
    },
    async lock(key, ttl) {
      const lockKey = `\0lock:${key}`
      if (read(lockKey)) return null
      const owner = {}
      entries.set(lockKey, { value: owner, expiresAt: Date.now() + ttl })
      return async () => {
        if (read(lockKey)?.value === owner) entries.delete(lockKey)
      }
    },
  }
}

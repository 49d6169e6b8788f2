import type { StorageAdapter } from './types'

/**
 * Keeps entries in a `Map` of this process. The default storage of
 * `createClient`: fine for scripts and tests, but sessions are lost on
 * restart and not shared between instances, so production apps pass a
 * shared store (Redis, MongoDB, unstorage). Concurrent refreshes within
 * the process are already single-flight, so it needs no `lock`.
 *
 * @example
 * const client = createClient({ clientId, clientSecret, storage: memoryStorage() })
 */
export function memoryStorage(): StorageAdapter {
  const entries = new Map<string, [unknown, number]>()
  return {
    async get(key) {
      const [value, expiresAt] = entries.get(key) ?? []
      if (expiresAt! > Date.now()) return value
      entries.delete(key)
    },
    async set(key, value, options) {
      entries.set(key, [value, Date.now() + (options?.ttl || Infinity)])
    },
    async delete(key) {
      entries.delete(key)
    },
  }
}

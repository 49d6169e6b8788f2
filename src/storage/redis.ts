import type { StorageAdapter } from './types'

/**
 * A Redis client of either common Node library: node-redis (`redis`,
 * v4/v5: `sendCommand`) or ioredis (`call`). Only raw commands are used,
 * so both fit without a wrapper.
 */
export type RedisClientLike =
  | { sendCommand(args: string[]): Promise<unknown> }
  | { call(command: string, ...args: string[]): Promise<unknown> }

export interface RedisStorageOptions {
  /** Prepended to every key, e.g. `myapp:`; none by default. */
  prefix?: string
}

// Deletes the lock only if this holder still owns it, so a holder whose
// lock expired cannot free the next holder's.
// https://redis.io/docs/latest/commands/set/#patterns
const RELEASE_LOCK =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then " +
  "return redis.call('DEL', KEYS[1]) end return 0"

/**
 * Keeps sessions in Redis as JSON strings, shared by every process and
 * instance of the app. `lock` is `SET NX PX`, so only one process at a
 * time refreshes a session.
 *
 * @example
 * import { createClient as createRedisClient } from 'redis'
 * import { redisStorage } from 'highlevel-fetch/storage/redis'
 *
 * const redis = await createRedisClient({ url: process.env.REDIS_URL }).connect()
 * const client = createClient({ clientId, clientSecret, storage: redisStorage(redis) })
 */
export function redisStorage(
  redis: RedisClientLike,
  options: RedisStorageOptions = {},
): StorageAdapter {
  const prefix = options.prefix ?? ''
  const run = (...args: string[]) =>
    'sendCommand' in redis
      ? redis.sendCommand(args)
      : redis.call(args[0], ...args.slice(1))

  return {
    async get(key) {
      const text = await run('GET', prefix + key)
      return text == null ? undefined : JSON.parse(String(text))
    },
    async set(key, value, setOptions) {
      const ttl = setOptions?.ttl
      await run(
        'SET',
        prefix + key,
        JSON.stringify(value),
        ...(ttl ? ['PX', String(Math.ceil(ttl))] : []),
      )
    },
    async delete(key) {
      await run('DEL', prefix + key)
    },
    async list(keyPrefix) {
      const pattern = (prefix + keyPrefix).replace(/[*?[\]\\]/g, '\\$&') + '*'
      const keys: string[] = []
      let cursor = '0'
      do {
        const [next, found] = (await run(
          'SCAN',
          cursor,
          'MATCH',
          pattern,
          'COUNT',
          '200',
        )) as [string, string[]]
        cursor = String(next)
        keys.push(...found.map((key) => String(key).slice(prefix.length)))
      } while (cursor !== '0')
      return keys
    },
    async lock(key, ttl) {
      const lockKey = `${prefix}${key}:lock`
      const owner = `${Date.now()}-${Math.random().toString(36).slice(2)}`
      const taken = await run(
        'SET',
        lockKey,
        owner,
        'NX',
        'PX',
        String(Math.ceil(ttl)),
      )
      if (taken == null) return null
      return async () => {
        await run('EVAL', RELEASE_LOCK, '1', lockKey, owner)
      }
    },
  }
}

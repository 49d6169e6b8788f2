/** Options for `StorageAdapter.set`. */
export interface StorageSetOptions {
  /** Milliseconds after which the entry may be dropped. */
  ttl?: number
}

/**
 * Where OAuth sessions (and webhook ids already seen) are kept. Any object
 * with these async methods fits: a Map, Redis, MongoDB, Workers KV, ...
 * Keys are plain strings built by the package; values are JSON-safe.
 */
export interface StorageAdapter {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown, options?: StorageSetOptions): Promise<void>
  delete(key: string): Promise<void>
  /** Keys starting with `prefix`, for listing stored sessions. */
  list?(prefix: string): Promise<string[]>
  /**
   * Takes a lock shared by every process using this store. Resolves to a
   * release function, or `null` when another holder has it.
   */
  lock?(key: string, ttl: number): Promise<(() => Promise<void>) | null>
}

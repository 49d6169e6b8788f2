// The module workerd gives tests run by @cloudflare/vitest-plugin
// (vitest.config.ts binds the KV namespace SESSIONS).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>
}

/** The part of a Workers KV namespace the unstorage driver uses. */
interface KVNamespace {
  get(key: string, type?: string): Promise<unknown>
  put(key: string, value: string, options?: object): Promise<void>
  delete(key: string): Promise<void>
  list(options?: {
    prefix?: string
  }): Promise<{ keys: { name: string; expiration?: number }[] }>
}

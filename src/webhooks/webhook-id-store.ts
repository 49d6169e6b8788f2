import type { Client } from '../client/types'
import type { StorageAdapter } from '../storage/types'

const SEEN_PREFIX = 'highlevel-fetch:webhook:seen:'
const LOCK_PREFIX = 'highlevel-fetch:webhook:lock:'
// Long enough for any handler; a crashed holder's lock expires after it.
const LOCK_TTL = 60_000

export type RunOnceResult = 'done' | 'duplicate' | 'in_progress'

// Deliveries of one id being handled right now in this process, per store.
const inFlight = new WeakMap<
  StorageAdapter,
  Map<string, Promise<RunOnceResult>>
>()
const memoryStores = new WeakMap<object, StorageAdapter>()

/**
 * The store for webhook ids: the one passed in, else the client's storage
 * adapter, else a per-client in-memory map (one process only).
 */
export function resolveWebhookIdStore(
  client: Client,
  store: StorageAdapter | undefined,
): StorageAdapter {
  if (store) return store
  const clientStorage = (client as { storage?: StorageAdapter }).storage
  if (clientStorage) return clientStorage
  let memory = memoryStores.get(client)
  if (!memory) {
    memory = createMemoryStore()
    memoryStores.set(client, memory)
  }
  return memory
}

/**
 * Runs `task` for a webhook id unless it already succeeded. The id is
 * marked seen only after `task` resolves, so a failed delivery can be
 * redelivered; a concurrent delivery of the same id waits for the running
 * one and runs `task` itself only if that one failed.
 */
export async function runOnce(
  store: StorageAdapter,
  webhookId: string,
  ttl: number,
  task: () => Promise<void>,
  onMarkFailed: (error: unknown) => void,
): Promise<RunOnceResult> {
  let running = inFlight.get(store)
  if (!running) {
    running = new Map()
    inFlight.set(store, running)
  }

  const current = running.get(webhookId)
  if (current) {
    const result = await current.catch(() => undefined)
    if (result === undefined) {
      return runOnce(store, webhookId, ttl, task, onMarkFailed)
    }
    return result === 'in_progress' ? result : 'duplicate'
  }

  const attempt = runGuarded(store, webhookId, ttl, task, onMarkFailed)
  running.set(webhookId, attempt)
  try {
    return await attempt
  } finally {
    running.delete(webhookId)
  }
}

async function runGuarded(
  store: StorageAdapter,
  webhookId: string,
  ttl: number,
  task: () => Promise<void>,
  onMarkFailed: (error: unknown) => void,
): Promise<RunOnceResult> {
  const release = store.lock
    ? await store.lock(LOCK_PREFIX + webhookId, LOCK_TTL)
    : undefined
  if (release === null) return 'in_progress'
  try {
    const seen = await store.get(SEEN_PREFIX + webhookId)
    if (seen !== undefined && seen !== null) return 'duplicate'
    await task()
    try {
      await store.set(SEEN_PREFIX + webhookId, Date.now(), { ttl })
    } catch (error) {
      // The handler already ran; answering with an error would only make
      // HighLevel redeliver an event that was processed.
      onMarkFailed(error)
    }
    return 'done'
  } finally {
    await release?.()
  }
}

function createMemoryStore(): StorageAdapter {
  const entries = new Map<string, { value: unknown; expires: number }>()
  return {
    async get(key) {
      const entry = entries.get(key)
      if (entry && entry.expires <= Date.now()) entries.delete(key)
      return entry && entry.expires > Date.now() ? entry.value : undefined
    },
    async set(key, value, options) {
      for (const [stored, entry] of entries) {
        if (entry.expires <= Date.now()) entries.delete(stored)
      }
      entries.set(key, {
        value,
        expires: Date.now() + (options?.ttl ?? Number.POSITIVE_INFINITY),
      })
    },
    async delete(key) {
      entries.delete(key)
    },
  }
}
